// FAQ matcher benchmark: accuracy on the labelled sets and answer latency with 5,000 entries.
//   npx tsx bench/faq.ts          (npm run bench:faq)
//   npx tsx bench/faq.ts --misses   (also lists the misses of the sets tuned on; never the held-out sets')
//   npx tsx bench/faq.ts --accuracy (accuracy and learning only: no 5,000-entry index, no latency)
// Goals (issue 20), on the held-out set (5), each language: the right answer given ≥ 0.9 of answerable questions, wrong
// answers to unanswerable questions ≤ 0.02, chatter auto-answered ≤ 0.01, the right topic one tap away (answered,
// or among the "did you mean" choices) ≥ 0.97, `/faq` p99 < 10 ms with 5,000 entries.
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { evaluateByLanguage, learnedFrom, merge, type Evaluation, type LabelledSet } from '../src/features/faq/evaluate.js';
import { FaqIndex, answerQuestion, autoAnswer, type FaqEntry } from '../src/features/faq/match.js';

function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../tests/fixtures/faq/${name}`, import.meta.url), 'utf8')) as T;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same entries. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Places none of the labelled unanswerable questions ask about, so "wrong answers" stays meaningful at 5,000 entries.
const PLACES_EN = ['kindergarten', 'youth club', 'sports hall', 'tennis court', 'museum', 'choir', 'chess club',
  'repair café', 'tool library', 'toy library', 'charity shop', 'hardware store', 'bookshop', 'florist', 'optician',
  'physiotherapist', 'nursery', 'skate park', 'community fridge', 'print shop', 'key cutter', 'cobbler', 'tailor',
  'pottery workshop', 'climbing wall', 'music school', 'scout hall', 'seed library', 'bike workshop', 'art gallery'];
const PLACES_FR = ['maternelle', 'maison des jeunes', 'gymnase', 'court de tennis', 'musée', 'chorale', 'club d’échecs',
  'repair café', 'outilthèque', 'ludothèque', 'ressourcerie', 'quincaillerie', 'librairie', 'fleuriste', 'opticien',
  'kinésithérapeute', 'crèche', 'skatepark', 'frigo solidaire', 'imprimerie', 'serrurerie minute', 'cordonnier',
  'retoucherie', 'atelier de poterie', 'mur d’escalade', 'école de musique', 'local scout', 'grainothèque',
  'atelier vélo', 'galerie d’art'];
const ASKS: [string, string, string, string][] = [
  ['When does the {p} on {s} open?', 'The {p} on {s} opens at {h} on weekdays.', 'Quand ouvre {p} de la rue {s} ?', '{p} de la rue {s} ouvre à {h} en semaine.'],
  ['Is the {p} on {s} open on {d}?', 'Yes, the {p} on {s} is open on {d} until {h}.', '{p} de la rue {s} est-il ouvert le {df} ?', 'Oui, {p} de la rue {s} est ouvert le {df} jusqu’à {h}.'],
  ['How much does the {p} on {s} charge?', 'Prices at the {p} on {s} start at {n} euros.', 'Combien coûte {p} de la rue {s} ?', 'Les prix chez {p} de la rue {s} commencent à {n} euros.'],
  ['Who runs the {p} on {s}?', 'The {p} on {s} is run by {name}, phone {tel}.', 'Qui tient {p} de la rue {s} ?', '{p} de la rue {s} est tenu par {name}, téléphone {tel}.'],
  ['Can I volunteer at the {p} on {s}?', 'The {p} on {s} welcomes volunteers on {d}; ask {name}.', 'Peut-on être bénévole à {p} de la rue {s} ?', '{p} de la rue {s} accueille des bénévoles le {df} ; demandez à {name}.'],
  ['Is there parking near the {p} on {s}?', 'There are {n} spaces behind the {p} on {s}.', 'Peut-on se garer près de {p} de la rue {s} ?', 'Il y a {n} places derrière {p} de la rue {s}.'],
];
const DAYS = [['Monday', 'lundi'], ['Tuesday', 'mardi'], ['Wednesday', 'mercredi'], ['Thursday', 'jeudi'],
  ['Friday', 'vendredi'], ['Saturday', 'samedi'], ['Sunday', 'dimanche']] as const;
const SYLLABLES = ['ba', 'lo', 'mer', 'tin', 'cha', 'vel', 'ros', 'dan', 'qui', 'lem', 'por', 'sau', 'ber', 'fon',
  'gri', 'mal', 'nes', 'tal', 'vio', 'zan'];

/** The real entries plus synthetic ones about other places and streets, up to `total`. */
function syntheticEntries(real: FaqEntry[], total: number): FaqEntry[] {
  const rand = random(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const street = (): string => {
    const parts = 2 + Math.floor(rand() * 2);
    let s = '';
    for (let i = 0; i < parts; i++) s += pick(SYLLABLES);
    return s[0]!.toUpperCase() + s.slice(1);
  };
  const out = [...real];
  let id = 1000;
  while (out.length < total) {
    const place = Math.floor(rand() * PLACES_EN.length);
    const [qEn, aEn, qFr, aFr] = pick(ASKS);
    const [day, dayFr] = pick(DAYS);
    const values: Record<string, string> = {
      s: street(), d: day, df: dayFr, h: `${8 + Math.floor(rand() * 4)}:00`, n: String(2 + Math.floor(rand() * 40)),
      name: `${street()} ${street()}`, tel: `0${Math.floor(rand() * 1e9)}`,
    };
    const fill = (template: string, p: string): string =>
      template.replace(/\{(\w+)\}/g, (_, key: string) => (key === 'p' ? p : values[key]!));
    const translations = [{ lang: 'en', question: fill(qEn, PLACES_EN[place]!), answer: fill(aEn, PLACES_EN[place]!) }];
    // Most synthetic entries are translated, like the real ones.
    if (rand() < 0.7) translations.push({ lang: 'fr', question: fill(qFr, PLACES_FR[place]!), answer: fill(aFr, PLACES_FR[place]!) });
    out.push({ id: id++, translations });
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
const LANGS = ['en', 'fr', 'es', 'ar', 'uk'] as const;

const entries = fixture<FaqEntry[]>('entries.json');
/** A set written as one file per language under `dir`, merged (languages whose file is absent are left out). */
const perLanguage = (dir: string): LabelledSet =>
  merge(
    LANGS.filter((l) => existsSync(new URL(`../tests/fixtures/faq/${dir}/${l}.json`, import.meta.url))).map((l) =>
      fixture<LabelledSet>(`${dir}/${l}.json`),
    ),
  );
// Tuning sets: the matcher's constants, lexicon and stop words are chosen on these.
const tuning = fixture<LabelledSet>('queries.json');
const tuning2 = perLanguage('tuning-2');
// The third tuning set, written blind from the entries alone, measured once before the third round tuned on it.
const tuning3 = perLanguage('tuning-3');
// The fourth tuning set, written blind from the entries alone, mostly questions close to an entry that no entry
// answers (30 answerable, 40 unanswerable, 10 chatter per language); measured once before it was tuned on.
const tuning4 = perLanguage('tuning-4');
// The fifth and sixth, written the same way with close calls among their unanswerable questions; each measured once
// before it was tuned on.
const tuning5 = perLanguage('tuning-5');
const tuning6 = perLanguage('tuning-6');
// The seventh: 20 answerable, 60 unanswerable (at least 50 hard close calls), 10 chatter per language; measured once
// before it was tuned on.
const tuning7 = perLanguage('tuning-7');
// The eighth: 40 answerable, 40 unanswerable (at least 30 close calls), 10 chatter per language, each writer told to
// mix regional varieties and registers; measured once before it was tuned on.
const tuning8 = perLanguage('tuning-8');
// The ninth: 50 answerable, 50 unanswerable (at least 35 close calls), 10 chatter per language, each writer told to
// write the way people of many backgrounds write in such groups (short, long, dictated, replies, forwarded notices);
// measured once before it was tuned on.
const tuning9 = perLanguage('tuning-9');
// The tenth: 50 answerable, 50 unanswerable (at least 35 close calls), 10 chatter per language, written to the brief of
// held-out set 10; measured once before it was read.
const tuning10 = perLanguage('tuning-10');
// Seen sets, tuned on: heldout/ to heldout-6/ were written blind by people who never saw the matcher's code and each
// measured blind before any tuning on it; since then their misses are read and tuned on like the tuning sets'. Their
// names stay.
const heldOut = perLanguage('heldout');
const heldOut2 = perLanguage('heldout-2');
const heldOut3 = perLanguage('heldout-3');
const heldOut4 = perLanguage('heldout-4');
const heldOut5 = perLanguage('heldout-5');
const heldOut6 = perLanguage('heldout-6');
// Held-out sets 7 to 10, written blind and never tuned on: measured when their folders are there, misses never listed.
const HELD_OUT = ['heldout-7', 'heldout-8', 'heldout-9', 'heldout-10'];
const heldOutSets = HELD_OUT.filter((dir) => existsSync(new URL(`../tests/fixtures/faq/${dir}`, import.meta.url)));
// An older, smaller en/fr check set written after an earlier tuning round; kept as an extra.
const olderCheck = fixture<LabelledSet>('heldout.json');

const small = new FaqIndex(entries);

const sets: [string, LabelledSet][] = [
  ['tuning', tuning],
  ['tuning-2', tuning2],
  ['tuning-3', tuning3],
  ['tuning-4', tuning4],
  ['tuning-5', tuning5],
  ['tuning-6', tuning6],
  ['tuning-7', tuning7],
  ['tuning-8', tuning8],
  ['tuning-9', tuning9],
  ['tuning-10', tuning10],
  ['seen (was held-out)', heldOut],
  ['seen (was held-out-2)', heldOut2],
  ['seen (was held-out-3)', heldOut3],
  ['seen (was held-out-4)', heldOut4],
  ['seen (was held-out-5)', heldOut5],
  ['seen (was held-out-6)', heldOut6],
  ['older en/fr check', olderCheck],
];
for (const dir of heldOutSets) sets.push([dir.replace('heldout', 'held-out'), perLanguage(dir)]);
const summary: Record<string, Record<string, Record<string, number>>> = {};
console.log(`\nFAQ matcher accuracy, ${entries.length} entries (goals on the held-out sets, each language: right ≥ 90 %,`);
console.log('wrong on unanswerable ≤ 2 %, chatter auto-answered ≤ 1 %, did-you-mean right ≥ 97 %)\n');
for (const [name, set] of sets) {
  const byLang = evaluateByLanguage(small, set, LANGS);
  if (byLang.size === 0) {
    console.log(`${name}: no questions\n`);
    continue;
  }
  console.log(`${name} set`);
  console.table(Object.fromEntries([...byLang].map(([lang, r]) => [lang, row(r)])));
  summary[name] = Object.fromEntries([...byLang].map(([lang, r]) => [lang, figures(r)]));
  if (!name.startsWith('held-out-') && process.argv.includes('--misses')) {
    for (const [lang, r] of byLang) {
      for (const m of r.misses) console.log(`  ${lang} expected ${m.expected ?? '-'} got ${m.got ?? '-'} (${m.confidence.toFixed(2)}) ${m.text}`);
    }
  }
}
for (const dir of HELD_OUT.filter((d) => !heldOutSets.includes(d))) console.log(`${dir}: no tests/fixtures/faq/${dir}/ here, skipped\n`);
console.log('queries = answerable/unanswerable/chatter. right: /faq answers with the expected entry; ranked 1st: the');
console.log('expected entry ranks first whatever the confidence; did-you-mean right: answered right, or unsure with the');
console.log('expected entry among the choices it offers; auto: what auto-answer would do with the same texts.\n');

function figures(r: Evaluation): Record<string, number> {
  return {
    right: r.top1Answered,
    wrongOnUnanswerable: r.wrongOnUnanswerable,
    chatterAutoAnswered: r.chatterAnswered,
    didYouMeanRight: r.didYouMeanRight,
  };
}

function row(r: Evaluation): Record<string, string> {
  return {
    queries: `${r.counts.answerable}/${r.counts.unanswerable}/${r.counts.chatter}`,
    right: pct(r.top1Answered),
    'ranked 1st': pct(r.top1Ranked),
    'wrong (answerable)': pct(r.wrongOnAnswerable),
    'wrong (unanswerable)': pct(r.wrongOnUnanswerable),
    'chatter auto-answered': pct(r.chatterAnswered),
    'did-you-mean right': pct(r.didYouMeanRight),
    'auto recall': pct(r.autoRecall),
    'auto wrong': pct(r.autoWrong),
  };
}

// Learning from picks (issue 20): the index of a group whose members picked the expected entry among the "did you
// mean" choices of a learning set's questions (two members each, so it is learned), measured beside the plain index:
// on other sets (a learned phrasing answers only a question that repeats it, so paraphrases gain little), and on the
// same set asked a second time (what a group whose members ask the same things again gains). The held-out sets learn
// from tuning-3/ and from their own first asking; the seen sets show both directions.
const learningRuns: [string, LabelledSet, string, LabelledSet][] = [
  ...heldOutSets.map((dir): [string, LabelledSet, string, LabelledSet] => ['tuning-3', tuning3, dir.replace('heldout', 'held-out'), perLanguage(dir)]),
  ...heldOutSets.map((dir): [string, LabelledSet, string, LabelledSet] => {
    const name = dir.replace('heldout', 'held-out');
    return [`its own first asking's`, perLanguage(dir), `${name} asked again`, perLanguage(dir)];
  }),
  ['tuning-3', tuning3, 'tuning-2', tuning2],
  ['tuning-3', tuning3, 'seen (was held-out-2)', heldOut2],
  ['tuning-2', tuning2, 'tuning-3', tuning3],
  ['seen (was held-out-2)', heldOut2, 'tuning-3', tuning3],
];
const learnedSummary: Record<string, Record<string, Record<string, number>>> = {};
console.log('Learning from "did you mean" picks: plain → after learning (right, wrong on unanswerable, chatter');
console.log('auto-answered, did-you-mean right)\n');
for (const [fromName, from, onName, on] of learningRuns) {
  const learned = new FaqIndex(learnedFrom(entries, from));
  const before = evaluateByLanguage(small, on, LANGS);
  const after = evaluateByLanguage(learned, on, LANGS);
  const phrasings = learnedFrom(entries, from).reduce((n, e) => n + (e.phrasings?.length ?? 0), 0);
  console.log(`${onName} set, on the index that learned ${phrasings} phrasings from ${fromName} picks`);
  console.table(
    Object.fromEntries(
      [...after].map(([lang, r]) => {
        const b = before.get(lang)!;
        const pair = (x: number, y: number): string => `${pct(x)} → ${pct(y)}`;
        return [
          lang,
          {
            queries: `${r.counts.answerable}/${r.counts.unanswerable}/${r.counts.chatter}`,
            right: pair(b.top1Answered, r.top1Answered),
            'wrong (answerable)': pair(b.wrongOnAnswerable, r.wrongOnAnswerable),
            'wrong (unanswerable)': pair(b.wrongOnUnanswerable, r.wrongOnUnanswerable),
            'chatter auto-answered': pair(b.chatterAnswered, r.chatterAnswered),
            'did-you-mean right': pair(b.didYouMeanRight, r.didYouMeanRight),
          },
        ];
      }),
    ),
  );
  learnedSummary[`${onName} after ${fromName}`] = Object.fromEntries([...after].map(([lang, r]) => [lang, figures(r)]));
}

if (process.argv.includes('--accuracy')) {
  console.log(JSON.stringify({ accuracy: summary, learned: learnedSummary }));
  process.exit(0);
}

const buildStart = performance.now();
const bigEntries = syntheticEntries(entries, 5000);
const big = new FaqIndex(bigEntries);
const buildMs = performance.now() - buildStart;

// Ranking holds with 5,000 entries too (synthetic ones about other places), on the tuning sets.
const bigByLang = evaluateByLanguage(big, merge([tuning, tuning2, tuning3]), LANGS);
console.log(`tuning sets, ${big.size} entries`);
console.table(Object.fromEntries([...bigByLang].map(([lang, r]) => [lang, row(r)])));

// Latency: every labelled text through /faq and auto-answer on the 5,000-entry index, many rounds, per language.
const labelledTexts = [tuning, tuning2, tuning3, heldOut, heldOut2].flatMap((s) => [...s.answerable, ...s.unanswerable, ...s.chatter]);
for (const q of labelledTexts.slice(0, 50)) answerQuestion(big, q.text); // warm-up (JIT)
const faqTimes: number[] = [];
const autoTimes: number[] = [];
const faqByLang = new Map<string, number[]>(LANGS.map((l) => [l, []]));
for (let round = 0; round < 10; round++) {
  for (const q of labelledTexts) {
    let t = performance.now();
    answerQuestion(big, q.text, { group: q.lang });
    const took = performance.now() - t;
    faqTimes.push(took);
    faqByLang.get(q.lang)?.push(took);
    t = performance.now();
    autoAnswer(big, q.text, { group: q.lang });
    autoTimes.push(performance.now() - t);
  }
}
faqTimes.sort((a, b) => a - b);
autoTimes.sort((a, b) => a - b);
const latency = (times: number[]) => ({
  calls: times.length,
  'p50 ms': percentile(times, 0.5).toFixed(3),
  'p99 ms': percentile(times, 0.99).toFixed(3),
  'max ms': times[times.length - 1]!.toFixed(3),
});
console.log(`Latency with ${big.size} entries (goal: p99 < 10 ms); index built in ${buildMs.toFixed(0)} ms\n`);
console.table({
  '/faq <question>': latency(faqTimes),
  ...Object.fromEntries([...faqByLang].map(([lang, times]) => [`/faq, ${lang} questions`, latency(times.sort((a, b) => a - b))])),
  'auto-answer check': latency(autoTimes),
});
// For `npm run bench`, which keeps the last JSON object a benchmark prints.
console.log(
  JSON.stringify({
    entries: big.size,
    faqP99Ms: percentile(faqTimes, 0.99),
    autoAnswerP99Ms: percentile(autoTimes, 0.99),
    accuracy: summary,
    learned: learnedSummary,
  }),
);
