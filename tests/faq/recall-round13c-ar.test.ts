// How Arabic is read, round 13c: words that one spelling gives two meanings, read by the words around them. Egyptian
// ليه after someone who holds it is "has", not why; رائحة written with its hamza is the smell, not رايحة (going);
// مكتبه without an article and away from books is his office, not the library; Levantine Arabizi se3a is the hour.
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
