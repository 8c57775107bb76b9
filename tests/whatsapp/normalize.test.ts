import { describe, expect, it } from 'vitest';
import { rawEvent } from '../../src/core/envelope.js';
import {
  normalizeEdit,
  normalizeGroupEvent,
  normalizeMessage,
  normalizeRevoke,
  rewriteBangCommand,
  type GroupEventName,
} from '../../adapters/whatsapp/normalize.js';
import { groupNotificationData, type WaMessageData } from '../../adapters/whatsapp/raw.js';
import { loadFixture, realGroupNotification, realMessage } from './fixtures.js';

const GROUP = 'whatsapp:120363041234567890@g.us';

/** Runs a message fixture through the real library's Message class, then through normalisation. */
function fromFixture(name: string) {
  const fixture = loadFixture(name);
  const message = realMessage({}, fixture.rawData);
  const envelope = normalizeMessage(message.rawData as WaMessageData, { botIds: [fixture.botId] });
  return { fixture, message, envelope };
}

describe('whatsapp normalize: messages', () => {
  it('turns a group `!command` into a /command envelope from the author', () => {
    const { envelope, message } = fromFixture('group-command');
    expect(envelope).toMatchObject({
      id: 'whatsapp:false_120363041234567890@g.us_3EB0A1B2C3D4E5F60718_33612345678@c.us',
      platform: 'whatsapp',
      kind: 'message',
      chat: { id: GROUP, type: 'group' },
      sender: { id: 'whatsapp:33612345678@c.us', name: 'Amélie' },
      messageId: 'whatsapp:false_120363041234567890@g.us_3EB0A1B2C3D4E5F60718_33612345678@c.us',
      text: '/rules please',
      mentions: [],
      attachments: [],
      addressedToBot: false,
      sentAt: 1767225600_000,
    });
    expect(message.body).toBe('!rules please');
    expect(rawEvent(envelope!, 'whatsapp')?.event).toBe('message');
    expect(JSON.parse(JSON.stringify(envelope))).toEqual(envelope);
  });

  it('rewrites only a leading !name', () => {
    expect(rewriteBangCommand('!faq wifi')).toBe('/faq wifi');
    expect(rewriteBangCommand('!help')).toBe('/help');
    expect(rewriteBangCommand('wow!help')).toBe('wow!help');
    expect(rewriteBangCommand('!! nope')).toBe('!! nope');
    expect(rewriteBangCommand('/rules')).toBe('/rules');
  });

  it('marks a direct message private and addressed to the bot', () => {
    const { envelope } = fromFixture('private-command');
    expect(envelope).toMatchObject({
      chat: { id: 'whatsapp:33612345678@c.us', type: 'private' },
      sender: { id: 'whatsapp:33612345678@c.us' },
      text: '/help',
      addressedToBot: true,
    });
  });

  it('rebuilds the quoted message id of a reply', () => {
    const { envelope, message } = fromFixture('group-reply');
    expect(message.hasQuotedMsg).toBe(true);
    expect(envelope?.replyTo).toEqual({
      messageId: 'whatsapp:false_120363041234567890@g.us_3EB0A1B2C3D4E5F60718_33612345678@c.us',
      senderId: 'whatsapp:33612345678@c.us',
      // The quoted words come along (a report quotes them); WhatsApp sends no name with them.
      text: 'Anyone knows when the bakery opens?',
    });
    // The quoted id is exactly the id the quoted message arrived with (group-command.json).
    expect(envelope?.replyTo?.messageId).toBe(fromFixture('group-command').envelope?.messageId);
    expect(envelope?.addressedToBot).toBe(false);
  });

  it('treats a reply to one of our messages as addressed to the bot, with our own message id', () => {
    const { envelope } = fromFixture('group-reply-to-bot');
    const own = loadFixture('own-message');
    expect(envelope?.replyTo).toEqual({
      messageId: `whatsapp:${own.rawData.id._serialized}`,
      senderId: 'whatsapp:33600000001@c.us',
      text: '*Rules*: be kind',
    });
    expect(envelope?.addressedToBot).toBe(true);
  });

  it('marks a message forwarded many times (a forwarding score of 5 or more), as WhatsApp shows it', () => {
    const fixture = loadFixture('group-image');
    const base = realMessage({}, fixture.rawData).rawData as WaMessageData;
    const score = (forwardingScore: number) => normalizeMessage({ ...base, forwardingScore }, { botIds: [fixture.botId] });
    expect(score(1)?.forwarded).toBe(true);
    expect(score(1)?.forward).toBeUndefined();
    expect(score(4)?.forward).toBeUndefined();
    expect(score(5)?.forward).toEqual({ manyTimes: true });
    expect(normalizeMessage({ ...base, isForwarded: false, forwardingScore: 9 }, { botIds: [fixture.botId] })?.forward).toBeUndefined();
  });

  it('keeps media as an attachment to fetch later, with the caption as text and no thumbnail in raw', () => {
    const { envelope, message } = fromFixture('group-image');
    expect(message.hasMedia).toBe(true);
    expect(envelope).toMatchObject({
      sender: { id: 'whatsapp:212345678901234@lid', name: 'Chloé' },
      text: 'Lost cat near the park',
      forwarded: true,
      attachments: [
        {
          kind: 'photo',
          fileRef: 'false_120363041234567890@g.us_3EB0D00DFEED12345678_212345678901234@lid',
          mimeType: 'image/jpeg',
          size: 84213,
        },
      ],
    });
    expect(envelope?.text).toBe(message.body);
    const raw = rawEvent(envelope!, 'whatsapp');
    expect(raw?.event).toBe('message');
    expect(raw?.data).not.toHaveProperty('body');
    expect(raw?.data).toHaveProperty('caption', 'Lost cat near the park');
  });

  it('keeps a document with its file name', () => {
    const { envelope } = fromFixture('group-document');
    expect(envelope?.text).toBe('');
    expect(envelope?.attachments).toEqual([
      {
        kind: 'document',
        fileRef: 'false_120363041234567890@g.us_3EB0D0C0000000000042_33612345678@c.us',
        fileName: 'minutes-assembly.pdf',
        mimeType: 'application/pdf',
        size: 120934,
      },
    ]);
  });

  it('takes mentions from mentionedJidList only, never from text that looks like one', () => {
    const { envelope, message } = fromFixture('group-mention');
    expect(message.mentionedIds).toHaveLength(2);
    expect(envelope?.mentions).toEqual([
      { kind: 'user', id: 'whatsapp:33600000001@c.us', offset: 0, length: 12 },
      { kind: 'user', id: 'whatsapp:33698765432@c.us', offset: 39, length: 12 },
    ]);
    expect(envelope?.text.slice(39, 51)).toBe('@33698765432');
    expect(envelope?.mentions.some((m) => m.id === 'whatsapp:33611111111@c.us')).toBe(false);
    expect(envelope?.addressedToBot).toBe(true);
  });

  it('returns null for our own messages', () => {
    const { envelope, message } = fromFixture('own-message');
    expect(message.fromMe).toBe(true);
    expect(envelope).toBeNull();
  });

  it('returns null for status updates and system notices', () => {
    expect(fromFixture('status-broadcast').envelope).toBeNull();
    expect(fromFixture('e2e-notification').envelope).toBeNull();
  });
});

describe('whatsapp normalize: edits and deletes', () => {
  it('turns message_edit into an edit envelope with the new text', () => {
    const fixture = loadFixture('edit');
    const message = realMessage({}, fixture.rawData);
    const envelope = normalizeEdit(message.rawData as WaMessageData, fixture.newBody!, fixture.prevBody!, {
      botIds: [fixture.botId],
    });
    expect(envelope).toMatchObject({
      id: 'whatsapp:edit:false_120363041234567890@g.us_3EB0AB12CD34EF560002_33612345678@c.us:1767226260123',
      kind: 'edit',
      messageId: 'whatsapp:false_120363041234567890@g.us_3EB0AB12CD34EF560002_33612345678@c.us',
      text: '/faq wifi password',
      sentAt: 1767226260123,
    });
    expect(rawEvent(envelope!, 'whatsapp')).toMatchObject({ event: 'message_edit', prevBody: '!faq wifi pasword' });
  });

  it('ignores edits of our own messages', () => {
    const own = loadFixture('own-message');
    expect(normalizeEdit(own.rawData, 'x', 'y', { botIds: [own.botId] })).toBeNull();
  });

  it('turns message_revoke_everyone into a delete envelope for the original message', () => {
    const fixture = loadFixture('revoke');
    const message = realMessage({}, fixture.rawData);
    const revoked = realMessage({}, fixture.revokedRawData);
    const envelope = normalizeRevoke(message.rawData as WaMessageData, revoked.rawData as WaMessageData, {
      botIds: [fixture.botId],
    });
    expect(envelope).toMatchObject({
      id: 'whatsapp:delete:false_120363041234567890@g.us_3EB0AB12CD34EF560003_33698765432@c.us',
      kind: 'delete',
      chat: { id: GROUP },
      sender: { id: 'whatsapp:33698765432@c.us' },
      messageId: 'whatsapp:false_120363041234567890@g.us_3EB0AB12CD34EF560003_33698765432@c.us',
      text: '',
    });
    // Without the earlier copy, the protocol key still names the original.
    const alone = normalizeRevoke(message.rawData as WaMessageData, undefined, { botIds: [fixture.botId] });
    expect(alone?.messageId).toBe(envelope?.messageId);
  });
});

describe('whatsapp normalize: group notifications', () => {
  function group(name: string) {
    const fixture = loadFixture(name);
    const notification = realGroupNotification({}, fixture.rawData);
    return normalizeGroupEvent(fixture.event as GroupEventName, groupNotificationData(notification), {
      botIds: [fixture.botId],
    });
  }

  it('turns group_join into one join envelope per person added', () => {
    const result = group('group-join');
    expect(result.chatId).toBe(GROUP);
    expect(result.envelopes.map((e) => [e.kind, e.sender.id])).toEqual([
      ['join', 'whatsapp:33677777777@c.us'],
      ['join', 'whatsapp:33688888888@c.us'],
    ]);
    expect(result.envelopes[0]).toMatchObject({
      id: 'whatsapp:join:false_120363041234567890@g.us_1767226600-12_33612345678@c.us:33677777777@c.us',
      chat: { id: GROUP, type: 'group' },
      sentAt: 1767226600_000,
      addressedToBot: false,
    });
    expect(result.chatGone).toBeUndefined();
  });

  it('turns group_leave into a leave envelope', () => {
    const result = group('group-leave');
    expect(result.envelopes.map((e) => [e.kind, e.sender.id])).toEqual([['leave', 'whatsapp:33688888888@c.us']]);
    expect(result.rolesChanged).toEqual(['whatsapp:33688888888@c.us']);
  });

  it('reports the chat gone when we are removed', () => {
    const result = group('group-leave-bot-removed');
    expect(result.envelopes).toEqual([]);
    expect(result.chatGone).toBe('removed from the group');
  });

  it('turns group_admin_changed into a roles change, not an envelope', () => {
    const result = group('group-admin-changed');
    expect(result.envelopes).toEqual([]);
    expect(result.rolesChanged).toEqual(['whatsapp:33698765432@c.us']);
  });
});
