import { describe, expect, it } from 'vitest';
import { displayCode, newCode, parseCode } from '../../src/text/codes.js';

describe('codes people copy between chats (bridge link codes, community join codes)', () => {
  it('are 8 characters without look-alikes, shown as two halves and read back in any case', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const code = newCode();
      expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
      expect(displayCode(code)).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      expect(parseCode(displayCode(code).toLowerCase())).toBe(code);
      expect(parseCode(` ${code} `)).toBe(code);
      seen.add(code);
    }
    expect(seen.size).toBeGreaterThan(195);
  });

  it.each(['', 'ABC', 'ABCDEFGHJKMNP', 'AB-CD-EF', 'ABCD EFGH', 'ABCD_EFGH', '-ABCDEFG', 'ABCDEFG-'])('refuses %j', (typed) =>
    expect(parseCode(typed)).toBeUndefined(),
  );
});
