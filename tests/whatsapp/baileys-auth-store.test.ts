// The Baileys key store: every update saved atomically, so a crash at any moment leaves the state of the last update
// that completed, readable.
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { proto } from '@whiskeysockets/baileys';
import { afterEach, describe, expect, it } from 'vitest';
import { BaileysAuthStore, baileysSessionDir } from '../../adapters/whatsapp/baileys/auth-store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'quartier-baileys-keys-'));
  dirs.push(dir);
  return dir;
}

const session = (n: number) => Uint8Array.from([n, n + 1, n + 2, 255]);

describe('baileys key store', () => {
  it('lives in <dataDir>/whatsapp-baileys, apart from the whatsapp-web.js session', () => {
    expect(baileysSessionDir('/srv/quartier/data')).toBe('/srv/quartier/data/whatsapp-baileys');
  });

  it('gives back after a restart every key and the login as they were saved, binary values included', async () => {
    const dir = tempDir();
    const store = BaileysAuthStore.open(dir);
    const noiseKey = store.state.creds.noiseKey.public;
    await store.set({ session: { 'a.0': session(1), 'b.0': session(2) }, 'pre-key': { '1': { public: session(3), private: session(4) } } });
    await store.saveCreds({ me: { id: '33600000001:7@s.whatsapp.net', name: 'Quartier' }, registered: true });
    await store.set({ session: { 'b.0': null } });
    await store.set({ 'app-state-sync-key': { AAAA: { keyData: session(9), timestamp: 5 } } });

    const again = BaileysAuthStore.open(dir);
    expect(again.registered).toBe(true);
    expect(again.state.creds.me?.id).toBe('33600000001:7@s.whatsapp.net');
    expect(Buffer.from(again.state.creds.noiseKey.public).equals(Buffer.from(noiseKey))).toBe(true);
    const sessions = await again.state.keys.get('session', ['a.0', 'b.0']);
    expect(Object.keys(sessions)).toEqual(['a.0']);
    expect(Buffer.from(sessions['a.0']!).equals(Buffer.from(session(1)))).toBe(true);
    const preKeys = await again.state.keys.get('pre-key', ['1']);
    expect(Buffer.from(preKeys['1']!.private).equals(Buffer.from(session(4)))).toBe(true);
    // Baileys reads app-state keys as protobuf objects.
    const appKeys = await again.state.keys.get('app-state-sync-key', ['AAAA']);
    expect(appKeys.AAAA).toBeInstanceOf(proto.Message.AppStateSyncKeyData);
  });

  it('keeps the state of the last complete update when a crash tears the next one mid-write', async () => {
    const dir = tempDir();
    const store = BaileysAuthStore.open(dir);
    await store.set({ session: { 'a.0': session(1) } });
    await store.set({ session: { 'a.0': session(2) } });
    const journal = join(dir, 'journal.log');
    const lines = readFileSync(journal, 'utf8');
    // What a crash halfway through appending a third update leaves: the start of a line, no end.
    const third = lines.split('\n')[2]!;
    appendFileSync(journal, third.slice(0, Math.floor(third.length / 2)));

    const after = BaileysAuthStore.open(dir);
    const found = await after.state.keys.get('session', ['a.0']);
    expect(Buffer.from(found['a.0']!).equals(Buffer.from(session(2)))).toBe(true);
    // The torn bytes are cut off, so the next update is read back after them.
    await after.set({ session: { 'c.0': session(7) } });
    const later = BaileysAuthStore.open(dir);
    expect(Object.keys(await later.state.keys.get('session', ['a.0', 'c.0']))).toEqual(['a.0', 'c.0']);
  });

  it('stops at a damaged line: nothing after it is applied over a state it does not follow', async () => {
    const dir = tempDir();
    const store = BaileysAuthStore.open(dir);
    await store.set({ session: { 'a.0': session(1) } });
    await store.set({ session: { 'a.0': session(2) } });
    await store.set({ session: { 'a.0': session(3) } });
    const journal = join(dir, 'journal.log');
    const lines = readFileSync(journal, 'utf8').split('\n');
    // Line 0 holds the fresh login keys, 1 to 3 the three updates: the second update is damaged.
    lines[2] = lines[2]!.replace(/"data":"[^"]*"/, '"data":"AAAA"');
    writeFileSync(journal, lines.join('\n'));
    const after = BaileysAuthStore.open(dir);
    const found = await after.state.keys.get('session', ['a.0']);
    expect(Buffer.from(found['a.0']!).equals(Buffer.from(session(1)))).toBe(true);
  });

  it('ignores a snapshot left half-written by a crash: the previous snapshot and the journal still hold the state', async () => {
    const dir = tempDir();
    const store = BaileysAuthStore.open(dir);
    await store.set({ session: { 'a.0': session(1) } });
    await store.flush();
    await store.set({ session: { 'a.0': session(2) } });
    writeFileSync(join(dir, 'state.json.tmp'), '{"creds":{"noiseKey":');
    const after = BaileysAuthStore.open(dir);
    const found = await after.state.keys.get('session', ['a.0']);
    expect(Buffer.from(found['a.0']!).equals(Buffer.from(session(2)))).toBe(true);
  });

  it('folds a long journal into the snapshot, and a crash between the two replays to the same state', async () => {
    const dir = tempDir();
    const store = BaileysAuthStore.open(dir);
    const big = Buffer.alloc(40_000, 7);
    for (let i = 0; i < 20; i++) await store.set({ 'sender-key': { [`group-${i}`]: Uint8Array.from(big) } });
    expect(existsSync(join(dir, 'state.json'))).toBe(true);
    expect(statSync(join(dir, 'journal.log')).size).toBeLessThan(512 * 1024);
    // The journal before the fold, replayed over the snapshot that already holds it (a crash before it was emptied).
    await store.set({ 'sender-key': { 'group-0': session(1) } });
    const journal = readFileSync(join(dir, 'journal.log'), 'utf8');
    await store.flush();
    writeFileSync(join(dir, 'journal.log'), journal);
    const after = BaileysAuthStore.open(dir);
    const keys = await after.state.keys.get('sender-key', ['group-0', 'group-19']);
    expect(Buffer.from(keys['group-0']!).equals(Buffer.from(session(1)))).toBe(true);
    expect(keys['group-19']!.length).toBe(40_000);
  });

  it('keeps the one-to-one chats the account has, across restarts and folds', async () => {
    const dir = tempDir();
    const store = BaileysAuthStore.open(dir);
    await store.addChats(['33612345678@c.us', '33612345678@c.us']);
    await store.flush();
    await store.addChats(['212345678901234@lid']);
    const again = BaileysAuthStore.open(dir);
    expect([again.hasChat('33612345678@c.us'), again.hasChat('212345678901234@lid'), again.hasChat('33699999999@c.us')]).toEqual([true, true, false]);
  });

  it('forgets everything on clear() (a logged-out device), on disk too', async () => {
    const dir = tempDir();
    const store = BaileysAuthStore.open(dir);
    await store.saveCreds({ me: { id: '33600000001:7@s.whatsapp.net' }, registered: true });
    await store.set({ session: { 'a.0': session(1) } });
    await store.addChats(['33612345678@c.us']);
    await store.flush();
    await store.clear();
    expect(store.registered).toBe(false);
    expect(store.hasChat('33612345678@c.us')).toBe(false);
    expect(await store.state.keys.get('session', ['a.0'])).toEqual({});
    expect(existsSync(join(dir, 'state.json'))).toBe(false);
    // What is left on disk is the new, unlinked keys the next QR code will carry.
    expect(readFileSync(join(dir, 'journal.log'), 'utf8')).not.toContain('33600000001');
    expect(BaileysAuthStore.open(dir).registered).toBe(false);
  });
});
