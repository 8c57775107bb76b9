// How Arabic is read, round 13: the Maghrebi words of food, the flat, moving and broken things, French loanwords in
// Arabic letters (لابومبيي, البارطما), the colours of the bins, the conjunction glued before the article, and Arabic
// written in Latin letters with digits (Arabizi). Real questions of the seen sets that the reading answers, and close
// calls on the same words that stay unanswered.
import { describe, expect, it } from 'vitest';
import { stemAr } from '../../src/text/stem.js';
import { analyzeQuery } from '../../src/features/faq/analyze.js';
import { answered, forms } from './lib/fixture-index.js';

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
