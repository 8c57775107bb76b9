// Finding an address by what people type, in any of the five languages. An in-memory index per community (or lone
// group), like the FAQ's (see src/features/faq/match.ts for why not PostgreSQL text search): built from the entries'
// words, dropped when an entry is added, removed or erased.
//
// Text becomes terms through the shared text layer (src/text/): folding, stop words, stemming by script, and a concept
// lexicon where the trades (src/text/trades.ts) come first, so "fontanero", "сантехнік", "سباك" and "plombier" are one
// term. A query word is looked up as its concept, or as its stem in every language its script allows; a word the index
// does not know is matched to a known spelling by edit distance ("plumbr").
//
// Match quality: the share of the query's meaning (words weighted by rarity in this index) that the entry holds, a
// word in its "what" counting fully, in its "who" or its note less. Vouches and recency then order entries of similar
// quality (see rankScore).
import { FuzzyVocabulary } from '../../text/fuzzy.js';
import { ConceptLexicon } from '../../text/lexicon.js';
import { stemmersForWord } from '../../text/stem.js';
import { STOP_WORDS, WEAK_WORDS } from '../../text/stopwords.js';
import { CONCEPTS, CONCEPTS_EVERYDAY, CONCEPTS_MORE, OTHER_TOPICS } from '../../text/synonyms.js';
import { POINTS_AT, TRADES } from '../../text/trades.js';

const LEXICON = new ConceptLexicon([TRADES, CONCEPTS, CONCEPTS_MORE, CONCEPTS_EVERYDAY, OTHER_TOPICS]);

/** How much a match in each part of an entry counts. */
const FIELD_WEIGHT = { what: 1, who: 0.6, note: 0.45 } as const;
/** A query word that points at a trade (see POINTS_AT) finds its entries at this share of a direct match. */
const RELATED_FACTOR = 0.8;
/** The words of a multi-word concept count this much of the concept ("طبيب أسنان" is a dentist, a doctor only in part). */
const PART_FACTOR = 0.5;
/** Typo matching applies to words at least this long. */
const MIN_FUZZY_LENGTH = 6;

/** Below this quality an entry is not shown: a query about something else finds nothing rather than noise. */
export const MIN_QUALITY = 0.3;

export interface SearchableEntry {
  id: number;
  what: string;
  who: string;
  note: string | null;
}

interface Word {
  /** Its concept, or its stems in the languages its script allows. */
  forms: string[];
  /** The folded word, for typo matching. */
  word: string;
  weak: boolean;
  /** One word of a multi-word concept (see wordsOf): it counts half. */
  part?: boolean;
}

/**
 * The words of a text, each with every form it may take in the index; a word repeated counts once. With `parts`, a
 * multi-word concept brings its own words too ("shoe repairs" is the cobbler, and about shoes and repairs).
 */
export function wordsOf(text: string, parts = false): Word[] {
  const words: Word[] = [];
  const seen = new Set<string>();
  const tokens = LEXICON.tokens(text);
  if (parts) {
    for (const token of [...tokens]) {
      for (const part of token.parts ?? []) if (!STOP_WORDS.has(part)) tokens.push({ word: part, parts: [] });
    }
  }
  for (const token of tokens) {
    const stemmers = stemmersForWord(token.word);
    const concept = token.concept ?? LEXICON.conceptOf(token.word, stemmers);
    const forms = concept ? [concept] : [...new Set(stemmers.map((s) => s(token.word)))];
    const key = forms.join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    const weak = !concept && (WEAK_WORDS.has(token.word) || /\d/.test(token.word));
    words.push({ forms, word: token.word, weak, ...(token.parts?.length === 0 ? { part: true } : {}) });
  }
  return words;
}

export interface SearchHit {
  id: number;
  /** 0–1: how much of the query the entry holds. */
  quality: number;
}

export class AddressIndex {
  /** term → entry id → the weight of the best field holding it. */
  private readonly postings = new Map<string, Map<number, number>>();
  /** A folded word or a lexicon spelling → the terms it stands for, for typo matching. */
  private readonly spellings = new Map<string, string[]>();
  private readonly fuzzy = new FuzzyVocabulary();
  readonly size: number;

  constructor(entries: readonly SearchableEntry[]) {
    this.size = entries.length;
    for (const entry of entries) {
      this.addField(entry.id, entry.what, FIELD_WEIGHT.what);
      this.addField(entry.id, entry.who, FIELD_WEIGHT.who);
      if (entry.note) this.addField(entry.id, entry.note, FIELD_WEIGHT.note);
    }
    for (const [spelling, concept] of LEXICON.spellings()) {
      if (this.postings.has(concept)) this.addSpelling(spelling, [concept]);
    }
  }

  private addField(id: number, text: string, weight: number): void {
    for (const word of wordsOf(text, true)) {
      const counts = word.part ? weight * PART_FACTOR : weight;
      for (const form of word.forms) {
        let entries = this.postings.get(form);
        if (!entries) this.postings.set(form, (entries = new Map()));
        if ((entries.get(id) ?? 0) < counts) entries.set(id, counts);
      }
      this.addSpelling(word.word, word.forms);
    }
  }

  private addSpelling(spelling: string, forms: string[]): void {
    if (this.spellings.has(spelling)) return;
    this.spellings.set(spelling, forms);
    this.fuzzy.add(spelling);
  }

  /** Rarer terms say more about what is wanted. */
  private weightOf(term: string): number {
    const df = this.postings.get(term)?.size ?? 0;
    return Math.log(1 + (this.size + 1) / (df + 1));
  }

  /**
   * The terms of the index a query word stands for, each with how sure the match is: its own forms fully, the
   * trades it points at (POINTS_AT) a little less, a near spelling (a typo) less again.
   */
  private resolve(word: Word): Map<string, number> {
    const found = new Map<string, number>();
    const add = (form: string, factor: number) => {
      if (this.postings.has(form) && (found.get(form) ?? 0) < factor) found.set(form, factor);
    };
    const withRelated = (forms: string[], factor: number) => {
      for (const form of forms) {
        add(form, factor);
        for (const related of POINTS_AT[form] ?? []) add(related, factor * RELATED_FACTOR);
      }
    };
    withRelated(word.forms, 1);
    if (found.size > 0) return found;
    // Short words are too often another word one letter away ("makes", "mates"): only longer ones are corrected.
    if (word.word.length < MIN_FUZZY_LENGTH) return found;
    const [near] = this.fuzzy.nearest(word.word, 1);
    const forms = near && this.spellings.get(near.word);
    if (forms) withRelated(forms, near.similarity);
    return found;
  }

  /** Entries matching `query`, best first, with their match quality; at most `limit`. */
  search(query: string, limit = 50): SearchHit[] {
    const all = wordsOf(query);
    // Everyday words ("good", "someone") only count when the query has nothing else.
    const words = all.some((w) => !w.weak) ? all.filter((w) => !w.weak) : all;
    if (words.length === 0 || this.size === 0) return [];
    const unknownWeight = Math.log(1 + (this.size + 1) / 1) * 0.5;
    let total = 0;
    const scores = new Map<number, number>();
    for (const word of words) {
      const resolved = this.resolve(word);
      if (resolved.size === 0) {
        // A word nobody used counts against every entry, less than a known one: it may be small talk.
        total += unknownWeight;
        continue;
      }
      const weight = Math.max(...[...resolved].map(([form, factor]) => this.weightOf(form) * factor));
      total += weight;
      const best = new Map<number, number>();
      for (const [form, factor] of resolved) {
        for (const [id, field] of this.postings.get(form)!) best.set(id, Math.max(best.get(id) ?? 0, field * factor));
      }
      for (const [id, field] of best) scores.set(id, (scores.get(id) ?? 0) + weight * field);
    }
    const hits: SearchHit[] = [];
    for (const [id, score] of scores) {
      const quality = score / total;
      if (quality >= MIN_QUALITY) hits.push({ id, quality });
    }
    hits.sort((a, b) => b.quality - a.quality || b.id - a.id);
    return hits.slice(0, limit);
  }
}

export interface RankFacts {
  vouches: number;
  confirmedAt: Date;
}

const YEAR_MS = 365 * 24 * 3600_000;

/** An entry nobody added or vouched for within a year. */
export function isOld(facts: Pick<RankFacts, 'confirmedAt'>, now: number): boolean {
  return now - facts.confirmedAt.getTime() > YEAR_MS;
}

/**
 * Match quality first; among entries that match about as well, the one more neighbours vouch for, then the one
 * confirmed more recently. An old entry drops behind a fresh one of the same quality, however many vouched for it
 * back then (up to a dozen or so).
 */
export function rankScore(quality: number, facts: RankFacts, now: number): number {
  const freshness = Math.max(0, 1 - (now - facts.confirmedAt.getTime()) / YEAR_MS);
  return quality + 0.06 * Math.log2(1 + facts.vouches) + 0.03 * freshness - (isOld(facts, now) ? 0.15 : 0);
}
