import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../src/text/numbers.js';

describe('parseNumber: the numbers commands take (requests, alerts, FAQ entries, list lines)', () => {
  it.each([
    ['#12', 12],
    ['12', 12],
    [' #7 ', 7],
    ['# 7', 7],
    ['999999999', 999_999_999],
  ])('%j → %d', (text, id) => expect(parseNumber(text)).toBe(id));

  it.each(['', ' ', '#', '0', '#0', '-3', '1.5', '1e1', '12a', 'twelve', '##12', '1 2', '1234567890', '99999999999999999'])(
    '%j → undefined',
    (text) => expect(parseNumber(text)).toBeUndefined(),
  );

  it('reads a missing argument as no number', () => {
    expect(parseNumber(undefined)).toBeUndefined();
  });
});
