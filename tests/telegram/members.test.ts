// Member actions (restrict, unrestrict, remove) through the real grammY client against the stand-in, which refuses what
// Telegram refuses: a bot without the "ban users" right, acting on an administrator or the owner, a basic group.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createTelegramAdapter, type TelegramAdapter } from '../../adapters/telegram/index.js';
import type { OutboundMessage } from '../../src/core/outbound.js';
import { PostRefused, TelegramStandin } from './standin/server.js';
import { deliveryError } from '../helpers/delivery-error.js';

const GROUP = { id: -100200300, type: 'supergroup' as const, title: 'Rue des Lilas' };
const BASIC = { id: -5001, type: 'group' as const, title: 'Petit groupe' };
const NEWCOMER = { id: 42, is_bot: false, first_name: 'Nadia' };
const ADMIN = { id: 43, is_bot: false, first_name: 'Adam' };
const OWNER = { id: 44, is_bot: false, first_name: 'Olivia' };
const logger = pino({ level: 'silent' });

let standin: TelegramStandin;
let adapter: TelegramAdapter;

function action(partial: Partial<OutboundMessage> & Pick<OutboundMessage, 'action'>): OutboundMessage {
  return { id: 'm1', target: `telegram:${GROUP.id}`, text: '', member: { userId: `telegram:${NEWCOMER.id}` }, ...partial };
}

beforeEach(async () => {
  standin = await TelegramStandin.start();
  for (const chat of [GROUP, BASIC]) {
    standin.addChat(chat);
    standin.setMember(chat.id, standin.bot, 'administrator', { can_restrict_members: true, can_delete_messages: true });
    standin.setMember(chat.id, NEWCOMER, 'member');
    standin.setMember(chat.id, ADMIN, 'administrator');
    standin.setMember(chat.id, OWNER, 'creator');
  }
  adapter = createTelegramAdapter({ token: standin.token, apiRoot: standin.apiRoot, logger });
});
afterEach(async () => {
  await standin.close();
});

describe('telegram member actions', () => {
  it('restricts until a date: the member cannot post, and may again once it has passed', async () => {
    const untilMs = Date.now() + 5 * 60_000;
    expect(await adapter.send(action({ action: 'restrict', member: { userId: `telegram:${NEWCOMER.id}`, untilMs } }))).toEqual({ messageIds: [] });
    const call = standin.requests.find((r) => r.method === 'restrictChatMember')!;
    expect(call.params.until_date).toBe(Math.ceil(untilMs / 1000));
    const status = standin.memberStatus(GROUP.id, NEWCOMER.id);
    expect(status).toMatchObject({ status: 'restricted', is_member: true, can_send_messages: false, until_date: Math.ceil(untilMs / 1000) });
    await expect(standin.userMessage({ chat: GROUP, from: NEWCOMER, text: 'buy now' })).rejects.toBeInstanceOf(PostRefused);
  });

  it('stretches a restriction shorter than 30 seconds instead of letting Telegram read it as forever', async () => {
    await adapter.send(action({ action: 'restrict', member: { userId: `telegram:${NEWCOMER.id}`, untilMs: Date.now() + 5_000 } }));
    const status = standin.memberStatus(GROUP.id, NEWCOMER.id);
    expect(status?.status).toBe('restricted');
    expect((status as { until_date: number }).until_date).toBeGreaterThan(0);
  });

  it('a restriction whose end has passed does nothing', async () => {
    await adapter.send(action({ action: 'restrict', member: { userId: `telegram:${NEWCOMER.id}`, untilMs: Date.now() - 1 } }));
    expect(standin.requests.filter((r) => r.method === 'restrictChatMember')).toHaveLength(0);
    expect(standin.memberStatus(GROUP.id, NEWCOMER.id)?.status).toBe('member');
  });

  it('restricts without an end, then lifts it: the member posts again', async () => {
    await adapter.send(action({ action: 'restrict' }));
    expect(standin.memberStatus(GROUP.id, NEWCOMER.id)).toMatchObject({ status: 'restricted', until_date: 0 });
    await adapter.send(action({ action: 'unrestrict' }));
    expect(standin.memberStatus(GROUP.id, NEWCOMER.id)?.status).toBe('member');
    await standin.userMessage({ chat: GROUP, from: NEWCOMER, text: 'hello everyone' });
  });

  it('removes with a ban and an unban: the person is out and may join again', async () => {
    await adapter.send(action({ action: 'remove' }));
    expect(standin.memberActions.map((a) => a.method)).toEqual(['banChatMember', 'unbanChatMember']);
    expect(standin.memberStatus(GROUP.id, NEWCOMER.id)?.status).toBe('left');
    const unban = standin.requests.find((r) => r.method === 'unbanChatMember')!;
    expect(unban.params.only_if_banned).toBe(true);
    await standin.userJoins({ chat: GROUP, users: [NEWCOMER] });
    expect(standin.memberStatus(GROUP.id, NEWCOMER.id)?.status).toBe('member');
  });

  it('a retried remove succeeds again', async () => {
    await adapter.send(action({ action: 'remove' }));
    await adapter.send(action({ action: 'remove' }));
    expect(standin.memberStatus(GROUP.id, NEWCOMER.id)?.status).toBe('left');
  });

  it('removes from a basic group with the ban alone (unban exists for supergroups only)', async () => {
    await adapter.send(action({ action: 'remove', target: `telegram:${BASIC.id}` }));
    expect(standin.memberStatus(BASIC.id, NEWCOMER.id)?.status).toBe('kicked');
  });

  it('a bot without the ban-users right gets a permanent error naming it, and nothing changes', async () => {
    standin.setMember(GROUP.id, standin.bot, 'administrator', { can_delete_messages: true });
    for (const kind of ['restrict', 'unrestrict', 'remove'] as const) {
      const error = await deliveryError(adapter.send(action({ action: kind })));
      expect(error.kind).toBe('permanent');
      expect(error.details.missingPermission).toBe('restrict_members');
      expect(error.details.chatGone).toBeUndefined();
    }
    standin.setMember(GROUP.id, standin.bot, 'member');
    const error = await deliveryError(adapter.send(action({ action: 'restrict' })));
    expect(error.details.missingPermission).toBe('restrict_members');
    expect(standin.memberStatus(GROUP.id, NEWCOMER.id)?.status).toBe('member');
  });

  it('an administrator or the owner cannot be restricted or removed: permanent, without a missing permission', async () => {
    for (const user of [ADMIN, OWNER]) {
      for (const kind of ['restrict', 'remove'] as const) {
        const error = await deliveryError(adapter.send(action({ action: kind, member: { userId: `telegram:${user.id}` } })));
        expect(error.kind).toBe('permanent');
        expect(error.details.missingPermission).toBeUndefined();
      }
    }
    expect(standin.memberStatus(GROUP.id, ADMIN.id)?.status).toBe('administrator');
  });

  it('restricting in a basic group is refused as Telegram refuses it', async () => {
    const error = await deliveryError(adapter.send(action({ action: 'restrict', target: `telegram:${BASIC.id}` })));
    expect(error.kind).toBe('permanent');
    expect(error.message).toMatch(/supergroups/);
  });

  it('a member action without a member, or naming another platform, is refused without a call', async () => {
    const before = standin.requests.length;
    expect((await deliveryError(adapter.send(action({ action: 'restrict', member: undefined })))).kind).toBe('permanent');
    expect((await deliveryError(adapter.send(action({ action: 'remove', member: { userId: 'discord:42' } })))).kind).toBe('permanent');
    expect(standin.requests.length).toBe(before);
  });

  it('a bot removed from the group: the chat is gone', async () => {
    standin.kickBot(GROUP.id);
    const error = await deliveryError(adapter.send(action({ action: 'remove' })));
    expect(error.details.chatGone).toBe(true);
  });
});
