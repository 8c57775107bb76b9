// Spoken and texting words, the setting of a question (the country, the parts of a home) and aspects shared by many
// topics (a subscription): how the lexicon reads them, and what /faq then does with questions that use them.
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/features/faq/analyze.js';
import { answerQuestion } from '../../src/features/faq/match.js';
import { answered, forms, index } from './lib/fixture-index.js';

describe('spoken and texting words', () => {
  it('reads French slang and short forms as the concept they name', () => {
    expect(forms('proprio')).toEqual(forms('propriétaire'));
    expect(forms('médocs')).toEqual(forms('médicaments'));
    expect(forms('gosses')).toEqual(forms('enfants'));
    expect(forms('éboueurs')).toEqual(forms('poubelles'));
    expect(forms('boucan')).toEqual(forms('bruit'));
  });

  it('reads colloquial Arabic and Ukrainian words as the concept they name', () => {
    expect(forms('بيفضوها')).toEqual(['#collect']);
    expect(forms('ميكروويف')).toEqual(['#furniture']);
    expect(forms('скіки')).toEqual(forms('скільки'));
    expect(forms('сміття')).toEqual(forms('баки'));
    expect(forms('велокімнату')).toEqual(['#store']);
  });

  it('takes slang for people and work as small talk, slang for money as the price', () => {
    for (const word of ['daronne', 'mec', 'boulot', 'potes', 'curro', 'чувак']) expect(analyzeQuery(word)[0]?.weak, word).toBe(true);
    expect(forms('thune')).toEqual(forms('prix'));
  });

  it('takes a relay point for where parcels are picked up', () => {
    expect(forms('point relais')).toEqual(forms('colis'));
    expect(answered('où est le point relais', 'fr')).toBe(19);
  });

  it('does not read the family as a SIM card (Ukrainian сім is also seven)', () => {
    expect(forms("сім'ї")).not.toEqual(forms('сімку'));
  });
});

describe('the setting of a question', () => {
  it('takes the country for the setting, not for the French classes', () => {
    for (const word of ['France', 'Francia', 'Франції', 'فرنسا']) {
      expect(analyzeQuery(word)[0]?.weak, word).toBe(true);
      expect(forms(word), word).not.toEqual(forms('français'));
    }
  });

  it('takes the parts of a home for where, not what about, so the leak is still the repairs entry', () => {
    expect(analyzeQuery('salle de bain')[0]?.facet).toBe(true);
    expect(answered("fuite d'eau dans la salle de bain, qui contacter ?", 'fr')).toBe(17);
  });

  it('takes a subscription for an aspect, so the library subscription is not the transport pass', () => {
    expect(analyzeQuery('abonnement')[0]?.facet).toBe(true);
    expect(forms('abonnement')).toEqual(forms('الاشتراك'));
    const r = answerQuestion(index, 'المكتبة العامة وين؟ والاشتراك مجاني؟', { group: 'ar' });
    expect(r.kind === 'answer' ? r.entryId : r.closest[0]?.entryId).toBe(22);
  });

  it('takes French for an aspect: a French SIM card is not the French classes, learning French still is', () => {
    expect(analyzeQuery('française')[0]?.facet).toBe(true);
    const [top] = index.search('il lui faut une puce française, on achète ça où ?', { lang: 'fr' });
    expect(top?.entryId).toBe(8);
    expect(top?.missedTopics).toBe(0);
    expect(answered('Where can I learn French?', 'en')).toBe(30);
    expect(answered('أين أتعلم الفرنسية؟', 'ar')).toBe(30);
    expect(answered('де вивчати французьку?', 'uk')).toBe(30);
  });

  it('takes a seasonal feast for a topic of its own: a Christmas market is not the weekly market', () => {
    expect(forms('Noël')).toEqual(forms('Christmas'));
    expect(answered("Le marché de Noël c'est quel week-end cette année ?", 'fr')).toBeUndefined();
    expect(answered('quand est le marché ?', 'fr')).toBe(21);
  });
});

describe('names around a question', () => {
  it('reads a capitalised word inside a sentence as a name, not the first word of a sentence', () => {
    const words = analyzeQuery('Hello everyone, Priya from the 2nd floor here. Brésil is far');
    expect(words.find((w) => w.word === 'priya')?.name).toBe(true);
    expect(words.find((w) => w.word === 'bresil')?.name).toBe(false);
  });

  it('counts a name the FAQ does not know as the setting, not as an unknown word against the entries', () => {
    const [top] = index.search('hi, Oksana from the 2nd floor, where can I buy a SIM card?', { lang: 'en' });
    const [plain] = index.search('hi, oksana from the 2nd floor, where can I buy a SIM card?', { lang: 'en' });
    expect(top?.entryId).toBe(8);
    expect(top?.unknownWords).toBe(0);
    expect(plain?.unknownWords).toBe(1);
    expect(top!.confidence).toBeGreaterThan(plain!.confidence);
  });
});
