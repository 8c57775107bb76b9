// Hostile input, property by property: the command parser and the text splitter never throw on arbitrary text and
// keep their promises (a part never exceeds the platform's limit, never splits a surrogate pair, loses no
// non-whitespace text; bound arguments come from the words typed).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bindArgs, splitCommandText, type ArgSpec } from '../../src/core/command.js';
import { splitText } from '../../src/text/split.js';

const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 300 }));

describe('command parser', () => {
  it('never throws; a parsed name is a command name and the rest comes from the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const parsed = splitCommandText(text);
        if (!parsed) return;
        expect(parsed.name).toMatch(/^[a-z0-9_@.]+$/);
        expect(text).toContain(parsed.rest);
        expect(parsed.rest).toBe(parsed.rest.trim());
      }),
      { numRuns: 2000 },
    );
  });

  it('bindArgs never throws, and every bound value is made of what was typed', () => {
    const spec = fc.record({
      name: fc.constantFrom('a', 'b', 'c'),
      rest: fc.boolean(),
      optional: fc.boolean(),
      choices: fc.option(fc.array(fc.constantFrom('on', 'off', 'remind'), { minLength: 1 }), { nil: undefined }),
    }) as fc.Arbitrary<ArgSpec>;
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 4 }), anyText, (specs, rest) => {
        const args = bindArgs(specs, rest);
        if (!args) return;
        for (const value of Object.values(args)) if (value !== undefined) expect(rest.toLowerCase()).toContain(value.toLowerCase());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('text splitter', () => {
  it('never exceeds the limit, never splits a surrogate pair, loses no visible text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 3000 }), fc.integer({ min: 2, max: 500 }), (text, limit) => {
        const parts = splitText(text, limit);
        for (const part of parts) {
          expect(part.text.length).toBeLessThanOrEqual(limit);
          const first = part.text.charCodeAt(0);
          const last = part.text.charCodeAt(part.text.length - 1);
          expect(first >= 0xdc00 && first <= 0xdfff).toBe(false);
          expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
          expect(text.slice(part.offset, part.offset + part.text.length)).toBe(part.text);
        }
        const visible = (s: string) => s.replace(/[\t\n\v\f\r ]/g, '');
        expect(visible(parts.map((p) => p.text).join(''))).toBe(visible(text));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps spans inside their part', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 2000 }),
        fc.integer({ min: 2, max: 300 }),
        fc.array(fc.record({ offset: fc.nat(2000), length: fc.nat(500) }), { maxLength: 10 }),
        (text, limit, spans) => {
          for (const part of splitText(text, limit, spans)) {
            for (const span of part.spans) {
              expect(span.offset).toBeGreaterThanOrEqual(0);
              expect(span.offset + span.length).toBeLessThanOrEqual(part.text.length);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
