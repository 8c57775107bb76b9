// English readings of round 14 (src/text/near-topics.ts PLAIN_PHRASES, src/text/lexicon.ts, topics.ts): real questions
// of the seen sets that these readings answer, and close calls on the same words that stay unanswered.
import { describe, expect, it } from 'vitest';
import { answered, forms, termsOf } from './lib/fixture-index.js';

describe('phrases that begin like a near topic and mean something else', () => {
  it('reads a supply one has run out of as no expired permit', () => {
    expect(termsOf('my husband has run out of his tablets')).not.toContain('#expired');
    expect(termsOf('we ran out of milk')).not.toContain('#expired');
    expect(termsOf('my parking permit ran out last week')).toContain('#expired');
    expect(termsOf('my permit has run out')).toContain('#expired');
  });

  it('reads a note someone left me as no rubbish dumped', () => {
    expect(termsOf('someone left me a note')).not.toContain('#dumpedby');
    expect(termsOf('someone left a mattress by the bins')).toContain('#dumpedby');
  });

  it('answers the questions these phrases hid', () => {
    expect(
      answered(
        'Good evening. My husband has run out of his tablets and it is already 11 at night. Kindly advise where one can find a chemist open at this hour, and whether there is any procedure to follow.',
        'en',
      ),
    ).toBe(6);
    expect(answered('where are we supposed to keep bikes? someone left me a note for having mine in the stairwell 🙄', 'en')).toBe(14);
  });

  it('leaves an expired permit’s grace period unanswered', () => {
    expect(answered('my resident parking permit ran out last week, is there a grace period before they start fining me?', 'en')).toBeUndefined();
  });
});

describe('empty bottles', () => {
  it('reads empty bottles and jars as the bottles, not as a bin emptied', () => {
    expect(forms('empty bottles')).toEqual(forms('bottles'));
    expect(forms('empty jars')).toEqual(forms('bottles'));
    expect(answered('Party last night 🍾🍾🍾 ... can the empty bottles go in the yellow bin or where do they go?', 'en')).toBe(4);
  });
});

describe('the recycling the collection takes, and the rentrée', () => {
  it('reads "take the recycling" as the collection, not the recycling centre', () => {
    expect(forms('take the recycling')).toEqual(forms('bin day'));
    expect(answered('Sorry, new here 🙋‍♀️ which day do they take the recycling?', 'en')).toBe(1);
    expect(answered('Where is the recycling centre and when is it open?', 'en')).toBe(3);
  });

  it('reads the rentrée as school, in English and French', () => {
    expect(forms('the rentrée')).toEqual(forms('school'));
    expect(forms('la rentrée')).toEqual(forms('school'));
    expect(termsOf('je suis rentrée tard')).not.toContain('#school');
    expect(answered('when do registrations open for the rentrée in september? want to be ready this time', 'en')).toBe(20);
  });
});

describe('texting abbreviations and addresses', () => {
  it('reads rd, tmrw, mgr and dr as the words', () => {
    expect(forms('rd')).toEqual(forms('road'));
    expect(forms('tmrw')).toEqual(forms('tomorrow'));
    expect(forms('mgr')).toEqual(forms('manager'));
    expect(forms('dr')).toEqual(forms('doctor'));
  });

  it('answers a question written that way', () => {
    expect(answered('any1 got the number to book an appt at the health centre on station rd', 'en')).toBe(5);
  });
});

describe('what a shop sells is what one buys', () => {
  it('reads sold, sells and vendent as buying', () => {
    expect(forms('sold')).toEqual(forms('buy'));
    expect(forms('sells')).toEqual(forms('buy'));
    expect(forms('vendent')).toEqual(forms('acheter'));
  });

  it('answers where to buy what an answer says is sold', () => {
    expect(answered('where can I buy stamps', 'en')).toBe(18);
    expect(answered('donde compro sellos?', 'es')).toBe(18);
  });

  it('reads dropping something off as taking it', () => {
    expect(termsOf('where can I drop off old paint tins?')).not.toContain('drop');
  });
});

describe('a birthday said as an ordinal', () => {
  it('reads "my daughter’s 16th" and "my 30th and…" as a birthday, not "my 2nd floor flat"', () => {
    expect(termsOf("my daughter's 16th in the common room")).toContain(forms('birthday')![0]);
    expect(termsOf('a get-together for my 30th and some friends')).toContain(forms('birthday')![0]);
    expect(termsOf('my 2nd floor flat')).not.toContain(forms('birthday')![0]);
    expect(termsOf('on the 14th.')).not.toContain(forms('birthday')![0]);
  });

  it('answers the common room question it hid', () => {
    expect(
      answered(
        "Hi neighbours! I'd love to do my daughter's 16th in the common room on the 14th. Who do I ask, and how many people can we squeeze in? Around 25 teens 😬",
        'en',
      ),
    ).toBe(10);
  });
});
