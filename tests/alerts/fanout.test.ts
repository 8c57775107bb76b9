import { describe, expect, it } from 'vitest';
import { interleaveByPlatform } from '../../src/features/alerts/fanout.js';
import { textKey } from '../../src/features/alerts/repository.js';
import { parseNumber } from '../../src/text/numbers.js';

describe('fan-out order', () => {
  it('alternates platforms so each delivery queue is fed from the start, keeping every target once', () => {
    const targets = ['discord:1', 'discord:2', 'discord:3', 'telegram:-1', 'telegram:-2', 'whatsapp:a@g.us'];
    expect(interleaveByPlatform(targets)).toEqual(['discord:1', 'telegram:-1', 'whatsapp:a@g.us', 'discord:2', 'telegram:-2', 'discord:3']);
  });
});

describe('alert text and ids', () => {
  it('folds case and spacing for the duplicate check, and reads ids with or without #', () => {
    expect(textKey('  Lost  CAT\n near the park ')).toBe(textKey('lost cat near the park'));
    expect(textKey('Lost cat')).not.toBe(textKey('Lost dog'));
    expect(parseNumber('#12')).toBe(12);
    expect(parseNumber('12')).toBe(12);
    expect(parseNumber('12a')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
  });
});
