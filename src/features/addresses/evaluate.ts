// Measures search on a labelled set: for each query, whether an expected address is ranked first (hit@1), in the top
// three (hit@3) or in the top five that /find shows (hit@5). Used by the floors test and the bench.
import { AddressIndex, type SearchableEntry } from './search.js';

export interface LabelledQuery {
  query: string;
  /** Any of these ids is a right answer (a community may have two plumbers). */
  expected: number[];
}

export interface Evaluation {
  queries: number;
  hit1: number;
  hit3: number;
  hit5: number;
  misses: { query: string; expected: number[]; got: number[] }[];
}

export function evaluate(entries: readonly SearchableEntry[], queries: readonly LabelledQuery[]): Evaluation {
  const index = new AddressIndex(entries);
  let hit1 = 0;
  let hit3 = 0;
  let hit5 = 0;
  const misses: Evaluation['misses'] = [];
  for (const { query, expected } of queries) {
    const got = index.search(query, 5).map((h) => h.id);
    const rank = got.findIndex((id) => expected.includes(id));
    if (rank === 0) hit1++;
    if (rank >= 0 && rank < 3) hit3++;
    if (rank >= 0) hit5++;
    else misses.push({ query, expected, got });
  }
  const n = queries.length;
  return { queries: n, hit1: hit1 / n, hit3: hit3 / n, hit5: hit5 / n, misses };
}
