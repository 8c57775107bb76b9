// How Arabic words are read, as the neighbours of the seen sets write them: proclitics glued to French words in Latin
// letters, the spoken negation and tense prefixes, the demonstrative هال, Persian letters, the stem of a word whose
// first letter looks like a clitic, and everyday words under their glued parts.
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/features/faq/analyze.js';
import { fold } from '../../src/text/fold.js';
import { arabicBases, arabicFronts, arabicReadings } from '../../src/text/lexicon.js';
import { tokenize } from '../../src/text/normalize.js';
import { answered, forms } from '../faq/lib/fixture-index.js';

const word = (text: string) => analyzeQuery(text)[0];

describe('Arabic proclitics glued to a French word in Latin letters', () => {
  it('come off, so the French word is read alone and joins its phrases', () => {
    expect(tokenize('الmairie فالjardin partagé')).toEqual(['mairie', 'jardin', 'partage']);
    expect(tokenize('للgestionnaire فrue')).toEqual(['gestionnaire', 'rue']);
    expect(tokenize('فالsous-sol')).toEqual(['basement']);
    expect(tokenize('الcarte grise')).toEqual(['registrationdocument']);
    // Another Arabic word glued before a Latin one is split from it.
    expect(tokenize('ديالpoubelle')).toEqual(['ديال', 'poubelle']);
    expect(forms('الséchage')).toEqual(forms('séchage'));
  });

  it('answers the seen questions written that way', () => {
    expect(answered('كيفاش ناخد بلاصة فالjardin partagé؟ بغيت نزرع شوية طماطم ونعناع 🌱', 'ar')).toBe(32);
    expect(answered('الbuanderie بقداش الغسلة وبقداش الséchage؟', 'ar')).toBe(24);
  });

  it('leaves close calls written that way unanswered', () => {
    expect(answered('الCAF ما دخلتش هاد الشهر، حد عندو نفس المشكل؟', 'ar')).toBeUndefined();
    expect(answered('الmédiathèque فيها كتب بالعربي للصغار؟', 'ar')).toBeUndefined();
    expect(answered('نقدر نشارجي trottinette électrique فالlocal vélos؟ كاين prise؟', 'ar')).toBeUndefined();
  });
});

describe('Arabic words under spoken negation, tense prefixes and هال', () => {
  it('reads the verb inside ما...ش, and a final ش only on what reads as a verb', () => {
    expect(arabicFronts('مافهمتش')).toContain('فهمت');
    expect(arabicFronts('تقدرش')).toContain('تقدر');
    expect(arabicFronts('لقيتوش')).toContain('لقيت');
    expect([...arabicFronts('قماش')]).toEqual(['قماش']);
    expect([...arabicFronts('فرش')]).toEqual(['فرش']);
  });

  it('reads a verb without its spoken present or future prefix', () => {
    expect(arabicFronts('كتخدم')).toContain('تخدم');
    expect(arabicFronts('منطلع')).toContain('نطلع');
    expect(arabicFronts('كانمشي')).toContain('نمشي');
    expect(arabicFronts('حنروح')).toContain('نروح');
  });

  it('reads هال as the article, and a feminine ـية as the masculine', () => {
    expect(arabicFronts('هالشهر')).toContain('الشهر');
    expect(arabicFronts('بهالوقت')).toContain('وقت');
    expect(arabicReadings('والرماديه')).toContain('رمادي');
  });

  it('weighs everyday words under their glued parts as everyday words', () => {
    for (const w of ['هالشهر', 'هالاسبوع', 'بهالوقت', 'تقدرش', 'بغيتش', 'والصغير']) expect(word(w)?.weak).toBe(true);
    // "شهري" is monthly, not "my month": a final ي stays.
    expect(arabicBases('شهري')).toEqual(['شهري']);
    expect(word('الشهري')?.weak).toBe(false);
  });

  it('gives an everyday word under its suffix no concept through a stem', () => {
    expect(word('باقيه')?.topic).toBe(false);
    expect(word('محلها')?.topic).toBe(false);
    // A base the lexicon lists keeps its concept.
    expect(forms('نحطها')).toEqual(['#store']);
  });
});

describe('Arabic spellings', () => {
  it('folds the Persian and Urdu letters of phone keyboards to the Arabic ones', () => {
    expect(fold('پارکینگ ڤيلو')).toBe('باركينگ فيلو');
    expect(forms('البيسکلیت')).toEqual(['#bike']);
  });

  it('reads a French g or ch written with a Persian or Maghrebi letter', () => {
    expect(forms('گاز')).toEqual(['#gas']);
    expect(forms('الگاز')).toEqual(['#gas']);
    expect(forms('چوفاج')).toEqual(['#heating']);
  });

  it('stems a word whose first letter looks like a clitic as it stems the word with the article', () => {
    expect(forms('بوسطة')).toEqual(forms('البوسطة'));
    expect(forms('بريفكتورة')).toEqual(forms('البريفكتورة'));
    expect(forms('بلاصة')).toEqual(['#space']);
  });

  it('weighs the countries and cities people come from as small talk', () => {
    for (const w of ['لبنان', 'للجزاير', 'لبيروت', 'تونس']) {
      expect(word(w)?.weak).toBe(true);
      expect(word(w)?.topic).toBe(false);
    }
  });

  it('reads واقف (stopped) as not working', () => {
    expect(forms('واقف')).toEqual(['#broken']);
  });
});

describe('Arabic function words with a glued conjunction', () => {
  it('drops "and" or "so" on a two-letter function word, and keeps a word the lexicon reaches', () => {
    expect(analyzeQuery('ومع')).toEqual([]);
    expect(analyzeQuery('وكل')).toEqual([]);
    expect(forms('فقد')).toEqual(['#lost']);
  });

  it('weighs the plain forms of خلص (to pay, to finish) as everyday words, and keeps اتخلص (to get rid of)', () => {
    expect(word('يخلصو')?.topic).toBe(false);
    expect(word('نخلص')?.weak).toBe(true);
    expect(forms('اتخلص')).toEqual(['#dispose']);
  });
});

describe('Arabic words Snowball merges with another', () => {
  it('keeps a request (طلب) apart from an order, a parcel (طلبية)', () => {
    expect(word('الطلب')?.topic).toBe(false);
    expect(forms('الطلبية')).toEqual(['#parcel']);
  });
});

describe('Arabic spoken first person and Arabic-Indic digits', () => {
  it('reads the spoken present ب in place of the alef of "I" ("بشتري" is "اشتري")', () => {
    expect(arabicFronts('بشتري')).toContain('اشتري');
    expect(forms('بشتري')).toEqual(forms('اشتري'));
    expect(word('بجيب')?.weak).toBe(true);
    // Not before a person prefix or the article: "بيحكي" and "بالبيت" keep their own readings.
    expect(arabicFronts('بيحكي')).not.toContain('ايحكي');
    expect(arabicFronts('بالبيت')).not.toContain('االبيت');
  });

  it('reads Arabic-Indic and Persian digits as the digits 0-9, numbers that weigh little', () => {
    expect(tokenize('الساعة ١١ الطابق ۳')).toEqual(['الساعة', '11', 'الطابق', '3']);
    expect(word('٢٥')?.weak).toBe(true);
  });

  it('drops an article written apart from its word', () => {
    expect(analyzeQuery('ال gestionnaire').map((w) => w.word)).toEqual(['gestionnaire']);
  });
});

describe('the end of the week', () => {
  it('reads "آخر الجمعة" and "نهاية الأسبوع" as the weekend, not a Friday', () => {
    expect(tokenize('آخر الجمعة، وباخر الاسبوع، نهاية الأسبوع')).toEqual(['weekend', 'weekend', 'weekend']);
    expect(tokenize('الجمعة الجاية')).toEqual(['الجمعة', 'الجاية']);
  });

  it('answers a seen question written that way', () => {
    expect(answered('مرحبا جيراني، أهلي جايين من ليون يزوروني آخر الجمعة، وين فيهن يصفّوا السيارة؟ بالساحة تحت مسموح ولا لأ؟ يسلمو 🌹', 'ar')).toBe(12);
  });
});

describe('Egyptian questions with the question word after the noun', () => {
  it('reads "أيام إيه" and "يوم إيه" (which days) as the day asked', () => {
    expect(analyzeQuery('أيام إيه').map((w) => w.forms)).toEqual(analyzeQuery('اي يوم').map((w) => w.forms));
    expect(analyzeQuery('يوم ايه').map((w) => w.forms)).toEqual(analyzeQuery('اي يوم').map((w) => w.forms));
  });

  it('weighs "in advance" (مقدما) and "passes by" (بتعدي) as everyday words', () => {
    for (const w of ['مقدما', 'بتعدي']) expect(word(w)?.weak).toBe(true);
  });
});
