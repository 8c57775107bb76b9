// Accuracy floors, per language, on every labelled set there is. Tuning sets: tests/fixtures/faq/queries.json and
// tuning-2/ to tuning-10/ (<lang>.json each). Seen sets: heldout/ to heldout-6/, each written blind by people who never
// saw the matcher and measured blind before any tuning on it; their misses have been read and tuned on since, so they
// are tuning sets too (their names stay). Held-out sets 7 to 10 (heldout-7/ to heldout-10/) are never tuned on. Each
// floor sits a little under the figure bench/faq.ts measured, so a regression fails here; a ceiling on wrong answers
// sits at the measured count.
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
const tuning4 = perLanguage('tuning-4');
const tuning5 = perLanguage('tuning-5');
const tuning6 = perLanguage('tuning-6');
const tuning7 = perLanguage('tuning-7');
const tuning8 = perLanguage('tuning-8');
const tuning9 = perLanguage('tuning-9');
const tuning10 = perLanguage('tuning-10');
const seen1 = perLanguage('heldout');
const seen2 = perLanguage('heldout-2');
const seen3 = perLanguage('heldout-3');
const seen4 = perLanguage('heldout-4');
const seen5 = perLanguage('heldout-5');
const seen6 = perLanguage('heldout-6');
const heldOut7 = perLanguage('heldout-7');
const heldOut8 = perLanguage('heldout-8');
const heldOut9 = perLanguage('heldout-9');
const heldOut10 = perLanguage('heldout-10');

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
  en: { right: 0.95, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.985, 0/27, 0, 1
  fr: { right: 0.96, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.99, 0/21, 0, 1
  es: { right: 0.95, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.977, 0/12, 0, 1
  ar: { right: 0.97, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 1, 0/12, 0, 1
  uk: { right: 0.97, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 1, 0/12, 0, 1
};

// The second tuning set, written blind by someone who never read the code, then tuned on.
const TUNING_2: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.97, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 1, 0/12, 0, 1
  fr: { right: 0.97, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 1, 0/12, 0, 1
  es: { right: 0.94, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.967, 0/12, 0, 1
  ar: { right: 0.97, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 1, 0/12, 0, 1
  uk: { right: 0.97, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 1, 0/12, 0, 1
};

// The third tuning set, written blind from the entries alone; measured before it was tuned on (right 0.82 / 0.67 / 0.73 /
// 0.73 / 0.84, one wrong answer in 15 unanswerable questions in English, French and Ukrainian), then tuned on.
const TUNING_3: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.93, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.956, 0/15, 0, 1
  fr: { right: 0.9, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.933, 0/15, 0, 1
  es: { right: 0.95, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.978, 0/15, 0, 1
  ar: { right: 0.93, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.956, 0/15, 0, 1
  uk: { right: 0.95, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.978, 0/15, 0, 1
};

// The fourth tuning set, written blind from the entries alone, mostly questions close to an entry that no entry answers
// (40 of 70 per language); measured before it was tuned on: wrong answers to its unanswerable questions 10 / 7 / 10 / 9 /
// 7 of 40 (0.20 / 0.25 / 0.25 / 0.23 / 0.18 before the fifth round). Over the goal of 0.02 still: the ceilings say so.
const TUNING_4: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.97, wrongOnUnanswerable: 0.025, chatter: 0, didYouMean: 0.97 }, // 1, 1/40, 0, 1
  fr: { right: 0.97, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 1, 0/40, 0, 1
  es: { right: 0.97, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 1, 0/40, 0, 1
  ar: { right: 0.94, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.967, 0/40, 0, 1
  uk: { right: 0.97, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 1, 0/40, 0, 1
};

// The fifth and sixth tuning sets, written the same way (30 answerable, 40 unanswerable close calls, 10 chatter per
// language). Measured before they were tuned on: tuning-5 on the matcher of the seventh round, wrong answers to its
// unanswerable questions 15 / 8 / 7 / 6 / 6 of 40; tuning-6 on the same matcher 10 / 6 / 8 / 9 / 12, and after the
// eighth and ninth rounds, still unseen, 5 / 4 / 6 / 8 / 12.
const TUNING_5: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.97, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 1, 0/40, 0, 1
  fr: { right: 0.94, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.967, 0/40, 0, 1
  es: { right: 0.97, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 1, 0/40, 0, 1
  ar: { right: 0.87, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.9, 0/40, 0, 1
  uk: { right: 0.94, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.967, 0/40, 0, 1
};

const TUNING_6: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.94, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.967, 0/40, 0, 1
  fr: { right: 0.9, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.933, 0/40, 0, 1
  es: { right: 0.94, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.967, 0/40, 0, 1
  ar: { right: 0.97, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 1, 0/40, 0, 1
  uk: { right: 0.9, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.933, 0/40, 0, 1
};

// The seventh tuning set: 20 answerable, 60 unanswerable (at least 50 hard close calls) and 10 chatter per language,
// written blind; measured before it was tuned on (right 94 of 100, wrong answers to unanswerable questions 12 / 13 / 12 /
// 13 / 11 of 60), tuned on since.
const TUNING_7: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.97, wrongOnUnanswerable: 0.017, chatter: 0, didYouMean: 0.97 }, // 1, 1/60, 0, 1
  fr: { right: 0.97, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 1, 0/60, 0, 1
  es: { right: 0.97, wrongOnUnanswerable: 0.017, chatter: 0, didYouMean: 0.97 }, // 1, 1/60, 0, 1
  ar: { right: 0.97, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 1, 0/60, 0, 1
  uk: { right: 0.97, wrongOnUnanswerable: 0.017, chatter: 0, didYouMean: 0.97 }, // 1, 1/60, 0, 1
};

// The eighth tuning set, written blind from the entries alone before the thirteenth round by one writer per language told
// to mix regional varieties and registers: 40 answerable, 40 unanswerable (at least 30 close calls), 10 chatter per
// language. Measured before it was tuned on: right 0.875 / 0.875 / 0.825 / 0.725 / 0.8, wrong answers to unanswerable
// questions 4 / 2 / 4 / 4 / 1 of 40.
const TUNING_8: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.97, wrongOnUnanswerable: 0.05, chatter: 0, didYouMean: 0.97 }, // 1, 2/40, 0, 1
  fr: { right: 0.95, wrongOnUnanswerable: 0.05, chatter: 0, didYouMean: 0.97 }, // 0.975, 2/40, 0, 1
  es: { right: 0.92, wrongOnUnanswerable: 0.025, chatter: 0, didYouMean: 0.97 }, // 0.95, 1/40, 0, 1
  ar: { right: 0.95, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.975, 0/40, 0, 1
  uk: { right: 0.9, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.925, 0/40, 0, 1
};

// The ninth tuning set, written blind during the fourteenth round the way people of many backgrounds write in such
// groups (short, long, dictated, replies, forwarded notices): 50 answerable, 50 unanswerable (at least 35 close calls)
// and 10 chatter per language; measured once before it was tuned on (right 0.82 / 0.9 / 0.88 / 0.74 / 0.86; wrong
// answers to unanswerable questions 4 / 4 / 1 / 3 / 5 of 50; one chatter line of 10 auto-answered in uk), then tuned on
// in the fourteenth round (these figures).
const TUNING_9: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.93, wrongOnUnanswerable: 0.04, chatter: 0, didYouMean: 0.97 }, // 0.96, 2/50, 0, 1
  fr: { right: 0.95, wrongOnUnanswerable: 0.06, chatter: 0, didYouMean: 0.97 }, // 0.98, 3/50, 0, 1
  es: { right: 0.93, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.95, wrongOnAnswerable: 0.02 }, // 0.96, 0/50, 0, 0.98, 1/50 wrong
  ar: { right: 0.93, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.95, wrongOnAnswerable: 0.02 }, // 0.96, 0/50, 0, 0.98, 1/50 wrong
  uk: { right: 0.83, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.86, 0/50, 0, 1
};

// The tenth tuning set, written blind after the fourteenth round to the brief of held-out set 10: 50 answerable, 50
// unanswerable (at least 35 close calls) and 10 chatter per language; measured once before it was read (these figures).
// Its 20 wrong answers were read to see what they ask; nothing was tuned on it yet.
const TUNING_10: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.83, wrongOnUnanswerable: 0.12, chatter: 0, didYouMean: 0.97 }, // 0.86, 6/50, 0, 1
  fr: { right: 0.91, wrongOnUnanswerable: 0.06, chatter: 0, didYouMean: 0.95 }, // 0.94, 3/50, 0, 0.98
  es: { right: 0.87, wrongOnUnanswerable: 0.06, chatter: 0, didYouMean: 0.95 }, // 0.9, 3/50, 0, 0.98
  ar: { right: 0.87, wrongOnUnanswerable: 0.12, chatter: 0, didYouMean: 0.97 }, // 0.9, 6/50, 0, 1
  uk: { right: 0.89, wrongOnUnanswerable: 0.04, chatter: 0, didYouMean: 0.97 }, // 0.92, 2/50, 0, 1
};

// Seen set 1 (heldout/): measured blind once, tuned on since.
const SEEN_1: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.9, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.929, 0/13, 0, 1
  fr: { right: 0.9, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.929, 0/13, 0, 1
  es: { right: 0.95, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.976, 0/12, 0, 1
  ar: { right: 0.97, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 1, 0/12, 0, 1
  uk: { right: 0.95, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.976, 0/12, 0, 1
};

// Seen set 2 (heldout-2/): measured blind once, tuned on since.
const SEEN_2: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.87, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.905, 0/13, 0, 1
  fr: { right: 0.85, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.881, 0/13, 0, 1
  es: { right: 0.9, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.929, 0/13, 0, 1
  ar: { right: 0.9, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.929, 0/13, 0, 1
  uk: { right: 0.83, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.857, 0/13, 0, 1
};

// Seen set 3 (heldout-3/): written blind from the entries alone during the first round on issue 20, measured without
// tuning through the fourth round (right then 0.78 / 0.78 / 0.89 / 0.80 / 0.84), tuned on since the fifth.
const SEEN_3: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.97, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 1, 0/15, 0, 1
  fr: { right: 0.9, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.95, wrongOnAnswerable: 0.023 }, // 0.933, 0/15, 0, 0.978, 1/45 wrong
  es: { right: 0.93, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.956, 0/15, 0, 1
  ar: { right: 0.9, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.933, 0/15, 0, 1
  uk: { right: 0.97, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 1, 0/15, 0, 1
};

// Seen set 4 (heldout-4/): written blind with tuning-3/, measured without tuning through the fourth round (right then
// 0.87 / 0.78 / 0.69 / 0.67 / 0.71), tuned on since the fifth.
const SEEN_4: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.95, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.978, 0/15, 0, 1
  fr: { right: 0.93, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.956, 0/15, 0, 1
  es: { right: 0.97, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 1, 0/15, 0, 1
  ar: { right: 0.95, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.978, 0/15, 0, 1
  uk: { right: 0.88, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.911, 0/15, 0, 1
};

// Seen set 5 (heldout-5/): written blind before the fifth round, measured without tuning through the seventh (right then
// 0.84 / 0.76 / 0.91 / 0.82 / 0.91, wrong answers to unanswerable questions 0 / 1 / 0 / 1 / 2 of 15), tuned on since the
// eighth.
const SEEN_5: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.9, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.933, 0/15, 0, 1
  fr: { right: 0.9, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.933, 0/15, 0, 1
  es: { right: 0.97, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 1, 0/15, 0, 1
  ar: { right: 0.9, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.933, 0/15, 0, 1
  uk: { right: 0.97, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 1, 0/15, 0, 1
};

// Seen set 6 (heldout-6/): written blind before the eighth round, measured without tuning through the eleventh (right then
// 0.82 / 0.93 / 0.82 / 0.84 / 0.84, wrong answers to unanswerable questions 2 / 2 / 0 / 2 / 0 of 15), tuned on since the
// twelfth.
const SEEN_6: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.86, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.95 }, // 0.889, 0/15, 0, 0.978
  fr: { right: 0.93, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.956, 0/15, 0, 1
  es: { right: 0.9, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.95 }, // 0.933, 0/15, 0, 0.978
  ar: { right: 0.95, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.978, 0/15, 0, 1
  uk: { right: 0.93, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.956, 0/15, 0, 1
};

// Held-out set 7 (heldout-7/), written blind from the entries alone by one writer per language before the twelfth round,
// 60 answerable, 50 unanswerable (at least 35 of them close calls) and 15 chatter per language; never tuned on: no
// question of it was read. Measured before the twelfth round (right 0.90 / 0.87 / 0.88 / 0.77 / 0.83; wrong answers to
// unanswerable questions 2 / 4 / 5 / 8 / 4 of 50), after it (right 0.88 / 0.87 / 0.88 / 0.78 / 0.83; wrong 1 / 2 / 4 /
// 7 / 4), after the thirteenth (right 0.92 / 0.87 / 0.87 / 0.78 / 0.83; wrong 1 / 2 / 4 / 6 / 4) and after the
// fourteenth (these figures). Short of the goals (right ≥ 0.9 but in en, wrong on unanswerable ≤ 0.02 but in en); an
// answerable question of 60 in en and uk gets a wrong answer: the ceilings say so.
const HELD_OUT_7: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.89, wrongOnUnanswerable: 0.02, chatter: 0, didYouMean: 0.95, wrongOnAnswerable: 0.017 }, // 0.917, 1/50, 0, 0.983, 1/60 wrong
  fr: { right: 0.84, wrongOnUnanswerable: 0.04, chatter: 0, didYouMean: 0.97 }, // 0.867, 2/50, 0, 1
  es: { right: 0.84, wrongOnUnanswerable: 0.08, chatter: 0, didYouMean: 0.97 }, // 0.867, 4/50, 0, 1
  ar: { right: 0.79, wrongOnUnanswerable: 0.12, chatter: 0, didYouMean: 0.97 }, // 0.817, 6/50, 0, 1
  uk: { right: 0.79, wrongOnUnanswerable: 0.08, chatter: 0, didYouMean: 0.95, wrongOnAnswerable: 0.017 }, // 0.817, 4/50, 0, 0.983, 1/60 wrong
};

// Held-out set 8 (heldout-8/), written blind from the entries alone by one writer per language during the thirteenth
// round, told to mix regional varieties and registers: 60 answerable, 50 unanswerable (at least 35 of them close calls)
// and 15 chatter per language; never tuned on: no question of it was read. Measured on the matcher as it stood before
// the thirteenth round (right 0.867 / 0.917 / 0.867 / 0.833 / 0.85; wrong answers to unanswerable questions 3 / 2 / 2 /
// 2 / 3 of 50), after it (right 0.867 / 0.917 / 0.883 / 0.867 / 0.9; wrong 3 / 2 / 1 / 3 / 2) and after the fourteenth
// (these figures). Short of the goals (right ≥ 0.9 in fr and uk only, wrong on unanswerable ≤ 0.02 in fr and es
// only).
const HELD_OUT_8: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.84, wrongOnUnanswerable: 0.06, chatter: 0, didYouMean: 0.97 }, // 0.867, 3/50, 0, 1
  fr: { right: 0.9, wrongOnUnanswerable: 0.02, chatter: 0, didYouMean: 0.97 }, // 0.933, 1/50, 0, 1
  es: { right: 0.84, wrongOnUnanswerable: 0.02, chatter: 0, didYouMean: 0.95 }, // 0.867, 1/50, 0, 0.983
  ar: { right: 0.84, wrongOnUnanswerable: 0.04, chatter: 0, didYouMean: 0.97 }, // 0.867, 2/50, 0, 1
  uk: { right: 0.89, wrongOnUnanswerable: 0.04, chatter: 0, didYouMean: 0.97 }, // 0.917, 2/50, 0, 1
};

// Held-out set 9 (heldout-9/), written blind from the entries alone by one writer per language during the fourteenth
// round, the way people of many backgrounds write in such groups (short, long, dictated, replies, forwarded notices):
// 60 answerable, 50 unanswerable (at least 35 of them close calls) and 15 chatter per language; never tuned on: no
// question of it was read. Measured on the matcher as it stood before the fourteenth round (right 0.867 / 0.817 /
// 0.833 / 0.817 / 0.817; wrong answers to unanswerable questions 7 / 1 / 6 / 6 / 2 of 50; one chatter line of 15
// auto-answered in uk) and after it (these figures). Short of the goals (right ≥ 0.9 nowhere, wrong on unanswerable
// ≤ 0.02 in fr only, chatter ≤ 0.01 but in uk); an answerable question of 60 in en and uk gets a wrong answer.
const HELD_OUT_9: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.84, wrongOnUnanswerable: 0.1, chatter: 0, didYouMean: 0.95, wrongOnAnswerable: 0.017 }, // 0.867, 5/50, 0, 0.983, 1/60 wrong
  fr: { right: 0.79, wrongOnUnanswerable: 0.02, chatter: 0, didYouMean: 0.95 }, // 0.817, 1/50, 0, 0.983
  es: { right: 0.79, wrongOnUnanswerable: 0.12, chatter: 0, didYouMean: 0.95 }, // 0.817, 6/50, 0, 0.983
  ar: { right: 0.8, wrongOnUnanswerable: 0.1, chatter: 0, didYouMean: 0.97 }, // 0.833, 5/50, 0, 1
  uk: { right: 0.77, wrongOnUnanswerable: 0.04, chatter: 0.067, didYouMean: 0.95, wrongOnAnswerable: 0.017 }, // 0.8, 2/50, 0.067, 0.983, 1/60 wrong
};

// Held-out set 10 (heldout-10/), written blind from the entries alone by one writer per language after the fourteenth
// round, mixing the briefs of sets 7 to 9 (close calls, regional varieties, the ways people write in chat groups): 60
// answerable, 50 unanswerable (at least 35 of them close calls) and 15 chatter per language; never tuned on: no
// question of it was read. Measured once, on the matcher as it stood when it was written (these figures). Short of the
// goals: right ≥ 0.9 in fr, es and ar; wrong on unanswerable ≤ 0.02 in es and uk; did you mean ≥ 0.97 but in uk.
const HELD_OUT_10: Record<(typeof LANGS)[number], Floors> = {
  en: { right: 0.82, wrongOnUnanswerable: 0.04, chatter: 0, didYouMean: 0.95, wrongOnAnswerable: 0.017 }, // 0.85, 2/50, 0, 0.983, 1/60 wrong
  fr: { right: 0.87, wrongOnUnanswerable: 0.1, chatter: 0, didYouMean: 0.97 }, // 0.9, 5/50, 0, 1
  es: { right: 0.89, wrongOnUnanswerable: 0, chatter: 0, didYouMean: 0.97 }, // 0.917, 0/50, 0, 1
  ar: { right: 0.87, wrongOnUnanswerable: 0.08, chatter: 0, didYouMean: 0.95 }, // 0.9, 4/50, 0, 0.983
  uk: { right: 0.84, wrongOnUnanswerable: 0.02, chatter: 0, didYouMean: 0.94 }, // 0.867, 1/50, 0, 0.967
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
    for (const set of [tuning, tuning3, tuning4, tuning5, tuning6, tuning7, tuning8, tuning9, tuning10, seen1, seen2, seen3, seen4, seen5, seen6, heldOut7, heldOut8, heldOut9, heldOut10]) {
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
    check(tuning5, TUNING_5);
    check(tuning6, TUNING_6);
    check(tuning7, TUNING_7);
    check(tuning8, TUNING_8);
    check(tuning9, TUNING_9);
    check(tuning10, TUNING_10);
  });

  it('stays above the floors on seen set 1 (heldout/)', () => {
    check(seen1, SEEN_1);
  });

  it('stays above the floors on seen set 2 (heldout-2/)', () => {
    check(seen2, SEEN_2);
  });

  it('stays above the floors on seen set 3 (heldout-3/)', () => {
    check(seen3, SEEN_3);
  });

  it('stays above the floors on seen set 4 (heldout-4/)', () => {
    check(seen4, SEEN_4);
  });

  it('stays above the floors on seen set 5 (heldout-5/)', () => {
    check(seen5, SEEN_5);
  });

  it('stays above the floors on seen set 6 (heldout-6/)', () => {
    check(seen6, SEEN_6);
  });

  it('stays above the floors on held-out set 7 (heldout-7/, never tuned on)', () => {
    check(heldOut7, HELD_OUT_7);
  });

  it('stays above the floors on held-out set 8 (heldout-8/, never tuned on)', () => {
    check(heldOut8, HELD_OUT_8);
  });

  it('stays above the floors on held-out set 9 (heldout-9/, never tuned on)', () => {
    check(heldOut9, HELD_OUT_9);
  });

  it('stays above the floors on held-out set 10 (heldout-10/, never tuned on)', () => {
    check(heldOut10, HELD_OUT_10);
  });
});
