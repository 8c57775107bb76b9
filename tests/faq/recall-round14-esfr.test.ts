// How Spanish and French questions are read (src/features/faq/analyze.ts, asks.ts, match.ts, src/text/*): real
// questions of the seen sets that the reading answers, and close calls it keeps unanswered.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/features/faq/analyze.js';
import { answered, forms, termsOf } from './lib/fixture-index.js';

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

describe('having the old one taken away is getting rid of it', () => {
  it('reads "pour le faire enlever", "pour qu\'il soit enlevé", "para que se los lleven" as getting rid of', () => {
    expect(termsOf('comment on fait pour le faire enlever')).toContain('#dispose');
    expect(termsOf('como hago para que se los lleven')).toContain('#dispose');
    expect(
      answered(
        'Hola! Me mudo y tengo un sofá viejo y un colchón que ya no quiero, ¿cómo hago para que se los lleven? ¿Los puedo dejar en el cuarto de la basura?',
        'es',
      ),
    ).toBe(2);
    expect(
      answered(
        'Salut les voisins, on change de canapé la semaine prochaine et l\'ancien est complètement HS 🛋️ quelqu\'un sait comment on fait pour le faire enlever ? on peut le laisser en bas à côté des poubelles ?',
        'fr',
      ),
    ).toBe(2);
    expect(answered('l\'enlèvement des encombrants c\'est limité à combien d\'objets par passage ?', 'fr')).toBeUndefined();
    expect(answered('¿Cuántos muebles se pueden sacar como máximo en una recogida de voluminosos?', 'es')).toBeUndefined();
  });
});

describe('French "le jaune" is the yellow bin; "je suis perdu" is being at a loss', () => {
  it('reads the yellow bin without its noun, and the asker at a loss as nothing lost', () => {
    expect(termsOf('pas dans le jaune')).toContain('#recycle');
    expect(termsOf('ben jsuis perdu')).not.toContain('#lost');
    expect(termsOf('estoy perdida')).not.toContain('#lost');
    expect(termsOf('j\'ai perdu mes clés')).toContain('#lost');
    expect(answered('ben jsuis perdu ou on met le verre?? pas dans le jaune c ça?', 'fr')).toBe(4);
    expect(answered('la poubelle jaune c quel jour svp', 'fr')).toBe(1);
  });
});

describe('vacuuming, the hedge, the network', () => {
  it('reads vacuuming as a noise, not a vacuum cleaner to get rid of', () => {
    expect(termsOf('il passe l\'aspirateur à 23 h')).toContain('#noise');
    expect(
      answered(
        'Bonsoir, je me permets de vous demander à partir de quelle heure le silence est de rigueur en semaine. Mon voisin du dessus passe l\'aspirateur à 23 h. Que me conseillez-vous ? Cordialement.',
        'fr',
      ),
    ).toBe(15);
  });

  it('reads "no me conecto" and the network\'s name as the wifi', () => {
    expect(termsOf('no me conecto')).toContain('#wifi');
    expect(
      answered('Epa pana, estoy en la salita de abajo y no me conecto, cómo se llama la red y cuál es la contraseña?', 'es'),
    ).toBe(9);
    expect(answered('El wifi de la sala común, ¿cuántos aparatos se pueden conectar a la vez?', 'es')).toBeUndefined();
  });

  it('reads the hedge as garden waste', () => {
    expect(forms('haie')).toEqual(forms('branches'));
    expect(forms('seto')).toEqual(forms('branches'));
  });
});

describe('Spanish diminutives and "juntar"', () => {
  it('reads "la salita" as the room and "juntamos" as gathering, not a meeting', () => {
    expect(forms('salita')).toEqual(forms('sala'));
    expect(forms('juntamos')).not.toEqual(forms('junta'));
    expect(
      answered(
        'Vecinos, consulta rápida: juntamos un montón de frascos de mermelada, ¿van al contenedor amarillo o a otro lado?',
        'es',
      ),
    ).toBe(4);
  });
});

describe('Spanish "seguro": safe or sure, and insurance only with an article', () => {
  it('reads "un lugar seguro" as a safe place and "mi seguro" as insurance', () => {
    expect(termsOf('un lugar seguro')).not.toContain('#insurance');
    expect(termsOf('lo cubre mi seguro')).toContain('#insurance');
    expect(answered('hay algún lugar seguro pa guardar la bici? afuera me la van a volar', 'es')).toBe(14);
    expect(
      answered('me robaron la bici del local a velos 😡😡 el seguro del edificio cubre algo o tengo q poner plainte?', 'es'),
    ).toBeUndefined();
  });
});
