// What commands, alerts, FAQ answers and bridge relays produce. Only delivery workers turn these into platform
// calls (adapters/<p>/send.ts); nothing else talks to a platform API.
import type { Attachment, InteractionRef, Platform, QualifiedId } from './envelope.js';

/** A span of formatting over `text`, in UTF-16 offsets. Text itself is never parsed as markup. */
export interface FormatSpan {
  type: 'bold' | 'italic' | 'code' | 'pre' | 'link' | 'strike';
  offset: number;
  length: number;
  url?: string;
}

export interface Button {
  label: string;
  /** Up to 64 bytes (Telegram's callback_data limit), passed back as Envelope.buttonData. */
  data: string;
  /**
   * Telegram: the button opens the private chat with the bot and sends `/start <startPayload>` there (a deep link,
   * `https://t.me/<bot>?start=<payload>`: up to 64 of [A-Za-z0-9_-]) instead of passing `data` back.
   */
  startPayload?: string;
}

/**
 * A file to carry to the target (a bridged photo, voice note, document or sticker), named by where it can be fetched.
 * Jobs never hold file bytes: the delivery worker fetches them from the source platform just before sending.
 */
export interface OutboundFile {
  kind: Attachment['kind'];
  /** The platform that holds the file and its handle there (the source envelope's Attachment.fileRef). */
  source: { platform: Platform; fileRef: string };
  fileName?: string;
  mimeType?: string;
  /** Bytes, when the source said; a file known to be too large is not even fetched. */
  size?: number;
  /** What the copy says instead when the file cannot go (too large, gone, no way to upload), in the target's language. */
  notice: string;
}

/** Text with a file's notice on a line of its own, in italics: how a copy or a digest names a file it cannot carry. */
export function appendNotice(content: { text: string; format: FormatSpan[] }, notice: string): { text: string; format: FormatSpan[] } {
  const text = content.text.trim() === '' ? content.text : `${content.text}\n`;
  return { text: text + notice, format: [...content.format, { type: 'italic', offset: text.length, length: notice.length }] };
}

/** A file's bytes, fetched by the delivery worker just before send() and handed to the adapter; never in a job. */
export interface Upload {
  kind: Attachment['kind'];
  fileName: string;
  mimeType: string;
  data: Buffer;
}

export const MEMBER_ACTIONS = ['restrict', 'unrestrict', 'remove'] as const;
export type MemberAction = (typeof MEMBER_ACTIONS)[number];

/**
 * Platforms that cannot keep one member from posting: `restrict` fails there as permanent with `unsupported`, and a
 * feature deletes that member's messages instead (`unrestrict` succeeds with nothing to lift).
 */
export const NO_MEMBER_RESTRICTION: readonly Platform[] = ['whatsapp'];

export function isMemberAction(action: OutboundMessage['action']): action is MemberAction {
  return (MEMBER_ACTIONS as readonly string[]).includes(action);
}

/**
 * Which feature made an outbound message, and that feature's own reference to it (a help request's number, a relay's
 * source post). The delivery worker routes the message's outcome to that feature's handler (see core/feature.ts).
 */
export interface Origin {
  feature: string;
  ref: Record<string, unknown>;
}

export interface OutboundMessage {
  /**
   * Deterministic id of this outbound message, e.g. `<envelope id>:reply` or `alert:42`. Together with the target
   * it names the delivery job, so a retry or a re-run after a crash never posts twice.
   */
  id: string;
  target: QualifiedId;
  /**
   * send, edit or delete a post; or act on a member of the target chat (`member`): `restrict` keeps them from posting
   * (until `member.untilMs`, or until lifted), `unrestrict` lifts that, `remove` takes them out of the chat (they may
   * join again). Member actions carry no text (`text: ''`).
   */
  action: 'send' | 'edit' | 'delete' | MemberAction;
  text: string;
  format?: FormatSpan[];
  /** Real mentions to produce (qualified user ids); anything else that looks like a mention stays plain text. */
  mentions?: { userId: QualifiedId; offset: number; length: number }[];
  /** Platform message id (qualified) to reply to in the target chat. */
  replyTo?: QualifiedId;
  threadId?: string;
  buttons?: Button[];
  /** For edit/delete: the platform message ids (qualified) of the earlier post. */
  editOf?: QualifiedId[];
  /** Answer through this interaction (Discord slash command) instead of a channel message. */
  interaction?: InteractionRef;
  /** Discord: visible to the invoking user only. Ignored elsewhere. */
  ephemeral?: boolean;
  /** Post under another name and avatar where the platform allows (Discord webhooks); a name prefix elsewhere. */
  identity?: { name: string; avatarUrl?: string };
  /** Delivered even during the target's quiet hours. */
  urgent?: boolean;
  /**
   * The people whose name or words this message carries (a relayed post's author, a command's sender, a help
   * request's author and offerer), so /forgetme finds it while it waits in a queue or a digest.
   */
  people?: QualifiedId[];
  /**
   * Nothing of it is kept once it is delivered (no delivery record, no sent marker, its job removed): /forgetme's
   * confirmation in a private chat must not bring back the chat it has just erased.
   */
  leavesNoTrace?: boolean;
  /**
   * Set by the delivery worker only, on a retry after a long text failed part-way: the number of parts already
   * posted, which send() skips (it returns the ids of the parts it posts; the worker puts the earlier ones first).
   */
  resumeAfter?: number;
  /**
   * Set by the delivery worker only: post at most this many parts (after those skipped by resumeAfter), then return
   * with `more` set. Each part of a long text then waits for the chat's next turn like any other message.
   */
  partLimit?: number;
  origin?: Origin;
  /** For a member action: whom it acts on, and until when a restriction lasts (epoch ms; absent: until lifted). */
  member?: { userId: QualifiedId; untilMs?: number };
  /** Files to carry (send only). The delivery worker turns each into an Upload or, failing that, its notice. */
  files?: OutboundFile[];
  /**
   * Set by the delivery worker only: the fetched files send() must post, in order. The text goes with the first as
   * its caption where the platform allows and it fits; otherwise the text parts go first and the files after them.
   */
  uploads?: Upload[];
}

export interface DeliveryResult {
  /** Qualified platform ids of the posted message(s), in order; several when a long text was split. */
  messageIds: QualifiedId[];
  /** Those of messageIds that carry a file and no text (no caption): an edit leaves them alone, a delete removes them. */
  fileOnlyIds?: QualifiedId[];
  /** Parts remain to be posted (the message's partLimit was reached): the worker sends them at the chat's next turn. */
  more?: boolean;
}

export type DeliveryErrorKind = 'rate-limited' | 'permanent' | 'transient';

/**
 * Thrown by an adapter's send(). The delivery worker decides what to do with it; adapters never retry or sleep.
 * - rate-limited: the platform named a time (retryAfterMs) before which nothing should be sent to this chat.
 * - permanent: cannot succeed (bot removed, chat not found, missing permission); `chatGone` marks the group inactive.
 * - transient: network errors, 5xx: retried with backoff.
 */
export class DeliveryError extends Error {
  constructor(
    readonly kind: DeliveryErrorKind,
    message: string,
    /** deliveredIds: the parts this send() did post before a later part failed (qualified ids), for the retry to skip. */
    readonly details: {
      retryAfterMs?: number;
      chatGone?: boolean;
      missingPermission?: string;
      /**
       * The platform has no such thing (WhatsApp cannot restrict one member): the feature falls back to what it can do
       * (deleting that member's messages) instead of reporting a missing right.
       */
      unsupported?: boolean;
      deliveredIds?: QualifiedId[];
      /** Those of deliveredIds that carry only a file (see DeliveryResult.fileOnlyIds). */
      deliveredFileOnlyIds?: QualifiedId[];
    } = {},
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}
