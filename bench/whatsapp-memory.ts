// Bench case 5's WhatsApp rows on both databases: the built bot idle with WhatsApp enabled (not logged in), on each
// driver, with PGlite and with PostgreSQL (TEST_DATABASE_URL). `npm run bench` prints the PGlite rows; this prints both.
//   npm run bench:whatsapp-memory                                  # every driver, one run each
//   BENCH_RUNS=3 npm run bench:whatsapp-memory -- baileys          # these drivers only, each row min / median / max
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

const DRIVERS = ['none', 'baileys', 'web'] as const;
const chosen = process.argv.slice(2);
for (const name of chosen) if (!(DRIVERS as readonly string[]).includes(name)) throw new Error(`unknown driver ${name}: ${DRIVERS.join(', ')}`);
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 1));

/** One figure, or min / median / max of several. */
function spread(values: number[]): string {
  const sorted = values.map(MB).sort((a, b) => a - b);
  return sorted.length === 1 ? `${sorted[0]}` : `${sorted[0]} / ${sorted[Math.floor(sorted.length / 2)]} / ${sorted.at(-1)}`;
}

async function row(driver: (typeof DRIVERS)[number], label: string, databaseUrl: () => Promise<{ url: string; drop(): Promise<void> }>) {
  const results: { bot: number; children: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const database = await databaseUrl();
    try {
      results.push(await measure(driver, database.url));
    } finally {
      await database.drop();
    }
  }
  console.log(`WhatsApp ${driver}, ${label}: bot ${spread(results.map((r) => r.bot))} MB, Chromium ${spread(results.map((r) => r.children))} MB`);
}

buildBot(root);
const serverUrl = process.env.TEST_DATABASE_URL;
for (const driver of DRIVERS.filter((d) => chosen.length === 0 || chosen.includes(d))) {
  await row(driver, 'PGlite', async () => ({ url: '', drop: async () => {} }));
  if (serverUrl) await row(driver, 'PostgreSQL', () => scratchDatabase(serverUrl));
}
