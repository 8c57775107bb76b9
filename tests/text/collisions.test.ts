// Words whose stem meets an unrelated word of the lexicon: each is read as written, and the lexicon's own words, and
// the forms that share their meaning, still meet their concept.
import { describe, expect, it } from 'vitest';
import { analyze, analyzeQuery } from '../../src/features/faq/analyze.js';
import { answered, forms, index } from '../faq/lib/fixture-index.js';

/** Pairs of a word read apart and the concept its stem used to join, then words that must keep joining it. */
const APART: [string, string, string[]][] = [
  ['marie', '#civil', ['mariage', 'mariages']],
  ['locked', '#locker', ['locker', 'lockers']],
  ['sell', '#stamp', ['sello', 'sellos']],
  ['state', '#station', ['station', 'stations']],
  ['terre', '#pet', ['terrier']],
  ['courir', '#class', ['cours', 'course']],
  ['rest', '#restaurant', ['resto', 'restos', 'restaurant']],
  ['turns', '#appointment', ['turno']],
  ['швидкий', '#ambulance', ['швидка', 'швидку', 'швидкої']],
  ['служба', '#emergency', ['служби']],
  ['таблетки', '#key', ['таблетка']],
  ['بسيط', '#mediation', ['وسيط']],
  ['الكار', '#card', ['كارت']],
  ['كراتين', '#hire', []],
  ['ادوات', '#pharmacy', []],
  ['للبلاد', '#child', []],
  ['marta', '#weekday', ['martes']],
  ['compter', '#meter', ['compteur', 'compteurs']],
  ['cuento', '#meter', ['contador']],
  ['كلمة', '#call', ['بكلم']],
];

describe('words whose stem meets a word of another meaning', () => {
  for (const [word, concept, kept] of APART) {
    it(`"${word}" is not read as ${concept}, which ${kept.join(', ') || 'its own words'} still reach`, () => {
      expect(forms(word)).not.toContain(concept);
      for (const other of kept) expect(forms(other)).toEqual([concept]);
    });
  }

  it('read the manager\'s name as a name, in an entry and in a seen question', () => {
    expect(analyze('Marie Dupont, the building manager, answers by email.', 'en')).not.toContain('#civil');
    expect(analyzeQuery("does anyone have Marie's email? the building manager I mean").flatMap((w) => w.forms))
      .not.toContain('#civil');
  });

  it('read the Ukrainian pills of a seen question as pills, not a key fob', () => {
    const seen = 'Вибачте що так пізно пишу, у мене скінчились таблетки від тиску а вже ніч. Як знайти аптеку, яка зараз працює?';
    expect(analyzeQuery(seen).flatMap((w) => w.forms)).not.toContain('#key');
  });
});

describe('the Arabic ball', () => {
  it('is football, not the courtyard (الكور, French "cour")', () => {
    expect(forms('كورة')).toEqual(['#sport']);
    expect(forms('الكورة')).toEqual(['#sport']);
    expect(forms('الكور')).toEqual(['#courtyard']);
  });
});

describe('the Algerian "any"', () => {
  it('is a function word; paying cash is still the way one pays', () => {
    const seen = 'كاش auto-école مليحة وماشي غالية قريبة؟';
    expect(analyzeQuery(seen).map((w) => w.word)).not.toContain('كاش');
    expect(analyzeQuery(seen).flatMap((w) => w.forms)).not.toContain('#paymethod');
    expect(analyzeQuery('أدفع كاش ولا بطاقة؟').flatMap((w) => w.forms)).toContain('#paymethod');
    expect(forms('بالكاش')).toEqual(['#paymethod']);
  });
});

describe('everyday words one edit from a word of the FAQ', () => {
  it('are taken as written, not as typos: the door is not the courtyard', () => {
    const seen = 'Хлопці, ситуація: вийшов винести сміття, двері захлопнулись, ключі всередині 🤦‍♂️ добре що телефон з собою. ' +
      'Є тут нормальний слесар щоб не здер 300 євро? І чи може gestionnaire хоч в підʼїзд пустити?';
    expect(answered(seen, 'uk')).toBe(13);
    // Alone, neither the door nor Maria's leads to an entry (the courtyard's, the town hall's).
    expect(index.search('двері')).toEqual([]);
    expect(index.search('марії')).toEqual([]);
    // A typo of a word of the FAQ is still read as that word.
    expect(answered('where is the pharmcy?', 'en')).toBe(answered('where is the pharmacy?', 'en'));
  });
});
