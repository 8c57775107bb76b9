import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FaqIndexCache } from '../../src/features/faq/cache.js';
import { evaluate, type LabelledSet } from '../../src/features/faq/evaluate.js';
import { editDistance } from '../../src/text/fuzzy.js';
import { detectLanguage } from '../../src/text/language.js';
import {
  ANSWER_THRESHOLD,
  AUTO_ANSWER_THRESHOLD,
  FaqIndex,
  answerFor,
  answerQuestion,
  autoAnswer,
  type FaqEntry,
} from '../../src/features/faq/match.js';
import { tokenize } from '../../src/text/normalize.js';
import { fold } from '../../src/text/fold.js';
import { isQuestion } from '../../src/features/faq/question.js';
import { stemEn, stemFr } from '../../src/text/stem.js';

function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/faq/${name}`, import.meta.url), 'utf8')) as T;
}

const entries = fixture<FaqEntry[]>('entries.json');
const labelled = fixture<LabelledSet>('queries.json');
const heldOut = fixture<LabelledSet>('heldout.json');
const index = new FaqIndex(entries);

function top(query: string, lang?: string): number | undefined {
  return index.search(query, { lang })[0]?.entryId;
}

describe('text helpers', () => {
  it('folds case and accents and splits French elisions', () => {
    expect(fold('Déchetterie ÉCOLE')).toBe('dechetterie ecole');
    expect(tokenize("Où est l'école ?")).toEqual(['ou', 'est', 'ecole']);
    expect(tokenize('wi-fi password')).toEqual(['wifi', 'password']);
    expect(tokenize('mot de passe du wifi')).toEqual(['motdepasse', 'du', 'wifi']);
  });

  it('stems English and French forms to the same word', () => {
    expect(stemEn('collected')).toBe(stemEn('collecting'));
    expect(stemEn('pharmacies')).toBe(stemEn('pharmacy'));
    expect(stemEn('centre')).toBe(stemEn('center'));
    expect(stemFr('poubelles')).toBe(stemFr('poubelle'));
    expect(stemFr('ramassees')).toBe(stemFr('ramasser'));
  });

  it('measures edit distance with swaps, stopping early past the bound', () => {
    expect(editDistance('wfii', 'wifi', 2)).toBe(1);
    expect(editDistance('pharmcy', 'pharmacy', 2)).toBe(1);
    expect(editDistance('plombier', 'plot', 2)).toBe(3);
  });

  it('detects the language of short chat messages', () => {
    expect(detectLanguage('Where is the post office?')).toBe('en');
    expect(detectLanguage('Où est la poste ?')).toBe('fr');
    expect(detectLanguage('¿Dónde está la farmacia?')).toBe('es');
    expect(detectLanguage('أين الصيدلية؟')).toBe('ar');
    expect(detectLanguage('Де найближча аптека?')).toBe('uk');
    expect(detectLanguage('ok')).toBeUndefined();
  });
});

describe('search', () => {
  it('finds the entry from a typo', () => {
    expect(top('pharmcy open sunday')).toBe(6);
    expect(top('wich day are the bins colected?')).toBe(1);
    expect(top('recyling center hours')).toBe(3);
  });

  it('finds the entry from a paraphrase, in English and French', () => {
    expect(top('What day is rubbish collection?')).toBe(1);
    expect(top('who takes away old furniture')).toBe(2);
    expect(top("C'est quel jour le ramassage des ordures ?")).toBe(1);
    expect(top('Je suis enfermée dehors, que faire ?')).toBe(13);
  });

  it('ignores accents and case', () => {
    const accented = index.search('DÉCHETTERIE ?')[0]!;
    const plain = index.search('dechetterie')[0]!;
    expect(accented.entryId).toBe(3);
    expect(plain.entryId).toBe(3);
    expect(plain.confidence).toBeCloseTo(accented.confidence, 6);
  });

  it('answers a one-word question', () => {
    const [best] = index.search('bins?');
    expect(best?.entryId).toBe(1);
    expect(best!.confidence).toBeGreaterThanOrEqual(ANSWER_THRESHOLD);
  });

  it('answers a long rambling question', () => {
    const result = answerQuestion(
      index,
      'We are moving here in the summer with our daughter who is 7, how does the school registration work for September?',
    );
    expect(result.kind).toBe('answer');
    expect(result.kind === 'answer' && result.entryId).toBe(20);
  });

  it('reports the language of the translation that matched', () => {
    expect(index.search('Où est la pharmacie de garde ?')[0]).toMatchObject({ entryId: 6, matchedLang: 'fr' });
    expect(index.search('pharmacy on duty?')[0]).toMatchObject({ entryId: 6, matchedLang: 'en' });
  });

  it('keeps confidence between 0 and 1 and never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        for (const match of index.search(text)) {
          expect(match.confidence).toBeGreaterThan(0);
          expect(match.confidence).toBeLessThanOrEqual(1 + 1e-9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('handles an empty FAQ and entries without translations', () => {
    expect(new FaqIndex([]).search('bins?')).toEqual([]);
    expect(new FaqIndex([{ id: 1, translations: [] }]).search('bins?')).toEqual([]);
  });
});

describe('/faq <question>', () => {
  it('says there is no answer below the threshold and lists the closest topics', () => {
    const result = answerQuestion(index, 'Where can I park my boat?', { group: 'en' });
    expect(result.kind).toBe('none');
    if (result.kind !== 'none') return;
    expect(result.closest.map((c) => c.entryId)).toEqual(expect.arrayContaining([11]));
    expect(result.closest.every((c) => c.confidence < ANSWER_THRESHOLD)).toBe(true);
  });

  it('never answers a question no entry is about', () => {
    for (const q of ['Does anyone know a good plumber?', 'Quelqu’un connaît un bon plombier ?', 'Is there a cinema?']) {
      expect(answerQuestion(index, q).kind).toBe('none');
    }
  });

  it('answers in the asker language: hint, then detected language, then group language, then the entry language', () => {
    const entry = entries.find((e) => e.id === 6)!;
    expect(answerFor(entry, { hint: 'fr-FR', detected: 'en', group: 'en' }).lang).toBe('fr');
    expect(answerFor(entry, { hint: 'de', detected: 'fr', group: 'en' }).lang).toBe('fr');
    expect(answerFor(entry, { hint: 'de', detected: 'es', group: 'fr' }).lang).toBe('fr');
    expect(answerFor(entry, { hint: 'de', group: 'ar' }).lang).toBe('en');

    const french = answerQuestion(index, 'Quelle pharmacie est ouverte dimanche ?', { group: 'en' });
    expect(french.kind === 'answer' && french.translation.lang).toBe('fr');
    const hinted = answerQuestion(index, 'Quelle pharmacie est ouverte dimanche ?', { hint: 'en', group: 'fr' });
    expect(hinted.kind === 'answer' && hinted.translation.lang).toBe('en');
    // An entry written only in English answers a French question in English rather than not at all.
    const englishOnly = answerQuestion(index, 'banque alimentaire ?', { hint: 'fr' });
    expect(englishOnly).toMatchObject({ kind: 'answer', entryId: 31 });
    expect(englishOnly.kind === 'answer' && englishOnly.translation.lang).toBe('en');
  });
});

describe('auto-answer', () => {
  it('recognises questions in several languages', () => {
    expect(isQuestion('where is the post office', 'en')).toBe(true);
    expect(isQuestion('anyone know when the market is')).toBe(true);
    expect(isQuestion('Hi all, does someone have the wifi code')).toBe(true);
    expect(isQuestion('quelqu’un sait où est la déchetterie')).toBe(true);
    expect(isQuestion('dónde está la farmacia')).toBe(true);
    expect(isQuestion('هل الصيدلية مفتوحة')).toBe(true);
    expect(isQuestion('де аптека')).toBe(true);
    expect(isQuestion('the bins smell today')).toBe(false);
    expect(isQuestion('What a lovely day!')).toBe(false);
    expect(isQuestion('')).toBe(false);
  });

  it('answers a clear question with high confidence', () => {
    const answer = autoAnswer(index, 'When are the bins collected?', { group: 'en' });
    expect(answer).toMatchObject({ entryId: 1, translation: { lang: 'en' } });
    expect(answer!.confidence).toBeGreaterThanOrEqual(AUTO_ANSWER_THRESHOLD);
  });

  it('leaves statements, keyword-only lines and greetings alone', () => {
    for (const text of ['the bins smell today', 'Good morning everyone!', 'Found a set of keys near the entrance']) {
      expect(autoAnswer(index, text)).toBeUndefined();
    }
  });
});

describe('index cache', () => {
  it('builds once per scope and rebuilds after invalidate', async () => {
    let loads = 0;
    let current: FaqEntry[] = [entries[0]!];
    const cache = new FaqIndexCache(async () => {
      loads++;
      return current;
    });
    expect((await cache.get('telegram:-1')).size).toBe(1);
    expect((await cache.get('telegram:-1')).size).toBe(1);
    expect(loads).toBe(1);
    current = entries.slice(0, 3);
    cache.invalidate('telegram:-1');
    expect((await cache.get('telegram:-1')).size).toBe(3);
    expect(loads).toBe(2);
  });

  it('does not keep a failed load and evicts the least recently used scope', async () => {
    let fail = true;
    const cache = new FaqIndexCache(async () => {
      if (fail) throw new Error('database down');
      return entries;
    }, 2);
    await expect(cache.get('a')).rejects.toThrow('database down');
    fail = false;
    expect((await cache.get('a')).size).toBe(entries.length);
    const b = await cache.get('b');
    await cache.get('a');
    await cache.get('c'); // evicts b, the least recently used
    expect(await cache.get('b')).not.toBe(b);
  });
});

describe('labelled set', () => {
  it('is as large as the issue asks', () => {
    expect(labelled.answerable.length).toBeGreaterThanOrEqual(100);
    expect(labelled.unanswerable.length).toBeGreaterThanOrEqual(30);
    expect(labelled.chatter.length).toBeGreaterThanOrEqual(40);
    for (const q of labelled.answerable) expect(entries.some((e) => e.id === q.expect)).toBe(true);
  });

  // The older en/fr check set (written after an earlier tuning round); the held-out set is in floors.test.ts.
  it('holds on the older en/fr check set', () => {
    const result = evaluate(index, heldOut);
    expect(result.top1Ranked).toBeGreaterThanOrEqual(0.96); // measured 1
    expect(result.top1Answered).toBeGreaterThanOrEqual(0.93); // measured 0.967
    expect(result.wrongOnUnanswerable).toBe(0); // measured 0
    expect(result.chatterAnswered).toBe(0); // measured 0
  });
});
