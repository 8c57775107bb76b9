// The narrow part of whatsapp-web.js's Client that the adapter uses. The adapter depends on this interface only, so a
// stand-in (tests/whatsapp/standin.ts) can drive it, and so can the Baileys driver (baileys/client.ts), which speaks
// the same shapes; the real Client is checked against it at the bottom of this file.
import type { Client, MessageMedia, MessageSendOptions } from 'whatsapp-web.js';

/** The part of a whatsapp-web.js Message the adapter uses (the real Message has it; the Baileys driver builds it). */
export interface WhatsAppMessage {
  readonly id: { _serialized: string };
  readonly fromMe: boolean;
  readonly hasMedia: boolean;
  /** WhatsApp Web's serialised message model (raw.ts WaMessageData). */
  readonly rawData: object;
  /** Resolves null when the message is not ours or can no longer be edited. */
  edit(content: string, options?: { mentions?: string[] }): Promise<unknown>;
  delete(everyone?: boolean): Promise<void>;
  /** Resolves undefined at run time when the file can no longer be had. */
  downloadMedia(): Promise<MessageMedia>;
}

/** The part of a whatsapp-web.js Chat (or GroupChat, with its participants) the adapter uses. */
export interface WhatsAppChat {
  readonly isGroup: boolean;
  readonly isReadOnly: boolean;
  readonly participants?: { id: { _serialized: string }; isAdmin: boolean; isSuperAdmin: boolean }[];
  /** On groups: removes members (the bot must be a group admin), as GroupChat.removeParticipants does. */
  removeParticipants?(participantIds: string[]): Promise<unknown>;
}

/** The public fields of a whatsapp-web.js GroupNotification the adapter reads (raw.ts groupNotificationData). */
export interface WhatsAppGroupNotification {
  id: object;
  type: string;
  body: string;
  timestamp: number;
  chatId: string;
  author?: unknown;
  recipientIds: unknown[];
}

/** The events we listen to, with the arguments whatsapp-web.js passes (see its index.d.ts `on(...)` overloads). */
export interface WhatsAppClientEvents {
  qr: (qr: string) => void;
  code: (code: string) => void;
  authenticated: () => void;
  auth_failure: (message: string) => void;
  ready: () => void;
  /** The real Client closes its browser right after emitting this (reason: a WAState, 'LOGOUT' or a sentence). */
  disconnected: (reason: string) => void;
  message: (message: WhatsAppMessage) => void;
  message_create: (message: WhatsAppMessage) => void;
  message_edit: (message: WhatsAppMessage, newBody: string, prevBody: string) => void;
  message_revoke_everyone: (message: WhatsAppMessage, revoked?: WhatsAppMessage | null) => void;
  group_join: (notification: WhatsAppGroupNotification) => void;
  group_leave: (notification: WhatsAppGroupNotification) => void;
  group_admin_changed: (notification: WhatsAppGroupNotification) => void;
}

export type WhatsAppEventName = keyof WhatsAppClientEvents;

export interface WhatsAppClient {
  /** Set once the client is ready; `wid` is our own account id (`…@c.us`). */
  readonly info?: { wid: { _serialized: string } } | undefined;
  on<E extends WhatsAppEventName>(event: E, listener: WhatsAppClientEvents[E]): unknown;
  removeListener<E extends WhatsAppEventName>(event: E, listener: WhatsAppClientEvents[E]): unknown;
  /** Launches the browser and opens WhatsApp Web; resolves before login completes (watch 'ready'). */
  initialize(): Promise<void>;
  /** Closes the browser. Keeps the LocalAuth session folder (only logout() deletes it, and we never call it). */
  destroy(): Promise<void>;
  /**
   * Sends a text, or a file (a MessageMedia, with its caption in options). Resolves to undefined at run time when the
   * chat does not exist (the typings say Promise<Message>).
   */
  sendMessage(chatId: string, content: string | MessageMedia, options?: MessageSendOptions): Promise<WhatsAppMessage>;
  /** Resolves to undefined at run time for an unknown chat. */
  getChatById(chatId: string): Promise<WhatsAppChat>;
  /** Resolves to null at run time for an unknown message. */
  getMessageById(messageId: string): Promise<WhatsAppMessage>;
}

// Type-level check that the real Client satisfies the interface; erased at run time.
export type ClientFits = Client extends WhatsAppClient ? true : never;
const _fits: ClientFits = true;
void _fits;
