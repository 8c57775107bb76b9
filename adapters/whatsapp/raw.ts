// The plain data behind whatsapp-web.js events, as the adapter stores it in Envelope.raw. A Message's `rawData` is
// WhatsApp Web's own serialised message model: ids may arrive as strings or as `{ server, user, _serialized }`
// objects depending on the WhatsApp Web version, so every field that holds an id is typed `WaJid`.

/** A WhatsApp id as found in raw data: `123@c.us`, `456@lid`, `1203…@g.us`, or its object form. */
export type WaJid = string | { _serialized: string; user?: string; server?: string };

export interface WaMessageKey {
  fromMe: boolean;
  remote: WaJid;
  id: string;
  /** The author, on messages in groups. */
  participant?: WaJid;
  _serialized: string;
}

/** The fields of WhatsApp Web's serialised message that normalisation reads; everything else is kept untouched. */
export interface WaMessageData {
  id: WaMessageKey;
  type: string;
  /** Seconds since the epoch. */
  t: number;
  body?: string;
  caption?: string;
  from: WaJid;
  to: WaJid;
  author?: WaJid;
  /** The sender's own display name (push name). */
  notifyName?: string;
  mentionedJidList?: WaJid[];
  isForwarded?: boolean;
  /** How many times the message was forwarded on its way here (WhatsApp marks 5 or more as "forwarded many times"). */
  forwardingScore?: number;
  /** Present on media messages. */
  directPath?: string;
  mimetype?: string;
  filename?: string;
  size?: number;
  /** Present on quoted replies: the quoted message's own id (not serialised), author and (partial) data. */
  quotedStanzaID?: string;
  quotedParticipant?: WaJid;
  quotedMsg?: { type?: string; body?: string };
  latestEditSenderTimestampMs?: number;
  protocolMessageKey?: WaMessageKey;
  [field: string]: unknown;
}

/**
 * The public fields of a whatsapp-web.js GroupNotification (it keeps no rawData). The library copies `recipients`
 * through unchanged, so despite its `string[]` typing they may be id objects.
 */
export interface WaGroupNotificationData {
  id: WaMessageKey;
  /** add, invite, linked_group_join, remove, leave, promote, demote, … */
  type: string;
  body: string;
  timestamp: number;
  chatId: string;
  author?: WaJid;
  recipientIds: WaJid[];
}

/** Copies the plain fields out of a GroupNotification (which also holds a client reference and methods). */
export function groupNotificationData(n: {
  id: object;
  type: string;
  body: string;
  timestamp: number;
  chatId: string;
  author?: unknown;
  recipientIds: unknown[];
}): WaGroupNotificationData {
  const data: WaGroupNotificationData = {
    id: n.id as WaMessageKey,
    type: n.type,
    body: n.body,
    timestamp: n.timestamp,
    chatId: n.chatId,
    recipientIds: n.recipientIds as WaJid[],
  };
  if (n.author) data.author = n.author as WaJid;
  return data;
}

export type WhatsAppRawEvent =
  | { event: 'message'; data: WaMessageData }
  | { event: 'message_edit'; data: WaMessageData; newBody: string; prevBody: string }
  | { event: 'message_revoke_everyone'; data: WaMessageData; revoked?: WaMessageData }
  | { event: 'group_join' | 'group_leave' | 'group_admin_changed'; data: WaGroupNotificationData };

declare module '../../src/core/envelope.js' {
  interface RawEvents {
    whatsapp: WhatsAppRawEvent;
  }
}

export function jidOf(value: WaJid | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : value._serialized;
}
