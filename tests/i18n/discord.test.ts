// On Discord, an ephemeral answer to a slash command is seen by its sender only: it comes in their locale (the
// interaction's `locale`), while what the channel reads stays in the group's language.
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import { translate } from '../../src/i18n/index.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { DiscordStandIn } from '../discord/standin/server.js';

let standIn: DiscordStandIn;
let bot: TestBot;

beforeEach(async () => {
  standIn = await new DiscordStandIn({ perChannel: { limit: 50, windowMs: 5000 } }).start();
  const adapter = createDiscordAdapter({
    token: standIn.token,
    apiUrl: standIn.apiUrl,
    logger: pino({ level: 'silent' }),
    pacing: { perChatIntervalMs: 20, globalIntervalMs: 1 },
  });
  bot = await startTestApp({ adapters: [adapter], noConsole: true });
});
afterEach(async () => {
  await bot?.stop();
  await standIn?.stop();
});

const contents = () => standIn.messagesIn(standIn.world.general).filter((m) => m.content);

describe('Discord reply language', () => {
  it('refuses a Ukrainian-speaking member ephemerally in Ukrainian; the group (English) reads English', async () => {
    const { general, users } = standIn.world;
    const name = (standIn.world.commands as unknown as { name: string; options?: { name: string }[] }[]).find((c) => c.name === 'setrules')!
      .options![0]!.name;
    standIn.slashCommand(general, users.member, 'setrules', [{ name, type: 3, value: 'No dogs' }], 'uk');
    await bot.waitFor(() => contents().some((m) => m.ephemeral));
    expect(contents().find((m) => m.ephemeral)!.content).toBe(translate('uk', 'errors.needs_admin', { command: '/setrules' }));

    standIn.slashCommand(general, users.member, 'rules', [], 'es-ES');
    await bot.waitFor(() => contents().some((m) => !m.ephemeral));
    // Discord escapes the markdown characters of `<text>`: compare the sentence before the command.
    const english = translate('en', 'rules.none');
    expect(contents().find((m) => !m.ephemeral)!.content.startsWith(english.slice(0, english.indexOf('/')))).toBe(true);
  });
});
