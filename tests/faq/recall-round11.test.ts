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
