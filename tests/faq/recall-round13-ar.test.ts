// How Arabic is read, round 13: the Maghrebi words of food, the flat, moving and broken things, French loanwords in
// Arabic letters (لابومبيي, البارطما), the colours of the bins, the conjunction glued before the article, and Arabic
// written in Latin letters with digits (Arabizi). Real questions of the seen sets that the reading answers, and close
// calls on the same words that stay unanswered. Renting (نكري, الكرا) is read too, so hiring a van stays unanswered.
import { describe, expect, it } from 'vitest';
import { arabiziReadings, isArabiziWord } from '../../src/text/normalize.js';
import { stemAr } from '../../src/text/stem.js';
import { analyzeQuery } from '../../src/features/faq/analyze.js';
import { answered, forms, index } from './lib/fixture-index.js';

const word = (text: string) => analyzeQuery(text)[0];

describe('Maghrebi words of an entry topic', () => {
  it('reads food, the flat, moving house and broken furniture as the Maghreb says them', () => {
    expect(forms('ماكلة')).toEqual(forms('food'));
    expect(forms('للبارطما')).toEqual(forms('flat'));
    expect(forms('نرحّل')).toEqual(forms('move'));
    expect(forms('مهرس')).toEqual(forms('broken'));
  });

  it('reads the fire brigade written from the French pompiers', () => {
    expect(forms('لابومبيي')).toEqual(forms('fire brigade'));
  });

  it('weighs going, doing, the week and the French local as everyday words', () => {
    for (const w of ['رايح', 'كندير', 'السيمانة', 'لوكال', 'صعيبة']) expect(word(w)?.weak).toBe(true);
    expect(word('رايح')?.topic).toBe(false);
  });

  it('answers the seen questions written that way', () => {
    expect(answered('فمّا بلاصة قريبة يعطيو فيها ماكلة بلاش للعايلات المحتاجة؟ الحالة صعيبة الشهر هذا', 'ar')).toBe(31);
    expect(answered('شحال هي النمرة ديال لابومبيي ف فرنسا؟', 'ar')).toBe(7);
    expect(answered('سلام، غادي ندخل للبارطما الجديد السيمانة الجاية، كيفاش نحل الضو والغاز؟ والما واش خاصني نديرلو contrat بوحدو؟', 'ar')).toBe(26);
    expect(answered('صحا خاوتي، راني رايح نرحّل الشهر الجاي وعندي camion كبير، كاش طريقة نحجز بلاصة قدام العمارة نهار الدميناجمون؟', 'ar')).toBe(33);
    expect(answered('السلام عليكم الجيران، عندي واحد الماطلا قديمة وبيرو مهرس بغيت نتخلص منهم، كيفاش كندير؟ واش نخليهم تحت ف لوكال ديال الزبل؟ 😅', 'ar')).toBe(2);
  });

  it('leaves close calls on the same words unanswered', () => {
    expect(answered('بنك الطعام بيعطي حليب للرضع وحفاضات؟', 'ar')).toBeUndefined();
    expect(answered('وين بلاقي كميون ديمناجمون للكرا رخيص بالحي؟', 'ar')).toBeUndefined();
  });
});

describe('everyday words of dialect', () => {
  it('weighs coming, going, taking out, finding, wanting, the weekend and the problem as everyday words', () => {
    for (const w of ['جات', 'نمشي', 'نطلع', 'نلقى', 'نحب', 'الويكند', 'شهرين', 'المشكلة', 'كلشي', 'ناخد', 'الخضرة']) {
      expect(word(w)?.weak).toBe(true);
    }
  });

  it('ranks the garden plot first for a Moroccan who wants to grow vegetables, not the parcel pickup', () => {
    const [top] = index.search('بغيت نزرع شوية ديال الخضرة فالجاردان ديال الحومة، كيفاش ناخد بلاصة؟', { lang: 'ar', limit: 2 });
    expect(top?.entryId).toBe(32);
    expect(forms('ناخد')).not.toEqual(forms('collect'));
  });

  it('answers the seen questions written with them', () => {
    expect(answered('السلام عليكم يا جماعة انا جديد بالبنايه 👋 شو الايام اللي لازم نطلع فيها الحاويه الصفرا والرماديه؟ ومن اي ساعه مسموح نحطها برا؟ شكرا سلفا', 'ar')).toBe(1);
  });

  it('leaves a close call with them unanswered', () => {
    expect(answered('قديش الشارج الشهري (les charges) للشقة عادة؟', 'ar')).toBeUndefined();
  });
});

describe('asking whether one may bring or keep something', () => {
  it('reads "ينفع اجيب" (may I bring) and "بيسمحوا" (do they allow) as allowed', () => {
    expect(analyzeQuery('ينفع اجيب').map((w) => w.forms)).toEqual([forms('allowed')]);
    expect(forms('بيسمحوا')).toEqual(forms('allowed'));
  });

  it('answers the seen questions written that way', () => {
    expect(answered('ينفع اجيب قطه في الشقه؟ 🐱', 'ar')).toBe(25);
    expect(answered('عندي قطة صغيرة ينفع اجيبها معايا الشقة؟', 'ar')).toBe(25);
  });

  it('leaves keeping hens on the balcony unanswered', () => {
    expect(answered('مسموح نربي جاج في البلكونة؟ 🐔 بدي بيض طازة هههه', 'ar')).toBeUndefined();
    expect(answered('واش مسموح نربي الدجاج فالبالكون؟', 'ar')).toBeUndefined();
  });
});

describe('the conjunction glued before the article', () => {
  it('comes off before stemming, so "and the yellow" stems as "the yellow"', () => {
    expect(stemAr('والاصفر')).toBe(stemAr('الاصفر'));
    expect(stemAr('فالحديقه')).toBe(stemAr('الحديقه'));
    expect(stemAr('والما')).toBe('والم');
  });

  it('reads the grey and the yellow bin by their colours', () => {
    expect(forms('الرمادي')).toEqual(forms('bin'));
    expect(forms('والاصفر')).toEqual(forms('الصفرا'));
  });
});

describe('Arabic written in Latin letters (Arabizi)', () => {
  it('spells a word of Arabizi in Arabic, the likelier spelling first', () => {
    expect(arabiziReadings('leil')[0]).toBe('ليل');
    expect(arabiziReadings('zdjaj')[0]).toBe('زجاج');
    expect(arabiziReadings('bch7al')[0]).toBe('بشحال');
    expect(arabiziReadings('sa3a')[0]).toBe('ساعة');
    expect(arabiziReadings('é')).toEqual([]);
    // A g is ج, ق or غ as the regions say it: "arga3ha" is "ارجعها" (bring it back).
    expect(arabiziReadings('arga3ha')).toContain('ارجعها');
  });

  it('knows a word of Arabizi by a digit beside letters, not an ordinal, a time or an age', () => {
    for (const w of ['ta3', 'a7ot', 'bch7al', '9areeb', 'l7ed']) expect(isArabiziWord(w)).toBe(true);
    for (const w of ['2nd', '3rd', '2am', '9yo', '5th', 'voisins2024', 'leil']) expect(isArabiziWord(w)).toBe(false);
  });

  it('reads the words of an Arabizi message in Arabic: function words dropped, concepts and everyday words known', () => {
    const read = analyzeQuery('salam, win nrmiw les bouteilles ta3 zdjaj w les bocaux?');
    expect(read.map((w) => w.word)).toEqual(['nrmiw', 'bouteilles', 'zdjaj']);
    expect(read[0]?.forms).toEqual(forms('ارميهم'));
    expect(read[2]?.forms).toEqual(forms('زجاج'));
    const badge = analyzeQuery('bch7al badge jdid dyal l\'entrée?');
    expect(badge[0]?.forms).toEqual(forms('شحال'));
    expect(badge.find((w) => w.word === 'jdid')?.weak).toBe(true);
    expect(analyzeQuery('emta a7ot el poubelle? w arga3ha emta?').find((w) => w.word === 'arga3ha')?.weak).toBe(true);
  });

  it('leaves Latin words of other messages as they are', () => {
    expect(forms('leil')).toEqual(['leil']);
  });

  it('answers the seen questions written that way', () => {
    expect(answered('salam, win nrmiw les bouteilles ta3 zdjaj w les bocaux? ndirhom f la poubelle jaune wela la?', 'ar')).toBe(4);
    expect(answered('bch7al badge jdid dyal l\'entrée? mchat lia f tobis 😭', 'ar')).toBe(13);
  });

  it('leaves close calls written that way unanswered', () => {
    expect(answered('howa el tram byefdal shaghal le7ad el sa3a kam bel leil?', 'ar')).toBeUndefined();
    expect(answered('7ad ya3rf 7allaq zain w ri5ees 9areeb? 💈', 'ar')).toBeUndefined();
  });
});

describe('renting as the Maghreb says it', () => {
  it('reads نكري and الكرا as hiring, a topic no entry has', () => {
    expect(forms('نكري')).toEqual(forms('louer'));
    expect(forms('للكرا')).toEqual(forms('louer'));
  });

  it('leaves hiring a van for the move unanswered', () => {
    expect(answered('شكون يعرف وين نكري camion تاع déménagement رخيص هنا؟', 'ar')).toBeUndefined();
  });
});
