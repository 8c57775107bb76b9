// Recall in Spanish, Arabic and Ukrainian: the words of each topic in these languages and their dialects, the French
// words written inside them ("déchetterie" in Cyrillic, "livreur" in Arabic letters), verb forms the lexicon must see
// through, and phrases that must not swallow a second concept of the question.
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/features/faq/analyze.js';
import { answered, forms } from './lib/fixture-index.js';

describe('Spanish, Arabic and Ukrainian topic words', () => {
  it('reads the médiathèque, the déchetterie and fire in these languages as the entries’ concepts', () => {
    expect(forms('mediateca')).toEqual(forms('library'));
    expect(forms('медіатека')).toEqual(forms('library'));
    expect(forms('дешетері')).toEqual(forms('déchetterie'));
    expect(forms('حريق')).toEqual(forms('pompiers'));
    expect(forms('الليفرور')).toEqual(forms('livreur'));
    expect(forms('слесар')).toEqual(forms('locksmith'));
  });

  it('reads spoken Arabic verbs of the topics: parking, "does not work", "how does it work", taking things away', () => {
    expect(forms('يصفو')).toEqual(forms('park'));
    expect(forms('ما عم يشتغل')).toEqual(forms('broken'));
    expect(forms('بتشتغل')).toEqual(forms('work'));
    expect(forms('وديهم')).toEqual(forms('dispose'));
    expect(forms('جمعة')).toEqual(forms('vendredi'));
  });

  it('reads a Spanish infinitive with glued pronouns as the verb, and as everyday as it', () => {
    expect(forms('tirarlos')).toEqual(forms('tirar'));
    expect(forms('deshacerme')).toEqual(forms('dispose'));
    expect(analyzeQuery('dejarlo')[0]?.weak).toBe(true);
  });

  it('reads Spanish "van" as the verb around "a", "en" or a pronoun, and keeps the moving van', () => {
    expect(analyzeQuery('les van a multar').map((w) => w.word)).toEqual(['multar']);
    expect(analyzeQuery('van en el bac').map((w) => w.word)).toEqual(['bac']);
    expect(forms('van')).toEqual(forms('camion de déménagement'));
  });

  it('reads "farmacia de guardia" as the pharmacy and on duty, "pan gratis" as bread and free', () => {
    expect(analyzeQuery('farmacia de guardia').map((w) => w.forms[0])).toEqual([forms('pharmacy')![0], forms('duty')![0]]);
    expect(analyzeQuery('صيدلية مناوبة').map((w) => w.forms[0])).toEqual([forms('pharmacy')![0], forms('duty')![0]]);
    expect(analyzeQuery('pan gratis').map((w) => w.forms[0])).toEqual([forms('bread')![0], forms('free')![0]]);
  });

  it('drops chat words: a French "rue du" in Cyrillic, "heap", "yesterday", "leave it"', () => {
    expect(analyzeQuery('рю дю купа')).toEqual([]);
    expect(analyzeQuery('مبارح نخليها')).toEqual([]);
  });

  it('reads Egyptian "by car" (بالعربية) as the car, a Ukrainian community as a group, not a language', () => {
    expect(forms('عربيتي')).toEqual(forms('car'));
    expect(answered('أهلي جايين يزوروني بالعربية، يركنوا فين؟', 'ar')).toBe(12);
    expect(forms('українська громада')).toEqual(forms('громада'));
  });

  it('reads spoken Arabic "put" (نحط، حط) as storing, which "bikes" make the bike room', () => {
    expect(forms('نحط')).toEqual(forms('store'));
    expect(answered('وين بقدر حط البسكليت؟ الشقة صغيرة وما في محل', 'ar')).toBe(14);
  });

  it('reads taking the bins out or in, in Arabic, Ukrainian and Spanish, as the bins', () => {
    expect(forms('إخراج الحاويات')).toEqual(forms('bins'));
    expect(forms('заносити баки')).toEqual(forms('bins'));
    expect(forms('meter los cubos')).toEqual(forms('bins'));
  });

  it('answers these questions', () => {
    expect(answered('la mediateca abre los lunes?', 'es')).toBe(22);
    expect(answered('дешетері де знаходиться і до котрої працює в неділю?', 'uk')).toBe(3);
    expect(answered('dónde dan pan gratis los sábados?', 'es')).toBe(31);
    expect(answered('cual es el numero de tlf ese para saber la farmacia de guardia?', 'es')).toBe(6);
    expect(answered('امتى بيمر كميون الزبالة عنا؟', 'ar')).toBe(1);
    expect(answered('в суботу до мене приїдуть друзі на машині з Ліона, де їм краще стати?', 'uk')).toBe(12);
  });
});
