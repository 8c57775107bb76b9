// Turns a text into the index terms of one language: fold, split, drop stop words, stem, map synonyms to their
// group. Used for entries (with the entry translation's language) and for queries (once per indexed language).
import { tokenize } from './normalize.js';
import { stemEn, stemFr, stemmerFor } from './stem.js';
import { STOP_WORDS, WEAK_WORDS } from './stopwords.js';
import { CONCEPTS } from './synonyms.js';

/** Synonym groups are terms of their own, written `#name` so they never collide with a stemmed word. */
const CONCEPT_BY_STEM = new Map<string, string>();
for (const [name, words] of Object.entries(CONCEPTS)) {
  for (const word of words) {
    for (const form of [word, stemEn(word), stemFr(word)]) {
      if (!CONCEPT_BY_STEM.has(form)) CONCEPT_BY_STEM.set(form, `#${name}`);
    }
  }
}

/** Every spelling that leads to a synonym group, for typo matching against group members too. */
export function conceptSpellings(): ReadonlyMap<string, string> {
  return CONCEPT_BY_STEM;
}

/** The concept a word belongs to, or its stem in `lang`. */
export function termOf(word: string, stem: (w: string) => string): string {
  const direct = CONCEPT_BY_STEM.get(word);
  if (direct) return direct;
  const stemmed = stem(word);
  return CONCEPT_BY_STEM.get(stemmed) ?? stemmed;
}

export interface AnalyzedTerm {
  term: string;
  /** Only everyday words led to this term (see WEAK_WORDS): it weighs little. */
  weak: boolean;
}

/** Distinct terms of `text` in language `lang`, in order of first appearance. */
export function analyzeWeighted(text: string, lang: string): AnalyzedTerm[] {
  const stem = stemmerFor(lang);
  const terms: AnalyzedTerm[] = [];
  for (const token of tokenize(text)) {
    if (STOP_WORDS.has(token)) continue;
    const term = termOf(token, stem);
    const weak = WEAK_WORDS.has(token);
    const existing = terms.find((t) => t.term === term);
    if (existing) existing.weak &&= weak;
    else terms.push({ term, weak });
  }
  return terms;
}

export function analyze(text: string, lang: string): string[] {
  return analyzeWeighted(text, lang).map((t) => t.term);
}
