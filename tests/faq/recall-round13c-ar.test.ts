// How Arabic is read, round 13c: words that one spelling gives two meanings, read by the words around them. Egyptian
// ليه after someone who holds it is "has", not why; رائحة written with its hamza is the smell, not رايحة (going);
// مكتبه without an article and away from books is his office, not the library; Levantine Arabizi se3a is the hour;
// التأمين beside a doctor is health insurance; نحل after there is, many or a hive is the bees.
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/features/faq/analyze.js';
import { answered, forms } from './lib/fixture-index.js';

describe('Egyptian ليه', () => {
  it('reads ليه after someone who holds it as "has", and answers the seen question', () => {
    expect(answered('صباح الفل يا جيران ☀️ أنا لسه ساكن جديد في العمارة، هي عربية الزبالة بتعدي أيام إيه؟ الصندوق الرمادي والأصفر كل واحد ليه يوم لوحده؟ شكرا مقدما 🙏', 'ar')).toBe(1);
  });

  it('still reads ليه as why elsewhere, so a question of why stays unanswered', () => {
    expect(answered('عربية الزبالة بتعدي ليه متأخر؟', 'ar')).toBeUndefined();
  });
});

describe('words of two meanings', () => {
  it('reads رائحة written with its hamza as the smell', () => {
    expect(forms('رائحة')).toEqual(forms('smell'));
    expect(forms('الرائحة')).toEqual(forms('smell'));
    expect(analyzeQuery('رايحة')).toEqual([]);
  });

  it('reads مكتبه as his office, and as the library before a noun with its article or beside books', () => {
    expect(analyzeQuery('حد عنده رقم الgestionnaire؟ ومكتبه فين بالظبط؟').map((w) => w.forms)).toContainEqual(forms('office'));
    expect(forms('مكتبه البلدية')).toEqual(forms('library'));
    expect(forms('مكتبه')).toEqual(forms('library'));
    expect(forms('مكتبه فيها كتب اطفال؟')).toEqual(forms('library'));
  });

  it('reads Levantine Arabizi se3a as the hour, not the capacity', () => {
    expect(analyzeQuery('ad2esh se3r el se3a bi rue du Moulin?').map((w) => w.forms)).toContainEqual(forms('hours'));
  });
});

describe('words of two meanings read by the words around them', () => {
  it('reads التأمين beside a doctor as health insurance, and alone as the deposit', () => {
    const words = analyzeQuery('أبي أسجل عند دكتور عائلة عشان التأمين').map((w) => w.forms);
    expect(words).toContainEqual(forms('securite sociale'));
    expect(words).not.toContainEqual(forms('deposit back'));
    expect(forms('التأمين')).toEqual(forms('deposit back'));
  });

  it('reads نحل after there is, many or a hive as the bees, and elsewhere as the Maghreb\'s "I open"', () => {
    expect(forms('فيه نحل في البلكون')).toEqual(forms('النحل'));
    expect(forms('خلية نحل')).toEqual(forms('النحل'));
    expect(forms('كيفاش نحل الضو')).toEqual(forms('electricity'));
  });
});

describe('حد as a limit', () => {
  it('reads حد أقصى لعدد as asking the most things allowed, which the bulky-waste entry does not count', () => {
    expect(answered('هو في حد أقصى لعدد الحاجات اللي أطلعها في ميعاد الencombrants؟ عندي دولاب وكنبة وتلاجة وسريرين 😅', 'ar')).toBeUndefined();
  });
});

describe('the Maghreb\'s خوى (to empty)', () => {
  it('reads كيخويوه as a bottle bank emptied, which the glass entry does not say, and still answers where glass goes', () => {
    expect(answered('الكونتونير الخضر ديال الزاج كيخويوه كل شحال؟ راه عامر وكاين القراعي حداه', 'ar')).toBeUndefined();
    expect(answered('فين نلوح القراعي ديال الزاج؟', 'ar')).toBe(4);
  });
});
