// Everyday phrasings of an entry's topic (src/text/topics.ts): the situation a neighbour describes rather than the
// topic's name.
import { describe, expect, it } from 'vitest';
import { answered, forms } from './lib/fixture-index.js';

describe('the situation of needing the food bank', () => {
  it('reads the Latin American "banco de comida" as the food bank', () => {
    expect(answered('banco de comida cerca', 'es')).toBe(31);
    expect(answered('hay algun banco de comida cerca? que piden?', 'es')).toBe(31);
  });

  it('reads having nothing to eat as asking for the food bank', () => {
    expect(answered('немає що їсти, де допомога', 'uk')).toBe(31);
  });
});

describe('a broken appliance in Latin American Spanish', () => {
  it('reads "se descompuso" as broken', () => {
    expect(forms('se descompuso')).toEqual(forms('broken'));
  });
});

describe('the pushchair in Latin American Spanish and Ukrainian', () => {
  it('reads "carriola" and "дитячий візок" as the pushchair', () => {
    expect(forms('carriola')).toEqual(forms('pushchair'));
    expect(forms('дитячий візок')).toEqual(forms('pushchair'));
  });
});

describe('the bike and the scooter in everyday words', () => {
  it('reads the Ukrainian "велик" as a bike while "великий" stays big', () => {
    expect(forms('велик')).toEqual(forms('bike'));
    expect(forms('великий')).not.toEqual(forms('bike'));
    expect(answered('де тримати велик', 'uk')).toBe(14);
  });

  it('reads a child\'s scooter or bike as the thing stored, not as a question about children', () => {
    expect(answered('де можна тримати велик і дитячий самокат? в коридорі сусіди вже сварились', 'uk')).toBe(14);
    expect(answered('where can I keep the kids bikes', 'en')).toBe(14);
  });
});

describe('words of the setting', () => {
  it('reads the French endearment "ma puce" as a child, not a SIM chip', () => {
    expect(forms('ma puce')).toEqual(forms('toddler'));
    expect(answered('Des balançoires pas loin ? ma puce a 4 ans', 'fr')).toBe(28);
    expect(answered('je cherche une puce pour mon téléphone', 'fr')).toBe(8);
  });
});
