// One normalised message type for every platform. Adapters build envelopes in normalize.ts with no I/O;
// everything after the adapter sees only this shape.

export const PLATFORMS = ['telegram', 'discord', 'whatsapp', 'console'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Every id Quartier stores or compares is `platform:id`, because two platforms can share numbers. */
export type QualifiedId = string;

export type EnvelopeKind = 'message' | 'edit' | 'delete' | 'join' | 'leave' | 'button';

export interface Person {
  id: QualifiedId;
  name: string;
  username?: string;
  /** The platform's language hint (Telegram language_code, Discord locale), when it gives one. */
  language?: string;
  isBot?: boolean;
}

/** A mention taken from the platform's own metadata, never guessed from text. */
export interface Mention {
  kind: 'user' | 'role' | 'channel' | 'everyone';
  /** The mentioned user, role or channel, qualified (absent for `everyone`). */
  id?: QualifiedId;
  /** UTF-16 offset and length in `text`, when the platform says where the mention is. */
  offset?: number;
  length?: number;
}

export interface Attachment {
  kind: 'photo' | 'video' | 'audio' | 'voice' | 'document' | 'sticker' | 'other';
  /** The platform's handle to fetch the file (Telegram file_id, Discord URL, WhatsApp message id). */
  fileRef: string;
  fileName?: string;
  mimeType?: string;
  size?: number;
}

export interface ChatRef {
  id: QualifiedId;
  type: 'group' | 'private';
  title?: string;
  /** Forum topic (Telegram) or thread (Discord) inside the chat. */
  threadId?: string;
}

/** Where a reply to this envelope must go when it is not a plain chat message (a Discord slash command). */
export interface InteractionRef {
  id: string;
  token: string;
}

export interface Envelope {
  /** Unique per platform event, stable across redeliveries: used for dedupe and as the outbox source id. */
  id: string;
  platform: Platform;
  kind: EnvelopeKind;
  chat: ChatRef;
  sender: Person;
  /** The platform message this event is about (qualified), absent for joins without one. */
  messageId?: QualifiedId;
  /** Plain text (or caption); commands arrive here as `/name args` whatever the platform's own form. */
  text: string;
  mentions: Mention[];
  /**
   * The message this one answers. `text` and `senderName`, where the platform sends them with the reply (Telegram,
   * Discord, WhatsApp's quoted message), let a report quote what it is about.
   */
  replyTo?: { messageId: QualifiedId; senderId?: QualifiedId; senderName?: string; text?: string };
  attachments: Attachment[];
  /** True when the platform says this is for our bot: private chat, `/cmd@OurBot`, a slash command, a reply to us. */
  addressedToBot: boolean;
  /** The data of a pressed button (kind `button`). */
  buttonData?: string;
  interaction?: InteractionRef;
  forwarded?: boolean;
  /**
   * What the platform says of a forward's origin: the chat or channel it came from (Telegram forward_origin of type
   * chat or channel, Discord's referenced channel), and whether it is marked "forwarded many times" (WhatsApp's
   * forwarding score of 5 or more).
   */
  forward?: { fromChat?: QualifiedId; manyTimes?: boolean };
  /** Milliseconds since the epoch: when the platform says it happened. */
  sentAt: number;
  /** The raw platform event, JSON-serialisable; read it through rawEvent(). */
  raw: unknown;
}

/**
 * Each adapter adds its raw event type here by declaration merging:
 *   declare module '../../src/core/envelope.js' { interface RawEvents { telegram: Update } }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RawEvents {}

/** The escape hatch for the rare platform-specific need, typed by platform. */
export function rawEvent<P extends keyof RawEvents & Platform>(envelope: Envelope, platform: P): RawEvents[P] | undefined {
  return envelope.platform === platform ? (envelope.raw as RawEvents[P]) : undefined;
}

export function qualify(platform: Platform, id: string | number | bigint): QualifiedId {
  return `${platform}:${String(id)}`;
}

/** Splits `telegram:-100123` into its platform and the bare id the platform understands. */
export function unqualify(id: QualifiedId): { platform: Platform; bare: string } {
  const colon = id.indexOf(':');
  const platform = id.slice(0, colon) as Platform;
  if (colon <= 0 || !PLATFORMS.includes(platform)) throw new Error(`not a qualified id: ${id}`);
  return { platform, bare: id.slice(colon + 1) };
}
