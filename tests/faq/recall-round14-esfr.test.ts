// How Spanish and French questions are read (src/features/faq/analyze.ts, asks.ts, match.ts, src/text/*): real
// questions of the seen sets that the reading answers, and close calls it keeps unanswered.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/features/faq/analyze.js';
import { answered } from './lib/fixture-index.js';

describe('a phone number in an answer is the number asked for', () => {
  it('gives an answer with a phone number the aspect number, not one with a short number', () => {
    expect(analyze('Téléphone 01 44 55 66 77', 'fr')).toContain('#number');
    expect(analyze('call 0 800 123 456', 'en')).toContain('#number');
    expect(analyze('or call 3237', 'en')).not.toContain('#number');
    expect(analyze('open 9:00-12:00', 'en')).not.toContain('#number');
  });

  it('answers the manager\'s number with the manager', () => {
    expect(answered('Quelqu\'un a le numéro de la gestionnaire svp ?', 'fr')).toBe(16);
    expect(answered('tlf de la gestora porfa', 'es')).toBe(16);
    expect(answered('telefono de la gestora del edificio?', 'es')).toBe(16);
  });

  it('does not read French "nombre" (how many) as a phone number, and leaves the largest number of items unanswered', () => {
    expect(answered('y a un nombre max d\'objets par rdv encombrants ? j\'ai un frigo, un matelas et 2 chaises', 'fr')).toBeUndefined();
    expect(
      answered(
        'Bonjour, je vide l\'appart de ma mère, il y a un nombre maximum de meubles qu\'on peut sortir pour les encombrants ? J\'en ai au moins 6',
        'fr',
      ),
    ).toBeUndefined();
    expect(answered('hay un número máximo de muebles que se pueden sacar para la recogida de voluminosos?', 'es')).toBeUndefined();
  });
});
