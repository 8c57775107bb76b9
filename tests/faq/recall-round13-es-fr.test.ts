// How Spanish and French are read (src/text/normalize.ts, stopwords.ts, stopwords-informal.ts, topics.ts): texting
// forms, the near future "van a", everyday verbs that share a stem with a topic word, regional words of Latin America,
// Belgium, Switzerland and Québec. Real questions of the seen sets that the reading answers, and close calls it keeps
// unanswered.
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/features/faq/analyze.js';
import { answered, forms } from './lib/fixture-index.js';

const terms = (text: string) => analyzeQuery(text).flatMap((w) => w.forms);

describe('French "rester" (to stay, to be left)', () => {
  it('does not read "reste" as a restaurant', () => {
    expect(forms('reste')).not.toEqual(forms('resto'));
    expect(answered('la mediatheque elle reste ouverte tard le mercredi? jusqu\'a quelle heure', 'fr')).toBe(22);
    expect(
      answered(
        'Bonjour, je viens d\'emménager avec mes deux enfants et notre médecin est resté à Lille… Quelqu\'un connaît un cabinet dans le quartier qui prend encore des nouveaux patients ? Tout le monde me dit que c\'est complet partout 😩',
        'fr',
      ),
    ).toBe(5);
  });
});

describe('Spanish texting', () => {
  it('reads "q" as "que", so "q dias" asks which days', () => {
    expect(terms('q dias')).toEqual(terms('que dias'));
    expect(terms('k dia')).toEqual(terms('que dia'));
    expect(answered('donde llevo unos botes de pintura q me sobraron de pintar el depto', 'es')).toBe(3);
  });
});

describe('the Spanish near future "van a" + infinitive', () => {
  it('does not read "van" as a moving van', () => {
    expect(terms('cuando van a arreglar el ascensor')).not.toContain('#van');
    expect(terms('can I book a van a day early')).toContain('#van');
    expect(
      answered('Alguien sabe cuándo van a arreglar el ascensor del edificio C? ya lleva dos semanas parado 😤', 'es'),
    ).toBeUndefined();
  });
});
