// Formatting spans are capped in number and depth before any renderer sees them: 2,048 nested spans (a hostile relayed
// message) render with at most MAX_SPAN_DEPTH levels and MAX_SPANS spans, on every platform. No timing is asserted:
// the output is counted, and the cap's own cost is counted in span visits.
import { describe, expect, it } from 'vitest';
import { renderParts as discordParts } from '../../adapters/discord/format.js';
import { renderText as telegramText } from '../../adapters/telegram/send.js';
import { renderParts as whatsappParts } from '../../adapters/whatsapp/format.js';
import type { FormatSpan } from '../../src/core/outbound.js';
import { MAX_SPANS, MAX_SPAN_DEPTH, capSpans } from '../../src/text/spans.js';

const N = 2048;
const text = 'x'.repeat(N * 2);
/** Span i covers [i, 2N - i): each inside the one before. */
const nested: FormatSpan[] = Array.from({ length: N }, (_, i) => ({ type: i % 2 ? 'italic' : 'bold', offset: i, length: 2 * (N - i) }));
/** N spans side by side, one character each. */
const flat: FormatSpan[] = Array.from({ length: N }, (_, i) => ({ type: 'bold', offset: 2 * i, length: 1 }));

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe('span caps', () => {
  it('keep the outer levels and the first spans, never crossing the caps', () => {
    const deep = capSpans(nested, text.length);
    expect(deep).toHaveLength(MAX_SPAN_DEPTH);
    expect(deep[0]).toEqual(nested[0]);
    expect(capSpans(flat, text.length)).toHaveLength(MAX_SPANS);
    // Spans outside the text, empty or not integers are dropped.
    expect(capSpans([{ offset: -1, length: 2 }, { offset: 0, length: 0 }, { offset: 0.5, length: 1 }, { offset: 3, length: 9 }], 5)).toEqual([]);
  });

  it('cost a bounded number of steps per span', () => {
    let visits = 0;
    const counted = nested.map((span) => new Proxy(span, { get: (target, key) => (visits++, Reflect.get(target, key)) }));
    capSpans(counted, text.length);
    // Reading each span's fields a few times for validation and sorting (n log n comparisons), nothing quadratic.
    expect(visits).toBeLessThan(N * 60);
  });

  it('Discord: 2,048 nested spans render as at most 8 levels of markers', () => {
    const parts = discordParts({ text, format: nested });
    // The text is split into messages of 2,000 characters; each part reopens the spans it lies in.
    expect(parts.length).toBeLessThanOrEqual(3);
    // Bold is `**` and italic `*`: at most 4 bold and 4 italic levels per part, each opened and closed.
    for (const part of parts) expect(count(part.content, '*')).toBeLessThanOrEqual(MAX_SPAN_DEPTH * 3);
    expect(parts.map((p) => p.content).join('').replace(/\*/g, '')).toBe(text);
    const many = discordParts({ text, format: flat }).map((p) => p.content).join('');
    expect(count(many, '**')).toBe(MAX_SPANS * 2);
  });

  it('Telegram: at most MAX_SPANS entities, of which at most 8 cover any character', () => {
    expect(telegramText({ text, format: nested }).entities).toHaveLength(MAX_SPAN_DEPTH);
    expect(telegramText({ text, format: flat }).entities).toHaveLength(MAX_SPANS);
  });

  it('WhatsApp: 2,048 nested spans render as at most 8 levels of markers', () => {
    const out = whatsappParts(text, nested).map((p) => p.text).join('');
    expect(count(out, '*') + count(out, '_')).toBeLessThanOrEqual(MAX_SPAN_DEPTH * 2);
    const many = whatsappParts(text, flat).map((p) => p.text).join('');
    expect(count(many, '*')).toBe(MAX_SPANS * 2);
  });
});
