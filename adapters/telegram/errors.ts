// grammY errors → what the delivery layer acts on (DeliveryError kinds). Shared by sending and file fetching.
import { GrammyError, HttpError } from 'grammy';
import { DeliveryError } from '../../src/core/outbound.js';

/** Maps a grammY error to what the delivery layer acts on. */
export function toDeliveryError(err: unknown, method: string): DeliveryError {
  if (err instanceof DeliveryError) return err;
  if (err instanceof GrammyError) {
    const what = `telegram ${method}: ${err.error_code} ${err.description}`;
    if (err.error_code === 429) {
      return new DeliveryError('rate-limited', what, { retryAfterMs: (err.parameters.retry_after ?? 1) * 1000 });
    }
    // 403: kicked from the group, blocked by the user, no longer a member.
    if (err.error_code === 403) return new DeliveryError('permanent', what, { chatGone: true });
    if (err.error_code === 400) {
      // A group upgraded to a supergroup has a new id (parameters.migrate_to_chat_id); the old one is gone.
      if (/chat not found|PEER_ID_INVALID|upgraded to a supergroup/i.test(err.description) || err.parameters.migrate_to_chat_id) {
        return new DeliveryError('permanent', what, { chatGone: true });
      }
      // Without the "delete messages" right, Telegram refuses to delete others' messages with this wording.
      if (method === 'deleteMessage' && /message can't be deleted/i.test(err.description)) {
        return new DeliveryError('permanent', what, { missingPermission: 'delete_messages' });
      }
      if (/not enough rights|have no rights|CHAT_WRITE_FORBIDDEN|CHAT_RESTRICTED/i.test(err.description)) {
        return new DeliveryError('permanent', what, { missingPermission: 'send_messages' });
      }
      return new DeliveryError('permanent', what);
    }
    // 401 (bad token), 404 (no such method) and 413 (an upload over the limit) will not fix themselves either.
    if (err.error_code === 401 || err.error_code === 404 || err.error_code === 413) return new DeliveryError('permanent', what);
    return new DeliveryError('transient', what);
  }
  if (err instanceof HttpError) return new DeliveryError('transient', `telegram ${method}: network error: ${err.message}`);
  return new DeliveryError('transient', `telegram ${method}: ${err instanceof Error ? err.message : String(err)}`);
}
