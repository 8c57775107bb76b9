// How Spanish and French are read (src/text/normalize.ts, stopwords.ts, stopwords-informal.ts, topics.ts): texting
// forms, the near future "van a", everyday verbs that share a stem with a topic word, regional words of Latin America,
// Belgium, Switzerland and Québec. Real questions of the seen sets that the reading answers, and close calls it keeps
// unanswered.
import { describe, expect, it } from 'vitest';
import { analyze, analyzeQuery } from '../../src/features/faq/analyze.js';
import { detectLanguage } from '../../src/text/language.js';
import { answered, forms, termsOf } from './lib/fixture-index.js';

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
    expect(termsOf('q dias')).toEqual(termsOf('que dias'));
    expect(termsOf('k dia')).toEqual(termsOf('que dia'));
    expect(answered('donde llevo unos botes de pintura q me sobraron de pintar el depto', 'es')).toBe(3);
  });
});

describe('the Spanish near future "van a" + infinitive', () => {
  it('does not read "van" as a moving van', () => {
    expect(termsOf('cuando van a arreglar el ascensor')).not.toContain('#van');
    expect(termsOf('can I book a van a day early')).toContain('#van');
    expect(
      answered('Alguien sabe cuándo van a arreglar el ascensor del edificio C? ya lleva dos semanas parado 😤', 'es'),
    ).toBeUndefined();
  });
});

describe('regional words of Latin America, Belgium, Switzerland and Québec', () => {
  it('reads the town hall, kids, a playground and a bin as Latin Americans name them', () => {
    expect(termsOf('la municipalidad')).toEqual(forms('mairie'));
    expect(forms('municipale')).not.toEqual(forms('mairie'));
    expect(forms('chamacos')).toEqual(forms('enfants'));
    expect(termsOf('parque con juegos')).toEqual(forms('playground'));
    expect(termsOf('el bote amarillo')).toEqual(forms('bin'));
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
    expect(termsOf('parc a conteneurs')).toEqual(forms('dechetterie'));
    expect(termsOf('place de jeux')).toEqual(forms('playground'));
    expect(termsOf('maison communale')).toEqual(forms('mairie'));
    expect(forms('laveuse')).toEqual(forms('laundry'));
  });

  it('reads "no tira" (the heating does not draw) as broken', () => {
    expect(termsOf('no tira')).toEqual(forms('broken'));
    expect(answered('la calefaccion no tira desde ayer, a quien aviso?', 'es')).toBe(17);
  });
});

describe('the common room and its wifi', () => {
  it('reads "la salle des résidents" as the common room, not as residents', () => {
    expect(termsOf('salle des residents')).toEqual(forms('salle'));
    expect(
      answered(
        'Bonjour, je souhaiterais organiser l\'anniversaire de ma fille dans la salle des résidents un samedi après-midi. À qui dois-je m\'adresser et combien de temps à l\'avance ? Je vous remercie par avance.',
        'fr',
      ),
    ).toBe(10);
  });

  it('reads connecting ("se connecter", "no me conecta") as the wifi', () => {
    expect(termsOf('se connecter')).toEqual(forms('wifi'));
    expect(termsOf('no me conecta')).toEqual(forms('wifi'));
    expect(termsOf('electricity connected')).not.toContain('#wifi');
    expect(answered('Le code pour se connecter à internet en bas dans la salle des résidents c\'est quoi svp ?', 'fr')).toBe(9);
    expect(
      answered('estoy abajo en la sala comun y no me conecta, alguien me pasa la contraseña del internet porfa?', 'es'),
    ).toBe(9);
  });
});

describe('what a message says around its topic', () => {
  it('reads internet as the way a thing is done ("por internet", "en ligne") as no topic', () => {
    expect(termsOf('pedí la tarjeta por internet')).not.toContain('#internet');
    expect(termsOf('payer en ligne')).not.toContain('#internet');
    // Internet as the subject stays the topic; getting on it in a room is its wifi.
    expect(termsOf('quel fournisseur internet choisir')).toContain('#internet');
    expect(termsOf('le code pour se connecter à internet')).toContain('#wifi');
    expect(
      answered(
        'Buenas, pedí la tarjeta de aparcamiento de residente por internet hace unos días, ¿cuánto suele tardar en estar lista? 🚗',
        'es',
      ),
    ).toBe(11);
  });

  it('weighs the embarrassment around asking for food aid as small talk', () => {
    expect(
      answered(
        'Bonjour, c\'est un peu gênant de demander mais on traverse une période difficile en ce moment... il y a une aide alimentaire, genre distribution de colis, dans le coin ? Merci de votre discrétion',
        'fr',
      ),
    ).toBe(31);
  });

  it('reads a friend who comes to see me as a visitor, and a dismantled wardrobe as furniture', () => {
    expect(termsOf('viene a verme')).toEqual(forms('visitors'));
    expect(termsOf('vient me voir')).toEqual(forms('visitors'));
    expect(forms('desmontado')).toEqual(forms('furniture'));
    expect(answered('mi amigo puede estacionar en el patio si viene a verme un rato?', 'es')).toBe(12);
    expect(answered('tengo un armario viejo desmontado, lo puedo dejar en el cuarto de los cubos o q hago con él?', 'es')).toBe(2);
  });

  it('keeps a burst pipe with water pouring out the repair, not the lift', () => {
    expect(termsOf('sale agua')).toEqual(forms('leak'));
    expect(answered('SOCORRO se rompio un tubo en el baño y sale agua a chorros, son las 11 de la noche, a quien llamo???', 'es')).toBe(17);
  });
});

describe('French elision and inversion as chat writes them', () => {
  it('reads "l\'" glued without its apostrophe (lascenseur, limmeuble, leau) as the word after it', () => {
    expect(forms('lascenseur')).toEqual(forms('ascenseur'));
    expect(forms('limmeuble')).toEqual(forms('immeuble'));
    expect(forms('leau')).toEqual(forms('eau'));
    expect(forms('lavabo')).toEqual(forms('lavabo'));
    expect(termsOf('lettres')).not.toEqual(termsOf('ettres'));
    expect(answered('lascenseur est en panne depuis hier, qui prevenir ?', 'fr')).toBe(29);
  });

  it('reads "je" glued before a consonant (jpeux, jcherche) as the verb after it', () => {
    expect(termsOf('jcherche')).toEqual(termsOf('cherche'));
    expect(termsOf('jhabite')).toEqual(termsOf('habite'));
    expect(termsOf('jsp')).toEqual([]);
  });

  it('reads a subject pronoun after its verb (dois-je, peut-on, y a-t-il) apart from the verb', () => {
    expect(termsOf('à qui dois-je m\'adresser')).toEqual(termsOf('à qui je dois m\'adresser'));
    expect(termsOf('peut-on')).toEqual([]);
    expect(termsOf('y a-t-il')).toEqual([]);
    expect(termsOf('rendez-vous')).toEqual(termsOf('rendez vous'));
    expect(termsOf('wi-fi')).toEqual(forms('wifi'));
  });
});

describe('more regional words and abbreviations', () => {
  it('reads Québec, Belgian, Swiss and West African French', () => {
    expect(forms('calorifère')).toEqual(forms('chauffage'));
    expect(forms('fournaise')).toEqual(forms('chauffage'));
    expect(termsOf('bulle à verre')).toEqual(forms('verre'));
    expect(termsOf('place de parc')).toEqual(forms('parking'));
    expect(forms('bondé')).not.toEqual(forms('bus'));
    expect(forms('break')).not.toContain('#powercut');
    expect(forms('parque')).not.toEqual(forms('parking'));
    expect(termsOf('le breaker a sauté')).toContain('#powercut');
    expect(forms('natel')).toEqual(forms('téléphone'));
    expect(forms('gsm')).toEqual(forms('téléphone'));
    expect(termsOf('où se parquer')).toEqual(forms('parking'));
    expect(termsOf('les sacs blancs')).toEqual(forms('poubelle'));
    expect(forms('gbaka')).toEqual(forms('bus'));
    expect(termsOf('le robinet est gâté')).toContain(forms('broken')![0]);
    expect(termsOf('faque tsé pantoute')).toEqual([]);
    expect(forms('poubs')).toEqual(forms('poubelles'));
    expect(forms('encombs')).toEqual(forms('encombrants'));
    expect(forms('lascen')).toEqual(forms('ascenseur'));
    expect(termsOf('la muni')).toEqual(forms('mairie'));
  });

  it('reads Latin American Spanish and its abbreviations', () => {
    expect(forms('carabineros')).toEqual(forms('policía'));
    expect(termsOf('mi cicla')).toEqual(forms('bici'));
    expect(forms('ciclo')).not.toEqual(forms('bici'));
    expect(forms('apto')).toEqual(forms('apartamento'));
    expect(forms('edif')).toEqual(forms('edificio'));
    expect(termsOf('medico familiar')).toEqual(forms('doctor'));
    expect(termsOf('el colectivo')).toEqual(forms('bus'));
    expect(termsOf('la micro')).toEqual(forms('bus'));
    expect(forms('garaje')).toEqual(forms('parking'));
    expect(forms('monoambiente')).toEqual(forms('appart'));
  });

  it('keeps a park (a green space) in a French answer apart from parking', () => {
    expect(analyze('Le parc Lila, à 3 minutes à pied', 'fr')).not.toContain('#park');
  });
});

describe('"correo" beside a phone number', () => {
  it('reads "el correo o el cel" as an e-mail address, and "cierra el correo" as the post office', () => {
    expect(termsOf('el correo o el cel')).toEqual(forms('contacter'));
    expect(termsOf('cierra el correo')).toContain(forms('correos')![0]);
    expect(answered('alguien tiene el correo o el cel de la administradora del edificio?', 'es')).toBe(16);
    expect(answered('a q hora cierra el correo los sabados?', 'es')).toBe(18);
  });
});

describe('everyday words around a Spanish or French question', () => {
  it('weighs empty, full, nearest and early as everyday words', () => {
    expect(analyzeQuery('vacias llena cercano temprano').every((w) => w.weak)).toBe(true);
    expect(answered('las botellas de vino vacias van en el bac amarillo o en otro lado?', 'es')).toBe(4);
    expect(
      answered(
        'Hola! 🍷 después de la fiesta del sábado tengo una bolsa llena de botellas de vino vacías. ¿Dónde está el contenedor de vidrio más cercano? ¿Se puede ir a tirarlas de noche?',
        'es',
      ),
    ).toBe(4);
    expect(
      answered(
        'Bonjour à tous. Le voisin du dessus met sa musique à fond tous les soirs jusqu\'à minuit passé, c\'est autorisé ?? j\'fais quoi, je vais le voir ou je me plains direct à qqn ?',
        'fr',
      ),
    ).toBe(15);
  });

  it('keeps a bike store that is full to bursting unanswered', () => {
    expect(answered('Le local a velos est plein a craquer, y a un autre endroit pour mettre les velos ?', 'fr')).toBeUndefined();
  });

  it('reads "¿a quién le hablo?" as whom to call, without reading every "hablo" so', () => {
    expect(termsOf('a quien le hablo')).toEqual(forms('llamar'));
    expect(forms('hablo')).not.toEqual(forms('llamar'));
  });
});

describe('French without accents and chat fillers of both languages', () => {
  it('reads "le marche" without its accent as the market, "ça marche pas" as working', () => {
    expect(termsOf('le marche du jeudi')).toContain(forms('market')![0]);
    expect(termsOf('ca marche pas')).not.toContain(forms('market')![0]);
  });

  it('drops the fillers of Mexico, Colombia, Chile, Venezuela, West Africa and the banlieue', () => {
    expect(termsOf('wey parce cachai marico huevon')).toEqual([]);
    expect(termsOf('askip deh walai oklm')).toEqual([]);
  });
});

describe('language of chat Spanish and French', () => {
  it('tells voseo, Latin American and chat French apart', () => {
    expect(detectLanguage('donde queda la déchetterie?')).toBe('es');
    expect(detectLanguage('vos sabés si pasa x aca?')).toBe('es');
    expect(detectLanguage('faque chu pogné dehors')).toBe('fr');
  });
});
