// The bot's own arrival in a group, as each adapter's pure normalize reports it (a join addressed to the bot), and the
// rights each platform names as missing.
import { describe, expect, it } from 'vitest';
import type { ChatMember, Update } from 'grammy/types';
import { normalize } from '../../adapters/discord/normalize.js';
import { missingFromPermissions } from '../../adapters/discord/roles.js';
import { normalizeUpdate } from '../../adapters/telegram/normalize.js';
import { missingFromMember } from '../../adapters/telegram/roles.js';
import { normalizeGroupEvent, type GroupEventName } from '../../adapters/whatsapp/normalize.js';
import { groupNotificationData } from '../../adapters/whatsapp/raw.js';
import { loadFixture, realGroupNotification } from '../whatsapp/fixtures.js';

const ME = { id: 777, is_bot: true, first_name: 'Quartier', username: 'QuartierBot' };
const chat = { id: -100123, type: 'supergroup' as const, title: 'Rue des Lilas' };

function myChatMember(old: ChatMember['status'], now: ChatMember['status']): Update {
  return {
    update_id: 5,
    my_chat_member: { chat, from: { id: 1, is_bot: false, first_name: 'Alice' }, date: 1767225600, old_chat_member: { status: old, user: ME } as ChatMember, new_chat_member: { status: now, user: ME } as ChatMember },
  } as Update;
}

describe('the bot added to a group', () => {
  it('Telegram: my_chat_member from left to member is a join addressed to the bot; a promotion is not', () => {
    const added = normalizeUpdate(myChatMember('left', 'member'), { id: ME.id, username: ME.username }, 0);
    expect(added).toMatchObject({ type: 'rolesChanged', chatId: 'telegram:-100123', envelopes: [{ kind: 'join', addressedToBot: true, sender: { id: 'telegram:777', isBot: true } }] });
    const promoted = normalizeUpdate(myChatMember('member', 'administrator'), { id: ME.id, username: ME.username }, 0);
    expect(promoted).toEqual({ type: 'rolesChanged', chatId: 'telegram:-100123', userId: 'telegram:777' });
  });

  it('Discord: GUILD_CREATE of a guild READY did not list is a join in its system channel; a known one is nothing', () => {
    const event = { t: 'GUILD_CREATE' as const, d: { id: 'g9', name: 'Lilas', joined_at: '2026-01-01T10:00:00.000Z', system_channel_id: 'c1' } };
    const added = normalize(event, { botUserId: 'b1', isNewGuild: (id) => id === 'g9' });
    expect(added).toMatchObject({ kind: 'join', addressedToBot: true, chat: { id: 'discord:c1', type: 'group' }, sender: { id: 'discord:b1', isBot: true } });
    expect(normalize(event, { botUserId: 'b1', isNewGuild: () => false })).toBeNull();
    expect(normalize({ ...event, d: { ...event.d, system_channel_id: null } }, { botUserId: 'b1', isNewGuild: () => true })).toBeNull();
  });

  it('WhatsApp: our own number in group_join is a join addressed to the bot, others stay plain joins', () => {
    const fixture = loadFixture('group-join');
    const result = normalizeGroupEvent(fixture.event as GroupEventName, groupNotificationData(realGroupNotification({}, fixture.rawData)), { botIds: ['33677777777@c.us'] });
    expect(result.envelopes.map((e) => [e.sender.id, e.addressedToBot])).toEqual([
      ['whatsapp:33677777777@c.us', true],
      ['whatsapp:33688888888@c.us', false],
    ]);
  });
});

describe('missing rights', () => {
  it('Telegram: a member bot lacks both; an admin without the rights lacks them; the creator lacks none', () => {
    expect(missingFromMember({ status: 'member', user: ME } as ChatMember)).toEqual(['delete-messages', 'restrict-members']);
    expect(missingFromMember({ status: 'administrator', user: ME, can_delete_messages: true, can_restrict_members: false } as ChatMember)).toEqual(['restrict-members']);
    expect(missingFromMember({ status: 'creator', user: ME } as ChatMember)).toEqual([]);
  });

  it('Discord: Manage Messages, Manage Webhooks and Moderate Members, each named when absent', () => {
    expect(missingFromPermissions(0n)).toEqual(['manage-messages', 'manage-webhooks', 'moderate-members']);
    expect(missingFromPermissions((1n << 13n) | (1n << 40n))).toEqual(['manage-webhooks']);
    expect(missingFromPermissions((1n << 64n) - 1n)).toEqual([]);
  });
});
