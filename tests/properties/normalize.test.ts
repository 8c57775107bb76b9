// Hostile input to the envelope normalisers: raw platform events of the shape each platform sends, with arbitrary
// field values (any text, any entity offsets and types, absent or odd optional fields). Never a throw, and never a
// mention the source did not carry: mentions come from the platform's metadata only, never from the text.
import fc from 'fast-check';
import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { normalize, type NormalizeContext as DiscordContext } from '../../adapters/discord/normalize.js';
import type { DiscordRawEvent, RawMessage } from '../../adapters/discord/raw.js';
import { normalizeUpdate } from '../../adapters/telegram/normalize.js';
import { normalizeEdit, normalizeMessage } from '../../adapters/whatsapp/normalize.js';
import type { WaMessageData } from '../../adapters/whatsapp/raw.js';
import { qualify } from '../../src/core/envelope.js';

// Text that likes to look like mentions and commands.
const text = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .array(fc.constantFrom('@everyone', '@here', '@QuartierBot', '<@123>', '<@&9>', '<#5>', '/rules', '!help', '@33612345678', ' ', 'é', '\uD800'), { maxLength: 12 })
    .map((a) => a.join('')),
);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

describe('Telegram normalizer', () => {
  const me = { id: 777000111, username: 'QuartierBot' };
  const user = fc.record({ id: fc.oneof(fc.integer(), fc.constant(me.id)), is_bot: fc.boolean(), first_name: fc.string({ maxLength: 20 }), username: optional(fc.string({ maxLength: 20 })), language_code: optional(fc.string({ maxLength: 5 })) });
  const entity = fc.record({
    type: fc.oneof(fc.constantFrom('mention', 'text_mention', 'bold', 'bot_command', 'url', 'hashtag'), fc.string({ maxLength: 10 })),
    offset: fc.oneof(fc.integer({ min: -5, max: 220 }), fc.double()),
    length: fc.oneof(fc.integer({ min: -5, max: 220 }), fc.double()),
    user: optional(user),
  });
  const chat = fc.record({ id: fc.oneof(fc.integer(), fc.string()), type: fc.oneof(fc.constantFrom('private', 'group', 'supergroup', 'channel'), fc.string()), title: optional(fc.string()) });
  const message = fc.record(
    {
      message_id: fc.oneof(fc.nat(), fc.string()),
      date: fc.oneof(fc.nat(), fc.constant(undefined)),
      chat,
      from: optional(user),
      text: optional(text),
      caption: optional(text),
      entities: optional(fc.oneof(fc.array(entity, { maxLength: 6 }), fc.anything())),
      caption_entities: optional(fc.array(entity, { maxLength: 6 })),
      reply_to_message: optional(fc.record({ message_id: fc.nat(), from: optional(user), chat, date: fc.nat() })),
      new_chat_members: optional(fc.array(fc.oneof(user, fc.anything()), { maxLength: 3 })),
      is_topic_message: optional(fc.boolean()),
      message_thread_id: optional(fc.nat()),
      photo: optional(fc.array(fc.record({ file_id: fc.anything(), file_size: optional(fc.nat()) }), { maxLength: 2 })),
    },
    { requiredKeys: ['chat'] },
  );
  const update = fc.record(
    {
      update_id: fc.nat(),
      message: optional(message),
      edited_message: optional(message),
      callback_query: optional(fc.record({ id: fc.string(), from: user, data: optional(fc.string()), message: optional(message), chat_instance: fc.string() })),
      my_chat_member: optional(fc.record({ chat, new_chat_member: fc.record({ status: fc.string(), user }) })),
    },
    { requiredKeys: ['update_id'] },
  );

  it('never throws, and every mention comes from a mention entity of the message', () => {
    fc.assert(
      fc.property(update, (raw) => {
        const result = normalizeUpdate(raw as unknown as Update, me, 0);
        if (result?.type !== 'envelopes') return;
        const source = raw.message ?? raw.edited_message;
        const entities = source ? (source.text !== undefined ? source.entities : source.caption_entities) : [];
        const mentionEntities = (Array.isArray(entities) ? entities : []).filter((e) => e?.type === 'mention' || e?.type === 'text_mention') as { user?: { id: number } }[];
        for (const envelope of result.envelopes) {
          expect(envelope.mentions.length).toBeLessThanOrEqual(mentionEntities.length);
          for (const m of envelope.mentions) {
            expect(m.kind).toBe('user');
            if (m.id) expect(mentionEntities.map((e) => e.user && qualify('telegram', e.user.id))).toContain(m.id);
            expect(m.offset! + m.length!).toBeLessThanOrEqual(envelope.text.length);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('Discord normalizer', () => {
  const context: DiscordContext = { botUserId: '42', applicationId: '43', ownWebhookIds: new Set(['44']), now: 0 };
  const snowflake = fc.oneof(fc.constantFrom('42', '43', '44', '123', '9', '5'), fc.bigInt({ min: 0n, max: 2n ** 63n }).map(String), fc.string({ maxLength: 8 }));
  const rawUser = fc.record({ id: snowflake, username: fc.string({ maxLength: 20 }), global_name: optional(fc.option(fc.string({ maxLength: 20 }))), bot: optional(fc.boolean()) });
  const baseMessage = {
    id: snowflake,
    channel_id: snowflake,
    guild_id: optional(snowflake),
    author: rawUser,
    member: optional(fc.record({ nick: optional(fc.option(fc.string())) })),
    content: text,
    timestamp: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string()),
    edited_timestamp: optional(fc.option(fc.string())),
    type: fc.oneof(fc.constantFrom(0, 7, 19, 20), fc.integer()),
    flags: optional(fc.integer()),
    mentions: optional(fc.array(rawUser, { maxLength: 3 })),
    mention_roles: optional(fc.array(snowflake, { maxLength: 3 })),
    mention_everyone: optional(fc.boolean()),
    mention_channels: optional(fc.array(fc.record({ id: snowflake }), { maxLength: 2 })),
    attachments: optional(fc.array(fc.record({ id: snowflake, filename: fc.string(), url: fc.string(), content_type: optional(fc.string()), size: optional(fc.nat()) }), { maxLength: 2 })),
    message_reference: optional(fc.record({ type: optional(fc.integer({ min: 0, max: 2 })), message_id: optional(snowflake), channel_id: optional(snowflake) })),
    message_snapshots: optional(fc.array(fc.record({ message: fc.record({ content: text }) }), { maxLength: 1 })),
    webhook_id: optional(snowflake),
    application_id: optional(snowflake),
  };
  const message = fc.record({ ...baseMessage, referenced_message: optional(fc.option(fc.record(baseMessage))) }) as fc.Arbitrary<RawMessage>;
  const event: fc.Arbitrary<DiscordRawEvent> = fc.oneof(
    message.map((d) => ({ t: 'MESSAGE_CREATE' as const, d })),
    message.map((d) => ({ t: 'MESSAGE_UPDATE' as const, d })),
    fc.record({ id: snowflake, channel_id: snowflake, guild_id: optional(snowflake) }).map((d) => ({ t: 'MESSAGE_DELETE' as const, d })),
  );

  it('never throws, and mentions are exactly the users, roles, channels and @everyone Discord reported', () => {
    fc.assert(
      fc.property(event, (raw) => {
        const envelope = normalize(raw, context);
        if (!envelope || (raw.t !== 'MESSAGE_CREATE' && raw.t !== 'MESSAGE_UPDATE')) return;
        const d: RawMessage = raw.d;
        for (const m of envelope.mentions) {
          if (m.kind === 'everyone') expect(d.mention_everyone).toBe(true);
          if (m.kind === 'user') expect((d.mentions ?? []).map((u) => qualify('discord', u.id))).toContain(m.id);
          if (m.kind === 'role') expect((d.mention_roles ?? []).map((r) => qualify('discord', r))).toContain(m.id);
          if (m.kind === 'channel') expect((d.mention_channels ?? []).map((c) => qualify('discord', c.id))).toContain(m.id);
        }
        const reported = (d.mentions?.length ?? 0) + (d.mention_roles?.length ?? 0) + (d.mention_channels?.length ?? 0) + (d.mention_everyone ? 1 : 0);
        expect(envelope.mentions.length).toBeLessThanOrEqual(reported);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('WhatsApp normalizer', () => {
  const ctx = { botIds: ['33600000000@c.us', '111@lid'] };
  const jidString = fc.oneof(
    fc.constantFrom('33612345678@c.us', '33600000000@c.us', '111@lid', '120363@g.us', 'status@broadcast', '', '@', 'x@newsletter'),
    fc.string({ maxLength: 20 }),
  );
  const jid = fc.oneof(jidString, jidString.map((s) => ({ _serialized: s })));
  const data = fc.record({
    id: fc.record({ fromMe: fc.boolean(), remote: jid, id: fc.string({ maxLength: 10 }), participant: optional(jid), _serialized: fc.string({ maxLength: 30 }) }),
    type: fc.oneof(fc.constantFrom('chat', 'image', 'ptt', 'document', 'revoked', 'e2e_notification'), fc.string({ maxLength: 8 })),
    t: fc.oneof(fc.nat(), fc.double()),
    body: optional(text),
    caption: optional(text),
    from: jid,
    to: jid,
    author: optional(jid),
    notifyName: optional(fc.string({ maxLength: 20 })),
    mentionedJidList: optional(fc.array(jid, { maxLength: 3 })),
    isForwarded: optional(fc.boolean()),
    mimetype: optional(fc.string()),
    filename: optional(fc.string()),
    size: optional(fc.nat()),
    quotedStanzaID: optional(fc.string({ maxLength: 10 })),
    quotedParticipant: optional(jid),
  }) as fc.Arbitrary<WaMessageData>;

  it('never throws, and every mention is one of mentionedJidList', () => {
    fc.assert(
      fc.property(data, text, text, (raw, newBody, prevBody) => {
        const listed = (raw.mentionedJidList ?? []).map((j) => qualify('whatsapp', typeof j === 'string' ? j : j._serialized));
        for (const envelope of [normalizeMessage(raw, ctx), normalizeEdit(raw, newBody, prevBody, ctx)]) {
          if (!envelope) continue;
          expect(envelope.mentions.length).toBeLessThanOrEqual(listed.length);
          for (const m of envelope.mentions) {
            expect(m.kind).toBe('user');
            expect(listed).toContain(m.id);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
