// Hostile input to the formatting and sending helpers: random text with random format spans and mentions. Never a
// throw, never a request the platform (its stand-in's validation) would refuse, never a ping that was not asked for
// (@everyone / @here, a user or role typed in the text). Plus the quiet-hours argument parser: never a throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderParts as renderDiscord, MESSAGE_LIMIT } from '../../adapters/discord/format.js';
import { renderText } from '../../adapters/telegram/send.js';
import { renderParts as renderWhatsApp } from '../../adapters/whatsapp/format.js';
import { neutraliseMassMentions, sourceFormatted } from '../../src/features/bridges/format.js';
import type { Envelope, QualifiedId } from '../../src/core/envelope.js';
import type { FormatSpan } from '../../src/core/outbound.js';
import { parseQuietArgs } from '../../src/features/quiet-and-flood/quiet-hours.js';
import { splitText } from '../../src/text/split.js';
import { validateParams } from '../telegram/standin/spec.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const text = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc
    .array(fc.constantFrom('@everyone', '@here', '@Everyone', '<@123>', '<@!7>', '<@&9>', '<#5>', '**', '*', '_', '~', '`', '```', '\\', 'https://x.y/_a_', ' ', '\n', 'é', '😀', '\uD800'), { maxLength: 30 })
    .map((a) => a.join('')),
);
const span = fc.record({
  type: fc.constantFrom('bold', 'italic', 'code', 'pre', 'link', 'strike') as fc.Arbitrary<FormatSpan['type']>,
  offset: fc.integer({ min: -3, max: 320 }),
  length: fc.integer({ min: -3, max: 320 }),
  url: fc.option(fc.oneof(fc.webUrl(), fc.string()), { nil: undefined }),
}) as fc.Arbitrary<FormatSpan>;
const mention = (platform: string) =>
  fc.record({
    userId: fc.oneof(fc.nat().map((n) => `${platform}:${n}`), fc.string().map((s) => `${platform}:${s}`), fc.constant('console:alex'), fc.constant('whatsapp:33612345678@c.us')) as fc.Arbitrary<QualifiedId>,
    offset: fc.integer({ min: -3, max: 320 }),
    length: fc.integer({ min: -3, max: 50 }),
  });

describe('Telegram rendering', () => {
  it('every part is a sendMessage the stand-in accepts, and text_mentions name only the mentioned users', () => {
    fc.assert(
      fc.property(text, fc.array(span, { maxLength: 6 }), fc.array(mention('telegram'), { maxLength: 3 }), fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: undefined }), (t, format, mentions, identity) => {
        const rendered = renderText({ text: t, format, mentions, identity: identity ? { name: identity } : undefined });
        expect(rendered.text).not.toMatch(LONE_SURROGATE);
        const asked = new Set(mentions.map((m) => m.userId));
        for (const part of splitText(rendered.text, 4096, rendered.entities)) {
          if (part.text.trim() === '') continue; // the sender skips empty parts
          const entities = part.spans;
          expect(() => validateParams('sendMessage', { chat_id: -100, text: part.text, entities })).not.toThrow();
          for (const e of entities) {
            expect(e.offset).toBeGreaterThanOrEqual(0);
            expect(e.offset + e.length).toBeLessThanOrEqual(part.text.length);
            if (e.type === 'text_mention') expect(asked).toContain(`telegram:${e.user.id}`);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('Discord rendering', () => {
  it('parts fit 2000 characters and ping no one but the users asked for', () => {
    fc.assert(
      fc.property(text, fc.array(span, { maxLength: 6 }), fc.array(mention('discord'), { maxLength: 3 }), (t, format, mentions) => {
        const asked = new Set(mentions.map((m) => m.userId.slice('discord:'.length)));
        for (const part of renderDiscord({ text: t, format, mentions })) {
          expect(part.content.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
          // The sender posts allowed_mentions { parse: [], users: part.userIds }: Discord pings exactly those users
          // (and no role, no @everyone / @here), whatever the content holds (a `<@id>` inside code stays literal).
          for (const id of part.userIds) expect(asked).toContain(id);
          // Without code spans (where `<@id>` stays literal and allowed_mentions alone keeps it silent), text typed as
          // `<@id>` or `<@&id>` is escaped and is no mention at all.
          if (format.every((f) => f.type !== 'code' && f.type !== 'pre')) {
            for (const match of part.content.matchAll(/(?<!\\)<@[!&]?(\d+)>/g)) expect(part.userIds).toContain(match[1]);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('WhatsApp rendering', () => {
  it('parts fit the limit and mention only the people asked for', () => {
    fc.assert(
      fc.property(text, fc.array(span, { maxLength: 6 }), fc.array(mention('whatsapp'), { maxLength: 3 }), fc.integer({ min: 20, max: 400 }), (t, format, mentions, limit) => {
        const spans = mentions.map((m) => ({ userId: m.userId as string, offset: m.offset, length: m.length }));
        const asked = new Set(spans.map((m) => m.userId.slice('whatsapp:'.length)));
        // A link renders as `words (url)`, so a part can never fit a limit shorter than its url: renderParts would
        // shrink its split forever (see the report). Production's limit is 65,536; keep urls well under the test's.
        fc.pre(format.every((f) => (f.url ?? '').length < limit / 2));
        for (const part of renderWhatsApp(t, format, spans, undefined, limit)) {
          expect(part.text.length).toBeLessThanOrEqual(limit);
          for (const id of part.mentions) expect(asked).toContain(id);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('bridge formatting', () => {
  it('neutraliseMassMentions leaves no @everyone / @here and keeps every offset', () => {
    fc.assert(
      fc.property(text, (t) => {
        const out = neutraliseMassMentions(t);
        expect(out.length).toBe(t.length);
        expect(out).not.toMatch(/@(everyone|here)\b/i);
      }),
      { numRuns: 2000 },
    );
  });

  it('sourceFormatted never throws and its spans lie inside its text', () => {
    fc.assert(
      fc.property(fc.constantFrom('discord', 'whatsapp', 'console'), text, (platform, t) => {
        const envelope = { platform, text: t } as unknown as Envelope;
        const { text: out, format } = sourceFormatted(envelope);
        for (const s of format) {
          expect(s.offset).toBeGreaterThanOrEqual(0);
          expect(s.length).toBeGreaterThan(0);
          expect(s.offset + s.length).toBeLessThanOrEqual(out.length);
        }
        // And relayed on to Discord, it still pings nobody.
        for (const part of renderDiscord({ text: neutraliseMassMentions(out), format })) {
          expect(part.userIds).toEqual([]);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('quiet-hours parser', () => {
  const word = fc.oneof(
    fc.string({ maxLength: 15 }),
    fc.constantFrom('22:00-07:00', '22h-7h', '10pm-7am', '22:00', '-', '25:00-26:00', 'Europe/Paris', 'Mars/Olympus', 'sat', 'mon-fri', 'lun,mar', 'weekdays', 'UTC', 'Etc/GMT+5', '__proto__', 'constructor'),
  );
  it('never throws, and what it accepts is a valid range in a real zone', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), fc.oneof(fc.constant('Europe/Paris'), fc.string({ maxLength: 15 })), (args, zone) => {
        const result = parseQuietArgs(args, zone);
        if (!result.ok) return;
        expect(result.value.start).not.toBe(result.value.end);
        expect(() => new Intl.DateTimeFormat('en', { timeZone: result.value.timeZone })).not.toThrow();
      }),
      { numRuns: 3000 },
    );
  });
});
