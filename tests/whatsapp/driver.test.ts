// WHATSAPP_DRIVER: each setting builds its own library's client, and nothing is started by building it.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import wa from 'whatsapp-web.js';
import { BaileysClient } from '../../adapters/whatsapp/baileys/client.js';
import { BaileysNotInstalled, createWhatsAppClient, WHATSAPP_DRIVERS } from '../../adapters/whatsapp/driver.js';
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

  describe('baileys without its optional package', () => {
    /** What Node's import throws when a package is absent from node_modules. */
    const notFound = (name: string) =>
      Object.assign(new Error(`Cannot find package '${name}' imported from /app/dist/adapters/whatsapp/baileys/index.js`), { code: 'ERR_MODULE_NOT_FOUND' });

    it('stops the start with how to install it, and touches nothing in the data directory', async () => {
      const dataDir = tempDir();
      const start = createWhatsAppClient(
        { driver: 'baileys', dataDir, logger: pino({ level: 'silent' }) },
        { baileys: () => Promise.reject(notFound('@whiskeysockets/baileys')) },
      );
      await expect(start).rejects.toBeInstanceOf(BaileysNotInstalled);
      const error = (await start.catch((e: unknown) => e)) as BaileysNotInstalled;
      expect(error.missing).toBe('@whiskeysockets/baileys');
      expect(error.message).toMatch(/^WHATSAPP_DRIVER=baileys needs the optional package @whiskeysockets\/baileys, which is not installed\./);
      expect(error.message).toContain('npm ci --include=optional');
      expect(error.message).toContain('--build-arg WHATSAPP_BAILEYS=1');
      expect(error.message).toContain('GPL-3.0');
      expect(error.message).toContain('WHATSAPP_DRIVER=web');
      expect(readdirSync(dataDir)).toEqual([]);
    });

    it('names the package that is missing when Baileys is there without one of its own (libsignal)', async () => {
      const start = createWhatsAppClient(
        { driver: 'baileys', dataDir: tempDir(), logger: pino({ level: 'silent' }) },
        { baileys: () => Promise.reject(notFound('libsignal')) },
      );
      await expect(start).rejects.toThrow(/@whiskeysockets\/baileys, and its dependency libsignal is not installed\./);
    });

    it('lets any other failure through as it is: a missing file of our own is not an installation choice', async () => {
      const ownFile = Object.assign(new Error("Cannot find module '/app/dist/adapters/whatsapp/baileys/client.js' imported from /app/dist/adapters/whatsapp/baileys/index.js"), { code: 'ERR_MODULE_NOT_FOUND' });
      const broken = new SyntaxError('Unexpected token');
      for (const failure of [ownFile, broken]) {
        const start = createWhatsAppClient({ driver: 'baileys', dataDir: tempDir(), logger: pino({ level: 'silent' }) }, { baileys: () => Promise.reject(failure) });
        await expect(start).rejects.toBe(failure);
      }
    });

    it('the web driver never loads it', async () => {
      let loaded = false;
      const client = await createWhatsAppClient(
        { driver: 'web', dataDir: tempDir(), logger: pino({ level: 'silent' }) },
        { baileys: () => ((loaded = true), Promise.reject(notFound('@whiskeysockets/baileys'))) },
      );
      expect(client).toBeInstanceOf(wa.Client);
      expect(loaded).toBe(false);
    });
  });
});
