// Shared setup for the WhatsApp tests: an adapter on a logged-in stand-in of the chosen driver, with a group and its
// people.
import pino from 'pino';
import { afterAll, vi } from 'vitest';
import type { AdapterHooks } from '../../src/core/adapter.js';
import type { Envelope, QualifiedId } from '../../src/core/envelope.js';
import type { WhatsAppClient } from '../../adapters/whatsapp/client.js';
import { createWhatsAppAdapter, type WhatsAppAdapter, type WhatsAppAdapterOptions } from '../../adapters/whatsapp/index.js';
import { DRIVERS, removeDriverDirs, type Driver, type StandinWorld } from './drivers.js';

export const BOT = '33600000001@c.us';
export const GROUP = '120363041234567890@g.us';
export const ADMIN = '33612345678@c.us';
export const MEMBER = '33698765432@c.us';

afterAll(removeDriverDirs);

export interface Harness {
  standin: StandinWorld;
  /** The driver's client the adapter runs on (the stand-in itself for whatsapp-web.js; BaileysClient for Baileys). */
  client: WhatsAppClient;
  adapter: WhatsAppAdapter;
  envelopes: Envelope[];
  rolesChanged: [QualifiedId, QualifiedId | undefined][];
  chatsGone: [QualifiedId, string][];
}

export async function startHarness(options: Partial<WhatsAppAdapterOptions> = {}, driver: Driver = DRIVERS[0]!): Promise<Harness> {
  const { world: standin, client } = driver.create(BOT);
  standin.addGroup(GROUP, 'Rue des Lilas', [{ id: ADMIN, isAdmin: true }, { id: MEMBER }]);
  const adapter = createWhatsAppAdapter({
    dataDir: '/nonexistent',
    logger: pino({ level: 'silent' }),
    client,
    terminal: null,
    ...options,
  });
  const envelopes: Envelope[] = [];
  const rolesChanged: Harness['rolesChanged'] = [];
  const chatsGone: Harness['chatsGone'] = [];
  const hooks: AdapterHooks = {
    rolesChanged: (chatId, userId) => void rolesChanged.push([chatId, userId]),
    chatGone: async (chatId, reason) => void chatsGone.push([chatId, reason]),
  };
  await adapter.start(async (envelope) => void envelopes.push(envelope), hooks);
  await vi.waitFor(() => {
    if (standin.qrCount === 0) throw new Error('no QR yet');
  });
  standin.scanQr();
  await vi.waitFor(() => {
    if (!adapter.health?.().ok) throw new Error('not logged in yet');
  });
  return { standin, client, adapter, envelopes, rolesChanged, chatsGone };
}
