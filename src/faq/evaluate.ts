// Scores the matcher against a labelled set (tests/fixtures/faq/queries.json): used by the unit tests, which assert
// floors, and by bench/faq.ts, which prints the figures.
import { answerQuestion, autoAnswer, type FaqIndex } from './match.js';

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
  /** Answerable queries whose best-ranked entry is the expected one, whatever the confidence. */
  top1Ranked: number;
  /** Answerable queries that `/faq` answers, with the expected entry (the figure users see). */
  top1Answered: number;
  /** Answerable queries that `/faq` answers with a different entry. */
  wrongOnAnswerable: number;
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

export function evaluate(index: FaqIndex, set: LabelledSet): Evaluation {
  let ranked = 0;
  let answered = 0;
  let wrong = 0;
  let autoRight = 0;
  let autoWrong = 0;
  const misses: Miss[] = [];
  for (const q of set.answerable) {
    const top = index.search(q.text, { lang: q.lang, limit: 1 })[0];
    if (top?.entryId === q.expect) ranked++;
    const result = answerQuestion(index, q.text, { group: q.lang });
    if (result.kind === 'answer' && result.entryId === q.expect) answered++;
    else {
      if (result.kind === 'answer') wrong++;
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
    top1Ranked: ranked / n,
    top1Answered: answered / n,
    wrongOnAnswerable: wrong / n,
    wrongOnUnanswerable: wrongUnanswerable / set.unanswerable.length,
    chatterAnswered: chatterAnswered / set.chatter.length,
    autoRecall: autoRight / n,
    autoWrong: autoWrong / n,
    misses,
  };
}
