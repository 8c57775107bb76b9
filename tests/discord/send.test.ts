// send(): OutboundMessage → Discord REST, against the stand-in (real discord.js REST client, no gateway needed).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import type { OutboundMessage } from '../../src/core/outbound.js';
import { DiscordStandIn } from './standin/server.js';
import { deliveryError } from '../helpers/delivery-error.js';

const logger = pino({ level: 'silent' });
let standIn: DiscordStandIn;

beforeEach(async () => {
  standIn = await new DiscordStandIn({ perChannel: { limit: 50, windowMs: 5000 } }).start();
});
afterEach(async () => {
  await standIn.stop();
});

const adapter = () => createDiscordAdapter({ token: standIn.token, apiUrl: standIn.apiUrl, logger });
const out = (m: Partial<OutboundMessage>): OutboundMessage => ({ id: 'test:1', target: `discord:${standIn.world.general}`, action: 'send', text: 'hello', ...m });
const general = () => standIn.world.general;

describe('Discord send', () => {
  it('posts a message and returns its qualified id, never allowing mentions by parsing', async () => {
    const result = await adapter().send(out({ text: 'Market on Saturday' }));
    const [message] = standIn.messagesIn(general());
    expect(message?.content).toBe('Market on Saturday');
    expect(result.messageIds).toEqual([`discord:${general()}/${message!.id}`]);
    const request = standIn.requests.find((r) => r.method === 'POST');
    expect(request?.body).toMatchObject({ allowed_mentions: { parse: [], users: [] } });
  });

  it('splits a 5,000-character reply into valid messages, replying with the first', async () => {
    const original = standIn.userMessage(general(), standIn.world.users.member, 'tell me everything');
    const text = Array.from({ length: 600 }, (_, i) => `word${String(i).padStart(4, '0')}`).join(' ').slice(0, 5000);
    expect(text.length).toBe(5000);
    const result = await adapter().send(out({ text, replyTo: `discord:${general()}/${original.id}` }));
    expect(result.messageIds).toHaveLength(3);
    const sent = standIn.botMessages();
    expect(sent).toHaveLength(3);
    for (const message of sent) expect(message.content.length).toBeLessThanOrEqual(2000);
    expect(sent.map((m) => m.content).join(' ')).toBe(text);
    expect(sent[0]!.message_reference).toMatchObject({ message_id: original.id });
    expect(sent[1]!.message_reference).toBeUndefined();
  });

  it('sends each part with a fixed nonce and enforce_nonce: the same delivery sent again (a retry after a crash) gets the first messages back', async () => {
    const text = Array.from({ length: 600 }, (_, i) => `word${String(i).padStart(4, '0')}`).join(' ').slice(0, 5000);
    const first = await adapter().send(out({ text }));
    // Another process (a fresh adapter) retries the same delivery: Discord answers with the messages it created.
    const again = await adapter().send(out({ text }));
    expect(again.messageIds).toEqual(first.messageIds);
    expect(standIn.botMessages()).toHaveLength(3);
    const nonces = standIn.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages')).map((r) => r.body as { nonce?: string; enforce_nonce?: boolean });
    expect(nonces).toHaveLength(6);
    for (const body of nonces) {
      expect(body.enforce_nonce).toBe(true);
      expect(body.nonce!.length).toBeLessThanOrEqual(25);
    }
    expect(new Set(nonces.map((b) => b.nonce)).size).toBe(3);
    // Another message to the same channel has nonces of its own: it is posted.
    await adapter().send(out({ id: 'test:2', text: 'something else' }));
    expect(standIn.botMessages()).toHaveLength(4);
  });

  it('splits again when escaping makes a part longer than 2,000 characters', async () => {
    const text = '*_'.repeat(1500);
    const result = await adapter().send(out({ text }));
    const sent = standIn.botMessages();
    expect(result.messageIds.length).toBe(sent.length);
    expect(sent.length).toBeGreaterThanOrEqual(3);
    for (const message of sent) expect(message.content.length).toBeLessThanOrEqual(2000);
  });

  it('never pings @everyone, @here, roles or users from text; pings only real mentions', async () => {
    const { users, roles } = standIn.world;
    const text = `@everyone @here <@&${roles.admins}> <@${users.admin.id}> and Max`;
    await adapter().send(out({ text, mentions: [{ userId: `discord:${users.member.id}`, offset: text.length - 3, length: 3 }] }));
    expect(standIn.pings).toEqual([expect.objectContaining({ kind: 'user', id: users.member.id })]);
    const [message] = standIn.botMessages();
    expect(message?.content).toContain(`<@${users.member.id}>`);
    // The typed mention stays visible text, escaped so Discord does not even render it as a mention.
    expect(message?.content).toContain(`\\<@${users.admin.id}\\>`);
  });

  it('renders format spans as markdown and escapes user text', async () => {
    const text = 'Rules: be kind *really* see docs `x`';
    await adapter().send(
      out({
        text,
        format: [
          { type: 'bold', offset: 0, length: 6 },
          { type: 'link', offset: text.indexOf('docs'), length: 4, url: 'https://example.org/rules' },
          { type: 'code', offset: text.length - 3, length: 3 },
        ],
      }),
    );
    expect(standIn.botMessages()[0]?.content).toBe('**Rules:** be kind \\*really\\* see [docs](<https://example.org/rules>) ``` `x` ```'.replace('``` `x` ```', '`` `x` ``'));
  });

  it('posts in a thread, with buttons', async () => {
    const result = await adapter().send(out({ threadId: standIn.world.thread, buttons: [{ label: 'Approve', data: 'alert:approve:4' }] }));
    const [message] = standIn.messagesIn(standIn.world.thread);
    expect(result.messageIds).toEqual([`discord:${standIn.world.thread}/${message!.id}`]);
    expect(message?.components).toEqual([{ type: 1, components: [{ type: 2, style: 2, label: 'Approve', custom_id: 'alert:approve:4' }] }]);
  });

  it('edits and deletes earlier posts, also when the text grows or shrinks', async () => {
    const discord = adapter();
    const first = await discord.send(out({ text: 'a'.repeat(3000) }));
    expect(first.messageIds).toHaveLength(2);
    const edited = await discord.send(out({ action: 'edit', text: 'short now', editOf: first.messageIds }));
    expect(edited.messageIds).toEqual([first.messageIds[0]]);
    expect(standIn.messagesIn(general()).map((m) => m.content)).toEqual(['short now']);
    await discord.send(out({ action: 'delete', text: '', editOf: edited.messageIds }));
    expect(standIn.messagesIn(general())).toEqual([]);
    // Deleting again is fine (a retried delete must not fail).
    await expect(discord.send(out({ action: 'delete', text: '', editOf: edited.messageIds }))).resolves.toEqual({ messageIds: [] });
  });

  it('posts under another name through one reused "Quartier" webhook, found again after a restart', async () => {
    const identity = { name: 'Alice @ Telegram: discord fan', avatarUrl: 'https://example.org/a.png' };
    const first = await adapter().send(out({ text: 'Bonjour', identity }));
    await adapter().send(out({ text: 'Encore', identity }));
    const creates = standIn.requests.filter((r) => r.method === 'POST' && r.template === '/channels/{channel_id}/webhooks');
    expect(creates).toHaveLength(1);
    expect(standIn.world.webhooks.size).toBe(1);
    const sent = standIn.botMessages();
    expect(sent.map((m) => m.content)).toEqual(['Bonjour', 'Encore']);
    expect((sent[0]!.author as { username: string }).username).not.toMatch(/discord|[@:#]/i);
    expect(sent[0]!.webhook_id).toBe([...standIn.world.webhooks.keys()][0]);
    // Editing an identity post goes through the webhook, since the bot is not its author.
    await adapter().send(out({ action: 'edit', text: 'Bonjour à tous', identity, editOf: first.messageIds }));
    expect(standIn.messagesIn(general())[0]?.content).toBe('Bonjour à tous');
  });

  it('clears the buttons when an edit carries none', async () => {
    const discord = adapter();
    const posted = await discord.send(out({ text: 'Help wanted #1', buttons: [{ label: 'I can help', data: 'help:offer:1' }] }));
    expect(standIn.messagesIn(general())[0]?.components).toHaveLength(1);
    await discord.send(out({ action: 'edit', text: 'Help wanted #1 (solved)', editOf: posted.messageIds }));
    const [message] = standIn.messagesIn(general());
    expect(message?.content).toBe('Help wanted #1 (solved)');
    expect(message?.components).toEqual([]);
    const patch = standIn.requests.find((r) => r.method === 'PATCH');
    expect(patch?.body).toMatchObject({ components: [] });
    // An edit that keeps buttons still sends them.
    await discord.send(out({ action: 'edit', text: 'Help wanted #1 (reopened)', editOf: posted.messageIds, buttons: [{ label: 'I can help', data: 'help:offer:1' }] }));
    expect(standIn.messagesIn(general())[0]?.components).toEqual([{ type: 1, components: [{ type: 2, style: 2, label: 'I can help', custom_id: 'help:offer:1' }] }]);
  });

  it("reports MANAGE_MESSAGES when deleting someone else's message is refused", async () => {
    const theirs = standIn.userMessage(general(), standIn.world.users.member, 'posted during quiet hours');
    const refused = await deliveryError(adapter().send(out({ action: 'delete', text: '', editOf: [`discord:${general()}/${theirs.id}`] })));
    expect(refused).toMatchObject({ kind: 'permanent', details: { missingPermission: 'MANAGE_MESSAGES' } });
    expect(standIn.requests.some((r) => r.method === 'DELETE' && r.status === 403 && (r.response as { code: number }).code === 50013)).toBe(true);
    expect(standIn.messagesIn(general()).map((m) => m.id)).toEqual([theirs.id]);
  });

  it('writes to a user privately through their DM channel, opened once; closed DMs fail permanently', async () => {
    const discord = adapter();
    const { member, moderator } = standIn.world.users;
    const first = await discord.send(out({ target: `discord:@${member.id}`, text: 'Mona can help with your request #1' }));
    await discord.send(out({ id: 'test:2', target: `discord:@${member.id}`, text: 'Adam can help too' }));
    expect(standIn.dmsTo(member.id).map((m) => m.content)).toEqual(['Mona can help with your request #1', 'Adam can help too']);
    const dmChannel = standIn.world.dmChannels.get(member.id)!;
    expect(first.messageIds).toEqual([`discord:${dmChannel}/${standIn.dmsTo(member.id)[0]!.id}`]);
    // The DM channel is opened once and then cached.
    const opened = standIn.requests.filter((r) => r.method === 'POST' && r.template === '/users/@me/channels');
    expect(opened).toHaveLength(1);
    expect(opened[0]!.body).toEqual({ recipient_id: member.id });
    expect(standIn.messagesIn(general())).toEqual([]);

    standIn.closeDms(moderator.id);
    const closed = await deliveryError(discord.send(out({ target: `discord:@${moderator.id}`, text: 'Max can help' })));
    expect(closed.kind).toBe('permanent');
    expect(closed.details.chatGone).toBeUndefined();
    expect(closed.message).toContain('50007');
    expect(standIn.dmsTo(moderator.id)).toEqual([]);
  });

  it('turns a 429 into a rate-limited DeliveryError carrying retry_after', async () => {
    await standIn.stop();
    // A window long enough that a loaded machine still makes the four sends within it (nothing here waits for it).
    const windowMs = 5_000;
    standIn = await new DiscordStandIn({ perChannel: { limit: 2, windowMs } }).start();
    const discord = adapter();
    await discord.send(out({ text: 'one' }));
    await discord.send(out({ text: 'two' }));
    // Discord said remaining 0: discord.js knows the bucket is empty and rejects before sending.
    const early = await deliveryError(discord.send(out({ text: 'three' })));
    expect(early.kind).toBe('rate-limited');
    expect(early.details.retryAfterMs).toBeGreaterThan(0);
    expect(early.details.retryAfterMs).toBeLessThanOrEqual(windowMs);
    // A fresh client that has not seen the headers gets the 429 itself.
    const fresh = await deliveryError(adapter().send(out({ text: 'four' })));
    expect(fresh.kind).toBe('rate-limited');
    const limited = standIn.requests.filter((r) => r.status === 429);
    expect(limited).toHaveLength(1);
    const retryAfter = (limited[0]!.response as { retry_after: number }).retry_after;
    // The time left when the 429 was answered, less what passed before the adapter read it (a busy machine can stall
    // for a moment): far from the fallback of 1 s.
    expect(fresh.details.retryAfterMs).toBeGreaterThanOrEqual(Math.floor(retryAfter * 1000) - 500);
    expect(fresh.details.retryAfterMs).toBeLessThanOrEqual(Math.ceil(retryAfter) * 1000);
    expect(standIn.rateLimited.user).toBe(1);
  });

  it('names the parts posted before a later part fails, and resumes after them', async () => {
    await standIn.stop();
    standIn = await new DiscordStandIn({ perChannel: { limit: 2, windowMs: 800 } }).start();
    const text = Array.from({ length: 600 }, (_, i) => `word${String(i).padStart(4, '0')}`).join(' ').slice(0, 5000);
    const discord = adapter();
    const limited = await deliveryError(discord.send(out({ text })));
    expect(limited.kind).toBe('rate-limited');
    const posted = standIn.botMessages();
    expect(posted).toHaveLength(2);
    expect(limited.details.deliveredIds).toEqual(posted.map((m) => `discord:${general()}/${m.id}`));
    await new Promise((resolve) => setTimeout(resolve, limited.details.retryAfterMs! + 50));
    const resumed = await discord.send(out({ text, resumeAfter: 2 }));
    const all = standIn.botMessages();
    expect(all).toHaveLength(3);
    expect(resumed.messageIds).toEqual([`discord:${general()}/${all[2]!.id}`]);
    expect(all.map((m) => m.content).join(' ')).toBe(text);
  });

  it('maps missing permissions, unknown channels and network failures', async () => {
    standIn.denyBot(general());
    const denied = await deliveryError(adapter().send(out({})));
    expect(denied).toMatchObject({ kind: 'permanent', details: { missingPermission: 'SEND_MESSAGES' } });
    standIn.denyBot(standIn.world.second, true);
    const hidden = await deliveryError(adapter().send(out({ target: `discord:${standIn.world.second}` })));
    expect(hidden).toMatchObject({ kind: 'permanent', details: { missingPermission: 'VIEW_CHANNEL' } });
    const gone = await deliveryError(adapter().send(out({ target: 'discord:1234567890' })));
    expect(gone).toMatchObject({ kind: 'permanent', details: { chatGone: true } });
    const apiUrl = standIn.apiUrl;
    await standIn.stop();
    const offline = await deliveryError(createDiscordAdapter({ token: 't', apiUrl, logger }).send(out({})));
    expect(offline.kind).toBe('transient');
    standIn = await new DiscordStandIn().start();
  });
});
