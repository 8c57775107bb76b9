// Accuracy floors, per language, on the tuning sets (tests/fixtures/faq/queries.json and tuning-2/<lang>.json, the
// sets the matcher's constants and lexicon were chosen on) and on the held-out sets (heldout/<lang>.json and
// heldout-2/<lang>.json, written by people who never saw the matcher, never tuned on). Each floor sits a little under
// the figure bench/faq.ts measured, so a regression fails here; a ceiling on wrong answers sits at the measured count.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateByLanguage, merge, type LabelledSet } from '../../src/features/faq/evaluate.js';
import { FaqIndex, type FaqEntry } from '../../src/features/faq/match.js';

function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/faq/${name}`, import.meta.url), 'utf8')) as T;
}

const LANGS = ['en', 'fr', 'es', 'ar', 'uk'] as const;
const index = new FaqIndex(fixture<FaqEntry[]>('entries.json'));
const perLanguage = (dir: string): LabelledSet => merge(LANGS.map((l) => fixture<LabelledSet>(`${dir}/${l}.json`)));
const tuning = fixture<LabelledSet>('queries.json');
const tuning2 = perLanguage('tuning-2');
const heldOut = perLanguage('heldout');
const heldOut2 = perLanguage('heldout-2');

interface Floors {
  right: number;
  wrongOnUnanswerable: number;
  chatter: number;
  didYouMean: number;
}

// Measured (bench/faq.ts): right, wrong on unanswerable, chatter auto-answered, did-you-mean right.
const TUNING: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.87, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.98 }, // 0.900, 0, 0, 1
  fr: { right: 0.81, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.98 }, // 0.835, 0, 0, 1
  es: { right: 0.93, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.98 }, // 0.953, 0, 0, 1
  ar: { right: 0.88, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.98 }, // 0.907, 0, 0, 1
  uk: { right: 0.92, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.98 }, // 0.953, 0, 0, 1
};

// The second tuning set, written blind by someone who never read the code, then tuned on.
const TUNING_2: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.7, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.733, 0, 0, 1
  fr: { right: 0.56, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.600, 0, 0, 1
  es: { right: 0.66, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.700, 0, 0, 1
  ar: { right: 0.7, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.733, 0, 0, 1
  uk: { right: 0.76, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.800, 0, 0, 1
};

// Held-out set 1: its figures were measured once before the second tuning round and once after it (these), never
// used for tuning. They fall short of the goals; the floors guard what is measured, not what is wished.
const HELD_OUT: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.59, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.619, 0, 0, 1
  fr: { right: 0.52, wrongOnUnanswerable: 0.16, chatter: 0, didYouMean: 0.97 }, // 0.548, 0.154 (2/13), 0, 1
  es: { right: 0.64, wrongOnUnanswerable: 0.084, chatter: 0, didYouMean: 0.97 }, // 0.667, 0.083 (1/12), 0, 1
  ar: { right: 0.5, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.92 }, // 0.524, 0, 0, 0.952
  uk: { right: 0.59, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.619, 0, 0, 1
};

// Held-out set 2: written blind by someone who never read the code or the other sets, copied in after tuning was
// frozen and measured once; then measured a second time (these figures) after a lexicon fix the existing language
// and typo tests called for (en right 0.405 → 0.429, the rest unchanged). Far short of the goals for right answers, short for wrong answers to
// unanswerable questions in fr, es and ar, for chatter in fr and for did-you-mean in en, es, ar and uk.
const HELD_OUT_2: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.4, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.92 }, // 0.429, 0, 0, 0.952
  fr: { right: 0.35, wrongOnUnanswerable: 0.078, chatter: 0.084, didYouMean: 0.95 }, // 0.381, 0.077 (1/13), 0.083 (1/12), 0.976
  es: { right: 0.42, wrongOnUnanswerable: 0.078, chatter: 0, didYouMean: 0.92 }, // 0.452, 0.077 (1/13), 0, 0.952
  ar: { right: 0.23, wrongOnUnanswerable: 0.078, chatter: 0, didYouMean: 0.78 }, // 0.262, 0.077 (1/13), 0, 0.810
  uk: { right: 0.28, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.88 }, // 0.310, 0, 0, 0.905
};

function check(set: LabelledSet, floors: Record<string, Floors>): void {
  const results = evaluateByLanguage(index, set, LANGS);
  expect([...results.keys()]).toEqual([...LANGS]);
  for (const [lang, r] of results) {
    const f = floors[lang]!;
    expect(r.top1Answered, `${lang}: right answers`).toBeGreaterThanOrEqual(f.right);
    expect(r.wrongOnUnanswerable, `${lang}: wrong answers to unanswerable questions`).toBeLessThanOrEqual(f.wrongOnUnanswerable);
    expect(r.chatterAnswered, `${lang}: chatter auto-answered`).toBeLessThanOrEqual(f.chatter);
    expect(r.didYouMeanRight, `${lang}: right topic one tap away`).toBeGreaterThanOrEqual(f.didYouMean);
    // Auto-answer never names the wrong entry for an answerable question.
    expect(r.autoWrong, `${lang}: wrong auto-answers`).toBe(0);
  }
}

describe('FAQ accuracy per language', () => {
  it('the tuning set and both held-out sets are as large as the issue asks: at least 60 questions per language', () => {
    for (const set of [tuning, heldOut, heldOut2]) {
      for (const lang of LANGS) {
        const n = [...set.answerable, ...set.unanswerable, ...set.chatter].filter((q) => q.lang === lang).length;
        expect(n, `${lang}: questions`).toBeGreaterThanOrEqual(60);
      }
    }
  });

  it('stays above the floors on the tuning sets', () => {
    check(tuning, TUNING);
    check(tuning2, TUNING_2);
  });

  it('stays above the floors on held-out set 1', () => {
    check(heldOut, HELD_OUT);
  });

  it('stays above the floors on held-out set 2', () => {
    check(heldOut2, HELD_OUT_2);
  });
});
