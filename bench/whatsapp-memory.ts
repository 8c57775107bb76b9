// Bench case 5's WhatsApp rows on both databases: the built bot idle with WhatsApp enabled (not logged in), on each
// driver, with PGlite and with PostgreSQL (TEST_DATABASE_URL). `npm run bench` prints the PGlite rows; this prints both.
//   npm run bench:whatsapp-memory
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scratchDatabase } from './lib/cluster.js';
import { buildBot, idleMemory } from './lib/memory.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SETTLE_MS = 20_000;
const MB = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function measure(driver: 'web' | 'baileys' | 'none', databaseUrl: string): Promise<{ bot: number; children: number }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'quartier-bench-data-'));
  try {
    const whatsapp = driver === 'none' ? { WHATSAPP_ENABLED: 'false' } : { WHATSAPP_ENABLED: 'true', WHATSAPP_DRIVER: driver };
    return await idleMemory(root, { DATA_DIR: dataDir, DATABASE_URL: databaseUrl, REDIS_URL: '', CONSOLE: 'on', ...whatsapp }, SETTLE_MS, /chrom/i);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

buildBot(root);
const serverUrl = process.env.TEST_DATABASE_URL;
for (const driver of ['none', 'baileys', 'web'] as const) {
  const pglite = await measure(driver, '');
  console.log(`WhatsApp ${driver}, PGlite: bot ${MB(pglite.bot)} MB, Chromium ${MB(pglite.children)} MB`);
  if (!serverUrl) continue;
  const database = await scratchDatabase(serverUrl);
  try {
    const postgres = await measure(driver, database.url);
    console.log(`WhatsApp ${driver}, PostgreSQL: bot ${MB(postgres.bot)} MB, Chromium ${MB(postgres.children)} MB`);
  } finally {
    await database.drop();
  }
}
