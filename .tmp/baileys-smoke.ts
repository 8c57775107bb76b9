import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createWhatsAppClient } from '../adapters/whatsapp/driver.js';
import { createWhatsAppAdapter } from '../adapters/whatsapp/index.js';

const mb = (n: number) => (n / 1048576).toFixed(1);
const driver = (process.argv[2] ?? 'baileys') as 'web' | 'baileys';
const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
global.gc?.();
const base = process.memoryUsage();
console.log('before', driver, 'rss', mb(base.rss), 'heap', mb(base.heapUsed));
const dataDir = mkdtempSync(join(tmpdir(), 'q-smoke-'));
const client = await createWhatsAppClient({ driver, dataDir, logger });
const adapter = createWhatsAppAdapter({ dataDir, logger, client, terminal: null });
await adapter.start(async () => {}, { rolesChanged() {}, chatGone: async () => {} });
for (let i = 0; i < 4; i++) {
  await new Promise((r) => setTimeout(r, 5000));
  global.gc?.();
  const m = process.memoryUsage();
  console.log(`t=${(i + 1) * 5}s`, 'rss', mb(m.rss), 'heap', mb(m.heapUsed), JSON.stringify(adapter.health?.()), 'qr?', Boolean(await adapter.qrPng()));
}
await adapter.stop();
console.log('stopped');
process.exit(0);
