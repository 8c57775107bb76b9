// Accuracy floors, per language, on the tuning set (tests/fixtures/faq/queries.json, the set the matcher's constants
// and lexicon were chosen on) and on the held-out set (tests/fixtures/faq/heldout/<lang>.json, written by someone who
// never saw the matcher, never tuned on). Each floor sits a little under the figure bench/faq.ts measured, so a
// regression fails here; a ceiling on wrong answers sits at the measured count.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateByLanguage, merge, type LabelledSet } from '../../src/faq/evaluate.js';
import { FaqIndex, type FaqEntry } from '../../src/faq/match.js';

function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/faq/${name}`, import.meta.url), 'utf8')) as T;
}

const LANGS = ['en', 'fr', 'es', 'ar', 'uk'] as const;
const index = new FaqIndex(fixture<FaqEntry[]>('entries.json'));
const tuning = fixture<LabelledSet>('queries.json');
const heldOut = merge(LANGS.map((l) => fixture<LabelledSet>(`heldout/${l}.json`)));

interface Floors {
  right: number;
  wrongOnUnanswerable: number;
  chatter: number;
  didYouMean: number;
}

// Measured (bench/faq.ts): right, wrong on unanswerable, chatter auto-answered, did-you-mean right.
const TUNING: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.88, wrongOnUnanswerable: 0.038, chatter: 0, didYouMean: 0.97 }, // 0.900, 0.037, 0, 0.985
  fr: { right: 0.84, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.95 }, // 0.866, 0, 0, 0.969
  es: { right: 0.93, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.953, 0, 0, 1
  ar: { right: 0.95, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.977, 0, 0, 1
  uk: { right: 0.95, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.977, 0, 0, 1
};

// The held-out figures fall short of the goals (right ≥ 0.9, wrong on unanswerable ≤ 0.02, did-you-mean
// right ≥ 0.97 for Arabic); these floors guard what is measured, not what is wished.
const HELD_OUT: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.73, wrongOnUnanswerable: 0.16, chatter: 0, didYouMean: 0.95 }, // 0.762, 0.154 (2/13), 0, 0.976
  fr: { right: 0.64, wrongOnUnanswerable: 0.08, chatter: 0, didYouMean: 0.95 }, // 0.667, 0.077 (1/13), 0, 0.976
  es: { right: 0.76, wrongOnUnanswerable: 0.084, chatter: 0, didYouMean: 0.97 }, // 0.786, 0.083 (1/12), 0, 1
  ar: { right: 0.57, wrongOnUnanswerable: 0.084, chatter: 0, didYouMean: 0.85 }, // 0.595, 0.083 (1/12), 0, 0.881
  uk: { right: 0.73, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.95 }, // 0.762, 0, 0, 0.976
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
  it('the sets are as large as the issue asks: at least 60 questions per language in each', () => {
    for (const set of [tuning, heldOut]) {
      for (const lang of LANGS) {
        const n = [...set.answerable, ...set.unanswerable, ...set.chatter].filter((q) => q.lang === lang).length;
        expect(n, `${lang}: questions`).toBeGreaterThanOrEqual(60);
      }
    }
  });

  it('stays above the floors on the tuning set', () => {
    check(tuning, TUNING);
  });

  it('stays above the floors on the held-out set', () => {
    check(heldOut, HELD_OUT);
  });
});
