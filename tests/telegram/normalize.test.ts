// Fixture → envelope, one recorded-shape update per kind (tests/fixtures/telegram/*.json).
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Update } from 'grammy/types';
import { normalizeToEnvelopes, normalizeUpdate, type NormalizedUpdate } from '../../adapters/telegram/normalize.js';
import { rawEvent, type Envelope } from '../../src/core/envelope.js';

const DIR = new URL('../fixtures/telegram/', import.meta.url);
const ME = { id: 777000111, username: 'QuartierBot' };
const NOW = 1_767_300_000_000;
const DATE_MS = 1_767_225_600_000;
const GROUP = 'telegram:-1001234567890';
const ALICE = 'telegram:111222333';
const BOB = 'telegram:444555666';

function fixture(name: string): Update {
  return JSON.parse(readFileSync(new URL(`${name}.json`, DIR), 'utf8')) as Update;
}
function run(name: string): NormalizedUpdate | null {
  return normalizeUpdate(fixture(name), ME, NOW);
}
function one(name: string): Envelope {
  const result = run(name);
  expect(result?.type).toBe('envelopes');
  const envelopes = (result as { envelopes: Envelope[] }).envelopes;
  expect(envelopes).toHaveLength(1);
  return envelopes[0]!;
}

describe('normalizeUpdate: fixtures', () => {
  it('a plain group message', () => {
    const e = one('message-text');
    expect(e).toEqual({
      id: 'telegram:u500000001',
      platform: 'telegram',
      kind: 'message',
      chat: { id: GROUP, type: 'group', title: 'Rue des Lilas' },
      sender: { id: ALICE, name: 'Alice Martin', username: 'alice_m', language: 'fr' },
      messageId: `${GROUP}/10`,
      text: "Quelqu'un a trouvé un chat gris ?",
      mentions: [],
      attachments: [],
      addressedToBot: false,
      sentAt: DATE_MS,
      raw: fixture('message-text'),
    });
    expect(rawEvent(e, 'telegram')?.update_id).toBe(500000001);
  });

  it('/cmd@OurBot is rewritten to /cmd and addressed to us, later entities shifted', () => {
    const e = one('command-ours');
    expect(e.text).toBe('/faq wifi @bob');
    expect(e.addressedToBot).toBe(true);
    expect(e.mentions).toEqual([{ kind: 'user', offset: 10, length: 4 }]);
    expect(e.text.slice(10, 14)).toBe('@bob');
  });

  it('/cmd@OtherBot is left as is and not addressed to us', () => {
    const e = one('command-other-bot');
    expect(e.text).toBe('/start@OtherBot now');
    expect(e.addressedToBot).toBe(false);
  });

  it('a bare /cmd in a group is kept and not addressed to us', () => {
    const e = one('command-bare');
    expect(e.text).toBe('/help rules');
    expect(e.addressedToBot).toBe(false);
  });

  it('a private chat is always addressed to us', () => {
    const e = one('private-message');
    expect(e.chat).toEqual({ id: 'telegram:111222333', type: 'private' });
    expect(e.addressedToBot).toBe(true);
    expect(e.text).toBe('/start');
  });

  it('an edit has kind edit, the same message id and sentAt from edit_date', () => {
    const e = one('edited-message');
    expect(e.kind).toBe('edit');
    expect(e.messageId).toBe(`${GROUP}/10`);
    expect(e.sentAt).toBe(DATE_MS + 60_000);
  });

  it('a reply to the bot carries replyTo and is addressed to us', () => {
    const e = one('reply-to-bot');
    // The replied-to message's author and words come along: a report quotes them.
    expect(e.replyTo).toEqual({ messageId: `${GROUP}/14`, senderId: 'telegram:777000111', senderName: 'Quartier', text: 'Règles du groupe : …' });
    expect(e.addressedToBot).toBe(true);
  });

  it('a photo with a caption: caption as text, largest size as the attachment, a JPEG', () => {
    const e = one('photo-with-caption');
    expect(e.text).toBe("Vélo trouvé devant l'école");
    expect(e.attachments).toEqual([{ kind: 'photo', fileRef: 'AgACAgQAAxkBAAIBlarge', mimeType: 'image/jpeg', size: 98765 }]);
  });

  it('picks the photo size with the most pixels even when Telegram lists it first', () => {
    const update = fixture('photo-with-caption');
    update.message!.photo!.reverse();
    const e = normalizeToEnvelopes(update, ME, NOW)[0]!;
    expect(e.attachments[0]).toMatchObject({ fileRef: 'AgACAgQAAxkBAAIBlarge', size: 98765 });
  });

  it('a voice note without mime_type is still audio/ogg; an animated sticker is a tgs', () => {
    const voice = fixture('voice');
    delete voice.message!.voice!.mime_type;
    expect(normalizeToEnvelopes(voice, ME, NOW)[0]!.attachments[0]).toMatchObject({ kind: 'voice', mimeType: 'audio/ogg' });
    const sticker = fixture('sticker');
    sticker.message!.sticker!.is_animated = true;
    expect(normalizeToEnvelopes(sticker, ME, NOW)[0]!.attachments[0]).toMatchObject({ kind: 'sticker', mimeType: 'application/x-tgsticker' });
  });

  it.each([
    ['document', { kind: 'document', fileRef: 'BQACAgQAAxkBAAIBdoc', fileName: 'compte-rendu.pdf', mimeType: 'application/pdf', size: 204800 }],
    ['sticker', { kind: 'sticker', fileRef: 'CAACAgIAAxkBAAIBstk', mimeType: 'image/webp', size: 20480 }],
    ['voice', { kind: 'voice', fileRef: 'AwACAgQAAxkBAAIBvoc', mimeType: 'audio/ogg', size: 8000 }],
    ['video', { kind: 'video', fileRef: 'BAACAgQAAxkBAAIBvid', mimeType: 'video/mp4', size: 1048576 }],
    ['location', { kind: 'other', fileRef: 'location' }],
  ])('%s as an attachment', (name, attachment) => {
    const e = one(name);
    expect(e.kind).toBe('message');
    expect(e.attachments).toEqual([attachment]);
  });

  it('a forwarded message is marked forwarded', () => {
    expect(one('forwarded').forwarded).toBe(true);
    // Forwarded from the town hall's channel: the origin is kept (the forwards note looks at it).
    expect(one('forwarded').forward).toEqual({ fromChat: 'telegram:-1001112223334' });
    expect(one('message-text').forwarded).toBeUndefined();
  });

  it('a forum topic message carries threadId and no false replyTo', () => {
    const e = one('forum-topic');
    expect(e.chat).toEqual({ id: 'telegram:-1009876543210', type: 'group', title: 'Quartier Nord', threadId: '30' });
    expect(e.replyTo).toBeUndefined();
    expect(e.sender.id).toBe(BOB);
  });

  it('mentions come from entities: @OurBot addresses us, text_mention names the user', () => {
    const e = one('mentions');
    expect(e.addressedToBot).toBe(true);
    expect(e.mentions).toEqual([
      { kind: 'user', offset: 0, length: 12 },
      { kind: 'user', id: BOB, offset: 27, length: 3 },
    ]);
  });

  it('new_chat_members gives one join per member', () => {
    const result = run('new-chat-members');
    const envelopes = (result as { envelopes: Envelope[] }).envelopes;
    expect(envelopes.map((e) => [e.id, e.kind, e.sender.id, e.addressedToBot])).toEqual([
      ['telegram:u500000016:444555666', 'join', BOB, false],
      ['telegram:u500000016:777000111', 'join', 'telegram:777000111', true],
    ]);
    expect(envelopes[1]!.sender.isBot).toBe(true);
  });

  it('left_chat_member gives a leave', () => {
    const e = one('left-chat-member');
    expect(e).toMatchObject({ id: 'telegram:u500000017', kind: 'leave', sender: { id: BOB, name: 'Bob' }, text: '' });
  });

  it('a callback query gives a button envelope with its data', () => {
    const e = one('callback-query');
    expect(e).toMatchObject({
      id: 'telegram:u500000018',
      kind: 'button',
      chat: { id: GROUP, type: 'group' },
      sender: { id: BOB },
      messageId: `${GROUP}/25`,
      buttonData: 'confirm:yes',
      addressedToBot: true,
      sentAt: NOW,
    });
  });

  it('chat_member and my_chat_member are signals, not envelopes', () => {
    expect(run('chat-member')).toEqual({ type: 'rolesChanged', chatId: GROUP, userId: BOB });
    expect(run('my-chat-member-promoted')).toEqual({ type: 'rolesChanged', chatId: GROUP, userId: 'telegram:777000111' });
    expect(run('my-chat-member-kicked')).toEqual({ type: 'chatGone', chatId: GROUP, reason: 'bot kicked' });
  });

  it('chat_member bringing someone in (left → member) is also a join, beside the roles signal', () => {
    const result = run('chat-member-joined') as { type: string; envelopes: Envelope[] };
    expect(result).toMatchObject({ type: 'rolesChanged', chatId: GROUP, userId: BOB });
    expect(result.envelopes.map((e) => [e.id, e.kind, e.sender.id, e.sender.language, e.sentAt])).toEqual([
      ['telegram:u500000031', 'join', BOB, 'en', 1767225600000],
    ]);
  });

  it('an anonymous admin speaks as the group itself', () => {
    const e = one('anonymous-admin');
    expect(e.sender).toEqual({ id: GROUP, name: 'Rue des Lilas' });
    expect(e.text).toBe('/setrules Soyez gentils');
  });

  it.each(['channel-post', 'pinned-message', 'inline-query'])('%s is ignored (null)', (name) => {
    expect(run(name)).toBeNull();
  });

  it('every fixture gives a stable result', () => {
    for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json'))) {
      const name = file.replace(/\.json$/, '');
      expect(run(name)).toEqual(run(name));
    }
  });
});

describe('normalizeUpdate: hostile input', () => {
  it('odd texts are carried verbatim: huge, lone surrogates, zero-width, RTL override', () => {
    const base = fixture('message-text');
    for (const text of ['x'.repeat(100_000), '\uD800abc', 'a\u200Bb\u200Dc', '\u202Egnp.exe', '/cmd@\u200BQuartierBot']) {
      const update = { ...base, message: { ...base.message!, text } } as Update;
      const result = normalizeUpdate(update, ME, NOW);
      expect((result as { envelopes: Envelope[] }).envelopes[0]!.text).toBe(text);
    }
  });

  it('never throws anything but a TypeError on arbitrary JSON, and never returns junk', () => {
    const message = fc.record(
      {
        message_id: fc.oneof(fc.integer(), fc.string()),
        date: fc.oneof(fc.integer({ min: 0, max: 2e9 }), fc.string()),
        chat: fc.oneof(fc.record({ id: fc.integer(), type: fc.constantFrom('private', 'group', 'supergroup', 'channel', 'x') }), fc.anything()),
        from: fc.oneof(fc.record({ id: fc.integer(), is_bot: fc.boolean(), first_name: fc.string() }), fc.anything()),
        text: fc.oneof(fc.string({ unit: 'binary' }), fc.anything()),
        entities: fc.oneof(fc.array(fc.record({ type: fc.constantFrom('mention', 'text_mention', 'bold'), offset: fc.integer(), length: fc.integer() })), fc.anything()),
        reply_to_message: fc.anything(),
        new_chat_members: fc.anything(),
      },
      { requiredKeys: [] },
    );
    const update = fc.record(
      {
        update_id: fc.integer(),
        message: message,
        edited_message: message,
        callback_query: fc.anything(),
        chat_member: fc.anything(),
        my_chat_member: fc.anything(),
      },
      { requiredKeys: ['update_id'] },
    );
    fc.assert(
      fc.property(update, (u) => {
        let result: NormalizedUpdate | null = null;
        try {
          result = normalizeUpdate(u as unknown as Update, ME, NOW);
        } catch (err) {
          // Malformed beyond reading: the adapter logs and skips these. Anything but a plain TypeError is a bug.
          expect(err).toBeInstanceOf(TypeError);
          return;
        }
        if (result?.type === 'envelopes') {
          for (const e of result.envelopes) {
            expect(e.chat.id).toMatch(/^telegram:-?\d+$/);
            expect(e.sender.id).toMatch(/^telegram:-?\d+$/);
            expect(e.messageId).toMatch(/^telegram:-?\d+\/-?\d+$/);
            expect(Number.isFinite(e.sentAt)).toBe(true);
            expect(typeof e.text).toBe('string');
            for (const m of e.mentions) expect(m.offset! + m.length!).toBeLessThanOrEqual(e.text.length);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
