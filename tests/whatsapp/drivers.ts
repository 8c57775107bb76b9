// The two WhatsApp drivers, each on a stand-in of its own library: whatsapp-web.js's Client (standin.ts) and Baileys'
// socket (baileys-standin.ts) behind the real BaileysClient. Tests take a driver from DRIVERS (describe.each) and talk
// to the world through StandinWorld, which both stand-ins serve with the same methods.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { BaileysAuthStore } from '../../adapters/whatsapp/baileys/auth-store.js';
import { BaileysClient } from '../../adapters/whatsapp/baileys/client.js';
import type { WhatsAppClient } from '../../adapters/whatsapp/client.js';
import { BaileysStandin } from './baileys-standin.js';
import { StandinClient, type IncomingMedia, type SentRecord, type StandinParticipant } from './standin.js';

export interface StandinWorld {
  readonly botId: string;
  readonly sent: SentRecord[];
  readonly qrCount: number;
  /** How many times the driver connected (launched the browser, or opened a socket). */
  readonly initializeCount: number;
  readonly downloadCount: number;
  readonly revokedForEveryone: string[];
  addGroup(id: string, name: string, participants: StandinParticipant[], options?: { withBot?: boolean }): void;
  addContact(id: string): void;
  setAdmin(groupId: string, userId: string, admin: boolean): void;
  /** Members the bot removed from groups, in order. */
  readonly removals: { groupId: string; userId: string }[];
  /** Whether someone is in a group now. */
  isParticipant(groupId: string, userId: string): boolean;
  /**
   * `replyTo`: the serialised id of the message this one quotes; `forwardingScore`: the message was forwarded, this
   * many times on its way (WhatsApp shows "forwarded many times" from 5).
   */
  receiveGroupMessage(
    groupId: string,
    authorId: string,
    body: string,
    extra?: { notifyName?: string; replyTo?: string; forwardingScore?: number },
  ): { id: { _serialized: string } };
  receivePrivateMessage(fromId: string, body: string): { id: { _serialized: string } };
  receiveGroupMedia(
    groupId: string,
    authorId: string,
    media: IncomingMedia,
    extra?: { notifyName?: string; size?: number | undefined },
  ): { id: { _serialized: string } };
  editIncoming(serializedId: string, newBody: string): void;
  revokeIncoming(serializedId: string): void;
  groupEvent(groupId: string, subtype: string, authorId: string, recipients: string[]): void;
  failSendAfter(after: number): void;
  expireMedia(serializedId: string): void;
  /** The connection drops for `reason` (whatsapp-web.js's names; 'LOGOUT' is the phone unlinking the device). */
  simulateDisconnect(reason?: string): Promise<void>;
  scanQr(): void;
  messageState(serializedId: string): Promise<{ type: string; hasMedia: boolean; body: string } | null>;
}

export interface DriverSetup {
  world: StandinWorld;
  client: WhatsAppClient;
}

export interface Driver {
  name: 'web' | 'baileys';
  create(botId: string): DriverSetup;
}

const dirs: string[] = [];

/** Removes the key stores the Baileys driver wrote (setup.ts calls it after each file; the process's exit too). */
export function removeDriverDirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
process.once('exit', removeDriverDirs);

export function baileysSetup(
  botId: string,
  dir?: string,
  options: { recentMessages?: number } = {},
): DriverSetup & { world: BaileysStandin; client: BaileysClient; store: BaileysAuthStore } {
  const storeDir = dir ?? mkdtempSync(join(tmpdir(), 'quartier-baileys-'));
  if (!dir) dirs.push(storeDir);
  const world = new BaileysStandin(botId);
  const store = BaileysAuthStore.open(storeDir);
  const client = new BaileysClient({
    store,
    logger: pino({ level: 'silent' }),
    makeSocket: world.makeSocket,
    downloadMedia: world.download,
    ...options,
  });
  return { world, client, store };
}

export const DRIVERS: Driver[] = [
  {
    name: 'web',
    create(botId) {
      const standin = new StandinClient(botId);
      return { world: standin, client: standin };
    },
  },
  { name: 'baileys', create: (botId) => baileysSetup(botId) },
];
