// Scores the matcher against a labelled set (tests/fixtures/faq/: queries.json, tuning-2/ to tuning-4/ and heldout/ to
// heldout-4/, all tuned on, and heldout-5/, written blind and never tuned on): used by the unit tests,
// which assert floors, and by bench/faq.ts, which prints the figures per language. learnedFrom simulates a group whose
// members used "did you mean", to measure what learning from their picks brings on another set.
import { FaqIndex, answerQuestion, autoAnswer, type FaqEntry } from './match.js';
import { DEFAULT_LEARNING, QUESTION_MAX, learnable, normaliseQuestion } from './picks.js';

export interface LabelledSet {
  answerable: { lang: string; expect: number; text: string }[];
  unanswerable: { lang: string; text: string }[];
  chatter: { lang: string; text: string }[];
}

export interface Miss {
  text: string;
  expected: number | null;
  got: number | null;
  confidence: number;
}

export interface Evaluation {
  /** Sizes: answerable, unanswerable, chatter. */
  counts: { answerable: number; unanswerable: number; chatter: number };
  /** Answerable queries whose best-ranked entry is the expected one, whatever the confidence. */
  top1Ranked: number;
  /** Answerable queries that `/faq` answers, with the expected entry (the figure users see). */
  top1Answered: number;
  /** Answerable queries that `/faq` answers with a different entry. */
  wrongOnAnswerable: number;
  /**
   * Answerable queries one tap from the right answer: `/faq` answers with it, or it says it is unsure and the
   * expected entry is among its "did you mean" choices.
   */
  didYouMeanRight: number;
  /** Unanswerable questions that `/faq` answers anyway (any answer is wrong). */
  wrongOnUnanswerable: number;
  /** Chatter lines that auto-answer would reply to. */
  chatterAnswered: number;
  /** Answerable queries that auto-answer would answer with the right entry (recall, informative). */
  autoRecall: number;
  /** Auto-answers to answerable queries that name the wrong entry. */
  autoWrong: number;
  misses: Miss[];
}

const ratio = (n: number, d: number): number => (d === 0 ? 0 : n / d);

export function evaluate(index: FaqIndex, set: LabelledSet): Evaluation {
  let ranked = 0;
  let answered = 0;
  let wrong = 0;
  let oneTap = 0;
  let autoRight = 0;
  let autoWrong = 0;
  const misses: Miss[] = [];
  for (const q of set.answerable) {
    const top = index.search(q.text, { lang: q.lang, limit: 1 })[0];
    if (top?.entryId === q.expect) ranked++;
    const result = answerQuestion(index, q.text, { group: q.lang });
    if (result.kind === 'answer' && result.entryId === q.expect) {
      answered++;
      oneTap++;
    } else {
      if (result.kind === 'answer') wrong++;
      else if (result.closest.some((c) => c.entryId === q.expect)) oneTap++;
      misses.push({
        text: q.text,
        expected: q.expect,
        got: result.kind === 'answer' ? result.entryId : null,
        confidence: top?.confidence ?? 0,
      });
    }
    const auto = autoAnswer(index, q.text, { group: q.lang });
    if (auto?.entryId === q.expect) autoRight++;
    else if (auto) autoWrong++;
  }
  let wrongUnanswerable = 0;
  for (const q of set.unanswerable) {
    const result = answerQuestion(index, q.text, { group: q.lang });
    if (result.kind === 'answer') {
      wrongUnanswerable++;
      misses.push({ text: q.text, expected: null, got: result.entryId, confidence: result.confidence });
    }
  }
  let chatterAnswered = 0;
  for (const c of set.chatter) {
    const auto = autoAnswer(index, c.text, { group: c.lang });
    if (auto) {
      chatterAnswered++;
      misses.push({ text: `[chatter] ${c.text}`, expected: null, got: auto.entryId, confidence: auto.confidence });
    }
  }
  const n = set.answerable.length;
  return {
    counts: { answerable: n, unanswerable: set.unanswerable.length, chatter: set.chatter.length },
    top1Ranked: ratio(ranked, n),
    top1Answered: ratio(answered, n),
    wrongOnAnswerable: ratio(wrong, n),
    didYouMeanRight: ratio(oneTap, n),
    wrongOnUnanswerable: ratio(wrongUnanswerable, set.unanswerable.length),
    chatterAnswered: ratio(chatterAnswered, set.chatter.length),
    autoRecall: ratio(autoRight, n),
    autoWrong: ratio(autoWrong, n),
    misses,
  };
}

/** The part of a set written in one language. */
export function inLanguage(set: LabelledSet, lang: string): LabelledSet {
  return {
    answerable: set.answerable.filter((q) => q.lang === lang),
    unanswerable: set.unanswerable.filter((q) => q.lang === lang),
    chatter: set.chatter.filter((q) => q.lang === lang),
  };
}

/** Several sets as one (the held-out set is one file per language). */
export function merge(sets: LabelledSet[]): LabelledSet {
  return {
    answerable: sets.flatMap((s) => s.answerable),
    unanswerable: sets.flatMap((s) => s.unanswerable),
    chatter: sets.flatMap((s) => s.chatter),
  };
}

/** The evaluation of each language present in the set, in the order given. */
export function evaluateByLanguage(index: FaqIndex, set: LabelledSet, langs: readonly string[]): Map<string, Evaluation> {
  const out = new Map<string, Evaluation>();
  for (const lang of langs) {
    const part = inLanguage(set, lang);
    if (part.answerable.length + part.unanswerable.length + part.chatter.length > 0) out.set(lang, evaluate(index, part));
  }
  return out;
}

/**
 * The entries as a group's FAQ holds them after its members used it on `learning`: every answerable question /faq was
 * unsure about and offered the expected entry for is picked by two members, so it becomes a phrasing of that entry in
 * the question's language (once per normalised question, short ones only, at most `perEntry` per entry, as picks.ts
 * keeps them).
 * Questions /faq answered, wrongly or not, and those whose choices missed the expected entry teach nothing.
 */
export function learnedFrom(entries: readonly FaqEntry[], learning: LabelledSet, perEntry = DEFAULT_LEARNING.perEntry): FaqEntry[] {
  const index = new FaqIndex(entries);
  const phrasings = new Map<number, Map<string, { lang: string; question: string }>>();
  for (const q of learning.answerable) {
    const result = answerQuestion(index, q.text, { group: q.lang });
    if (result.kind !== 'none' || !result.closest.some((c) => c.entryId === q.expect) || !learnable(q.text, q.lang)) continue;
    const list = phrasings.get(q.expect) ?? new Map<string, { lang: string; question: string }>();
    const key = normaliseQuestion(q.text);
    if (key === '' || list.has(key) || list.size >= perEntry) continue;
    list.set(key, { lang: q.lang, question: q.text.slice(0, QUESTION_MAX) });
    phrasings.set(q.expect, list);
  }
  return entries.map((e) => {
    const learned = phrasings.get(e.id);
    return learned ? { ...e, phrasings: [...(e.phrasings ?? []), ...learned.values()] } : e;
  });
}
