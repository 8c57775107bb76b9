// The whole bot (real Redis, PGlite, pipeline, delivery workers) with the Discord adapter plugged into the stand-in.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import { allCommands } from '../../src/features/index.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { DiscordStandIn, type SlashOption } from './standin/server.js';

const logger = pino({ level: 'silent' });
let standIn: DiscordStandIn;
let bot: TestBot;

async function start(pacing = { perChatIntervalMs: 20, globalIntervalMs: 1 }, standInOptions = {}): Promise<void> {
  standIn = await new DiscordStandIn({ perChannel: { limit: 50, windowMs: 5000 }, ...standInOptions }).start();
  const adapter = createDiscordAdapter({ token: standIn.token, apiUrl: standIn.apiUrl, logger, pacing });
  bot = await startTestApp({ adapters: [adapter], noConsole: true });
}

afterEach(async () => {
  await bot?.stop();
  await standIn?.stop();
});

type Registered = { name: string; type: number; description: string; options?: { name: string; type: number; required?: boolean; options?: unknown[] }[]; default_member_permissions: string | null };
const registered = () => standIn.world.commands as unknown as Registered[];
const option = (command: string, value: string): SlashOption[] => {
  const name = registered().find((c) => c.name === command)!.options![0]!.name;
  return [{ name, type: 3, value }];
};
const botTexts = () => standIn.botMessages().filter((m) => !m.deleted && m.content);

describe('Discord end to end', () => {
  beforeEach(async () => {
    await start();
  });

  it('registers every command as a valid, complete slash command', async () => {
    const put = standIn.requests.filter((r) => r.method === 'PUT' && r.template === '/applications/{application_id}/commands');
    expect(put.map((r) => r.status)).toEqual([200]);
    const slash = registered().filter((c) => c.type === 1);
    const names = slash.map((c) => c.name).sort();
    expect(names).toEqual(allCommands.map((c) => c.name).sort());
    expect(names).toEqual(expect.arrayContaining(['clearrules', 'forgetme', 'help', 'lang', 'rules', 'setrules', 'timezone']));
    // And one entry in a message's Apps menu per command that offers one.
    expect(registered().filter((c) => c.type === 3).map((c) => c.name)).toEqual(['Report to moderators']);
    for (const command of slash) {
      expect(command.description.length).toBeGreaterThan(0);
      expect(command.description.length).toBeLessThanOrEqual(100);
    }
    expect(registered().find((c) => c.name === 'setrules')!.default_member_permissions).toBe(String(1n << 5n));
    expect(registered().find((c) => c.name === 'help')!.default_member_permissions).toBeNull();
  });

  it('answers a slash command through its interaction', async () => {
    const interaction = standIn.slashCommand(standIn.world.general, standIn.world.users.member, 'help');
    await bot.waitFor(() => {
      const original = interaction.originalId ? standIn.world.messages.get(interaction.originalId) : undefined;
      return Boolean(original && !original.deleted && original.message.content);
    });
    const original = standIn.world.messages.get(interaction.originalId!)!;
    expect(original.ephemeral).toBe(false);
    expect(original.message.content).toMatch(/rules/);
  });

  it('refuses an admin command to a member, ephemerally, and changes nothing', async () => {
    const interaction = standIn.slashCommand(standIn.world.general, standIn.world.users.member, 'setrules', option('setrules', 'No dogs'));
    await bot.waitFor(() => standIn.messagesIn(standIn.world.general).some((m) => m.ephemeral && m.content));
    await bot.settle();
    const visible = standIn.messagesIn(standIn.world.general).filter((m) => m.content || m.flags & 128);
    expect(visible).toHaveLength(1);
    expect(visible[0]!.ephemeral).toBe(true);
    expect(interaction.callbackType).toBeDefined();
    // The rules are still unset.
    standIn.userMessage(standIn.world.general, standIn.world.users.member, '!rules');
    await bot.waitFor(() => botTexts().some((m) => !m.ephemeral));
    expect(botTexts().filter((m) => !m.ephemeral).map((m) => m.content).join('\n')).not.toContain('No dogs');
  });

  it('answers a text !help in the channel', async () => {
    const asked = standIn.userMessage(standIn.world.general, standIn.world.users.member, '!help');
    await bot.waitFor(() => botTexts().length > 0);
    const [reply] = botTexts();
    expect(reply!.channel_id).toBe(standIn.world.general);
    expect(reply!.message_reference).toMatchObject({ message_id: asked.id });
  });

  it('never pings @everyone from text the bot repeats', async () => {
    standIn.userMessage(standIn.world.general, standIn.world.users.admin, `!setrules @everyone @here <@&${standIn.world.roles.moderators}> read this`);
    await bot.waitFor(() => botTexts().length === 1);
    standIn.userMessage(standIn.world.general, standIn.world.users.member, '!rules');
    await bot.waitFor(() => botTexts().some((m) => m.content.includes('@everyone')));
    // The stand-in records every would-be notification; there must be none.
    expect(standIn.pings).toEqual([]);
  });
});

describe('Discord fan-out through the delivery layer (real pacing, real limits)', () => {
  it('delivers to 50 channels without a single 429', async () => {
    // Discord's real limits in the stand-in and the adapter's real pacing (1 s per channel, 25 ms overall).
    standIn = await new DiscordStandIn({ perChannel: { limit: 5, windowMs: 5000 }, global: { limit: 50, windowMs: 1000 } }).start();
    const adapter = createDiscordAdapter({ token: standIn.token, apiUrl: standIn.apiUrl, logger });
    bot = await startTestApp({ adapters: [adapter], noConsole: true });
    const channels = Array.from({ length: 50 }, (_, i) => standIn.addChannel(`street-${i}`));
    const perChannel = 3;
    const started = Date.now();
    for (let round = 0; round < perChannel; round++) {
      for (const channel of channels) {
        await bot.app.outbox.enqueue({ id: `alert:${round}`, target: `discord:${channel}`, action: 'send', text: `Water cut tomorrow (${round})` });
      }
    }
    const total = channels.length * perChannel;
    await bot.waitFor(() => standIn.botMessages().length === total, 60_000);
    const seconds = (Date.now() - started) / 1000;
    // A measurement, reported rather than asserted on: wall-clock speed depends on the machine.
    console.info(`discord fan-out: ${total} messages to 50 channels in ${seconds.toFixed(2)} s = ${(total / seconds).toFixed(1)} msg/s; 429s: ${JSON.stringify(standIn.rateLimited)}`);
    expect(standIn.rateLimited).toEqual({ user: 0, global: 0 });
  }, 90_000);
});
