// The real Baileys driver: Baileys' own socket and media download behind BaileysClient, with the keys in
// <dataDir>/whatsapp-baileys (auth-store.ts).
import { downloadMediaMessage, fetchLatestWaWebVersion, makeWASocket } from '@whiskeysockets/baileys';
import type pino from 'pino';
import { BaileysAuthStore, baileysSessionDir } from './auth-store.js';
import { BaileysClient, libraryLogger } from './client.js';

export interface BaileysSettings {
  dataDir: string;
  pairingPhone?: string;
  logger: pino.Logger;
}

export function createBaileysClient(settings: BaileysSettings): BaileysClient {
  const logger = settings.logger.child({ platform: 'whatsapp' });
  return new BaileysClient({
    store: BaileysAuthStore.open(baileysSessionDir(settings.dataDir)),
    logger,
    ...(settings.pairingPhone ? { pairingPhone: settings.pairingPhone } : {}),
    makeSocket: (config) => makeWASocket(config),
    // Read from WhatsApp Web itself (the service the socket connects to anyway); Baileys' own on any failure.
    latestVersion: async () => {
      const latest = await fetchLatestWaWebVersion({ timeout: 10_000 });
      return latest.isLatest ? latest.version : undefined;
    },
    downloadMedia: (message, socket) =>
      downloadMediaMessage(message, 'buffer', {}, { logger: libraryLogger(logger), reuploadRequest: socket.updateMediaMessage }),
  });
}
