// One normalised message type for every platform. Adapters build envelopes in normalize.ts with no I/O;
// everything after the adapter sees only this shape. The zod schema is the source and the types are derived from it.
import { z } from 'zod';

export const PLATFORMS = ['telegram', 'discord', 'whatsapp', 'console'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Every id Quartier stores or compares is `platform:id`, because two platforms can share numbers. */
export type QualifiedId = string;

/** A qualified id on the wire: `platform:id`. */
export const qualifiedIdSchema = z.string().regex(/^[a-z]+:.+$/, 'must be a qualified platform:id');

export const ENVELOPE_KINDS = ['message', 'edit', 'delete', 'join', 'leave', 'button'] as const;
export type EnvelopeKind = (typeof ENVELOPE_KINDS)[number];

export const ATTACHMENT_KINDS = ['photo', 'video', 'audio', 'voice', 'document', 'sticker', 'other'] as const;

export const personSchema = z.object({
  id: qualifiedIdSchema,
  name: z.string(),
  username: z.string().optional(),
  /** The platform's language hint (Telegram language_code, Discord locale), when it gives one. */
  language: z.string().optional(),
  isBot: z.boolean().optional(),
});
export type Person = z.infer<typeof personSchema>;

/** A mention taken from the platform's own metadata, never guessed from text. */
export const mentionSchema = z.object({
  kind: z.enum(['user', 'role', 'channel', 'everyone']),
  /** The mentioned user, role or channel, qualified (absent for `everyone`). */
  id: qualifiedIdSchema.optional(),
  /** UTF-16 offset and length in `text`, when the platform says where the mention is. */
  offset: z.number().int().optional(),
  length: z.number().int().optional(),
});
export type Mention = z.infer<typeof mentionSchema>;

export const attachmentSchema = z.object({
  kind: z.enum(ATTACHMENT_KINDS),
  /** The platform's handle to fetch the file (Telegram file_id, Discord URL, WhatsApp message id). */
  fileRef: z.string(),
  fileName: z.string().optional(),
  mimeType: z.string().optional(),
  size: z.number().optional(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const chatRefSchema = z.object({
  id: qualifiedIdSchema,
  type: z.enum(['group', 'private']),
  title: z.string().optional(),
  /** Forum topic (Telegram) or thread (Discord) inside the chat. */
  threadId: z.string().optional(),
});
export type ChatRef = z.infer<typeof chatRefSchema>;

/** Where a reply to this envelope must go when it is not a plain chat message (a Discord slash command). */
export const interactionSchema = z.object({ id: z.string(), token: z.string() });
export type InteractionRef = z.infer<typeof interactionSchema>;

/**
 * The envelope, as every inbound job carries it: the queue validates each job against this schema when a worker takes
 * it, and the type is derived from it, so the two cannot disagree.
 */
export const envelopeSchema = z.object({
  /** Unique per platform event, stable across redeliveries: used for dedupe and as the outbox source id. */
  id: z.string().min(1),
  platform: z.enum(PLATFORMS),
  kind: z.enum(ENVELOPE_KINDS),
  chat: chatRefSchema,
  sender: personSchema,
  /** The platform message this event is about (qualified), absent for joins without one. */
  messageId: qualifiedIdSchema.optional(),
  /** Plain text (or caption); commands arrive here as `/name args` whatever the platform's own form. */
  text: z.string(),
  mentions: z.array(mentionSchema),
  /**
   * The message this one answers. `text` and `senderName`, where the platform sends them with the reply (Telegram,
   * Discord, WhatsApp's quoted message), let a report quote what it is about.
   */
  replyTo: z
    .object({ messageId: qualifiedIdSchema, senderId: qualifiedIdSchema.optional(), senderName: z.string().optional(), text: z.string().optional() })
    .optional(),
  attachments: z.array(attachmentSchema),
  /** True when the platform says this is for our bot: private chat, `/cmd@OurBot`, a slash command, a reply to us. */
  addressedToBot: z.boolean(),
  /** The data of a pressed button (kind `button`). */
  buttonData: z.string().optional(),
  interaction: interactionSchema.optional(),
  forwarded: z.boolean().optional(),
  /**
   * What the platform says of a forward's origin: the chat or channel it came from (Telegram forward_origin of type
   * chat or channel, Discord's referenced channel), and whether it is marked "forwarded many times" (WhatsApp's
   * forwarding score of 5 or more).
   */
  forward: z.object({ fromChat: qualifiedIdSchema.optional(), manyTimes: z.boolean().optional() }).optional(),
  /** Milliseconds since the epoch: when the platform says it happened. */
  sentAt: z.number(),
  /** The raw platform event, JSON-serialisable; read it through rawEvent(). */
  raw: z.unknown(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

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

/**
 * The id of a message on a platform that numbers messages per chat (Telegram) or needs the channel to find one
 * (Discord): `telegram:-100123/42`, `discord:<channel>/<message>`.
 */
export function chatMessageId(platform: Platform, chat: string | number, message: string | number): QualifiedId {
  return qualify(platform, `${String(chat)}/${String(message)}`);
}

/** `telegram:-100123/42` → its platform, chat and message; undefined when the id is not of that form. */
export function splitChatMessageId(id: QualifiedId): { platform: Platform; chat: string; message: string } | undefined {
  let parsed: { platform: Platform; bare: string };
  try {
    parsed = unqualify(id);
  } catch {
    return undefined;
  }
  const match = /^([^/]+)\/([^/]+)$/.exec(parsed.bare);
  return match ? { platform: parsed.platform, chat: match[1]!, message: match[2]! } : undefined;
}

/** Splits `telegram:-100123` into its platform and the bare id the platform understands. */
export function unqualify(id: QualifiedId): { platform: Platform; bare: string } {
  const colon = id.indexOf(':');
  const platform = id.slice(0, colon) as Platform;
  if (colon <= 0 || !PLATFORMS.includes(platform)) throw new Error(`not a qualified id: ${id}`);
  return { platform, bare: id.slice(colon + 1) };
}
