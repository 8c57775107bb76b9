import { describe, expect, it } from 'vitest';
import { spanishWithoutDiminutive } from '../../src/text/lexicon.js';

describe('spanishWithoutDiminutive', () => {
  it('takes "-ito", "-ita", "-cito" off a word', () => {
    expect(spanishWithoutDiminutive('salita')).toBe('sala');
    expect(spanishWithoutDiminutive('cuartito')).toBe('cuarto');
    expect(spanishWithoutDiminutive('bolsitas')).toBe('bolsas');
  });

  it('leaves words that only end like one', () => {
    expect(spanishWithoutDiminutive('visita')).toBeUndefined();
    expect(spanishWithoutDiminutive('necesito')).toBeUndefined();
    expect(spanishWithoutDiminutive('sala')).toBeUndefined();
    expect(spanishWithoutDiminutive('cita')).toBeUndefined();
  });
});
