// Search quality floors per language on the labelled sets (tests/fixtures/addresses: 40 addresses written in the five
// languages, each query with the ids that answer it). Sets:
// - tuning/: the set the trades lexicon and the ranking were chosen on;
// - tuning2/: symptoms, typos and slang ("my tooth hurts", "plombié"); written after the lexicon as a held-out set and
//   measured once blind (hit@5 0.48 en, 0.65 fr, 0.60 es, 0.53 ar, 0.55 uk), then tuned on;
// - heldout/: trade names and short requests, written before the search and its lexicon existed and never edited
//   since (by the same author, who then wrote the lexicon, so its figures overstate);
// - heldout3/: everyday needs, written before the symptom vocabulary and measured once after it, never tuned on;
// - heldout4/: trade names, synonyms, typos and short needs, written blind by someone who saw only entries.json,
//   measured once, never tuned on.
// Each floor sits a little under the figure bench/addresses.ts measured, so a regression fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, type LabelledQuery } from '../../src/features/addresses/evaluate.js';
import { parseRecommendation } from '../../src/features/addresses/parse.js';
import { parseNumber } from '../../src/text/numbers.js';
import { AddressIndex, isOld, rankScore, type SearchableEntry } from '../../src/features/addresses/search.js';
import { prefill } from '../../src/features/addresses/service.js';

function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/addresses/${name}`, import.meta.url), 'utf8')) as T;
}

const LANGS = ['en', 'fr', 'es', 'ar', 'uk'] as const;
const entries = fixture<SearchableEntry[]>('entries.json');
type Floor = { hit1: number; hit5: number };

// Measured: hit@1, hit@3, hit@5 in the comments.
const FLOORS: Record<string, Record<(typeof LANGS)[number], Floor>> = {
  tuning: {
    en: { hit1: 0.95, hit5: 0.97 }, // 1.000, 1.000, 1.000 (49 queries)
    fr: { hit1: 0.95, hit5: 0.97 }, // 1.000, 1.000, 1.000 (46)
    es: { hit1: 0.95, hit5: 0.97 }, // 1.000, 1.000, 1.000 (43)
    ar: { hit1: 0.95, hit5: 0.97 }, // 1.000, 1.000, 1.000 (43)
    uk: { hit1: 0.95, hit5: 0.97 }, // 1.000, 1.000, 1.000 (42)
  },
  heldout: {
    en: { hit1: 0.95, hit5: 0.97 }, // 1.000, 1.000, 1.000 (42)
    fr: { hit1: 0.95, hit5: 0.97 }, // 1.000, 1.000, 1.000 (42)
    es: { hit1: 0.95, hit5: 0.97 }, // 1.000, 1.000, 1.000 (41)
    ar: { hit1: 0.95, hit5: 0.97 }, // 1.000, 1.000, 1.000 (43)
    uk: { hit1: 0.95, hit5: 0.97 }, // 1.000, 1.000, 1.000 (40)
  },
  tuning2: {
    en: { hit1: 0.92, hit5: 0.95 }, // 0.950, 0.975, 0.975 (40)
    fr: { hit1: 0.95, hit5: 0.97 }, // 1.000, 1.000, 1.000 (40)
    es: { hit1: 0.95, hit5: 0.97 }, // 0.975, 1.000, 1.000 (40)
    ar: { hit1: 0.9, hit5: 0.97 }, // 0.925, 1.000, 1.000 (40)
    uk: { hit1: 0.95, hit5: 0.95 }, // 0.975, 0.975, 0.975 (40)
  },
  heldout3: {
    en: { hit1: 0.5, hit5: 0.56 }, // 0.533, 0.600, 0.600 (30); before the symptom vocabulary 0.433, 0.467, 0.467
    fr: { hit1: 0.53, hit5: 0.63 }, // 0.567, 0.667, 0.667; before 0.533, 0.567, 0.567
    es: { hit1: 0.53, hit5: 0.56 }, // 0.567, 0.600, 0.600; before 0.500, 0.500, 0.500
    ar: { hit1: 0.43, hit5: 0.5 }, // 0.467, 0.533, 0.533; before 0.367, 0.400, 0.400
    uk: { hit1: 0.53, hit5: 0.53 }, // 0.567, 0.567, 0.567; before 0.400, 0.400, 0.400
  },
  heldout4: {
    en: { hit1: 0.97, hit5: 0.97 }, // 1.000, 1.000, 1.000 (40)
    fr: { hit1: 0.97, hit5: 0.97 }, // 1.000, 1.000, 1.000 (40)
    es: { hit1: 0.97, hit5: 0.97 }, // 1.000, 1.000, 1.000 (40)
    ar: { hit1: 0.85, hit5: 0.85 }, // 0.875, 0.875, 0.875 (40)
    uk: { hit1: 0.92, hit5: 0.92 }, // 0.950, 0.950, 0.950 (40)
  },
};

describe('search quality', () => {
  for (const [set, floors] of Object.entries(FLOORS)) {
    it(`stays above the floors on ${set}`, () => {
      for (const lang of LANGS) {
        const queries = fixture<LabelledQuery[]>(`${set}/${lang}.json`);
        expect(queries.length, `${set}/${lang} size`).toBeGreaterThanOrEqual(30);
        const result = evaluate(entries, queries);
        expect(result.hit1, `${set}/${lang} hit@1`).toBeGreaterThanOrEqual(floors[lang].hit1);
        expect(result.hit5, `${set}/${lang} hit@5`).toBeGreaterThanOrEqual(floors[lang].hit5);
      }
    });
  }
});

describe('AddressIndex', () => {
  const index = new AddressIndex(entries);

  it('finds the plumber from the word for it in each of the five languages', () => {
    for (const word of ['plumber', 'plombier', 'fontanero', 'سباك', 'сантехнік']) {
      expect(index.search(word, 5).map((h) => h.id).slice(0, 2).sort()).toEqual([1, 40]);
    }
  });

  it('finds nothing for a query about something no address is about', () => {
    expect(index.search('astronaut training', 5)).toEqual([]);
    expect(index.search('hello everyone', 5)).toEqual([]);
    expect(new AddressIndex([]).search('plumber')).toEqual([]);
  });

  it('tolerates a typo in a known word', () => {
    expect(index.search('plumbr', 5)[0]!.id).toBeOneOf([1, 40]);
    expect(index.search('electricien', 5)[0]!.id).toBe(2);
  });

  it('prefers an address named for the query over one that mentions it in its note', () => {
    const two = new AddressIndex([
      { id: 1, what: 'handyman', who: 'Luis', note: 'also small plumbing jobs' },
      { id: 2, what: 'plumber', who: 'Jean', note: null },
    ]);
    expect(two.search('plumber').map((h) => h.id)).toEqual([2, 1]);
  });
});

describe('ranking', () => {
  const now = Date.UTC(2026, 2, 10);
  const day = 24 * 3600_000;
  it('orders equal matches by vouches, then recency; an address unconfirmed for a year is old and drops behind', () => {
    const fresh = { vouches: 0, confirmedAt: new Date(now - day) };
    const vouched = { vouches: 3, confirmedAt: new Date(now - 200 * day) };
    const old = { vouches: 3, confirmedAt: new Date(now - 400 * day) };
    expect(rankScore(0.9, vouched, now)).toBeGreaterThan(rankScore(0.9, fresh, now));
    expect(rankScore(0.9, fresh, now)).toBeGreaterThan(rankScore(0.9, { ...fresh, confirmedAt: new Date(now - 100 * day) }, now));
    expect(rankScore(0.9, fresh, now)).toBeGreaterThan(rankScore(0.9, old, now));
    expect(isOld(old, now)).toBe(true);
    expect(isOld(vouched, now)).toBe(false);
    // A much better match still wins over a well-vouched weak one.
    expect(rankScore(1, fresh, now)).toBeGreaterThan(rankScore(0.5, { vouches: 20, confirmedAt: new Date(now) }, now));
  });
});

describe('parsing', () => {
  it('reads two to four parts separated by |', () => {
    expect(parseRecommendation('plumber | Jean Dupont | 06 12 34 56 78 | came within the hour')).toEqual({
      ok: true,
      value: { what: 'plumber', who: 'Jean Dupont', contact: '06 12 34 56 78', note: 'came within the hour' },
    });
    expect(parseRecommendation(' bakery |  Chez   Paul ')).toEqual({ ok: true, value: { what: 'bakery', who: 'Chez Paul', contact: null, note: null } });
    expect(parseRecommendation('vet | Lapa | | open on Sundays')).toMatchObject({ ok: true, value: { contact: null, note: 'open on Sundays' } });
    expect(parseRecommendation('plumber')).toEqual({ ok: false, reason: 'usage' });
    expect(parseRecommendation('a | b | c | d | e')).toEqual({ ok: false, reason: 'usage' });
    expect(parseRecommendation(' | Jean')).toEqual({ ok: false, reason: 'usage' });
    expect(parseRecommendation(`plumber | Jean | x | ${'y'.repeat(301)}`)).toEqual({ ok: false, reason: 'too_long' });
  });

  it('reads ids with or without #, and nothing else', () => {
    expect(parseNumber('12')).toBe(12);
    expect(parseNumber('#12')).toBe(12);
    expect(parseNumber('0')).toBeUndefined();
    expect(parseNumber('1234567890')).toBeUndefined();
    expect(parseNumber('12a')).toBeUndefined();
    expect(parseNumber(undefined)).toBeUndefined();
  });

  it('pre-fills an address from a solved request: its first tag, or the start of its text', () => {
    expect(prefill(['plumber', 'urgent'], 'a plumber please #plumber')).toBe('plumber');
    expect(prefill(['dog_walker'], 'x')).toBe('dog walker');
    expect(prefill([], 'someone to fix my bike')).toBe('someone to fix my bike');
    expect(prefill([], 'x'.repeat(60))).toHaveLength(40);
  });
});
