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

describe('regional words of Latin America, Belgium, Switzerland and Québec', () => {
  it('reads the town hall, kids, a playground and a bin as Latin Americans name them', () => {
    expect(forms('municipalidad')).toEqual(forms('mairie'));
    expect(forms('chamacos')).toEqual(forms('enfants'));
    expect(terms('parque con juegos')).toEqual(forms('playground'));
    expect(terms('el bote amarillo')).toEqual(forms('bin'));
    expect(forms('gasfiter')).toEqual(forms('plumber'));
    expect(forms('parqueadero')).toEqual(forms('parking'));
    expect(answered('la municipalidad abre sabado?', 'es')).toBe(27);
    expect(answered('q dias recogen la basura y el bote amarillo?', 'es')).toBe(1);
    expect(
      answered(
        'Hola vecin@s! Tengo dos chamacos que no paran en la casa jaja, ¿hay algún parque con juegos cerca? de preferencia con columpios 🛝',
        'es',
      ),
    ).toBe(28);
  });

  it('reads the Belgian recycling park, the Swiss playground and the Québec washer', () => {
    expect(forms('recyparc')).toEqual(forms('dechetterie'));
    expect(terms('parc a conteneurs')).toEqual(forms('dechetterie'));
    expect(terms('place de jeux')).toEqual(forms('playground'));
    expect(terms('maison communale')).toEqual(forms('mairie'));
    expect(forms('laveuse')).toEqual(forms('laundry'));
  });

  it('reads "no tira" (the heating does not draw) as broken', () => {
    expect(terms('no tira')).toEqual(forms('broken'));
    expect(answered('la calefaccion no tira desde ayer, a quien aviso?', 'es')).toBe(17);
  });
});

describe('the common room and its wifi', () => {
  it('reads "la salle des résidents" as the common room, not as residents', () => {
    expect(terms('salle des residents')).toEqual(forms('salle'));
    expect(
      answered(
        'Bonjour, je souhaiterais organiser l\'anniversaire de ma fille dans la salle des résidents un samedi après-midi. À qui dois-je m\'adresser et combien de temps à l\'avance ? Je vous remercie par avance.',
        'fr',
      ),
    ).toBe(10);
  });

  it('reads connecting ("se connecter", "no me conecta") as the wifi', () => {
    expect(terms('se connecter')).toEqual(forms('wifi'));
    expect(terms('no me conecta')).toEqual(forms('wifi'));
    expect(terms('electricity connected')).not.toContain('#wifi');
    expect(answered('Le code pour se connecter à internet en bas dans la salle des résidents c\'est quoi svp ?', 'fr')).toBe(9);
    expect(
      answered('estoy abajo en la sala comun y no me conecta, alguien me pasa la contraseña del internet porfa?', 'es'),
    ).toBe(9);
  });
});
