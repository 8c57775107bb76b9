// How Ukrainian is read in round 13: French words a Ukrainian writes in Cyrillic, by their sound and in their cases,
// and Ukrainian typed in Latin letters; real questions of the seen sets, and close calls that keep their own reading.
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/features/faq/analyze.js';
import { answered, forms } from './lib/fixture-index.js';

const concepts = (text: string) => analyzeQuery(text).flatMap((w) => w.forms);

describe('French words written in Cyrillic', () => {
  it('are read as the French word they sound like, in any case', () => {
    expect(forms('жестіонер')).toEqual(forms('gestionnaire'));
    expect(forms('жестіонера')).toEqual(forms('gestionnaire'));
    expect(forms('гардієна')).toEqual(forms('gardien'));
    expect(forms('бюандері')).toEqual(forms('buanderie'));
    expect(forms('бюандерію')).toEqual(forms('buanderie'));
    expect(forms('навіго')).toEqual(forms('navigo'));
    expect(forms('асансер')).toEqual(forms('ascenseur'));
    expect(forms('анкомбрани')).toEqual(forms('encombrants'));
    expect(concepts('жарден партаже')).toEqual(forms('jardin partage'));
  });

  it('reads a seen question that names the manager that way', () => {
    expect(concepts('daite pls nomer zhestionera 🙏')).toContain(forms('gestionnaire')![0]);
    expect(answered('дайте телефон жестіонера', 'uk')).toBe(16);
  });

  it('leaves Ukrainian words that merely sound like a French or English one alone', () => {
    // "висить" (hangs) is not "visite", "грати" (to play) not "gratis", "пакети" (bags) not "paquete", "парк" not parking.
    expect(forms('висить')).not.toEqual(forms('visite'));
    expect(forms('грати')).not.toEqual(forms('gratis'));
    expect(forms('пакети')).not.toEqual(forms('paquete'));
    expect(forms('парк')).not.toEqual(forms('parking'));
  });
});
