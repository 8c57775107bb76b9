// The features list is the one place capabilities are wired: each brings its commands, stages, services and
// sentences, and an app started with fewer features has none of the others'.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Feature } from '../../src/core/feature.js';
import { basics } from '../../src/features/basics/index.js';
import { FEATURES, allCommands } from '../../src/features/index.js';
import { supportedLanguages } from '../../src/i18n/index.js';
import { startTestApp, type TestBot } from '../helpers/app.js';

const FEATURES_DIR = fileURLToPath(new URL('../../src/features/', import.meta.url));

describe('the features list', () => {
  let bot: TestBot | undefined;
  afterEach(async () => bot?.stop());

  it('names each feature once, and each command belongs to one feature', () => {
    const names = FEATURES.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9-]{1,32}$/);
    const commands = allCommands.map((c) => c.name);
    expect(new Set(commands).size).toBe(commands.length);
  });

  it('lists every feature folder, and each folder that has sentences has them in every language', () => {
    const folders = readdirSync(FEATURES_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(folders.sort()).toEqual(FEATURES.map((f) => f.name).sort());
    for (const folder of folders) {
      const locales = `${FEATURES_DIR}${folder}/locales`;
      if (!existsSync(locales)) continue;
      expect(readdirSync(locales).map((f) => f.replace(/\.json$/, '')).sort(), folder).toEqual(supportedLanguages().sort());
    }
  });

  it('an app started with only the basics answers their commands and knows no other', async () => {
    bot = await startTestApp({ features: [basics] });
    const chat = bot.chat('only-basics').as('admin');
    expect((await chat.send('/rules'))[0]!.text).toContain('no rules');
    expect(bot.app.services.commands.get('faq')).toBeUndefined();
    expect(bot.app.services.commands.get('rules')).toBeDefined();
    // No quiet-hours stage and no queue of theirs: the basics alone hold nothing back.
    expect(bot.app.queues().map((q) => q.name).filter((n) => !n.startsWith('inbound') && !n.startsWith('deliver-'))).toEqual([]);
    expect('rules' in bot.app.services).toBe(false);
  });

  it('stop() waits for a worker that never closes only until workerCloseMs, then goes on', async () => {
    // A BullMQ worker whose Redis connection is reconnecting when it is closed never finishes closing (bullmq#4656).
    let closing = false;
    const stuck: Feature = { name: 'stuck', scheduled: () => ({ close: () => ((closing = true), new Promise<void>(() => {})) }) };
    bot = await startTestApp({ features: [basics, stuck], workerCloseMs: 300 });
    const stopped = bot.stop().then(() => 'stopped');
    const late = new Promise((resolve) => setTimeout(() => resolve('still stopping'), 5_000));
    expect(await Promise.race([stopped, late])).toBe('stopped');
    expect(closing).toBe(true);
    bot = undefined;
  });
});
