// Turns a text into index terms: fold, split, drop stop words, stem, map the words of one concept (in any of the five
// languages) to that concept. Entries are analysed in their translation's language; a query's words are analysed
// in every language their script allows, since neighbours mix languages ("where is the mairie?").
import { tokenize } from './normalize.js';
import { stemAr, stemEn, stemEs, stemFr, stemmerFor, stemmersForWord, stemUk } from './stem.js';
import { STOP_WORDS, WEAK_WORDS } from './stopwords.js';
import { CONCEPTS, CONCEPTS_EVERYDAY, CONCEPTS_MORE, FACETS, OTHER_TOPICS } from './synonyms.js';

type Stemmer = (word: string) => string;
const STEMMERS: Stemmer[] = [stemEn, stemFr, stemEs, stemAr, stemUk];

/** Concept terms are written `#name` so they never collide with a stemmed word. */
const CONCEPT_BY_WORD = new Map<string, string>();
/** Per stemmer: the stem of a concept's word → the concept. Kept apart so one language's stems cannot catch another's words. */
const CONCEPT_BY_STEM = new Map<Stemmer, Map<string, string>>(STEMMERS.map((s) => [s, new Map()]));
/** Concepts written as several words ("punto limpio"): their folded words joined by a space. */
const CONCEPT_BY_PHRASE = new Map<string, string>();
let longestPhrase = 1;

for (const lexicon of [CONCEPTS, CONCEPTS_MORE, CONCEPTS_EVERYDAY, OTHER_TOPICS]) {
  for (const [name, words] of Object.entries(lexicon)) {
    const concept = `#${name}`;
    for (const written of words) {
      const tokens = tokenize(written);
      if (tokens.length === 0) continue;
      if (tokens.length > 1) {
        const key = tokens.join(' ');
        if (!CONCEPT_BY_PHRASE.has(key)) CONCEPT_BY_PHRASE.set(key, concept);
        longestPhrase = Math.max(longestPhrase, tokens.length);
        continue;
      }
      const word = tokens[0]!;
      if (!CONCEPT_BY_WORD.has(word)) CONCEPT_BY_WORD.set(word, concept);
      for (const stem of stemmersForWord(word)) {
        const byStem = CONCEPT_BY_STEM.get(stem)!;
        const form = stem(word);
        if (!byStem.has(form)) byStem.set(form, concept);
      }
    }
  }
}

/** Every spelling that leads to a concept, for typo matching against its words too. */
export function conceptSpellings(): ReadonlyMap<string, string> {
  return CONCEPT_BY_WORD;
}

const MIN_CONCEPT_STEM = 4;

/** The concept a word belongs to through one of `stemmers`, if any. */
function conceptOf(word: string, stemmers: readonly Stemmer[]): string | undefined {
  const direct = CONCEPT_BY_WORD.get(word);
  if (direct) return direct;
  for (const stem of stemmers) {
    const form = stem(word);
    // A short stem says little about the word: Spanish "come" and "comida" share "com", English "come" does not.
    if (form.length < MIN_CONCEPT_STEM) continue;
    const found = CONCEPT_BY_STEM.get(stem)?.get(form);
    if (found) return found;
  }
  return undefined;
}

/** The concept a word belongs to, or its stem in `lang`. */
export function termOf(word: string, stem: Stemmer): string {
  return conceptOf(word, [stem]) ?? stem(word);
}

/**
 * Arabic glues "and", "with", "for", "so" and "like" (و ب ل ف ك) to the next word: "والترام", "للباص", "بالسكان".
 * When the rest is a word the analyzer knows (a stop word, an everyday word or a word of the lexicon), the word is
 * that rest.
 */
function withoutProclitic(word: string): string {
  if (word.length < 4 || !/^[\u0648\u0628\u0644\u0641\u0643]/u.test(word)) return word;
  if (STOP_WORDS.has(word) || CONCEPT_BY_WORD.has(word)) return word;
  // "لل" is "ل" + "ال" with one alef dropped.
  const rest = word.startsWith('\u0644\u0644') ? `\u0627${word.slice(1)}` : word.slice(1);
  if (STOP_WORDS.has(rest) || WEAK_WORDS.has(rest) || CONCEPT_BY_WORD.has(rest)) return rest;
  if (rest.startsWith('\u0627\u0644') && CONCEPT_BY_WORD.has(rest.slice(2))) return rest.slice(2);
  return word;
}

interface Token {
  /** A concept term, or undefined for a plain word. */
  concept?: string;
  word: string;
}

/** Tokens with multi-word concepts joined, stop words dropped. */
function tokens(text: string): Token[] {
  const raw = tokenize(text);
  const out: Token[] = [];
  for (let i = 0; i < raw.length; i++) {
    let joined = false;
    for (let n = Math.min(longestPhrase, raw.length - i); n >= 2; n--) {
      const concept = CONCEPT_BY_PHRASE.get(raw.slice(i, i + n).join(' '));
      if (concept) {
        out.push({ concept, word: raw.slice(i, i + n).join('') });
        i += n - 1;
        joined = true;
        break;
      }
    }
    if (joined) continue;
    const word = withoutProclitic(raw[i]!);
    if (!STOP_WORDS.has(word)) out.push({ word });
  }
  return out;
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
  for (const token of tokens(text)) {
    const term = token.concept ?? termOf(token.word, stem);
    const weak = !token.concept && WEAK_WORDS.has(token.word);
    const existing = terms.find((t) => t.term === term);
    if (existing) existing.weak &&= weak;
    else terms.push({ term, weak });
  }
  return terms;
}

export function analyze(text: string, lang: string): string[] {
  return analyzeWeighted(text, lang).map((t) => t.term);
}

export interface QueryWord {
  /** The terms this word may be in the index: its concept, or its stems in each language its script allows. */
  forms: string[];
  /** The folded word, for typo matching. */
  word: string;
  weak: boolean;
  /** The word belongs to a concept of the lexicon: a topic word, whether or not the FAQ has it. */
  topic: boolean;
  /** The word's concept is an aspect of many topics (FACETS), not a topic. */
  facet: boolean;
}

/** The words of a question, each with every form it may take in the index. Repeated words count once. */
export function analyzeQuery(text: string): QueryWord[] {
  const words: QueryWord[] = [];
  const seen = new Map<string, QueryWord>();
  for (const token of tokens(text)) {
    const stemmers = stemmersForWord(token.word);
    const concept = token.concept ?? conceptOf(token.word, stemmers);
    const forms = concept ? [concept] : [...new Set(stemmers.map((s) => s(token.word)))];
    const key = forms.join('|');
    // Numbers ("3rd", "11pm", "4º") are floors, times and ages around a question far more often than its topic.
    const weak = !concept && (WEAK_WORDS.has(token.word) || /\d/.test(token.word));
    const existing = seen.get(key);
    if (existing) {
      existing.weak &&= weak;
      continue;
    }
    const facet = concept !== undefined && FACETS.has(concept.slice(1));
    const word = { forms, word: token.word, weak, topic: concept !== undefined && !facet, facet };
    seen.set(key, word);
    words.push(word);
  }
  return words;
}
