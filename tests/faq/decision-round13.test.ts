// Close calls of the seen sets (an entry's topic, asking what its answer does not say) and the readings that keep
// them unanswered: real questions of the seen sets.
import { describe, expect, it } from 'vitest';
import { ASKS_DURATION, ASKS_HOLIDAY, askedIn } from '../../src/features/faq/asks.js';
import { answered, termsOf } from './lib/fixture-index.js';

describe('Spanish "van a" before an infinitive', () => {
  it('reads "van a arreglar" as "they are going to repair", not a moving van', () => {
    expect(termsOf('cuándo van a arreglar el ascensor')).not.toContain('#van');
    expect(termsOf('se van a llevar los muebles')).not.toContain('#van');
    expect(termsOf('where can the van driver park')).toContain('#van');
  });

  it('leaves a lift stopped for two weeks unanswered', () => {
    expect(answered('Alguien sabe cuándo van a arreglar el ascensor del edificio C? ya lleva dos semanas parado 😤', 'es')).toBeUndefined();
  });
});

describe('how long something lasts', () => {
  it('leaves how long roadworks will last unanswered by the noise rules', () => {
    expect(answered('alguien sabe hasta cuando van a durar las obras de la calle de enfrente? empiezan re temprano', 'es')).toBeUndefined();
  });
});

describe('Arabic written with or without the hamza', () => {
  it('reads "إيمتى رح يصلحوا" as asking how long, as "ايمتى رح يصلحوا" is', () => {
    expect(askedIn('إيمتى رح يصلحوا المصعد؟') & ASKS_DURATION).toBe(ASKS_DURATION);
    expect(askedIn('ايمتى رح يصلحوا المصعد؟') & ASKS_DURATION).toBe(ASKS_DURATION);
  });

  it('reads "متي" and "عطله" as "متى" and "عطلة" are read', () => {
    expect(askedIn('متي رح يصلحوا المصعد؟') & ASKS_DURATION).toBe(ASKS_DURATION);
    expect(askedIn('الزبالة بتنشال يوم عطله رسميه؟') & ASKS_HOLIDAY).toBe(ASKS_HOLIDAY);
  });

  it('leaves a lift stopped for a week unanswered by whom to call', () => {
    expect(answered('إيمتى رح يصلحوا المصعد بالبناية C؟ صرلو أسبوع واقف وأنا بالطابق السادس', 'ar')).toBeUndefined();
  });
});

describe('French public holidays named by date in the other languages', () => {
  it('reads 1 May as a holiday in Ukrainian, Spanish, English and Arabic', () => {
    for (const text of ['а 1 травня сміття забирають?', '¿el 1 de mayo pasa el camión?', 'bins on May 1st?', 'الزبالة بعيد العمال؟']) {
      expect(askedIn(text) & ASKS_HOLIDAY).toBe(ASKS_HOLIDAY);
    }
  });

  it('leaves the bins on a Tuesday that falls on 1 May unanswered', () => {
    expect(answered('А якщо вівторок випадає на свято, типу 1 травня, сміття все одно забирають?', 'uk')).toBeUndefined();
  });
});
