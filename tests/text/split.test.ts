import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitText, type Span } from '../../src/text/split.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const WS = /^[ \t\n\r\v\f]*$/;

/** The gaps between parts (and before the first / after the last) are whitespace only, and parts are verbatim. */
function expectFaithful(text: string, parts: { text: string; offset: number }[]): void {
  let pos = 0;
  for (const part of parts) {
    expect(part.offset).toBeGreaterThanOrEqual(pos);
    expect(text.slice(pos, part.offset)).toMatch(WS);
    expect(text.slice(part.offset, part.offset + part.text.length)).toBe(part.text);
    pos = part.offset + part.text.length;
  }
  expect(text.slice(pos)).toMatch(WS);
}

describe('splitText', () => {
  it('returns a short text untouched', () => {
    expect(splitText('hello', 10)).toEqual([{ text: 'hello', spans: [], offset: 0 }]);
  });

  it('prefers a line break, then a word boundary', () => {
    const lines = splitText('aaaa bbbb\ncccc dddd', 12);
    expect(lines.map((p) => p.text)).toEqual(['aaaa bbbb', 'cccc dddd']);
    const words = splitText('aaaa bbbb cccc dddd', 12);
    expect(words.map((p) => p.text)).toEqual(['aaaa bbbb', 'cccc dddd']);
  });

  it('ignores a line break too early in the window, keeping parts large', () => {
    const parts = splitText('a\nbbbb cccc dddd eeee', 12);
    expect(parts[0]!.text).toBe('a\nbbbb cccc');
  });

  it('cuts hard when there is no boundary, never inside a surrogate pair', () => {
    const text = 'ab' + '😀'.repeat(5); // a, b, then pairs
    const parts = splitText(text, 3);
    for (const p of parts) expect(p.text).not.toMatch(LONE_SURROGATE);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.every((p) => p.text.length <= 3)).toBe(true);
  });

  it('carries spans into the right part, splitting a span that crosses a cut', () => {
    const text = 'hello world again';
    const spans = [
      { type: 'bold', offset: 0, length: 5 },
      { type: 'italic', offset: 8, length: 9 }, // "rld again"
    ];
    const parts = splitText(text, 11, spans);
    expect(parts.map((p) => p.text)).toEqual(['hello world', 'again']);
    expect(parts[0]!.spans).toEqual([
      { type: 'bold', offset: 0, length: 5 },
      { type: 'italic', offset: 8, length: 3 },
    ]);
    expect(parts[1]!.spans).toEqual([{ type: 'italic', offset: 0, length: 5 }]);
  });

  it('splits a 10,000-character text at 4096 into three parts', () => {
    const text = ('word '.repeat(19) + 'end\n').repeat(100);
    const parts = splitText(text, 4096);
    expect(parts.length).toBe(3);
    expect(parts.every((p) => p.text.length <= 4096 && p.text.length > 0)).toBe(true);
    expectFaithful(text, parts);
  });

  it('rejects a limit that could not avoid splitting a surrogate pair', () => {
    expect(() => splitText('abc', 1)).toThrow(RangeError);
  });

  // Strings made of pieces likely to hit the edge cases: boundaries, surrogate pairs, long words.
  const piece = fc.oneof(
    fc.constantFrom(' ', '\n', '\t', '  ', '\n\n', '😀', '👩‍👩‍👧', 'é', 'x'),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 8 }),
  );
  const text = fc.array(piece, { maxLength: 80 }).map((a) => a.join(''));
  const limit = fc.integer({ min: 2, max: 40 });

  it('property: parts are within the limit, non-empty and faithful to the input', () => {
    fc.assert(
      fc.property(text, limit, (t, l) => {
        const parts = splitText(t, l);
        for (const p of parts) {
          expect(p.text.length).toBeLessThanOrEqual(l);
          if (parts.length > 1) expect(p.text.length).toBeGreaterThan(0);
        }
        expectFaithful(t, parts);
      }),
      { numRuns: 500 },
    );
  });

  it('property: no lone surrogate is created', () => {
    const wellFormed = fc.array(fc.oneof(fc.constantFrom(' ', '\n', '😀', '𝔸'), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(
      fc.property(wellFormed, limit, (t, l) => {
        expect(t).not.toMatch(LONE_SURROGATE);
        for (const p of splitText(t, l)) expect(p.text).not.toMatch(LONE_SURROGATE);
      }),
      { numRuns: 500 },
    );
  });

  it('property: every formatted character keeps its format in exactly the parts that hold it', () => {
    const withSpans = text.chain((t) =>
      fc.tuple(
        fc.constant(t),
        fc.array(
          fc.integer({ min: 0, max: Math.max(0, t.length) }).chain((o) =>
            fc.record({ offset: fc.constant(o), length: fc.integer({ min: 1, max: Math.max(1, t.length - o) }) }),
          ),
          { maxLength: 5 },
        ),
      ),
    );
    fc.assert(
      fc.property(withSpans, limit, ([t, spans], l) => {
        const valid: Span[] = spans.filter((s) => s.offset + s.length <= t.length);
        const parts = splitText(t, l, valid);
        for (const p of parts) {
          for (const s of p.spans) {
            expect(s.offset).toBeGreaterThanOrEqual(0);
            expect(s.length).toBeGreaterThan(0);
            expect(s.offset + s.length).toBeLessThanOrEqual(p.text.length);
          }
          // Count per original character: covered in the input ⇔ covered in the part.
          for (let i = 0; i < p.text.length; i++) {
            const inInput = valid.filter((s) => p.offset + i >= s.offset && p.offset + i < s.offset + s.length).length;
            const inPart = p.spans.filter((s) => i >= s.offset && i < s.offset + s.length).length;
            expect(inPart).toBe(inInput);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
