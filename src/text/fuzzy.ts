// Typo tolerance: character trigrams to find candidate words quickly, then a bounded Damerau–Levenshtein distance
// (insert, delete, substitute, swap two neighbours) to accept them. pg_trgm's similarity alone ranks "pharmcy" far
// from "pharmaci" because short words have few trigrams; an edit distance says plainly "one letter missing".

export function trigrams(word: string): string[] {
  const padded = `  ${word} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return [...grams];
}

/** Edit distance with transpositions, or max + 1 as soon as it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prevPrev: number[] = new Array<number>(n + 1).fill(0);
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = new Array<number>(n + 1).fill(0);
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prevPrev[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = cur;
  }
  return prev[n]!;
}

/** How many edits a word of this length may carry and still count as the same word. */
export function allowedEdits(length: number): number {
  if (length < 4) return 0;
  if (length < 8) return 1;
  return 2;
}

/** A vocabulary searchable by near spelling. */
export class FuzzyVocabulary {
  private readonly byGram = new Map<string, string[]>();
  private readonly words = new Set<string>();

  add(word: string): void {
    if (word.length < 4 || this.words.has(word)) return;
    this.words.add(word);
    for (const gram of trigrams(word)) {
      const list = this.byGram.get(gram);
      if (list) list.push(word);
      else this.byGram.set(gram, [word]);
    }
  }

  /** Words within the allowed edit distance of `word`, closest first, with a similarity in (0, 1). */
  nearest(word: string, limit = 3): { word: string; similarity: number }[] {
    // Arabic letters that differ by a dot are different words (الزجاج glass, الدجاج chickens): a short Arabic word
    // is taken as written.
    const max = /[\u0600-\u06ff]/u.test(word) && word.length < 8 ? 0 : allowedEdits(word.length);
    if (max === 0) return [];
    const grams = trigrams(word);
    const shared = new Map<string, number>();
    for (const gram of grams) {
      for (const candidate of this.byGram.get(gram) ?? []) shared.set(candidate, (shared.get(candidate) ?? 0) + 1);
    }
    // Each edit destroys at most three trigrams, so a candidate sharing fewer cannot be within reach.
    const minShared = Math.max(1, grams.length - 3 * max);
    const found: { word: string; similarity: number }[] = [];
    for (const [candidate, count] of shared) {
      if (count < minShared || candidate === word) continue;
      // Both words must be long enough for the edits: "plombier" is not a typo of "plot".
      const bound = Math.min(max, allowedEdits(candidate.length));
      if (bound === 0) continue;
      const d = editDistance(word, candidate, bound);
      if (d <= bound) found.push({ word: candidate, similarity: d === 1 ? 0.85 : 0.7 });
    }
    found.sort((a, b) => b.similarity - a.similarity || a.word.localeCompare(b.word));
    return found.slice(0, limit);
  }
}
