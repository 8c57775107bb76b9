// What the Baileys driver does on its own, beyond the tests both drivers share: its bounded memory of messages, its
// group metadata cache, removing members.
import pino from 'pino';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { libraryLogger } from '../../adapters/whatsapp/baileys/client.js';
import { createWhatsAppAdapter } from '../../adapters/whatsapp/index.js';
import type { OutboundMessage } from '../../src/core/outbound.js';
import { deliveryError } from '../helpers/delivery-error.js';
import { baileysSetup, removeDriverDirs } from './drivers.js';
import { ADMIN, BOT, GROUP, MEMBER } from './setup.js';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});
afterAll(removeDriverDirs);

async function start(options: { recentMessages?: number } = {}) {
  const setup = baileysSetup(BOT, undefined, options);
  setup.world.addGroup(GROUP, 'Rue des Lilas', [{ id: ADMIN, isAdmin: true }, { id: MEMBER }]);
  const adapter = createWhatsAppAdapter({ dataDir: '/nonexistent', logger: pino({ level: 'silent' }), client: setup.client, terminal: null, backoff: { initialMs: 5 } });
  const envelopes: unknown[] = [];
  await adapter.start(async (e) => void envelopes.push(e), { rolesChanged() {}, chatGone: async () => {} });
  stops.push(() => adapter.stop());
  await vi.waitFor(() => expect(setup.world.qrCount).toBe(1));
  setup.world.scanQr();
  await vi.waitFor(() => expect(adapter.health?.()).toEqual({ ok: true }));
  return { ...setup, adapter, envelopes };
}

const outbound = (fields: Partial<OutboundMessage>): OutboundMessage => ({ id: 't:1', target: `whatsapp:${GROUP}`, action: 'send', text: 'hi', ...fields });

describe('baileys driver: messages it no longer remembers', () => {
  it('still edits and deletes its own by their key; a file it forgot is permanently unavailable', async () => {
    const { world, adapter } = await start({ recentMessages: 2 });
    const { messageIds } = await adapter.send(outbound({ text: 'Meeting at 6' }));
    const photo = world.receiveGroupMedia(GROUP, MEMBER, { type: 'image', data: Buffer.from([0xff, 0xd8, 1]) });
    for (let i = 0; i < 3; i++) world.receiveGroupMessage(GROUP, MEMBER, `chatter ${i}`);

    await adapter.send(outbound({ action: 'edit', text: 'Meeting at 7', editOf: messageIds }));
    expect(world.sent[0]?.edits).toEqual(['Meeting at 7']);
    await adapter.send(outbound({ action: 'delete', text: '', editOf: messageIds }));
    expect(world.sent[0]?.revoked).toBe(true);
    const error = await deliveryError(adapter.download({ kind: 'photo', fileRef: photo.id._serialized }, 1_000_000));
    expect(error.kind).toBe('permanent');
    expect(world.downloadCount).toBe(0);
  });
});

describe('baileys driver: group metadata', () => {
  it('asks WhatsApp once, follows participant changes from their events, and asks again after a reconnect', async () => {
    const { world, adapter } = await start();
    const chat = `whatsapp:${GROUP}`;
    expect(await adapter.roles.roleOf(chat, `whatsapp:${MEMBER}`)).toBe('member');
    await adapter.send(outbound({}));
    expect(world.metadataCount).toBe(1);

    world.groupEvent(GROUP, 'promote', ADMIN, [MEMBER]);
    expect(await adapter.roles.roleOf(chat, `whatsapp:${MEMBER}`)).toBe('admin');
    world.groupEvent(GROUP, 'add', ADMIN, ['33677777777@c.us']);
    world.groupEvent(GROUP, 'remove', ADMIN, [BOT]);
    // Removed: the cached group no longer has us, so a send is refused as a gone chat without asking WhatsApp.
    const gone = await deliveryError(adapter.send(outbound({ id: 't:2' })));
    expect(gone).toMatchObject({ kind: 'permanent', details: { chatGone: true } });
    expect(world.metadataCount).toBe(1);

    await world.simulateDisconnect('TIMEOUT');
    await vi.waitFor(() => expect(adapter.health?.()).toEqual({ ok: true }));
    await deliveryError(adapter.send(outbound({ id: 't:3' })));
    expect(world.metadataCount).toBe(2);
  });
});

describe('baileys driver: removing members', () => {
  it('removes a member as a group admin; WhatsApp refuses it otherwise', async () => {
    const { world, client } = await start();
    const chat = await client.getChatById(GROUP);
    await expect(chat.removeParticipants?.([MEMBER])).rejects.toThrow(/refused removing 1 of 1 member\(s\): not-authorized/);
    expect((await client.getChatById(GROUP)).participants?.map((p) => p.id._serialized)).toContain(MEMBER);
    world.setAdmin(GROUP, BOT, true);
    const again = await client.getChatById(GROUP);
    expect(await again.removeParticipants?.([MEMBER])).toEqual({ [MEMBER]: { code: 200 } });
    expect((await client.getChatById(GROUP)).participants?.map((p) => p.id._serialized)).not.toContain(MEMBER);
  });
});

describe("baileys driver: the library's log", () => {
  it('keeps warnings and errors only, and nothing the bot itself does not log', () => {
    expect(['silent', 'error', 'warn', 'info', 'debug'].map((level) => libraryLogger(pino({ level })).level)).toEqual(['silent', 'error', 'warn', 'warn', 'warn']);
  });
});
