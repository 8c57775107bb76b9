// What went wrong talking to Discord → a DeliveryError the delivery layer knows how to handle.
// discord.js is told to reject on rate limits instead of sleeping (rejectOnRateLimit) and to never retry (retries 0),
// so every 429, 5xx and network failure reaches this mapping.
import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { DeliveryError } from '../../src/core/outbound.js';

/** Discord JSON error codes (https://discord.com/developers/docs/topics/opcodes-and-status-codes#json). */
export const CODES = {
  unknownChannel: 10003,
  unknownGuild: 10004,
  unknownMessage: 10008,
  unknownWebhook: 10015,
  unknownInteraction: 10062,
  missingAccess: 50001,
  cannotMessageUser: 50007,
  missingPermissions: 50013,
  invalidWebhookToken: 50027,
  alreadyAcknowledged: 40060,
} as const;

export function isDiscordCode(error: unknown, code: number): boolean {
  return error instanceof DiscordAPIError && error.code === code;
}

/** `permission`: what a 50013 (Missing Permissions) means for the call that got it. */
export function toDeliveryError(error: unknown, what: string, permission = 'SEND_MESSAGES'): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error instanceof RateLimitError) {
    // For a route limit, timeToReset comes from X-RateLimit-Reset-After (the exact retry_after); Retry-After is
    // rounded up to whole seconds. A global or shared limit names its own wait in Retry-After.
    const retryAfterMs = Math.max(1, Math.ceil(error.global ? error.retryAfter : Math.max(error.timeToReset, error.sublimitTimeout, 0) || error.retryAfter));
    return new DeliveryError('rate-limited', `${what}: rate limited (${error.global ? 'global' : error.route})`, { retryAfterMs });
  }
  if (error instanceof DiscordAPIError) {
    const detail = `${what}: ${error.status} ${error.code} ${error.message}`;
    if (error.status === 429) return new DeliveryError('rate-limited', detail, { retryAfterMs: 1000 });
    if (error.code === CODES.unknownChannel || error.code === CODES.unknownGuild) return new DeliveryError('permanent', detail, { chatGone: true });
    // The user does not accept DMs from us: nothing a retry would change.
    if (error.code === CODES.cannotMessageUser) return new DeliveryError('permanent', detail);
    if (error.code === CODES.missingAccess) return new DeliveryError('permanent', detail, { missingPermission: 'VIEW_CHANNEL' });
    if (error.code === CODES.missingPermissions) return new DeliveryError('permanent', detail, { missingPermission: permission });
    if (error.status >= 500) return new DeliveryError('transient', detail);
    return new DeliveryError('permanent', detail);
  }
  if (error instanceof HTTPError) {
    return error.status >= 500 ? new DeliveryError('transient', `${what}: ${error.status} ${error.message}`) : new DeliveryError('permanent', `${what}: ${error.status} ${error.message}`);
  }
  // fetch failures (connection refused, reset, DNS) and our request timeout (AbortError) are worth retrying.
  return new DeliveryError('transient', `${what}: ${(error as Error)?.message ?? String(error)}`);
}
