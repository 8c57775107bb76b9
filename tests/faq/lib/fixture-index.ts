// The labelled fixtures' FAQ (tests/fixtures/faq/entries.json) as an index, and the two questions the matcher's unit
// tests ask of it: how a word is read, and which entry /faq answers with.
import { readFileSync } from 'node:fs';
import { analyzeQuery } from '../../../src/features/faq/analyze.js';
import { FaqIndex, answerQuestion, type FaqEntry } from '../../../src/features/faq/match.js';

export const entries = JSON.parse(readFileSync(new URL('../../fixtures/faq/entries.json', import.meta.url), 'utf8')) as FaqEntry[];
export const index = new FaqIndex(entries);

/** The index terms a single word may stand for. */
export const forms = (word: string) => analyzeQuery(word)[0]?.forms;

/** The index terms every word of a text may stand for. */
export const termsOf = (text: string) => analyzeQuery(text).flatMap((w) => w.forms);

/** The entry `/faq <text>` answers with straight away, or undefined when it offers choices or nothing. */
export function answered(text: string, lang: string): number | undefined {
  const r = answerQuestion(index, text, { group: lang });
  return r.kind === 'answer' ? r.entryId : undefined;
}
