// Spoken French and everyday words around a question: the pieces of hyphenated phrases ("c'est-à-dire", "là-bas")
// carry no topic, an everyday word never reaches a topic through a stem it shares with a word of another language
// ("past" is not the Spanish "pasta", "lock" not the French reading of "locker", "carrément" not a garden plot), and the
// verbs of the entries' actions lead to their concept in the persons and forms chat uses.
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/features/faq/analyze.js';

const words = (text: string) => analyzeQuery(text).map((w) => w.word);
const concepts = (text: string) => analyzeQuery(text).flatMap((w) => (w.forms[0]!.startsWith('#') ? [w.forms[0]] : []));
const weakOrTopicless = (text: string) => analyzeQuery(text).every((w) => w.weak || (!w.topic && !w.forms[0]!.startsWith('#')));

describe('spoken forms and everyday words', () => {
  it('drops the pieces of hyphenated spoken French', () => {
    expect(words("c'est-à-dire, là-bas, au-dessus, celle-ci, celui-là, du coup, chépa, dis-moi")).toEqual([]);
  });

  it('reads no topic into everyday words that share a stem with a topic of another language', () => {
    expect(concepts('music blasting past midnight')).not.toContain('#price');
    expect(concepts('my key snapped in the lock')).not.toContain('#locker');
    expect(concepts("c'est carrément galère")).not.toContain('#plot');
    expect(concepts('اختي جاية من البلد')).toEqual([]);
    expect(concepts('donde esta la decheteria')).toEqual(['#tip']);
    for (const text of ['past', 'lock', 'carrément']) expect(weakOrTopicless(text), text).toBe(true);
  });

  it('counts small talk of time, family and feelings as everyday words, not as unknown topics', () => {
    for (const text of ['apparently currently waiting twice', 'ma mère vient vivre ici maintenant', 'estamos pasando un mal momento',
      'я вже двічі говорити', 'معهم مرتين عادي'])
      expect(analyzeQuery(text).filter((w) => !w.weak && !w.topic && !w.facet), text).toEqual([]);
  });

  it('reads a capitalised word after an elided article or preposition as a name', () => {
    const italy = analyzeQuery("Hello ! mon mari arrive d'Italie la semaine pro").find((w) => w.word === 'italie');
    expect(italy?.name).toBe(true);
  });

  it('leads the persons and forms of the entries\' verbs to their concept', () => {
    expect(concepts('je me gare où ?')).toEqual(['#park']);
    expect(concepts('je m\'inscris où ? ils inscrivent les enfants ?')).toContain('#register');
    expect(concepts('buying a sim')).toContain('#buy');
    expect(concepts('who is fixing the lift')).toContain('#repair');
    expect(concepts('paying for the room')).toContain('#price');
    expect(concepts('I threw it out')).toContain('#dispose');
    expect(concepts('me estoy mudando')).toEqual(['#move']);
    expect(concepts('je loue la salle')).toContain('#hire');
    expect(concepts('on trie le verre ?')).toContain('#recycle');
    expect(analyzeQuery('je sors les poubelles').filter((w) => !w.weak && !w.topic)).toEqual([]);
    expect(concepts('resident parking cards')).toContain('#card');
    for (const text of ["c'est à nous de prendre un contrat ?", 'треба укладати договір?']) expect(concepts(text), text).toContain('#setup');
    expect(concepts('fin nchri puce')).toContain('#buy');
  });
});
