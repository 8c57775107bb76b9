// /dashboard as a Discord slash command: the link comes back as an ephemeral answer (the moderator alone sees it),
// never as a message the channel sees; a member's is refused and gets no link.
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import { DiscordStandIn } from '../discord/standin/server.js';
import { Client, startDashboardBot, type DashboardBot } from './helpers.js';

let standIn: DiscordStandIn | undefined;
let running: DashboardBot | undefined;
afterEach(async () => {
  await running?.stop();
  await standIn?.stop();
  running = undefined;
  standIn = undefined;
});

describe('the dashboard with Discord', { timeout: 90_000 }, () => {
  it('gives the link ephemerally to a moderator, and nothing to a member', async () => {
    standIn = await new DiscordStandIn({ perChannel: { limit: 50, windowMs: 5000 } }).start();
    const adapter = createDiscordAdapter({ token: standIn.token, apiUrl: standIn.apiUrl, logger: pino({ level: 'silent' }), pacing: { perChatIntervalMs: 20, globalIntervalMs: 1 } });
    running = await startDashboardBot({ adapters: [adapter], noConsole: true });
    const { bot, base } = running;
    const s = standIn;
    const channel = s.world.general;
    const linkIn = (text: string | undefined) => /(http\S+\/dashboard\/login\?t=[\w-]+)/.exec(text ?? '')?.[1];

    s.slashCommand(channel, s.world.users.member, 'dashboard');
    await bot.waitFor(() => s.messagesIn(channel).some((m) => m.ephemeral && m.content));
    expect(s.messagesIn(channel).some((m) => linkIn(m.content))).toBe(false);

    s.slashCommand(channel, s.world.users.moderator, 'dashboard');
    await bot.waitFor(() => s.messagesIn(channel).some((m) => linkIn(m.content)));
    const withLink = s.messagesIn(channel).filter((m) => linkIn(m.content));
    expect(withLink).toHaveLength(1);
    expect(withLink[0]!.ephemeral).toBe(true);
    const client = new Client(base);
    expect((await client.login(linkIn(withLink[0]!.content)!)).status).toBe(303);
  });
});
