// Documents asked of an entry whose answer names the proof of address to bring (match.ts, IMPLIED_BY_ANSWER): real
// questions of the seen sets that it answers, and the close calls it leaves unanswered.
import { describe, expect, it } from 'vitest';
import { answered } from './lib/fixture-index.js';

describe('documents asked of an answer that names a proof of address', () => {
  it('answers the GP doctor when the documents to bring are asked', () => {
    expect(
      answered(
        'Hello po! My husband and me need to find a medecin traitant, we just arrive from Manila. Where we can register and what documents we need? Salamat!',
        'en',
      ),
    ).toBe(5);
    expect(
      answered(
        'Buenas! llegamos hace 2 semanas desde Valencia y necesitamos un medico de cabecera pa toda la familia, q papeles piden? gracias de antemano 🙏',
        'es',
      ),
    ).toBe(5);
  });

  it('answers the recycling centre when its paperwork is asked', () => {
    expect(
      answered(
        "Hi, where exactly is the déchetterie? I've got an old microwave and a broken kettle to drop off and no idea where to go, and do they want any paperwork?",
        'en',
      ),
    ).toBe(3);
  });

  it('leaves a residence permit at the town hall unanswered', () => {
    expect(answered('can i renew my titre de séjour at the mairie or is that the préfecture?', 'en')).toBeUndefined();
    expect(answered('el titre de sejour se saca en la mairie o en la prefecture?', 'es')).toBeUndefined();
  });
});
