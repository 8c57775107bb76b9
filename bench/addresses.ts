// Address search benchmark: hit@1, hit@3 and hit@5 per language on the labelled sets, and search latency with 10,000
// addresses in one community.
//   npx tsx bench/addresses.ts            (npm run bench:addresses)
//   npx tsx bench/addresses.ts --misses   (also lists the tuning set's misses; never the held-out sets')
// Goals (issue 23): the right address in the top three ≥ 0.9 of the time; `/find` p99 < 10 ms with 10,000 addresses.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { evaluate, type LabelledQuery } from '../src/features/addresses/evaluate.js';
import { AddressIndex, rankScore, type SearchableEntry } from '../src/features/addresses/search.js';

function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../tests/fixtures/addresses/${name}`, import.meta.url), 'utf8')) as T;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same addresses. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LANGS = ['en', 'fr', 'es', 'ar', 'uk'];
const entries = fixture<SearchableEntry[]>('entries.json');
const showMisses = process.argv.includes('--misses');

console.log('set       lang  queries  hit@1  hit@3  hit@5');
for (const set of ['tuning', 'tuning2', 'heldout', 'heldout3']) {
  for (const lang of LANGS) {
    const result = evaluate(entries, fixture<LabelledQuery[]>(`${set}/${lang}.json`));
    console.log(`${set.padEnd(9)} ${lang.padEnd(5)} ${String(result.queries).padStart(7)}  ${result.hit1.toFixed(3)}  ${result.hit3.toFixed(3)}  ${result.hit5.toFixed(3)}`);
    if (showMisses && set.startsWith('tuning')) for (const miss of result.misses) console.log('   miss', JSON.stringify(miss));
  }
}

// 10,000 addresses: the fixture's, each many times over with other names and notes, in every language.
const next = random(23);
const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
const NAMES = ['Jean', 'Karim', 'Sofia', 'Олена', 'ليلى', 'Marc', 'Lucia', 'Tom', 'Андрій', 'منى', 'Hugo', 'Claire'];
const NOTES = ['fair price', 'came the same day', 'très sérieux', 'muy amable', 'لطيف جدا', 'швидко і недорого', 'open on Sundays', ''];
const big: SearchableEntry[] = [];
for (let id = 1; id <= 10_000; id++) {
  const base = pick(entries);
  big.push({ id, what: base.what, who: `${pick(NAMES)} ${id}`, note: pick(NOTES) || null });
}
const built = performance.now();
const index = new AddressIndex(big);
const buildMs = performance.now() - built;
const queries = LANGS.flatMap((l) => fixture<LabelledQuery[]>(`tuning/${l}.json`).map((q) => q.query));
const now = Date.now();
const times: number[] = [];
for (let round = 0; round < 5; round++) {
  for (const query of queries) {
    const started = performance.now();
    // What /find does in memory: the index's candidates, then ranked with their vouches and dates.
    const hits = index.search(query, 50);
    hits.map((h) => rankScore(h.quality, { vouches: h.id % 7, confirmedAt: new Date(now - (h.id % 400) * 86_400_000) }, now)).sort((a, b) => b - a);
    times.push(performance.now() - started);
  }
}
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
console.log(`\n10,000 addresses: index built in ${buildMs.toFixed(0)} ms; search p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms (${times.length} searches)`);
