// The setup on the Discord stand-in, through the whole bot: the guilds READY lists are the bot's already (no setup at
// connect); a GUILD_CREATE for a guild it did not list is the bot added, and the setup goes to the system channel
// with the permissions Discord's own computation says the bot lacks.
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import { startTestApp, type TestBot } from '../helpers/app.js';
import { DiscordStandIn } from '../discord/standin/server.js';

let standIn: DiscordStandIn | undefined;
let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.stop();
  await standIn?.stop();
  bot = undefined;
  standIn = undefined;
});

const setups = (s: DiscordStandIn) => s.botMessages().filter((m) => m.content.includes('/setrules'));

describe('setup when added, on Discord', { timeout: 90_000 }, () => {
  it('says nothing for guilds it was in at connect; introduces itself once in a new guild, naming what it lacks', async () => {
    const s = (standIn = await new DiscordStandIn({ perChannel: { limit: 50, windowMs: 5000 } }).start());
    // The stand-in's bot role has Manage Webhooks; Manage Messages and Moderate Members it lacks.
    const adapter = createDiscordAdapter({ token: s.token, apiUrl: s.apiUrl, logger: pino({ level: 'silent' }), pacing: { perChatIntervalMs: 0, globalIntervalMs: 0 } });
    const b = (bot = await startTestApp({ adapters: [adapter], noConsole: true }));
    await b.settle();
    expect(setups(s)).toEqual([]);

    // Added to another guild whose system channel the bot can post in (the stand-in's general channel stands in).
    const added = { ...s.world.guildObject(), id: '990000000000000001', joined_at: new Date().toISOString(), system_channel_id: s.world.general, channels: [], members: [], threads: [] };
    s.dispatch('GUILD_CREATE', added);
    await b.waitFor(() => setups(s).length === 1);
    // Discord may send it again (a reconnect before READY lists it): said once.
    s.dispatch('GUILD_CREATE', added);
    await b.settle();
    expect(setups(s)).toHaveLength(1);
    const text = setups(s)[0]!.content;
    expect(text).toContain('Manage Messages');
    expect(text).toContain('Moderate Members');
    expect(text).not.toContain('Manage Webhooks');
  });
});
