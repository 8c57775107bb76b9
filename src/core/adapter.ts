// The contract between a platform adapter and the rest of Quartier. main.ts wires adapters in; nothing in src/
// imports an adapter.
import type { Attachment, Envelope, Platform, QualifiedId } from './envelope.js';
import type { DeliveryResult, OutboundMessage, Upload } from './outbound.js';
import type { Role, RoleLookup } from './roles.js';

/**
 * Durable hand-off of an inbound envelope: resolves once the envelope is in Redis. Adapters acknowledge the platform
 * (advance the Telegram offset, answer a webhook with 200) only after it resolves.
 */
export type InboundSink = (envelope: Envelope) => Promise<void>;

/** How fast a platform may be sent to. The delivery layer schedules jobs so these are never exceeded. */
export interface PacingPolicy {
  /** Minimum spacing between two sends to the same chat, in ms. */
  perChatIntervalMs: number;
  /** Minimum spacing between two sends of the bot overall, in ms. */
  globalIntervalMs: number;
  /** Random extra delay up to this many ms (WhatsApp: look less like a machine). */
  jitterMs?: number;
  /**
   * How far a send may leave ahead of the global spacing to make up for a late one (a busy moment of the process), in
   * ms: at most this many ms' worth of sends more than the spacing allows fall in any window, so it must fit in the
   * room between the spacing and the platform's own limit. Default: a quarter of the global interval, at most 10 ms.
   */
  catchUpMs?: number;
}

export interface AdapterHooks {
  /** The platform says someone's rights changed in a chat (Telegram chat_member, WhatsApp admin change...). */
  rolesChanged(chatId: QualifiedId, userId?: QualifiedId): void;
  /** The platform says we can no longer post in this chat (kicked, chat deleted). */
  chatGone(chatId: QualifiedId, reason: string): Promise<void>;
}

/** One command as the platform's command menu needs it (Telegram setMyCommands, Discord application commands). */
export interface CommandMenuEntry {
  name: string;
  role: Role;
  /** Description per language code, from the locale files. */
  descriptions: Record<string, string>;
  args: { name: string; required: boolean; rest: boolean; choices?: readonly string[]; descriptions: Record<string, string> }[];
  /** The command's entry in a message's own menu, labelled per language code (see Command.messageMenu). */
  messageMenu?: Record<string, string>;
  subcommands: {
    name: string;
    role: Role;
    descriptions: Record<string, string>;
    args: { name: string; required: boolean; rest: boolean; choices?: readonly string[]; descriptions: Record<string, string> }[];
  }[];
}

export interface PlatformAdapter {
  readonly platform: Platform;
  readonly roles: RoleLookup;
  readonly pacing: PacingPolicy;
  /** Connect and start receiving; every envelope goes to `sink`. */
  start(sink: InboundSink, hooks: AdapterHooks): Promise<void>;
  /** Publish the command menu (Telegram setMyCommands, Discord slash commands). Optional. */
  registerCommands?(commands: CommandMenuEntry[]): Promise<void>;
  /** Perform one delivery. Throws DeliveryError for anything the delivery layer must handle. */
  send(message: OutboundMessage): Promise<DeliveryResult>;
  stop(): Promise<void>;
  /** Shown in /readyz: is the platform connection usable right now? */
  health?(): { ok: boolean; detail?: string };
  /**
   * The largest file of this kind the platform accepts from the bot, in bytes; absent when the adapter cannot upload
   * files (the console), in which case files become their notices.
   */
  uploadLimit?(kind: Attachment['kind']): number;
  /**
   * Fetches a file one of this platform's envelopes named (Attachment.fileRef), refusing more than `maxBytes`.
   * Throws DeliveryError: `permanent` when the file cannot be had (too large, gone, not fetchable from this process),
   * `transient` on network trouble or 5xx (the delivery is retried).
   */
  download?(file: Pick<Attachment, 'kind' | 'fileRef' | 'fileName' | 'mimeType'>, maxBytes: number): Promise<Upload>;
  /** Only the process holding the session may send (WhatsApp); others send from any worker over REST. */
  readonly sendsFromGatewayOnly?: boolean;
}
