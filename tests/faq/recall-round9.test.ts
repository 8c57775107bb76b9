// Everyday words of an entry's topic that writers of the dialects use (src/text/topics.ts), and spoken function words
// that hid a topic (src/text/stopwords-informal.ts).
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/features/faq/analyze.js';
import { answered, forms } from './lib/fixture-index.js';

describe('dialect words of an entry topic', () => {
  it('reads the Maghrebi and Levantine words for a bike as a bike', () => {
    expect(forms('البشكليطة')).toEqual(forms('bike'));
    expect(forms('بسكليتات')).toEqual(forms('bike'));
    expect(answered('وين نحط البشكليطة ديالي؟', 'ar')).toBe(14);
  });

  it('reads the Egyptian "the door locked on me" as being locked out', () => {
    expect(analyzeQuery('الباب اتقفل').map((w) => w.forms)).toEqual([forms('locked out')]);
    expect(answered('الباب اتقفل عليا والمفاتيح جوه، اعمل ايه؟', 'ar')).toBe(13);
  });

  it('drops a "بالـ" written apart before a French word, which is no second-hand market', () => {
    expect(analyzeQuery('بالـ buanderie').map((w) => w.word)).not.toContain('بال');
  });
});
