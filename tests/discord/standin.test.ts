// The stand-in itself, driven by the real discord.js client: it must speak the gateway and REST the way the library
// expects, and reject what Discord would reject.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, GatewayIntentBits, REST, Routes, DiscordAPIError } from 'discord.js';
import { DiscordStandIn } from './standin/server.js';

let standIn: DiscordStandIn;
let client: Client | undefined;

beforeEach(async () => {
  standIn = await new DiscordStandIn({ heartbeatIntervalMs: 200, perChannel: { limit: 50, windowMs: 5000 } }).start();
});
afterEach(async () => {
  await client?.destroy();
  client = undefined;
  await standIn.stop();
});

function rest(): REST {
  return new REST({ api: standIn.apiUrl, retries: 0 }).setToken(standIn.token);
}

describe('Discord stand-in', () => {
  it('lets discord.js log in and see the guild and its channels', async () => {
    client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent], rest: { api: standIn.apiUrl } });
    const ready = new Promise<void>((resolve) => client!.once('clientReady', () => resolve()));
    await client.login(standIn.token);
    await ready;
    const guild = client.guilds.cache.get(standIn.world.guild.id);
    expect(guild?.name).toBe('Rue des Lilas');
    expect(guild?.channels.cache.has(standIn.world.general)).toBe(true);
    expect(client.user?.id).toBe(standIn.world.bot.id);
    expect(client.application?.id).toBe(standIn.world.applicationId);
  });

  it('refuses privileged intents the application does not have', async () => {
    client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers], rest: { api: standIn.apiUrl } });
    await expect(client.login(standIn.token)).rejects.toThrow(/disallowed intents/i);
  });

  it('answers unknown routes and methods with Discord errors', async () => {
    const res = await fetch(`${standIn.apiUrl}/v10/nothing/here`, { headers: { authorization: `Bot ${standIn.token}` } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: '404: Not Found', code: 0 });
    const put = await fetch(`${standIn.apiUrl}/v10/users/@me`, { method: 'PUT', headers: { authorization: `Bot ${standIn.token}` } });
    expect(put.status).toBe(405);
    const anonymous = await fetch(`${standIn.apiUrl}/v10/users/@me`);
    expect(anonymous.status).toBe(401);
  });

  it('rejects over-long, empty and badly mentioned messages', async () => {
    const route = Routes.channelMessages(standIn.world.general);
    await expect(rest().post(route, { body: { content: 'x'.repeat(2001) } })).rejects.toMatchObject({ status: 400, code: 50035 });
    await expect(rest().post(route, { body: { content: '' } })).rejects.toMatchObject({ status: 400, code: 50006 });
    await expect(rest().post(route, { body: { content: 'hi', allowed_mentions: { parse: ['users'], users: ['1'] } } })).rejects.toMatchObject({ code: 50035 });
    await expect(rest().post(route, { body: { content: 'hi', message_reference: { message_id: '123' } } })).rejects.toMatchObject({ code: 50035 });
    await expect(rest().post(route, { body: { content: 'hi', message_reference: {} } })).rejects.toBeInstanceOf(DiscordAPIError);
    const sent = (await rest().post(route, { body: { content: 'hello @everyone', allowed_mentions: { parse: [] } } })) as { id: string };
    expect(sent.id).toMatch(/^\d+$/);
    expect(standIn.pings).toEqual([]);
    // Without allowed_mentions, Discord pings everyone mentioned in the text; the stand-in records that.
    await rest().post(route, { body: { content: 'hello @everyone' } });
    expect(standIn.pings.map((p) => p.kind)).toEqual(['everyone']);
  });

  it('rejects invalid command registrations', async () => {
    const route = Routes.applicationCommands(standIn.world.applicationId);
    await expect(rest().put(route, { body: [{ name: 'Help', description: 'x' }] })).rejects.toMatchObject({ code: 50035 });
    await expect(rest().put(route, { body: [{ name: 'help', description: '' }] })).rejects.toMatchObject({ code: 50035 });
    await expect(
      rest().put(route, { body: [{ name: 'faq', description: 'FAQ', options: [{ type: 3, name: 'b', description: 'b' }, { type: 3, name: 'a', description: 'a', required: true }] }] }),
    ).rejects.toMatchObject({ code: 50035 });
    await expect(rest().put(Routes.applicationCommands('42'), { body: [] })).rejects.toMatchObject({ status: 403 });
    await expect(rest().put(route, { body: [{ name: 'help', description: 'Help' }] })).resolves.toHaveLength(1);
  });

  it('answers 429 with retry_after and rate-limit headers once a channel has had its 5 messages', async () => {
    const small = await new DiscordStandIn({ perChannel: { limit: 2, windowMs: 400 } }).start();
    try {
      const url = `${small.apiUrl}/v10/channels/${small.world.general}/messages`;
      const post = () => fetch(url, { method: 'POST', headers: { authorization: `Bot ${small.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ content: 'hi' }) });
      expect((await post()).status).toBe(200);
      expect((await post()).status).toBe(200);
      const limited = await post();
      expect(limited.status).toBe(429);
      expect(limited.headers.get('x-ratelimit-scope')).toBe('user');
      expect(limited.headers.get('retry-after')).toBe('1');
      const body = (await limited.json()) as { retry_after: number; global: boolean };
      expect(body.global).toBe(false);
      expect(body.retry_after).toBeGreaterThan(0);
      expect(body.retry_after).toBeLessThanOrEqual(0.4);
      expect(small.rateLimited.user).toBe(1);
    } finally {
      await small.stop();
    }
  });
});
