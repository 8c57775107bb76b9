// The narrow part of whatsapp-web.js's Client that the adapter uses. The adapter depends on this interface only, so a
// stand-in (tests/whatsapp/standin.ts) can drive it; the real Client is checked against it at the bottom of this file.
import type { Chat, Client, GroupNotification, Message, MessageMedia, MessageSendOptions } from 'whatsapp-web.js';

/** The events we listen to, with the arguments whatsapp-web.js passes (see its index.d.ts `on(...)` overloads). */
export interface WhatsAppClientEvents {
  qr: (qr: string) => void;
  code: (code: string) => void;
  authenticated: () => void;
  auth_failure: (message: string) => void;
  ready: () => void;
  /** The real Client closes its browser right after emitting this (reason: a WAState, 'LOGOUT' or a sentence). */
  disconnected: (reason: string) => void;
  message: (message: Message) => void;
  message_create: (message: Message) => void;
  message_edit: (message: Message, newBody: string, prevBody: string) => void;
  message_revoke_everyone: (message: Message, revoked?: Message | null) => void;
  group_join: (notification: GroupNotification) => void;
  group_leave: (notification: GroupNotification) => void;
  group_admin_changed: (notification: GroupNotification) => void;
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
  sendMessage(chatId: string, content: string | MessageMedia, options?: MessageSendOptions): Promise<Message>;
  /** Resolves to undefined at run time for an unknown chat. */
  getChatById(chatId: string): Promise<Chat>;
  /** Resolves to null at run time for an unknown message. */
  getMessageById(messageId: string): Promise<Message>;
}

// Type-level check that the real Client satisfies the interface; erased at run time.
export type ClientFits = Client extends WhatsAppClient ? true : never;
const _fits: ClientFits = true;
void _fits;
