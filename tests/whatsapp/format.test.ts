import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeWhatsApp, renderParts, renderWhatsApp, WHATSAPP_TEXT_LIMIT } from '../../adapters/whatsapp/format.js';

const WJ = '\u2060';
const strip = (text: string) => text.replaceAll(WJ, '');

describe('whatsapp formatting', () => {
  it('renders bold, italic, strike and monospace from spans', () => {
    const text = 'Rules: be kind, no ads, see doc';
    const out = renderWhatsApp(text, [
      { type: 'bold', offset: 0, length: 5 },
      { type: 'italic', offset: 7, length: 7 },
      { type: 'strike', offset: 16, length: 6 },
      { type: 'code', offset: 28, length: 3 },
    ]);
    expect(out.text).toBe('*Rules*: _be kind_, ~no ads~, see ```doc```');
  });

  it('keeps markers off surrounding spaces and nests crossing spans', () => {
    expect(renderWhatsApp('a bold b', [{ type: 'bold', offset: 1, length: 6 }]).text).toBe('a *bold* b');
    // bold [0,7) and italic [4,11) cross: italic is closed and reopened around the end of bold.
    expect(renderWhatsApp('one two three', [
      { type: 'bold', offset: 0, length: 7 },
      { type: 'italic', offset: 4, length: 9 },
    ]).text).toBe('*one _two_*_ three_');
  });

  it('shows a link address after its words', () => {
    const out = renderWhatsApp('see the map', [{ type: 'link', offset: 4, length: 7, url: 'https://example.org/m' }]);
    expect(out.text).toBe('see the map (https://example.org/m)');
  });

  it('escapes user markers with word joiners so they never pair up, but leaves URLs alone', () => {
    const escaped = escapeWhatsApp('2*3*4 and snake_case_name ~5 € https://x.org/a_b_c');
    expect(escaped).toBe(`2${WJ}*${WJ}3${WJ}*${WJ}4 and snake${WJ}_${WJ}case${WJ}_${WJ}name ${WJ}~${WJ}5 € https://x.org/a_b_c`);
    expect(strip(escaped)).toBe('2*3*4 and snake_case_name ~5 € https://x.org/a_b_c');
  });

  it('escapes only backticks inside monospace', () => {
    const out = renderWhatsApp('run a_b `x`', [{ type: 'code', offset: 4, length: 7 }]);
    expect(out.text).toBe(`run \`\`\`a_b ${WJ}\`${WJ}x${WJ}\`${WJ}\`\`\``);
  });

  it('turns mention spans into @number tokens and lists their ids', () => {
    const out = renderWhatsApp('thanks Bruno and *all*', [], [{ userId: 'whatsapp:33698765432@c.us', offset: 7, length: 5 }]);
    expect(out.text).toBe(`thanks @33698765432 and ${WJ}*${WJ}all${WJ}*${WJ}`);
    expect(out.mentions).toEqual(['33698765432@c.us']);
  });

  it('never produces a mention from text alone', () => {
    const out = renderWhatsApp('@33698765432 @everyone', []);
    expect(out.mentions).toEqual([]);
  });

  it('adds the identity as a bold name prefix, escaped', () => {
    const [part] = renderParts('hello', [], [], 'Ana_B');
    expect(part?.text).toBe(`*Ana${WJ}_${WJ}B*: hello`);
  });

  it('splits above 65,536 characters, counting what escaping adds', () => {
    const text = `${'word '.repeat(14_000)}${'a*b '.repeat(10_000)}`;
    const parts = renderParts(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.text.length).toBeLessThanOrEqual(WHATSAPP_TEXT_LIMIT);
    const joined = strip(parts.map((p) => p.text).join(' ')).replace(/\s+/g, ' ').trim();
    // A boolean, so a failure does not print 100 kB of text.
    expect(joined === text.replace(/\s+/g, ' ').trim()).toBe(true);
    expect(renderParts('short')).toEqual([{ text: 'short', mentions: [] }]);
  });

  it('shows any plain text unchanged once the invisible joiners are removed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(strip(renderWhatsApp(text).text)).toBe(text);
      }),
    );
  });

  it('leaves no marker of user text next to a visible character', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z *_~`]{0,60}$/), (text) => {
        const out = renderWhatsApp(text).text;
        for (let i = 0; i < out.length; i++) {
          if ('*_~`'.includes(out[i]!)) {
            expect(out[i - 1]).toBe(WJ);
            expect(out[i + 1]).toBe(WJ);
          }
        }
      }),
    );
  });
});
