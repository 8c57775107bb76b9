// Loads tests/fixtures/whatsapp/*.json and turns them into the real whatsapp-web.js objects the Client would emit.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import wa from 'whatsapp-web.js';
import type { Chat, GroupNotification, Message } from 'whatsapp-web.js';
import type { WaMessageData } from '../../adapters/whatsapp/raw.js';

const require = createRequire(import.meta.url);
// GroupNotification is not exported by the package index; its module is (the package has no "exports" map).
const GroupNotificationClass = require('whatsapp-web.js/src/structures/GroupNotification.js') as new (
  client: unknown,
  data: unknown,
) => GroupNotification;

export interface Fixture {
  event: string;
  botId: string;
  rawData: WaMessageData;
  revokedRawData?: WaMessageData;
  newBody?: string;
  prevBody?: string;
}

export function loadFixture(name: string): Fixture {
  const path = fileURLToPath(new URL(`../fixtures/whatsapp/${name}.json`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as Fixture;
}

type Structure<T> = new (client: unknown, data: unknown) => T;
// These classes exist at run time (index.js exports them) but the typings declare them as interfaces only.
const structures = wa as unknown as { Message: Structure<Message>; GroupChat: Structure<Chat>; PrivateChat: Structure<Chat> };

/** A real whatsapp-web.js Message built from raw data, as the Client builds it (`new Message(client, data)`). */
export function realMessage(client: unknown, data: unknown): Message {
  return new structures.Message(client, structuredClone(data));
}

/** A real GroupChat or PrivateChat built from chat model data, as ChatFactory builds it. */
export function realChat(client: unknown, data: { isGroup: boolean; [field: string]: unknown }): Chat {
  return data.isGroup ? new structures.GroupChat(client, data) : new structures.PrivateChat(client, data);
}

/** A real GroupNotification built from a gp2 message's raw data, as the Client builds it. */
export function realGroupNotification(client: unknown, data: unknown): GroupNotification {
  return new GroupNotificationClass(client, structuredClone(data));
}
