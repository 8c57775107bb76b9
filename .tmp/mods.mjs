import { createRequire } from 'node:module';
import pino from 'pino';
const require = createRequire(import.meta.url);
const gc = () => { global.gc(); global.gc(); };
const f = (m) => `rss ${(m.rss/1048576).toFixed(1)} heap ${(m.heapUsed/1048576).toFixed(1)} ext ${(m.external/1048576).toFixed(1)} ab ${(m.arrayBuffers/1048576).toFixed(1)}`;
gc(); console.log('bare', f(process.memoryUsage()));
await import('../dist/adapters/whatsapp/index.js');
gc(); console.log('adapter', f(process.memoryUsage()));
const { createWhatsAppClient } = await import('../dist/adapters/whatsapp/driver.js');
const c = await createWhatsAppClient({ driver: 'baileys', dataDir: '/tmp/q-mods', logger: pino({ level: 'silent' }) });
gc(); console.log('client', f(process.memoryUsage()));
await c.initialize();
await new Promise((r) => setTimeout(r, 6000));
gc(); console.log('socket', f(process.memoryUsage()));
const keys = Object.keys(require.cache);
console.log('cjs modules', keys.length, 'puppeteer', keys.filter((k) => k.includes('puppeteer')).length, 'wwebjs', keys.filter((k) => k.includes('whatsapp-web.js')).length);
const top = {}; for (const k of keys) { const m = k.match(/node_modules\/((@[^/]+\/)?[^/]+)/); if (m) top[m[1]] = (top[m[1]] ?? 0) + 1; }
console.log(Object.entries(top).sort((a,b)=>b[1]-a[1]).slice(0,25).map(([k,v])=>`${k}:${v}`).join(' '));
await c.destroy(); process.exit(0);
