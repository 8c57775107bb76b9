import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import wa from 'whatsapp-web.js';
import { buildClientOptions, CHROMIUM_ARGS, WhatsAppSession } from '../../adapters/whatsapp/session.js';
import { StandinClient } from './standin.js';

const BOT = '33600000001@c.us';
const silent = pino({ level: 'silent' });
const dirs: string[] = [];
const sessions: WhatsAppSession[] = [];

afterEach(async () => {
  for (const session of sessions.splice(0)) await session.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'quartier-wa-'));
  dirs.push(dir);
  return dir;
}

function session(client: StandinClient, backoffMs = 5): { session: WhatsAppSession; terminal: string[] } {
  const terminal: string[] = [];
  const s = new WhatsAppSession(client, {
    logger: silent,
    terminal: { write: (text: string) => terminal.push(text) },
    backoff: { initialMs: backoffMs, maxMs: backoffMs * 8 },
  });
  sessions.push(s);
  return { session: s, terminal };
}

describe('whatsapp session: the real client options', () => {
  it('uses LocalAuth under <dataDir>/whatsapp and a headless Debian chromium with lean flags', () => {
    const options = buildClientOptions({ dataDir: '/srv/quartier/data' });
    expect(options.authStrategy).toBeInstanceOf(wa.LocalAuth);
    expect((options.authStrategy as wa.LocalAuth).dataPath).toBe('/srv/quartier/data/whatsapp');
    expect(options.puppeteer).toMatchObject({ executablePath: '/usr/bin/chromium', headless: true });
    expect(options.puppeteer?.args).toEqual(CHROMIUM_ARGS);
    expect(CHROMIUM_ARGS).toEqual([
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ]);
    expect(options.pairWithPhoneNumber).toBeUndefined();
  });

  it('asks for a pairing code instead of a QR code when a phone number is given', () => {
    const options = buildClientOptions({ dataDir: '/d', chromiumPath: '/opt/chromium', pairingPhone: '+33 6 12 34 56 78' });
    expect(options.pairWithPhoneNumber).toEqual({ phoneNumber: '33612345678' });
    expect(options.puppeteer?.executablePath).toBe('/opt/chromium');
  });

  it('builds a real whatsapp-web.js Client without launching anything', () => {
    const client = new wa.Client(buildClientOptions({ dataDir: tempDataDir() }));
    expect(client.pupBrowser ?? null).toBeNull();
  });
});

describe('whatsapp session: login and reconnect (stand-in driving a real LocalAuth)', () => {
  it('shows the QR code in the terminal and as a PNG until the phone scans it', async () => {
    const dataDir = tempDataDir();
    const client = new StandinClient(BOT, buildClientOptions({ dataDir }));
    const { session: s, terminal } = session(client);
    await s.start();
    await vi.waitFor(() => expect(client.qrCount).toBe(1));
    expect(terminal.join('')).toMatch(/[▄▀█]/);
    const png = await s.qrPng();
    expect(png?.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(s.health()).toMatchObject({ ok: false, detail: expect.stringContaining('QR') });

    client.scanQr();
    expect(s.health()).toEqual({ ok: true });
    expect(s.ownId).toBe(BOT);
    expect(await s.qrPng()).toBeUndefined();
    // LocalAuth made its session folder where we said.
    expect(existsSync(join(dataDir, 'whatsapp', 'session'))).toBe(true);
  });

  it('prints the pairing code when logging in by phone number', async () => {
    const client = new StandinClient(BOT, buildClientOptions({ dataDir: tempDataDir(), pairingPhone: '33612345678' }));
    const { session: s, terminal } = session(client);
    await s.start();
    await vi.waitFor(() => expect(terminal.join('')).toContain('WhatsApp pairing code: QRTR5TND'));
    expect(client.qrCount).toBe(0);
  });

  it('reconnects after a disconnect with the saved session: no new QR code, folder kept', async () => {
    const dataDir = tempDataDir();
    const client = new StandinClient(BOT, buildClientOptions({ dataDir }));
    const { session: s } = session(client);
    const readies: number[] = [];
    s.onReady(() => readies.push(Date.now()));
    await s.start();
    await vi.waitFor(() => expect(client.qrCount).toBe(1));
    client.scanQr();
    const marker = join(dataDir, 'whatsapp', 'session', 'Default', 'standin-session');
    expect(existsSync(marker)).toBe(true);

    await client.simulateDisconnect('CONFLICT');
    expect(s.health()).toMatchObject({ ok: false, detail: expect.stringContaining('disconnected (CONFLICT)') });
    await vi.waitFor(() => expect(s.health()).toEqual({ ok: true }));

    expect(client.initializeCount).toBe(2);
    expect(client.qrCount).toBe(1);
    expect(readies).toHaveLength(2);
    expect(readFileSync(marker, 'utf8')).toBe('logged in\n');
  });

  it('keeps retrying with growing delays while the browser cannot start, and never touches the session folder', async () => {
    const dataDir = tempDataDir();
    const client = new StandinClient(BOT, buildClientOptions({ dataDir }));
    const { session: s } = session(client, 10);
    await s.start();
    await vi.waitFor(() => expect(client.qrCount).toBe(1));
    client.scanQr();

    client.failInitialize = new Error('Failed to launch the browser process');
    await client.simulateDisconnect('UNPAIRED_IDLE');
    await vi.waitFor(() => expect(client.initializeCount).toBeGreaterThanOrEqual(4));
    expect(s.health()).toMatchObject({ ok: false, detail: expect.stringMatching(/browser failed to start.*reconnecting in/) });

    client.failInitialize = undefined;
    await vi.waitFor(() => expect(s.health()).toEqual({ ok: true }), { timeout: 2_000 });
    expect(existsSync(join(dataDir, 'whatsapp', 'session', 'Default', 'standin-session'))).toBe(true);
  });

  it('waits for a new scan after the phone unlinks the device, without relaunching', async () => {
    const client = new StandinClient(BOT, buildClientOptions({ dataDir: tempDataDir() }));
    const { session: s } = session(client);
    await s.start();
    await vi.waitFor(() => expect(client.qrCount).toBe(1));
    client.scanQr();
    await client.simulateDisconnect('LOGOUT');
    expect(client.qrCount).toBe(2);
    expect(s.health().ok).toBe(false);
    expect(client.initializeCount).toBe(1);
    expect(await s.qrPng()).toBeInstanceOf(Buffer);
    client.scanQr();
    expect(s.health()).toEqual({ ok: true });
  });

  it('does not reconnect once stopped', async () => {
    const client = new StandinClient(BOT, buildClientOptions({ dataDir: tempDataDir() }));
    const { session: s } = session(client);
    await s.start();
    await vi.waitFor(() => expect(client.qrCount).toBe(1));
    client.scanQr();
    await s.stop();
    await client.simulateDisconnect('CONFLICT');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(client.initializeCount).toBe(1);
    expect(s.health().ok).toBe(false);
  });
});
