// Member actions (restrict = timeout, unrestrict, remove = kick) through the real discord.js REST client against the
// stand-in, which refuses what Discord refuses: no Moderate/Kick Members, the owner, an administrator, a member whose
// role is as high as the bot's, a timeout further than 28 days.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import { MAX_TIMEOUT_MS } from '../../adapters/discord/members.js';
import type { OutboundMessage } from '../../src/core/outbound.js';
import { DiscordStandIn } from './standin/server.js';
import { P } from './standin/state.js';
import { deliveryError } from '../helpers/delivery-error.js';

const logger = pino({ level: 'silent' });
let standIn: DiscordStandIn;

beforeEach(async () => {
  standIn = await new DiscordStandIn().start();
  standIn.grantBot(P.MODERATE_MEMBERS | P.KICK_MEMBERS);
});
afterEach(async () => {
  await standIn.stop();
});

const adapter = () => createDiscordAdapter({ token: standIn.token, apiUrl: standIn.apiUrl, logger });
const member = () => standIn.world.users.member;
const action = (m: Partial<OutboundMessage> & Pick<OutboundMessage, 'action'>): OutboundMessage => ({
  id: 'act:1',
  target: `discord:${standIn.world.general}`,
  text: '',
  member: { userId: `discord:${member().id}` },
  ...m,
});
const memberRequests = () => standIn.requests.filter((r) => r.template === '/guilds/{guild_id}/members/{user_id}' && r.method !== 'GET');

describe('discord member actions', () => {
  it('restricts with a timeout on the channel’s guild until the given time: the member cannot post', async () => {
    const untilMs = Date.now() + 5 * 60_000;
    expect(await adapter().send(action({ action: 'restrict', member: { userId: `discord:${member().id}`, untilMs } }))).toEqual({ messageIds: [] });
    const [request] = memberRequests();
    expect(request).toMatchObject({ method: 'PATCH', path: `/api/v10/guilds/${standIn.world.guild.id}/members/${member().id}`, status: 200 });
    expect(request!.body).toEqual({ communication_disabled_until: new Date(untilMs).toISOString() });
    expect(standIn.world.timedOut(member().id)).toBe(true);
    expect(() => standIn.userMessage(standIn.world.general, member(), 'spam')).toThrow(/timed out/);
  });

  it('resolves the guild from a thread too', async () => {
    await adapter().send(action({ action: 'restrict', target: `discord:${standIn.world.thread}`, member: { userId: `discord:${member().id}`, untilMs: Date.now() + 60_000 } }));
    expect(standIn.world.timedOut(member().id)).toBe(true);
  });

  it('a restriction without an end is Discord’s longest timeout (28 days), accepted by Discord', async () => {
    const before = Date.now();
    await adapter().send(action({ action: 'restrict' }));
    const until = Date.parse(standIn.world.members.get(member().id)!.communication_disabled_until!);
    expect(until).toBeGreaterThanOrEqual(before + MAX_TIMEOUT_MS);
    expect(until).toBeLessThanOrEqual(Date.now() + 28 * 24 * 3600_000);
  });

  it('the stand-in refuses a timeout further than 28 days, as Discord does', async () => {
    const response = await fetch(`${standIn.apiUrl}/v10/guilds/${standIn.world.guild.id}/members/${member().id}`, {
      method: 'PATCH',
      headers: { authorization: `Bot ${standIn.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ communication_disabled_until: new Date(Date.now() + 29 * 24 * 3600_000).toISOString() }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: number }).code).toBe(50035);
  });

  it('unrestrict clears the timeout: the member posts again', async () => {
    await adapter().send(action({ action: 'restrict', member: { userId: `discord:${member().id}`, untilMs: Date.now() + 60_000 } }));
    await adapter().send(action({ action: 'unrestrict' }));
    expect(memberRequests().at(-1)!.body).toEqual({ communication_disabled_until: null });
    expect(standIn.world.timedOut(member().id)).toBe(false);
    standIn.userMessage(standIn.world.general, member(), 'hello');
  });

  it('remove kicks; removing again (a retry) succeeds', async () => {
    await adapter().send(action({ action: 'remove' }));
    expect(memberRequests()[0]).toMatchObject({ method: 'DELETE', status: 204 });
    expect(standIn.world.members.has(member().id)).toBe(false);
    await adapter().send(action({ action: 'remove' }));
    expect(memberRequests()[1]).toMatchObject({ method: 'DELETE', status: 404 });
  });

  it('without Moderate Members or Kick Members: permanent, naming the permission, nothing changed', async () => {
    const role = standIn.world.guild.roles.find((r) => r.id === standIn.world.roles.bot)!;
    role.permissions = String(BigInt(role.permissions) & ~(P.MODERATE_MEMBERS | P.KICK_MEMBERS));
    const restrict = await deliveryError(adapter().send(action({ action: 'restrict' })));
    expect(restrict).toMatchObject({ kind: 'permanent', details: { missingPermission: 'MODERATE_MEMBERS' } });
    const remove = await deliveryError(adapter().send(action({ action: 'remove' })));
    expect(remove).toMatchObject({ kind: 'permanent', details: { missingPermission: 'KICK_MEMBERS' } });
    expect(standIn.world.timedOut(member().id)).toBe(false);
    expect(standIn.world.members.has(member().id)).toBe(true);
  });

  it('the owner, an administrator and a member ranked above the bot cannot be timed out or kicked', async () => {
    const { owner, admin, moderator } = standIn.world.users;
    standIn.world.guild.roles.find((r) => r.id === standIn.world.roles.admins)!.permissions = String(P.ADMINISTRATOR);
    standIn.world.guild.roles.find((r) => r.id === standIn.world.roles.moderators)!.position = 5;
    for (const user of [owner, admin, moderator]) {
      for (const kind of ['restrict', 'remove'] as const) {
        const error = await deliveryError(adapter().send(action({ action: kind, member: { userId: `discord:${user.id}` } })));
        expect(error.kind).toBe('permanent');
        expect(error.details.missingPermission).toBeDefined();
      }
      expect(standIn.world.members.has(user.id)).toBe(true);
    }
  });

  it('a restriction whose end has passed does nothing; a DM or a foreign id is refused without a member call', async () => {
    await adapter().send(action({ action: 'restrict', member: { userId: `discord:${member().id}`, untilMs: Date.now() - 1 } }));
    expect((await deliveryError(adapter().send(action({ action: 'remove', target: `discord:@${member().id}` })))).kind).toBe('permanent');
    expect((await deliveryError(adapter().send(action({ action: 'remove', member: { userId: 'telegram:42' } })))).kind).toBe('permanent');
    expect(memberRequests()).toHaveLength(0);
  });
});
