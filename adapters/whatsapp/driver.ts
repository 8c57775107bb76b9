// Which library speaks to WhatsApp (WHATSAPP_DRIVER): whatsapp-web.js drives a real WhatsApp Web in Chromium ('web',
// the default); Baileys speaks WhatsApp's WebSocket protocol itself, with no browser ('baileys'). Each is imported
// only when chosen: the other would cost its memory for nothing.
//
// Baileys is an optional dependency: it pulls in libsignal, under GPL-3.0, which an MIT installation leaves out
// (`npm ci --omit=optional`, the default image). This dynamic import is the one place shipped code reaches it, so a
// missing package stops the start here with instructions, never later in the middle of a session.
import type pino from 'pino';
import type { WhatsAppClient } from './client.js';

export const WHATSAPP_DRIVERS = ['web', 'baileys'] as const;
export type WhatsAppDriver = (typeof WHATSAPP_DRIVERS)[number];

export interface DriverSettings {
  driver: WhatsAppDriver;
  dataDir: string;
  chromiumPath?: string;
  pairingPhone?: string;
  logger: pino.Logger;
}

export type BaileysDriverModule = typeof import('./baileys/index.js');

export interface DriverLoaders {
  /** Loads the Baileys driver and with it the optional package; tests pass one that fails as a missing package does. */
  baileys?: () => Promise<BaileysDriverModule>;
}

/** The Baileys driver was chosen on an installation without its optional package. */
export class BaileysNotInstalled extends Error {
  constructor(readonly missing: string) {
    const what = missing === BAILEYS_PACKAGE ? 'which is not installed' : `and its dependency ${missing} is not installed`;
    super(
      `WHATSAPP_DRIVER=baileys needs the optional package ${BAILEYS_PACKAGE}, ${what}. ` +
        'Install it with `npm ci --include=optional` (or `npm ci` without --omit=optional); for the Docker image, build ' +
        'it with `--build-arg WHATSAPP_BAILEYS=1` (docker compose passes WHATSAPP_BAILEYS from the environment or .env). ' +
        'It brings libsignal, under GPL-3.0: see "Licences" in the README. Or set WHATSAPP_DRIVER=web.',
    );
    this.name = 'BaileysNotInstalled';
  }
}

const BAILEYS_PACKAGE = '@whiskeysockets/baileys';

/** The package Node could not find, when `error` is a missing package (not a missing file of our own). */
function missingPackage(error: unknown): string | undefined {
  if (!(error instanceof Error) || (error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') return undefined;
  return /Cannot find package '([^']+)'/.exec(error.message)?.[1];
}

export type WhatsAppClientFactory = (settings: Omit<DriverSettings, 'driver'>) => Promise<WhatsAppClient>;

/**
 * Loads the chosen driver's library, without building a client: the start calls it before it opens any storage, so a
 * driver that cannot load stops the bot before anything is written.
 */
export async function loadWhatsAppDriver(driver: WhatsAppDriver, loaders: DriverLoaders = {}): Promise<WhatsAppClientFactory> {
  if (driver === 'baileys') {
    const load = loaders.baileys ?? (() => import('./baileys/index.js'));
    let module: BaileysDriverModule;
    try {
      module = await load();
    } catch (error) {
      const missing = missingPackage(error);
      if (missing) throw new BaileysNotInstalled(missing);
      throw error;
    }
    return async (settings) => module.createBaileysClient(settings);
  }
  const { createRealClient } = await import('./session.js');
  return async (settings) => createRealClient(settings);
}

export async function createWhatsAppClient(settings: DriverSettings, loaders: DriverLoaders = {}): Promise<WhatsAppClient> {
  const create = await loadWhatsAppDriver(settings.driver, loaders);
  return create(settings);
}
