// The Baileys session's keys, kept in <dataDir>/whatsapp-baileys/: the login (creds) and the Signal keys (sessions with
// each device, group sender keys, pre-keys, app-state keys), and the list of one-to-one chats the account has. Losing or corrupting them costs a new QR scan, and a key
// half-written by a crash can break decryption silently, so every update is saved atomically:
// - each update (a creds change or a batch of key changes) is one line appended to journal.log, with a checksum of
//   the line, and flushed to disk (fdatasync) before the update counts as saved. A crash mid-append leaves a torn
//   last line: its checksum fails, it is dropped when the store is opened, and the state is the one before it.
// - now and then the whole state is written to state.json.tmp, flushed, and renamed over state.json (a rename is
//   atomic), then the journal is emptied. A crash between the two replays the journal over a snapshot that already
//   holds it, which gives the same state (each entry sets absolute values).
// Nothing here deletes the session except clear(), which the driver calls only when WhatsApp says the device was
// logged out.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { open, rename, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BufferJSON,
  initAuthCreds,
  // `proto` under its other name: Node's ES-module loader does not see `proto` among the package's named exports.
  WAProto as proto,
  type AuthenticationCreds,
  type AuthenticationState,
  type SignalDataSet,
  type SignalDataTypeMap,
} from '@whiskeysockets/baileys';

type KeyType = keyof SignalDataTypeMap;
type Keys = { [T in KeyType]?: Record<string, SignalDataTypeMap[T]> };

interface Entry {
  creds?: Partial<AuthenticationCreds>;
  keys?: SignalDataSet;
  /** One-to-one chats the account has (people who wrote to it, or chats WhatsApp synced). */
  chats?: string[];
}

const SNAPSHOT = 'state.json';
const JOURNAL = 'journal.log';
/** The journal is folded into the snapshot once it grows past this. */
const COMPACT_AT_BYTES = 512 * 1024;

export function baileysSessionDir(dataDir: string): string {
  return join(dataDir, 'whatsapp-baileys');
}

function checksum(json: string): string {
  return createHash('sha256').update(json).digest('hex').slice(0, 16);
}

function encodeLine(entry: Entry): string {
  const json = JSON.stringify(entry, BufferJSON.replacer);
  return `${checksum(json)} ${json}\n`;
}

/** The entry on a journal line, or undefined when the line is torn or damaged. */
function decodeLine(line: string): Entry | undefined {
  const space = line.indexOf(' ');
  if (space !== 16) return undefined;
  const json = line.slice(space + 1);
  if (checksum(json) !== line.slice(0, space)) return undefined;
  try {
    return JSON.parse(json, BufferJSON.reviver) as Entry;
  } catch {
    return undefined;
  }
}

export class BaileysAuthStore {
  private creds: AuthenticationCreds;
  private keys: Keys = {};
  private chats = new Set<string>();
  private journalBytes = 0;
  /** Writes happen one after the other, in the order the updates came. */
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    readonly dir: string,
    creds: AuthenticationCreds,
  ) {
    this.creds = creds;
  }

  /** Opens the store in `dir` (created if missing): the snapshot, then every intact journal line over it. */
  static open(dir: string): BaileysAuthStore {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const store = new BaileysAuthStore(dir, initAuthCreds());
    const snapshotPath = join(dir, SNAPSHOT);
    if (existsSync(snapshotPath)) {
      const snapshot = JSON.parse(readFileSync(snapshotPath, 'utf8'), BufferJSON.reviver) as { creds: AuthenticationCreds; keys: Keys; chats?: string[] };
      store.creds = snapshot.creds;
      store.keys = snapshot.keys ?? {};
      store.chats = new Set(snapshot.chats ?? []);
    }
    const journalPath = join(dir, JOURNAL);
    if (existsSync(journalPath)) {
      const text = readFileSync(journalPath, 'utf8');
      let intact = 0;
      for (const line of text.split('\n')) {
        // The last piece has no newline: a complete journal ends with '\n', so it is '' unless a write was torn.
        if (intact + line.length >= text.length) break;
        const entry = decodeLine(line);
        if (!entry) break;
        store.apply(entry);
        intact += line.length + 1;
      }
      // What follows the last intact line is a torn write: cut it off so new lines do not land after it.
      store.journalBytes = Buffer.byteLength(text.slice(0, intact));
      if (intact < text.length) {
        // The next write waits for the cut and fails with it if it fails (nothing is appended after a torn line); the
        // handler here only keeps a store that is never written again from leaving the failure unhandled.
        const cut = truncate(journalPath, store.journalBytes);
        cut.catch(() => undefined);
        store.queue = cut;
      }
    }
    // Fresh keys are saved before anything uses them: the QR code carries them, and a login made with keys that were
    // never saved would be lost at the next start.
    // Should this first write fail, the credentials are written again with their next update (at login at the latest).
    if (store.journalBytes === 0 && !existsSync(snapshotPath)) store.write({ creds: store.creds }).catch(() => undefined);
    return store;
  }

  /** True once the phone has linked this device (a saved login to restore). */
  get registered(): boolean {
    return Boolean(this.creds.me);
  }

  /** The state Baileys' makeWASocket takes as `auth`; its key writes go through set(). */
  get state(): AuthenticationState {
    return {
      creds: this.creds,
      keys: {
        get: (type, ids) => this.get(type, ids),
        set: (data) => this.set(data),
      },
    };
  }

  /** Saves a 'creds.update' (Baileys has already applied it to the creds object it holds, which is ours). */
  saveCreds(update: Partial<AuthenticationCreds>): Promise<void> {
    Object.assign(this.creds, update);
    return this.write({ creds: update });
  }

  get<T extends KeyType>(type: T, ids: string[]): { [id: string]: SignalDataTypeMap[T] } {
    const found: { [id: string]: SignalDataTypeMap[T] } = {};
    const bucket = this.keys[type] as Record<string, SignalDataTypeMap[T]> | undefined;
    for (const id of ids) {
      const value = bucket?.[id];
      if (value !== undefined) found[id] = value;
    }
    return found;
  }

  set(data: SignalDataSet): Promise<void> {
    this.apply({ keys: data });
    return this.write({ keys: data });
  }

  /** True when the account has a one-to-one chat with `jid` (WhatsApp Web's form, `…@c.us`). */
  hasChat(jid: string): boolean {
    return this.chats.has(jid);
  }

  /** Records one-to-one chats the account has; only new ones are written. */
  addChats(jids: string[]): Promise<void> {
    const fresh = [...new Set(jids)].filter((jid) => !this.chats.has(jid));
    if (fresh.length === 0) return Promise.resolve();
    this.apply({ chats: fresh });
    return this.write({ chats: fresh });
  }

  /** Waits for every update so far to be on disk, then folds the journal into the snapshot. */
  async flush(): Promise<void> {
    await this.enqueue(() => this.compact());
  }

  async close(): Promise<void> {
    await this.flush();
  }

  /** Forgets the login and every key, on disk too: only for a device the phone logged out. */
  async clear(): Promise<void> {
    await this.enqueue(async () => {
      rmSync(join(this.dir, SNAPSHOT), { force: true });
      rmSync(join(this.dir, `${SNAPSHOT}.tmp`), { force: true });
      rmSync(join(this.dir, JOURNAL), { force: true });
      this.journalBytes = 0;
    });
    this.creds = initAuthCreds();
    this.keys = {};
    this.chats = new Set();
    await this.write({ creds: this.creds });
  }

  private apply(entry: Entry): void {
    if (entry.creds) Object.assign(this.creds, entry.creds);
    for (const jid of entry.chats ?? []) this.chats.add(jid);
    for (const [type, values] of Object.entries(entry.keys ?? {}) as [KeyType, Record<string, unknown> | undefined][]) {
      const bucket = (this.keys[type] ??= {}) as Record<string, unknown>;
      for (const [id, value] of Object.entries(values ?? {})) {
        if (value === null || value === undefined) {
          delete bucket[id];
        } else {
          // Baileys reads app-state keys as protobuf objects, as its own file store rebuilds them.
          bucket[id] = type === 'app-state-sync-key' ? proto.Message.AppStateSyncKeyData.fromObject(value as object) : value;
        }
      }
    }
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work);
    // A failed write fails its own caller; the ones after it still run.
    this.queue = next.catch(() => undefined);
    return next;
  }

  private write(entry: Entry): Promise<void> {
    const line = encodeLine(entry);
    return this.enqueue(async () => {
      const journal = await open(join(this.dir, JOURNAL), 'a', 0o600);
      try {
        await journal.write(line);
        await journal.datasync();
      } finally {
        await journal.close();
      }
      this.journalBytes += Buffer.byteLength(line);
      if (this.journalBytes >= COMPACT_AT_BYTES) await this.compact();
    });
  }

  /** Runs inside the queue: snapshot to a temporary file, flushed, renamed over the old one; then the journal is emptied. */
  private async compact(): Promise<void> {
    if (this.journalBytes === 0 && existsSync(join(this.dir, SNAPSHOT))) return;
    const snapshotPath = join(this.dir, SNAPSHOT);
    const tmpPath = `${snapshotPath}.tmp`;
    const tmp = await open(tmpPath, 'w', 0o600);
    try {
      await tmp.write(JSON.stringify({ creds: this.creds, keys: this.keys, chats: [...this.chats] }, BufferJSON.replacer));
      await tmp.sync();
    } finally {
      await tmp.close();
    }
    await rename(tmpPath, snapshotPath);
    const dir = await open(this.dir, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
    await truncate(join(this.dir, JOURNAL)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    this.journalBytes = 0;
  }
}
