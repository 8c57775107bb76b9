// The adapter as a whole against the stand-in: gateway start, inbound hand-off, interactions and their answers,
// own echoes ignored, reconnect/resume, and roles from permissions.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import type { AdapterHooks, CommandMenuEntry, PlatformAdapter } from '../../src/core/adapter.js';
import type { Envelope } from '../../src/core/envelope.js';
import { DiscordStandIn, P } from './standin/server.js';

const logger = pino({ level: 'silent' });
let standIn: DiscordStandIn;
let adapter: PlatformAdapter;
let received: Envelope[];
const gone: string[] = [];
const hooks: AdapterHooks = { rolesChanged: () => {}, chatGone: async (chat) => void gone.push(chat) };

const menu: CommandMenuEntry[] = [
  { name: 'help', role: 'member', descriptions: { en: 'What I can do', fr: 'Ce que je sais faire' }, args: [{ name: 'command', required: false, rest: false, descriptions: { en: 'A command' } }], subcommands: [] },
  { name: 'setrules', role: 'admin', descriptions: { en: 'Set the rules' }, args: [{ name: 'text', required: true, rest: true, descriptions: { en: 'The rules' } }], subcommands: [] },
];

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeEach(async () => {
  standIn = await new DiscordStandIn({ heartbeatIntervalMs: 300, perChannel: { limit: 50, windowMs: 5000 } }).start();
  adapter = createDiscordAdapter({ token: standIn.token, apiUrl: standIn.apiUrl, logger, pacing: { perChatIntervalMs: 10 } });
  received = [];
  await adapter.start(async (envelope) => void received.push(envelope), hooks);
});
afterEach(async () => {
  await adapter.stop();
  await standIn.stop();
});

describe('Discord adapter', () => {
  it('connects through /gateway/bot at the configured API URL and reports health', () => {
    expect(adapter.health?.()).toEqual({ ok: true });
    expect(standIn.stats.identifies).toBe(1);
    expect(standIn.requests.some((r) => r.path === '/api/v10/gateway/bot')).toBe(true);
    expect(adapter.pacing).toEqual({ perChatIntervalMs: 10, globalIntervalMs: 25, catchUpMs: 50 });
  });

  it('hands user messages to the sink, and a !command as /command', async () => {
    standIn.userMessage(standIn.world.general, standIn.world.users.member, '!help rules');
    await waitFor(() => received.length === 1);
    expect(received[0]).toMatchObject({ kind: 'message', text: '/help rules', chat: { id: `discord:${standIn.world.general}` } });
  });

  it('ignores its own messages and its own webhook echoes', async () => {
    await adapter.send({ id: 'a', target: `discord:${standIn.world.general}`, action: 'send', text: 'plain' });
    await adapter.send({ id: 'b', target: `discord:${standIn.world.general}`, action: 'send', text: 'relayed', identity: { name: 'Alice (Telegram)' } });
    standIn.userMessage(standIn.world.general, standIn.world.users.member, 'after');
    await waitFor(() => received.length >= 1);
    expect(received.map((e) => e.text)).toEqual(['after']);
  });

  it('registers slash commands with localized descriptions and role-based visibility', async () => {
    await adapter.registerCommands!(menu);
    const [help, setrules] = standIn.world.commands as { name: string; description_localizations?: Record<string, string>; default_member_permissions: string | null }[];
    expect(help).toMatchObject({ name: 'help', description_localizations: { fr: 'Ce que je sais faire' }, default_member_permissions: null });
    expect(setrules).toMatchObject({ name: 'setrules', default_member_permissions: String(P.MANAGE_GUILD) });
  });

  it('defers a slash command once queued, then answers it publicly by editing the deferral', async () => {
    await adapter.registerCommands!(menu);
    const interaction = standIn.slashCommand(standIn.world.general, standIn.world.users.member, 'help', [{ name: 'command', type: 3, value: 'rules' }]);
    await waitFor(() => interaction.callbackType !== undefined);
    expect(interaction.callbackType).toBe(5);
    const envelope = received[0]!;
    expect(envelope).toMatchObject({ text: '/help rules', addressedToBot: true, interaction: { id: interaction.id, token: interaction.token } });
    const result = await adapter.send({ id: 'r', target: envelope.chat.id, action: 'send', text: 'Rules: be kind', interaction: envelope.interaction });
    const original = standIn.world.messages.get(interaction.originalId!)!;
    expect(original.message.content).toBe('Rules: be kind');
    expect(original.ephemeral).toBe(false);
    expect(result.messageIds).toEqual([`discord:${standIn.world.general}/${interaction.originalId}`]);
    expect(standIn.requests.some((r) => r.method === 'PATCH' && r.template === '/webhooks/{webhook_id}/{webhook_token}/messages/@original')).toBe(true);
  });

  it('answers ephemerally by removing the public deferral first', async () => {
    await adapter.registerCommands!(menu);
    const interaction = standIn.slashCommand(standIn.world.general, standIn.world.users.member, 'setrules', [{ name: 'text', type: 3, value: 'new rules' }]);
    await waitFor(() => interaction.callbackType !== undefined);
    await adapter.send({ id: 'r', target: received[0]!.chat.id, action: 'send', text: 'Only admins can do that.', interaction: received[0]!.interaction, ephemeral: true });
    const visible = standIn.messagesIn(standIn.world.general);
    expect(visible).toHaveLength(1);
    expect(visible[0]).toMatchObject({ content: 'Only admins can do that.', ephemeral: true });
  });

  it('answers with the interaction response itself when the reply beats the deferral', async () => {
    await adapter.stop();
    adapter = createDiscordAdapter({ token: standIn.token, apiUrl: standIn.apiUrl, logger });
    // A sink that never lets go: the adapter cannot defer, as when the reply is faster than the hand-off.
    received = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await adapter.start(async (envelope) => {
      received.push(envelope);
      await held;
    }, hooks);
    await adapter.registerCommands!(menu);
    const interaction = standIn.slashCommand(standIn.world.general, standIn.world.users.member, 'help');
    await waitFor(() => received.length === 1);
    await adapter.send({ id: 'r', target: received[0]!.chat.id, action: 'send', text: 'Not here.', interaction: received[0]!.interaction, ephemeral: true });
    expect(interaction.callbackType).toBe(4);
    expect(standIn.messagesIn(standIn.world.general)).toEqual([expect.objectContaining({ content: 'Not here.', ephemeral: true })]);
    // The late deferral then finds the interaction answered, and leaves it be.
    release();
    await waitFor(() => standIn.requests.filter((r) => r.template?.endsWith('/callback')).length === 2);
    expect(standIn.messagesIn(standIn.world.general)).toHaveLength(1);
  });

  it('acknowledges button presses without touching their message', async () => {
    const sent = await adapter.send({ id: 'q', target: `discord:${standIn.world.general}`, action: 'send', text: 'Approve?', buttons: [{ label: 'Yes', data: 'approve:1' }] });
    const messageId = sent.messageIds[0]!.split('/')[1]!;
    const interaction = standIn.pressButton(messageId, standIn.world.users.moderator, 'approve:1');
    await waitFor(() => interaction.callbackType !== undefined);
    expect(interaction.callbackType).toBe(6);
    expect(received[0]).toMatchObject({ kind: 'button', buttonData: 'approve:1', messageId: sent.messageIds[0] });
  });

  it('resumes after the gateway closes and receives what was sent meanwhile', async () => {
    standIn.closeGateway(4000);
    await waitFor(() => standIn.gateway.connected === 0);
    standIn.userMessage(standIn.world.general, standIn.world.users.member, 'while you were away');
    await waitFor(() => received.length === 1);
    expect(received[0]!.text).toBe('while you were away');
    expect(standIn.stats.resumes).toBe(1);
    expect(standIn.stats.identifies).toBe(1);
    await waitFor(() => adapter.health?.().ok === true);
  });

  it('identifies again after a non-resumable close', async () => {
    standIn.closeGateway(1000);
    // discord.js waits out its 5 s identify throttle before identifying again.
    await waitFor(() => standIn.stats.identifies === 2, 10_000);
    await waitFor(() => standIn.gateway.connected === 1);
    standIn.userMessage(standIn.world.general, standIn.world.users.member, 'back');
    await waitFor(() => received.length === 1);
    expect(received[0]!.text).toBe('back');
  }, 15_000);

  it('tells roles from permissions: owner and Manage Server are admin, Manage Messages is moderator', async () => {
    const { users, general, second } = standIn.world;
    const chat = `discord:${general}`;
    expect(await adapter.roles.roleOf(chat, `discord:${users.owner.id}`)).toBe('admin');
    expect(await adapter.roles.roleOf(chat, `discord:${users.admin.id}`)).toBe('admin');
    expect(await adapter.roles.roleOf(chat, `discord:${users.moderator.id}`)).toBe('moderator');
    expect(await adapter.roles.roleOf(chat, `discord:${users.member.id}`)).toBe('member');
    // Channel overwrites count: Max may manage messages in #announcements only; the moderators role may not.
    standIn.setOverwrite(second, { id: users.member.id, type: 1, allow: String(P.MANAGE_MESSAGES), deny: '0' });
    standIn.setOverwrite(second, { id: standIn.world.roles.moderators, type: 0, allow: '0', deny: String(P.MANAGE_MESSAGES) });
    // The adapter learns of them over the gateway (CHANNEL_UPDATE, one per change, in order), which a loaded machine
    // can take a while to deliver: waited for, up to the second change.
    const roleInSecond = (user: { id: string }) => adapter.roles.roleOf(`discord:${second}`, `discord:${user.id}`);
    await waitFor(async () => (await roleInSecond(users.moderator)) === 'member');
    expect(await roleInSecond(users.member)).toBe('moderator');
    expect(await roleInSecond(users.moderator)).toBe('member');
    // Role changes are read live over REST (no GuildMembers intent).
    standIn.setMemberRoles(users.member.id, [standIn.world.roles.admins]);
    expect(await adapter.roles.roleOf(chat, `discord:${users.member.id}`)).toBe('admin');
  });

  it('tells roles over REST alone in a process without the gateway', async () => {
    const worker = createDiscordAdapter({ token: standIn.token, apiUrl: standIn.apiUrl, logger });
    expect(await worker.roles.roleOf(`discord:${standIn.world.general}`, `discord:${standIn.world.users.moderator.id}`)).toBe('moderator');
  });
});
