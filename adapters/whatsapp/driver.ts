// Which library speaks to WhatsApp (WHATSAPP_DRIVER): whatsapp-web.js drives a real WhatsApp Web in Chromium ('web',
// the default); Baileys speaks WhatsApp's WebSocket protocol itself, with no browser ('baileys'). Each is imported
// only when chosen: the other would cost its memory for nothing.
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

export async function createWhatsAppClient(settings: DriverSettings): Promise<WhatsAppClient> {
  if (settings.driver === 'baileys') {
    const { createBaileysClient } = await import('./baileys/index.js');
    return createBaileysClient(settings);
  }
  const { createRealClient } = await import('./session.js');
  return createRealClient(settings);
}
