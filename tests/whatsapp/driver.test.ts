// WHATSAPP_DRIVER: each setting builds its own library's client, and nothing is started by building it.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import wa from 'whatsapp-web.js';
import { BaileysClient } from '../../adapters/whatsapp/baileys/client.js';
import { createWhatsAppClient, WHATSAPP_DRIVERS } from '../../adapters/whatsapp/driver.js';
import { loadConfig } from '../../src/config.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'quartier-driver-'));
  dirs.push(dir);
  return dir;
}

describe('WHATSAPP_DRIVER', () => {
  it('is web unless set to baileys; anything else stops the start', () => {
    expect(WHATSAPP_DRIVERS).toEqual(['web', 'baileys']);
    expect(loadConfig({}).WHATSAPP_DRIVER).toBe('web');
    expect(loadConfig({ WHATSAPP_DRIVER: 'baileys' }).WHATSAPP_DRIVER).toBe('baileys');
    expect(() => loadConfig({ WHATSAPP_DRIVER: 'chromium' })).toThrow(/WHATSAPP_DRIVER/);
  });

  it('web builds a whatsapp-web.js Client without launching the browser', async () => {
    const client = await createWhatsAppClient({ driver: 'web', dataDir: tempDir(), logger: pino({ level: 'silent' }) });
    expect(client).toBeInstanceOf(wa.Client);
    expect((client as wa.Client).pupBrowser ?? null).toBeNull();
  });

  it('baileys builds the Baileys driver on its key store in <dataDir>/whatsapp-baileys, without connecting', async () => {
    const dataDir = tempDir();
    const client = await createWhatsAppClient({ driver: 'baileys', dataDir, logger: pino({ level: 'silent' }), pairingPhone: '33612345678' });
    expect(client).toBeInstanceOf(BaileysClient);
    expect(client.info).toBeUndefined();
    expect(existsSync(join(dataDir, 'whatsapp-baileys'))).toBe(true);
    expect(readdirSync(dataDir)).toEqual(['whatsapp-baileys']);
    await client.destroy();
  });
});
