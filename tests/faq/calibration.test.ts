// The second round on real questions: Arabic words read without their glued parts, French texting forms, and who the
// top entry has to lead before /faq answers.
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/features/faq/analyze.js';
import { isQuestion } from '../../src/features/faq/question.js';
import {
  ASKED_SENTENCE_FLOOR,
  ASKED_SENTENCE_RATIO,
  EVIDENCE_COMPLETE_RATIO,
  EVIDENCE_RATIO,
  FaqIndex,
  LEAD_FLOOR,
  LEAD_WORDS,
  OWN_TOPIC_FLOOR,
  OWN_TOPIC_RATIO,
  SENTENCES_FLOOR,
  SENTENCES_FOR,
  clearlyAhead,
  rival,
  type FaqMatch,
} from '../../src/features/faq/match.js';
import { arabicReadings } from '../../src/text/lexicon.js';
import { answered, forms, index } from './lib/fixture-index.js';

describe('Arabic words with glued parts', () => {
  it('reads a word without conjunction, preposition and article, pronoun suffix, plural ending; with another person prefix', () => {
    expect(arabicReadings('والتصليحات')).toContain('تصليحات');
    expect(arabicReadings('سيارتهم')).toContain('سيارة');
    expect(arabicReadings('حفلات')).toContain('حفلة');
    expect(arabicReadings('نشتري')).toContain('اشتري');
    // The word itself is always the first reading, and no part shorter than three letters is left.
    expect(arabicReadings('بنك')[0]).toBe('بنك');
    expect(arabicReadings('وكم')).toEqual(['وكم']);
  });

  it('finds the concept of such words', () => {
    expect(forms('والتصليحات')).toEqual(['#diy']);
    expect(forms('نشتريها')).toEqual(['#buy']);
    expect(forms('بتتصل')).toEqual(['#call']);
    expect(forms('شقتهم')).toEqual(['#flat']);
    expect(forms('حفلات')).toEqual(['#party']);
  });

  it('finds a phrase of the lexicon whose first word has a glued preposition (لعيد ميلاد, for a birthday)', () => {
    expect(analyzeQuery('لعيد ميلاد').map((w) => w.forms)).toEqual([['#party']]);
    expect(analyzeQuery('وبنك طعام').map((w) => w.forms)).toEqual([['#food']]);
  });

  it('takes a final haa for taa marbuta on words of the lexicon (الزباله is الزبالة)', () => {
    expect(forms('الزباله')).toEqual(['#bin']);
    expect(forms('الزباله')).toEqual(forms('الزبالة'));
  });

  it('reads Friday as a day, not as collecting (الجمعة shares the root of جمع)', () => {
    expect(forms('الجمعة')).toEqual(['#friday']);
    expect(forms('الجمعة')).not.toEqual(forms('يجمعون'));
  });
});

describe('French, Spanish and Ukrainian words that met the wrong concept', () => {
  it('keeps à partir de and à part out of sport and gardens, and the Ukrainian big out of bikes', () => {
    expect(analyzeQuery('à partir de quelle heure').map((w) => w.forms[0])).not.toContain('#sport');
    expect(analyzeQuery('à part la poste').map((w) => w.forms[0])).not.toContain('#sport');
    expect(analyzeQuery('à part la poste').map((w) => w.forms[0])).not.toContain('#garden');
    expect(forms('велику')).not.toEqual(['#bike']);
  });

  it('gives an everyday word a concept only when the lexicon lists the word itself, not a word sharing its stem', () => {
    // Spanish "primera" (first) shares its stem with "primaire" (primary school).
    const first = analyzeQuery('primera')[0]!;
    expect(first.weak).toBe(true);
    expect(first.forms.some((f) => f.startsWith('#'))).toBe(false);
    // A listed word keeps its concept.
    expect(forms('poubelle')).toEqual(['#bin']);
  });

  it('drops French texting forms of function words and takes them as openers of a question', () => {
    expect(analyzeQuery('ya kel koi')).toEqual([]);
    expect(isQuestion('ya un marché le dimanche', 'fr')).toBe(true);
    expect(isQuestion('kel jour passent les poubelles', 'fr')).toBe(true);
  });

  it('lets an entry that names a day of the week answer "which day"', () => {
    const bins = new FaqIndex([
      { id: 1, translations: [{ lang: 'en', question: 'When are the bins collected?', answer: 'On Tuesday mornings.' }] },
      { id: 2, translations: [{ lang: 'en', question: 'Where do the bins go?', answer: 'In the yard.' }] },
    ]);
    const [top, next] = bins.search('which day for the bins?');
    expect(top?.entryId).toBe(1);
    // The bin and the day it names: a topic word and an aspect.
    expect(top?.sharedWords).toBe(1.5);
    expect(next?.sharedWords).toBe(1);
  });

  it('lets an entry that gives a clock time answer "until what time"', () => {
    const noise = new FaqIndex([
      { id: 1, translations: [{ lang: 'en', question: 'What are the rules about noise?', answer: 'Quiet from 10 pm to 7 am.' }] },
      { id: 2, translations: [{ lang: 'fr', question: 'À qui signaler le bruit ?', answer: 'Au gestionnaire, de 9h30 à 12 h.' }] },
      { id: 3, translations: [{ lang: 'en', question: 'Who do I tell about noise?', answer: 'The manager.' }] },
    ]);
    const shared = (query: string) =>
      Object.fromEntries(noise.search(query).map((m) => [m.entryId, m.sharedWords]));
    expect(shared('until what time is noise ok?')).toEqual({ 1: 1.5, 2: 1.5, 3: 1 });
  });

  it('reads an hour as an aspect of opening hours in French', () => {
    expect(answered('la laverie ferme à quelle heure ?', 'fr')).toBe(24);
  });
});

describe('who the top entry has to lead', () => {
  const match = (over: Partial<FaqMatch>): FaqMatch => ({
    entryId: 1,
    score: 0,
    confidence: 0.3,
    matchedLang: 'en',
    anchored: true,
    unknownWords: 0,
    sharedWords: 2,
    missedTopics: 0,
    otherTopics: 0,
    ...over,
  });

  it('skips entries that share only aspects with the question', () => {
    const matches = [match({ entryId: 1 }), match({ entryId: 2, anchored: false }), match({ entryId: 3 })];
    expect(rival(matches)?.entryId).toBe(3);
    // The manager's number, ahead of the emergency numbers that share only "number".
    expect(answered("the building manager's phone number?", 'en')).toBe(16);
    expect(answered('numéro de téléphone du gestionnaire de l’immeuble ?', 'fr')).toBe(16);
  });

  it('asks a smaller lead on plain evidence of an entry that has every topic word of the question', () => {
    const ratio = (EVIDENCE_COMPLETE_RATIO + EVIDENCE_RATIO) / 2;
    const second = match({ entryId: 2, confidence: 0.3 / ratio });
    expect(clearlyAhead(match({}), second)).toBe(true);
    expect(clearlyAhead(match({ missedTopics: 1 }), second)).toBe(false);
  });

  it('answers an entry that shares two words of substance more with the question than the next one', () => {
    const top = match({ confidence: LEAD_FLOOR, sharedWords: 1 + LEAD_WORDS });
    expect(clearlyAhead(top, match({ entryId: 2, confidence: LEAD_FLOOR * 0.9, sharedWords: 1 }))).toBe(true);
    expect(clearlyAhead(top, match({ entryId: 2, confidence: LEAD_FLOOR * 0.9, sharedWords: 1.5 }))).toBe(false);
    expect(clearlyAhead({ ...top, otherTopics: 1 }, match({ entryId: 2, confidence: 0, sharedWords: 0 }))).toBe(false);
    expect(clearlyAhead({ ...top, confidence: LEAD_FLOOR - 0.01 }, match({ entryId: 2, confidence: 0.1, sharedWords: 1 }))).toBe(false);
    // Building works on a Sunday: two topic words that only the entry on noise and works has.
    expect(answered('el vecino de arriba está con obras un domingo a las 8 de la mañana, eso está permitido?? 😤', 'es')).toBe(15);
  });

  it('answers an entry that several sentences of a message rank first', () => {
    const second = match({ entryId: 2, confidence: SENTENCES_FLOOR * 0.9 });
    const top = match({ confidence: SENTENCES_FLOOR, sentencesFor: SENTENCES_FOR });
    expect(clearlyAhead(top, second)).toBe(true);
    expect(clearlyAhead({ ...top, sentencesFor: SENTENCES_FOR - 1 }, second)).toBe(false);
    expect(clearlyAhead({ ...top, otherTopics: 1 }, second)).toBe(false);
    const heating = 'Radiateurs glacés depuis ce matin chez moi 🥶 vous aussi ? il y a un numéro pour les pannes de chauffage ?';
    expect(index.search(heating, { lang: 'fr', limit: 1 })[0]?.sentencesFor).toBe(2);
    expect(answered(heating, 'fr')).toBe(17);
  });

  it('answers an entry that the sentence that asks ranks first, well ahead of the next one', () => {
    const top = match({ confidence: ASKED_SENTENCE_FLOOR, sharedWords: 1, sentencesFor: 1, askedFor: 1 });
    const second = match({ entryId: 2, confidence: ASKED_SENTENCE_FLOOR / ASKED_SENTENCE_RATIO, sharedWords: 1 });
    expect(clearlyAhead(top, second)).toBe(true);
    expect(clearlyAhead(top, undefined)).toBe(true);
    // A sentence that does not ask, a smaller lead, a lower confidence or a topic no entry has is not enough.
    expect(clearlyAhead({ ...top, askedFor: undefined }, second)).toBe(false);
    expect(clearlyAhead(top, { ...second, confidence: second.confidence * 1.1 })).toBe(false);
    expect(clearlyAhead({ ...top, confidence: ASKED_SENTENCE_FLOOR - 0.01 }, undefined)).toBe(false);
    expect(clearlyAhead({ ...top, otherTopics: 1 }, second)).toBe(false);
    // One plain question in small talk, sharing one topic word with its entry.
    const bikes = 'where do we keep bikes? apparently not in the hallway';
    expect(index.search(bikes, { lang: 'en', limit: 1 })[0]?.askedFor).toBe(1);
    expect(answered(bikes, 'en')).toBe(14);
    expect(answered('hey all, my phone contract from home costs a fortune here 😬 where can I get a prepaid french sim?', 'en')).toBe(8);
  });

  it("answers an entry whose answer alone has a topic word of the question, well ahead of the next one", () => {
    const top = match({ confidence: OWN_TOPIC_FLOOR, sharedWords: 1, ownTopic: true });
    const second = match({ entryId: 2, confidence: OWN_TOPIC_FLOOR / OWN_TOPIC_RATIO, sharedWords: 1 });
    expect(clearlyAhead(top, second)).toBe(true);
    // Without the entry's own topic, with a topic it lacks or one no entry has, a lower confidence or a smaller lead: no.
    expect(clearlyAhead({ ...top, ownTopic: undefined }, second)).toBe(false);
    expect(clearlyAhead({ ...top, missedTopics: 1 }, second)).toBe(false);
    expect(clearlyAhead({ ...top, otherTopics: 1 }, second)).toBe(false);
    expect(clearlyAhead({ ...top, confidence: OWN_TOPIC_FLOOR - 0.01 }, undefined)).toBe(false);
    expect(clearlyAhead(top, { ...second, confidence: second.confidence * 1.1 })).toBe(false);
    // A passport and an identity card: only the town hall's answer names them.
    const passport = 'Where do I renew my passport?';
    expect(index.search(passport, { lang: 'en', limit: 1 })[0]?.ownTopic).toBe(true);
    expect(answered(passport, 'en')).toBe(27);
    expect(answered("où faire sa carte d'identité ?", 'fr')).toBe(27);
    // A topic word that is also in an entry's question is not the entry's own: the market's card payment stays unanswered.
    expect(index.search('en el mercado se puede pagar con tarjeta o solo efectivo?', { lang: 'es', limit: 1 })[0]?.ownTopic).toBeUndefined();
  });
});
