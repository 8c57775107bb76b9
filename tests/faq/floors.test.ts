// Accuracy floors, per language, on every labelled set there is. Tuning sets: tests/fixtures/faq/queries.json and
// tuning-2/ to tuning-4/ (<lang>.json each). Seen sets: heldout/ to heldout-4/, each written blind by people who never
// saw the matcher and measured blind before any tuning on it; their misses have been read and tuned on since, so they
// are tuning sets too (their names stay). Held-out set 5 (heldout-5/) is the one never tuned on. Each floor sits a
// little under the figure bench/faq.ts measured, so a regression fails here; a ceiling on wrong answers sits at the
// measured count.
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
const tuning3 = perLanguage('tuning-3');
const seen1 = perLanguage('heldout');
const seen2 = perLanguage('heldout-2');
const heldOut3 = perLanguage('heldout-3');
const heldOut4 = perLanguage('heldout-4');
const tuning4 = perLanguage('tuning-4');
const heldOut5 = perLanguage('heldout-5');

interface Floors {
  right: number;
  wrongOnUnanswerable: number;
  chatter: number;
  didYouMean: number;
  /** Ceiling on wrong answers to answerable questions (/faq and auto-answer): 0 where absent. */
  wrongOnAnswerable?: number;
}

// Measured (bench/faq.ts): right, wrong on unanswerable, chatter auto-answered, did-you-mean right, and wrong answers to
// answerable questions where there are any.
// The first tuning set (queries.json).
const TUNING: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.89, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.923, 0/27, 0, 1
  fr: { right: 0.93, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.959, 0/21, 0, 1
  es: { right: 0.95, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.977, 0/12, 0, 1
  ar: { right: 0.95, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.977, 0/12, 0, 1
  uk: { right: 0.97, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 1, 0/12, 0, 1
};

// The second tuning set, written blind by someone who never read the code, then tuned on.
const TUNING_2: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.9, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.933, 0/12, 0, 1
  fr: { right: 0.97, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 1, 0/12, 0, 1
  es: { right: 0.9, wrongOnUnanswerable: 0.084, chatter: 0, didYouMean: 0.97 }, // 0.933, 1/12, 0, 1
  ar: { right: 0.94, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.967, 0/12, 0, 1
  uk: { right: 0.94, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.967, 0/12, 0, 1
};

// The third tuning set, written blind from the entries alone; measured before it was tuned on (right 0.82 / 0.67 / 0.73 /
// 0.73 / 0.84, one wrong answer in 15 unanswerable questions in English, French and Ukrainian), then tuned on.
const TUNING_3: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.93, wrongOnUnanswerable: 0.067, chatter: 0, didYouMean: 0.97 }, // 0.956, 1/15, 0, 1
  fr: { right: 0.86, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.889, 0/15, 0, 1
  es: { right: 0.95, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.978, 0/15, 0, 1
  ar: { right: 0.88, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.911, 0/15, 0, 1
  uk: { right: 0.97, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 1, 0/15, 0, 1
};

// The fourth tuning set, written blind from the entries alone, mostly questions close to an entry that no entry answers
// (40 of 70 per language); measured before it was tuned on: wrong answers to its unanswerable questions 10 / 7 / 10 / 9 /
// 7 of 40 (0.20 / 0.25 / 0.25 / 0.23 / 0.18 before the fifth round). Over the goal of 0.02 still: the ceilings say so.
const TUNING_4: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.9, wrongOnUnanswerable: 0.05, chatter: 0, didYouMean: 0.97 }, // 0.933, 2/40, 0, 1
  fr: { right: 0.84, wrongOnUnanswerable: 0.025, chatter: 0, didYouMean: 0.97 }, // 0.867, 1/40, 0, 1
  es: { right: 0.87, wrongOnUnanswerable: 0.025, chatter: 0, didYouMean: 0.97 }, // 0.900, 1/40, 0, 1
  ar: { right: 0.9, wrongOnUnanswerable: 0.075, chatter: 0, didYouMean: 0.97 }, // 0.933, 3/40, 0, 1
  uk: { right: 0.87, wrongOnUnanswerable: 0.025, chatter: 0, didYouMean: 0.94 }, // 0.900, 1/40, 0, 0.967
};

// Seen set 1 (heldout/): measured blind once, tuned on since.
const SEEN_1: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.83, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.857, 0/13, 0, 1
  fr: { right: 0.9, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.929, 0/13, 0, 1
  es: { right: 0.95, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.976, 0/12, 0, 1
  ar: { right: 0.9, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.929, 0/12, 0, 1
  uk: { right: 0.9, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.929, 0/12, 0, 1
};

// Seen set 2 (heldout-2/): measured blind once, tuned on since.
const SEEN_2: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.78, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.810, 0/13, 0, 1
  fr: { right: 0.83, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.857, 0/13, 0, 1
  es: { right: 0.8, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.833, 0/13, 0, 1
  ar: { right: 0.8, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.95 }, // 0.833, 0/13, 0, 0.976
  uk: { right: 0.8, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.833, 0/13, 0, 1
};

// Seen set 3 (heldout-3/): written blind from the entries alone during the first round on issue 20, measured without
// tuning through the fourth round (right then 0.78 / 0.78 / 0.89 / 0.80 / 0.84), tuned on since the fifth. One question of
// 45 in English, French and Arabic gets a wrong answer (/faq and auto-answer alike): the ceilings say so.
const HELD_OUT_3: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.93, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.95, wrongOnAnswerable: 0.023 }, // 0.956, 0/15, 0, 0.978, 1/45 wrong
  fr: { right: 0.84, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.95, wrongOnAnswerable: 0.023 }, // 0.867, 0/15, 0, 0.978, 1/45 wrong
  es: { right: 0.93, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.956, 0/15, 0, 1
  ar: { right: 0.88, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.95, wrongOnAnswerable: 0.023 }, // 0.911, 0/15, 0, 0.978, 1/45 wrong
  uk: { right: 0.9, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.933, 0/15, 0, 1
};

// Seen set 4 (heldout-4/): written blind with tuning-3/, measured without tuning through the fourth round (right then
// 0.87 / 0.78 / 0.69 / 0.67 / 0.71), tuned on since the fifth. One unanswerable English question of 15 gets an answer.
const HELD_OUT_4: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.93, wrongOnUnanswerable: 0.067, chatter: 0, didYouMean: 0.97 }, // 0.956, 1/15, 0, 1
  fr: { right: 0.88, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.911, 0/15, 0, 1
  es: { right: 0.7, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.733, 0/15, 0, 1
  ar: { right: 0.84, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.867, 0/15, 0, 1
  uk: { right: 0.81, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.844, 0/15, 0, 1
};

// Held-out set 5 (heldout-5/), written blind from the entries alone by one writer per language before the fifth round,
// never tuned on: no question of it was read. Measured before the fifth round (right 0.78 / 0.64 / 0.91 / 0.80 / 0.80;
// wrong answers to unanswerable questions 1 / 0 / 1 / 1 / 4 of 15), after the fifth and sixth rounds, and after the
// seventh (these figures). Short of the goals (right ≥ 0.9 in en, fr, ar; wrong on unanswerable ≤ 0.02 in fr, ar, uk;
// did-you-mean ≥ 0.97 in ar); one answerable question of 45 in English and Arabic gets a wrong answer: the ceilings say so.
const HELD_OUT_5: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.81, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.95, wrongOnAnswerable: 0.023 }, // 0.844, 0/15, 0, 0.978, 1/45 wrong
  fr: { right: 0.73, wrongOnUnanswerable: 0.067, chatter: 0, didYouMean: 0.97 }, // 0.756, 1/15, 0, 1
  es: { right: 0.88, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.911, 0/15, 0, 1
  ar: { right: 0.79, wrongOnUnanswerable: 0.067, chatter: 0, didYouMean: 0.93, wrongOnAnswerable: 0.023 }, // 0.822, 1/15, 0, 0.956, 1/45 wrong
  uk: { right: 0.88, wrongOnUnanswerable: 0.134, chatter: 0, didYouMean: 0.97 }, // 0.911, 2/15, 0, 1
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
    // Neither /faq nor auto-answer names the wrong entry for an answerable question, but where measured so.
    expect(r.wrongOnAnswerable, `${lang}: wrong answers to answerable questions`).toBeLessThanOrEqual(f.wrongOnAnswerable ?? 0);
    expect(r.autoWrong, `${lang}: wrong auto-answers`).toBeLessThanOrEqual(f.wrongOnAnswerable ?? 0);
  }
}

describe('FAQ accuracy per language', () => {
  it('the sets are as large as the issue asks: at least 60 questions per language', () => {
    for (const set of [tuning, tuning3, tuning4, seen1, seen2, heldOut3, heldOut4, heldOut5]) {
      for (const lang of LANGS) {
        const n = [...set.answerable, ...set.unanswerable, ...set.chatter].filter((q) => q.lang === lang).length;
        expect(n, `${lang}: questions`).toBeGreaterThanOrEqual(60);
      }
    }
  });

  it('stays above the floors on the tuning sets', () => {
    check(tuning, TUNING);
    check(tuning2, TUNING_2);
    check(tuning3, TUNING_3);
    check(tuning4, TUNING_4);
  });

  it('stays above the floors on seen set 1 (heldout/)', () => {
    check(seen1, SEEN_1);
  });

  it('stays above the floors on seen set 2 (heldout-2/)', () => {
    check(seen2, SEEN_2);
  });

  it('stays above the floors on seen set 3 (heldout-3/)', () => {
    check(heldOut3, HELD_OUT_3);
  });

  it('stays above the floors on seen set 4 (heldout-4/)', () => {
    check(heldOut4, HELD_OUT_4);
  });

  it('stays above the floors on held-out set 5 (heldout-5/, never tuned on)', () => {
    check(heldOut5, HELD_OUT_5);
  });
});
