// Informal registers: texting abbreviations, spoken spellings and dialects. Their function words, question words and
// formulas carry no topic (neither unknown evidence against an entry nor shared evidence for one), the language guess
// holds on them, and a greeting made of them stays chatter.
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/features/faq/analyze.js';
import { autoAnswer } from '../../src/features/faq/match.js';
import { isQuestion } from '../../src/features/faq/question.js';
import { detectLanguage } from '../../src/text/language.js';
import { answered, forms, index } from './lib/fixture-index.js';

const words = (text: string) => analyzeQuery(text).map((w) => w.word);

describe('informal registers', () => {
  it('drops the function words and formulas of texting English, French and Spanish', () => {
    expect(words("any1 know wen the bins r collected tho? idk, doesn't say pls thx")).toEqual(['bins', 'collected', 'say']);
    expect(words('qqn sait stp, jsp si ya qqch, cest koi le code ? bcp de gens ds le coin')).toEqual(['code']);
    expect(words('porfa alguien sabe xq tb hay q pagar pa entrar? ustedes saben, che')).toEqual(['pagar', 'entrar']);
  });

  it('drops dialect question words, "there is" and "want" of Levantine, Egyptian, Maghrebi and Gulf Arabic', () => {
    expect(words('فين كاينة ديال هنايا')).toEqual([]);
    expect(words('عايز اعرف ازاي دلوقتي، بدي اعرف شو هلق، شلون وش الحين')).toEqual([]);
    // A final taa marbuta or alef maqsura written either way is the same stop word.
    expect(words('كاينه منيحه عندى')).toEqual([]);
  });

  it('drops colloquial and Russian-influenced Ukrainian function words, particles and politeness', () => {
    expect(words('шо тіпа нада, канєшно ваще, где когда можна, будьласка, спасибі')).toEqual([]);
    for (const word of ['скажіть', 'шоб', 'коло', 'шось', 'нада']) expect(words(`${word} будинку`), word).toEqual(['будинку']);
  });

  it('drops laughter of any length', () => {
    expect(words('hahahaha jajaja jejeje ахахаха хахах ههههههه')).toEqual([]);
  });

  it('reads a letter drawn out in chat as written once', () => {
    expect(words('holaaa graciasss plzzz merciii شكراااا дякуююю')).toEqual([]);
    expect(forms('pharmacieee')).toEqual(forms('pharmacie'));
  });

  it('reads glued "ع" (على) before the article off a known word', () => {
    expect(forms('عالباص')).toEqual(forms('الباص'));
  });

  it('reads telephone abbreviations as the word', () => {
    expect(forms('tlf')).toEqual(forms('telefono'));
    expect(forms('тел')).toEqual(forms('телефон'));
  });

  it('guesses the language of texting and spoken forms', () => {
    expect(detectLanguage('q dia pasan x la basura? porfa')).toBe('es');
    expect(detectLanguage('tb se puede aparcar aca?')).toBe('es');
    expect(detectLanguage('ya qqn qui a un num de plombier svp')).toBe('fr');
    expect(detectLanguage('any1 know when the pool opens pls')).toBe('en');
    expect(detectLanguage('шо робити з матрацом')).toBe('uk');
  });

  it('takes texting and dialect openers as asking', () => {
    expect(isQuestion('k hora cierra la farmacia', 'es')).toBe(true);
    expect(isQuestion('any1 know when the pool opens', 'en')).toBe(true);
    expect(isQuestion('فين كاينة الحاوية ديال الزجاج', 'ar')).toBe(true);
    expect(isQuestion('шо робити з старим матрацом', 'uk')).toBe(true);
  });

  it('answers informal questions and leaves informal greetings alone', () => {
    expect(answered('any1 know wen the bins r collected?', 'en')).toBe(1);
    expect(answered('alguien sabe xq no pasa el camion d la basura?', 'es')).toBe(1);
    expect(answered('qqn sait c quand la collecte des poubelles stp', 'fr')).toBe(1);
    expect(answered('وين بقدر حط البسكليت؟', 'ar')).toBe(14);
    for (const chatter of [
      'hola vecinos!! q tal todo? jajaja',
      'hey guys hows it going lol',
      'coucou tt le monde, ça va ? mdr',
      'مرحبا يا جماعة شو الأخبار؟ كيفكم ههههه',
      'привіт усім, шо як ви? ахаха',
    ]) {
      expect(autoAnswer(index, chatter), chatter).toBeUndefined();
      expect(answered(chatter, 'en'), chatter).toBeUndefined();
    }
  });

  it('reads hearsay and everyday verbs around a question as no topic ("il paraît", "j\'ai pas envie", "everything")', () => {
    expect(words('on peut mettre les vélos où ? dans le hall c interdit il parait')).not.toContain('parait');
    expect(analyzeQuery("j'ai pas trop envie d'aller au clash").find((w) => w.word === 'envie')?.topic).toBe(false);
    expect(words('everything near us is shut')).not.toContain('everything');
    expect(answered('on peut mettre les vélos où ? dans le hall c interdit il parait', 'fr')).toBe(14);
  });

  it('reads "vides", a child\'s temperature and "pouvoir" as small talk around a question, and wine bottles as bottles', () => {
    expect(analyzeQuery('bocaux vides').find((w) => w.word === 'vides')?.weak).toBe(true);
    expect(analyzeQuery('a high temperature').find((w) => w.word === 'temperature')?.weak).toBe(true);
    expect(words('pour pouvoir me garer')).not.toContain('pouvoir');
    expect(answered('On met les bocaux de confiture vides dans quel bac ? le jaune ?', 'fr')).toBe(4);
    expect(answered("on met ou les bouteilles de vin vides? pas dans le jaune si j'ai bien compris", 'fr')).toBe(4);
  });
});
