// Files within a memory budget: a Discord message with ten 4 MB files, bridged to WhatsApp and Telegram, with a
// budget of 40 MiB per relay and 48 MiB for the whole process. The two relays (one per target) each need 40 MB, so they
// cannot hold their files at the same time: the second waits for the first to give its share back. Every file arrives
// on both sides, and the process never held more file bytes than its budget. The process's peak memory is printed.
import { afterEach, describe, expect, it } from 'vitest';
import { World } from '../bridges/world.js';

const MiB = 1024 * 1024;
let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

function bytes(n: number, seed: number): Buffer {
  const data = Buffer.alloc(n);
  for (let i = 0; i < n; i += 4096) data[i] = (seed + i) & 0xff;
  return data;
}

describe('files within a memory budget', () => {
  it('bridges ten large files to two platforms without holding more than the process budget', async () => {
    const w = (world = await World.create({ fileBudget: { perJobBytes: 40 * MiB, workerBytes: 48 * MiB } }));
    await w.linkAll();
    const files = Array.from({ length: 10 }, (_, i) => ({ name: `plan${i}.pdf`, data: bytes(4_000_000, i), contentType: 'application/pdf' }));
    const waBefore = w.wa.sent.length;
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    const rssBefore = process.memoryUsage().rss;
    try {
      w.discord.userFiles(w.general, w.discord.world.users.member, 'Ten plans', files);
      await w.bot.waitFor(() => w.wa.sent.length >= waBefore + 10, 60_000);
      await w.bot.waitFor(() => w.telegramCopies().filter((m) => m.method === 'sendDocument').length >= 10, 60_000);
      await w.bot.settle(1000, 60_000);
    } finally {
      clearInterval(sampler);
    }
    const onWhatsApp = w.wa.sent.slice(waBefore).filter((s) => s.media);
    expect(onWhatsApp.map((s) => s.media!.filename)).toEqual(files.map((f) => f.name));
    for (const [i, sent] of onWhatsApp.entries()) expect(sent.media!.data.equals(files[i]!.data)).toBe(true);
    const onTelegram = w.telegramCopies().filter((m) => m.method === 'sendDocument');
    expect(onTelegram.map((m) => m.file!.fileName)).toEqual(files.map((f) => f.name));
    // No notice: every file went, within the budgets.
    expect([...w.wa.sent.slice(waBefore).map((s) => s.body), ...w.telegramCopies().map((m) => m.text)].join('\n')).not.toMatch(/plan\d\.pdf \(/);
    const budget = w.bot.app.fileBudgets.worker;
    console.info(
      `files-budget: 2 relays x 10 files of 4 MB; most file bytes held at once ${(budget.peak / MiB).toFixed(1)} MiB of ${budget.totalBytes / MiB} MiB; ` +
        `test process RSS ${(rssBefore / MiB).toFixed(0)} MiB before, peak ${(peakRss / MiB).toFixed(0)} MiB (stand-ins included)`,
    );
    expect(budget.peak).toBeLessThanOrEqual(48 * MiB);
    expect(budget.peak).toBeGreaterThan(30 * MiB);
  }, 120_000);
});
