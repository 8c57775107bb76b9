// Spanish of Latin America and Indian English as members write them (src/text/synonyms.ts): real questions of the seen
// sets that these readings answer, and the everyday senses they leave alone.
import { describe, expect, it } from 'vitest';
import { answered, forms } from './lib/fixture-index.js';
import { analyzeQuery } from '../../src/features/faq/analyze.js';

describe('Latin American Spanish', () => {
  it('reads heating that "no tira" as not working, and "se tira" still as throwing away', () => {
    expect(analyzeQuery('la calefaccion no tira').map((w) => w.forms)).toContainEqual(forms('broken'));
    expect(analyzeQuery('donde se tira el vidrio').map((w) => w.forms)).toContainEqual(forms('tirar'));
    expect(answered('la calefaccion no tira desde ayer, a quien aviso?', 'es')).toBe(17);
  });

  it('reads Mexican "chamacos" as children', () => {
    expect(forms('chamacos')).toEqual(forms('kids'));
    expect(answered('Hola vecin@s! Tengo dos chamacos que no paran en la casa jaja, ¿hay algún parque con juegos cerca? de preferencia con columpios 🛝', 'es')).toBe(28);
  });
});

describe('Indian English', () => {
  it('reads "timings" as opening hours', () => {
    expect(forms('timings')).toEqual(forms('hours'));
  });
});
