import { describe, expect, it } from 'vitest';
import { parseNeed, parseTag, tagsOf } from '../../src/features/help-requests/parse.js';

describe('parseNeed', () => {
  it('reads urgent, the text and its tags', () => {
    expect(parseNeed('urgent: water leak in the stairwell #plumber #Urgent')).toEqual({
      urgent: true,
      text: 'water leak in the stairwell #plumber #Urgent',
      tags: ['plumber', 'urgent'],
    });
    expect(parseNeed('  a babysitter #garde-enfants #childcare #childcare ')).toEqual({
      urgent: false,
      text: 'a babysitter #garde-enfants #childcare #childcare',
      tags: ['garde-enfants', 'childcare'],
    });
    expect(parseNeed('urgently need nothing').urgent).toBe(false);
    expect(parseNeed('URGENT').text).toBe('');
  });

  it('does not take a request number for a tag', () => {
    expect(tagsOf('same as #12, see #perdu')).toEqual(['perdu']);
  });
});

describe('parseTag', () => {
  it('accepts a tag with or without #, and nothing else', () => {
    expect(parseTag('#Lost')).toBe('lost');
    expect(parseTag('lost')).toBe('lost');
    expect(parseTag('#lost#cat')).toBeUndefined();
    expect(parseTag('12')).toBeUndefined();
    expect(parseTag('!')).toBeUndefined();
  });
});
