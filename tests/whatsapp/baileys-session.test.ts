// The Baileys driver's login and reconnects, through the shared WhatsAppSession: QR code and pairing code, the saved
// login kept across every kind of disconnect and across restarts, and cleared only when the phone logs the device out.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DisconnectReason } from '@whiskeysockets/baileys';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BaileysAuthStore } from '../../adapters/whatsapp/baileys/auth-store.js';
import { BaileysClient } from '../../adapters/whatsapp/baileys/client.js';
import { WhatsAppSession } from '../../adapters/whatsapp/session.js';
import { BaileysStandin } from './baileys-standin.js';

const BOT = '33600000001@c.us';
const silent = pino({ level: 'silent' });
const dirs: string[] = [];
const sessions: WhatsAppSession[] = [];

afterEach(async () => {
  for (const session of sessions.splice(0)) await session.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'quartier-baileys-session-'));
  dirs.push(dir);
  return dir;
}

function setup(dir: string, options: { pairingPhone?: string; world?: BaileysStandin; backoffMs?: number; latestVersion?: () => Promise<[number, number, number] | undefined> } = {}) {
  const world = options.world ?? new BaileysStandin(BOT);
  const store = BaileysAuthStore.open(dir);
  const client = new BaileysClient({
    store,
    logger: silent,
    makeSocket: world.makeSocket,
    downloadMedia: world.download,
    ...(options.pairingPhone ? { pairingPhone: options.pairingPhone } : {}),
    ...(options.latestVersion ? { latestVersion: options.latestVersion } : {}),
  });
  const terminal: string[] = [];
  const backoffMs = options.backoffMs ?? 5;
  const session = new WhatsAppSession(client, {
    logger: silent,
    terminal: { write: (text: string) => terminal.push(text) },
    backoff: { initialMs: backoffMs, maxMs: backoffMs * 8 },
  });
  sessions.push(session);
  return { world, store, client, session, terminal };
}

async function loggedIn(dir: string, backoffMs?: number) {
  const s = setup(dir, { backoffMs });
  await s.session.start();
  await vi.waitFor(() => expect(s.world.qrCount).toBe(1));
  s.world.scanQr();
  await vi.waitFor(() => expect(s.session.health()).toEqual({ ok: true }));
  return s;
}

describe('whatsapp session on Baileys: login', () => {
  it('shows the QR code in the terminal and as a PNG, then saves the login the phone gives', async () => {
    const dir = tempDir();
    const { world, store, session, terminal } = setup(dir);
    await session.start();
    await vi.waitFor(() => expect(world.qrCount).toBe(1));
    expect(terminal.join('')).toMatch(/[▄▀█]/);
    const png = await session.qrPng();
    expect(png?.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(session.health()).toMatchObject({ ok: false, detail: expect.stringContaining('QR') });
    expect(store.registered).toBe(false);

    world.scanQr();
    // WhatsApp asks for a restart once the device is linked: the driver opens the next socket at once, no backoff.
    await vi.waitFor(() => expect(session.health()).toEqual({ ok: true }));
    expect(world.initializeCount).toBe(2);
    expect(session.ownId).toBe(BOT);
    expect(await session.qrPng()).toBeUndefined();
    expect(store.registered).toBe(true);
    await store.flush();
    expect(readdirSync(dir)).toContain('state.json');
  });

  it('prints a pairing code instead of a QR code when a phone number is set', async () => {
    const { world, session, terminal } = setup(tempDir(), { pairingPhone: '+33 6 12 34 56 78' });
    await session.start();
    await vi.waitFor(() => expect(terminal.join('')).toContain('WhatsApp pairing code: QRTR5TND'));
    expect(world.pairingRequests).toEqual(['33612345678']);
    expect(terminal.join('')).not.toMatch(/[▄▀█]/);
    expect(await session.qrPng()).toBeUndefined();
    world.scanQr();
    await vi.waitFor(() => expect(session.health()).toEqual({ ok: true }));
  });

  it('logs straight in after a restart of the bot with the saved keys: no QR code', async () => {
    const dir = tempDir();
    const first = await loggedIn(dir);
    await first.session.stop();
    const second = setup(dir);
    await second.session.start();
    await vi.waitFor(() => expect(second.session.health()).toEqual({ ok: true }));
    expect(second.world.qrCount).toBe(0);
    expect(second.store.registered).toBe(true);
  });
});

describe('whatsapp session on Baileys: the version it announces', () => {
  it("announces WhatsApp Web's current version, asked once; Baileys' own when it cannot be read", async () => {
    let asked = 0;
    const current = setup(tempDir(), { latestVersion: async () => (asked++, [2, 3000, 1234567890]) });
    await current.session.start();
    await vi.waitFor(() => expect(current.world.qrCount).toBe(1));
    current.world.scanQr();
    await vi.waitFor(() => expect(current.session.health()).toEqual({ ok: true }));
    await current.world.simulateDisconnect('TIMEOUT');
    await vi.waitFor(() => expect(current.session.health()).toEqual({ ok: true }));
    expect(current.world.sockets.map((s) => s.config.version)).toEqual([[2, 3000, 1234567890], [2, 3000, 1234567890], [2, 3000, 1234567890]]);
    expect(asked).toBe(1);

    const unreadable = setup(tempDir(), { latestVersion: async () => Promise.reject(new Error('getaddrinfo ENOTFOUND web.whatsapp.com')) });
    await unreadable.session.start();
    await vi.waitFor(() => expect(unreadable.world.qrCount).toBe(1));
    expect(unreadable.world.sockets[0]!.config.version).toBeUndefined();
  });
});

describe('whatsapp session on Baileys: reconnects', () => {
  it('reconnects after a dropped connection with the saved session: no new QR code, keys kept', async () => {
    const dir = tempDir();
    const { world, store, session } = await loggedIn(dir);
    const readies: number[] = [];
    session.onReady(() => readies.push(Date.now()));
    await world.simulateDisconnect('TIMEOUT');
    expect(session.health()).toMatchObject({ ok: false, detail: expect.stringContaining('disconnected (timedOut)') });
    await vi.waitFor(() => expect(session.health()).toEqual({ ok: true }));
    expect(world.qrCount).toBe(1);
    expect(world.initializeCount).toBe(3);
    expect(readies).toHaveLength(1);
    expect(store.registered).toBe(true);
    expect(readdirSync(dir).length).toBeGreaterThan(0);
  });

  it.each([
    ['badSession', DisconnectReason.badSession],
    ['forbidden', DisconnectReason.forbidden],
    ['connectionReplaced', DisconnectReason.connectionReplaced],
    ['multideviceMismatch', DisconnectReason.multideviceMismatch],
    ['unavailableService', DisconnectReason.unavailableService],
  ])('never throws the session away on %s: it keeps the keys and reconnects', async (_name, status) => {
    const dir = tempDir();
    const { world, store, session } = await loggedIn(dir);
    await world.simulateDisconnect(status);
    expect(session.health().ok).toBe(false);
    await vi.waitFor(() => expect(session.health()).toEqual({ ok: true }));
    expect(store.registered).toBe(true);
    expect(world.qrCount).toBe(1);
    // On disk too: a new process would log straight in.
    await store.flush();
    expect(BaileysAuthStore.open(dir).registered).toBe(true);
  });

  it('waits longer after each failed attempt while WhatsApp cannot be reached, and keeps the keys', async () => {
    const dir = tempDir();
    const { world, store, session } = await loggedIn(dir, 20);
    const before = world.initializeCount;
    world.failConnections = 3;
    await world.simulateDisconnect('TIMEOUT');
    await vi.waitFor(() => expect(session.health()).toEqual({ ok: true }), { timeout: 3_000 });
    expect(world.initializeCount).toBe(before + 4);
    // Lower bounds only: 20, 40, 80, 160 ms between attempts (timers may fire late, never early).
    const gaps = world.openedAt.slice(before).map((at, i) => at - world.openedAt[before + i - 1]!);
    gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(20 * 2 ** i - 2));
    expect(store.registered).toBe(true);
    expect(world.qrCount).toBe(1);
  });

  it('clears the session only when the phone logs the device out, then offers a new QR code', async () => {
    const dir = tempDir();
    const { world, store, session } = await loggedIn(dir);
    await world.simulateDisconnect('LOGOUT');
    expect(session.health()).toMatchObject({ ok: false, detail: expect.stringContaining('logged out') });
    await vi.waitFor(() => expect(world.qrCount).toBe(2));
    expect(store.registered).toBe(false);
    expect(existsSync(join(dir, 'state.json'))).toBe(false);
    expect(BaileysAuthStore.open(dir).registered).toBe(false);
    expect(await session.qrPng()).toBeInstanceOf(Buffer);

    world.scanQr();
    await vi.waitFor(() => expect(session.health()).toEqual({ ok: true }));
    expect(store.registered).toBe(true);
  });

  it('does not reconnect once stopped', async () => {
    const { world, session } = await loggedIn(tempDir());
    const sockets = world.initializeCount;
    await session.stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(world.initializeCount).toBe(sockets);
    expect(session.health().ok).toBe(false);
  });
});
