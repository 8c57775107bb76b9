// Subjects next to an entry's topic that no entry answers (src/text/near-topics.ts): the lexicon reads them as topics
// of their own, not as the entry's concept, so a close call ("a broken mirror in the glass bank?") counts a topic no
// entry has against answering, and the entries' own questions are still answered.
import { describe, expect, it } from 'vitest';
import { answered, forms } from './lib/fixture-index.js';

describe('subjects next to a topic', () => {
  it('reads the object beside an entry’s topic as a topic of its own, the same in the five languages', () => {
    expect(forms('mirror')).toEqual(['#mirror']);
    for (const word of ['miroir', 'espejo', 'مراية', 'дзеркало']) expect(forms(word)).toEqual(forms('mirror'));
    for (const word of ['routeur', 'modem', 'راوتر', 'роутер']) expect(forms(word)).toEqual(forms('router'));
    for (const word of ['bénévole', 'voluntario', 'متطوع', 'волонтер']) expect(forms(word)).toEqual(forms('volunteer'));
    for (const word of ['robaron', 'вкрали', 'cambriolage']) expect(forms(word)).toEqual(forms('stolen'));
    expect(forms('router')).not.toEqual(forms('wifi'));
    expect(forms('fourrière')).not.toEqual(forms('parking'));
    expect(forms('cantine')).not.toEqual(forms('école'));
  });

  it('does not fold a filter into a leak through a shared stem ("filtración")', () => {
    expect(forms('filtre')).toEqual(['#filter']);
    expect(forms('filtro')).toEqual(['#filter']);
    expect(forms('filtración')).toEqual(forms('fuite'));
  });

  it('keeps everyday words out of these topics through a shared stem', () => {
    expect(forms('propre')).not.toEqual(forms('proprio'));
    expect(forms('four')).not.toEqual(forms('fourrière'));
    expect(forms('special')).not.toEqual(forms('pédiatre'));
    // Everyday words that shared a stem with a topic word: "general" (généraliste), "provide" (provider), "collective"
    // (collection), "appli" (appliance), "мало" (малий), "лист" (листя), "черги" (чергова), "cuenta" (contador).
    for (const [word, topic] of [['general', 'doctor'], ['provide', 'supplier'], ['collective', 'collection'],
      ['appli', 'mattress'], ['мало', 'дитина'], ['лист', 'листя'], ['черги', 'чергова'], ['جامع', 'جامعة']]) {
      expect(forms(word!)).not.toEqual(forms(topic!));
    }
    expect(forms('جامع')).toEqual(forms('mosque'));
  });

  it('reads when the shared heating starts, smoking and a bin’s lid as subjects of their own', () => {
    expect(forms('rallume')).toEqual(forms('encienden'));
    expect(forms('rallume')).not.toEqual(forms('chauffage'));
    expect(forms('fumer')).toEqual(forms('smoking'));
    expect(forms('couvercle')).not.toEqual(forms('poubelle'));
    expect(answered('Le chauffage collectif il se rallume quand cette année ?', 'fr')).toBeUndefined();
  });

  it('reads a French ligature as its two letters', () => {
    expect(forms('les restos du cœur')).toEqual(forms('les restos du coeur'));
  });

  it('tells the flat’s owner from the building manager', () => {
    expect(forms('propriétaire')).toEqual(forms('landlord'));
    expect(forms('власник')).toEqual(forms('landlord'));
    expect(forms('landlord')).not.toEqual(forms('gestionnaire'));
    // The pets entry's "leurs propriétaires" are the dogs' owners.
    expect(forms('leurs propriétaires')).toEqual(forms('chiens'));
    expect(answered('¿la reparación del termo la paga el dueño o el inquilino?', 'es')).toBeUndefined();
  });

  it('leaves close calls unanswered', () => {
    expect(answered('can I volunteer at the library?', 'en')).toBeUndefined();
    expect(answered('can I be a volunteer at the food bank?', 'en')).toBeUndefined();
    expect(answered('¿puedo tirar un espejo roto en el contenedor de vidrio?', 'es')).toBeUndefined();
    expect(answered('ممكن ارمي مراية مكسورة بحاوية الزجاج؟', 'ar')).toBeUndefined();
    expect(answered('my car got towed, where is the fourrière and how much does it cost?', 'en')).toBeUndefined();
  });

  it('still answers the entries’ own topics', () => {
    expect(answered('Where can I recycle glass bottles?', 'en')).toBe(4);
    expect(answered('Where is the library and when is it open?', 'en')).toBe(22);
    expect(answered('où garer la voiture de mes invités ?', 'fr')).toBe(12);
  });
});

describe('what residents ask beside an entry', () => {
  it('reads a slow wifi, restarting the router, a parcel marked delivered and a bigger bin as subjects of their own', () => {
    expect(forms('lentisimo')).toEqual(forms('slow'));
    expect(forms('rame')).not.toEqual(forms('wifi'));
    expect(forms('redémarrer')).toEqual(forms('reboot'));
    expect(forms('marqué livré')).toEqual(forms('never arrived'));
    expect(forms('contenedor más grande')).toEqual(forms('bigger bin'));
    expect(forms('хтось бачив')).toEqual(forms('has anyone found'));
    expect(forms('otros barrios')).toEqual(forms('other neighbourhoods'));
  });

  it('leaves the close calls unanswered', () => {
    expect(answered('el wifi de la sala comun anda lentisimo desde ayer, alguien sabe quien reinicia el router?', 'es')).toBeUndefined();
    expect(answered('how many things can you put out for one encombrants pickup?', 'en')).toBeUndefined();
    expect(answered('does the bus run on sundays?', 'en')).toBeUndefined();
    expect(answered('con la tarjeta de residente para estacionar se puede dejar el auto en otros barrios?', 'es')).toBeUndefined();
    expect(answered('¿Dónde puedo pedir un contenedor más grande?', 'es')).toBeUndefined();
  });

  it('still answers the entries’ own questions', () => {
    expect(answered('What is the wifi password in the common room?', 'en')).toBe(9);
    expect(answered('How do I get rid of bulky items like furniture or a mattress?', 'en')).toBe(2);
    expect(answered('Where can I buy a bus pass or tram tickets?', 'en')).toBe(23);
    expect(answered('Where do I pick up a parcel if I was out when it was delivered?', 'en')).toBe(19);
  });
});

describe('the neighbouring questions of each entry, in the five languages', () => {
  it('reads them as subjects of their own', () => {
    for (const [word, topic] of [['remboursement', 'refund'], ['reembolso', 'refund'], ['odeur', 'smell'],
      ['запах', 'smell'], ['dépôt sauvage', 'fly tipping'], ['toilettes publiques', 'public toilets'],
      ['médiateur', 'mediation'], ['livre en retard', 'overdue'], ['chèque énergie', 'energy voucher'],
      ['réexpédition du courrier', 'mail forwarding'], ['llave del buzón', 'mailbox key'],
      ['ménage des parties communes', 'stairwell cleaning'], ['crottes de chien', 'dog poo'],
      ['arrêt maladie', 'sick note'], ['se marier', 'get married'], ['societe de demenagement', 'removal company'],
      ['recargar la tarjeta de residente', 'top up the laundry card']]) {
      expect(forms(word!)).toEqual(forms(topic!));
    }
  });

  it('keeps the entries’ own words and everyday words apart from them', () => {
    expect(forms('médiathèque')).toEqual(forms('library'));
    expect(forms('médiateur')).not.toEqual(forms('médiathèque'));
    expect(forms('limite')).not.toEqual(forms('item limit'));
    expect(forms('boîte aux lettres')).not.toEqual(forms('mailbox key'));
    // A prepaid SIM card's top-up stays the phone entry's.
    expect(forms('recharger ma carte')).toEqual(forms('recharge'));
    expect(answered('How do I get rid of bulky items like furniture or a mattress?', 'en')).toBe(2);
    expect(answered('How do I set up electricity and gas when I move into my flat?', 'en')).toBe(26);
    expect(answered('Can I reserve a parking space for a moving van on moving day?', 'en')).toBe(33);
  });

  it('leaves a removal company asked of the moving van’s entry unanswered', () => {
    expect(answered('حدا بيعرف شركة déménagement رخيصة؟', 'ar')).toBeUndefined();
  });
});

describe('more neighbouring questions of the entries, in the five languages', () => {
  it('reads them as subjects of their own', () => {
    for (const [word, topic] of [['voiture électrique', 'electric car'], ['coche eléctrico', 'electric car'],
      ['سيارة كهربائية', 'electric car'], ['електромобіль', 'electric car'], ['prise électrique', 'plug'],
      ['розетка', 'plug'], ['panne internet', 'wifi down'], ['пропав інтернет', 'wifi down'], ['nouvel ascenseur', 'new lift'],
      ['ліфт замінять', 'new lift'], ['مصعد جديد', 'new lift'], ['fromage', 'cheese'], ['гречку', 'cheese'],
      ['comme vendeur', 'stall'], ['كبائع', 'stall'], ['grève', 'strike'], ['huelga', 'strike'], ['страйку', 'strike'],
      ['DELF', 'french exam'], ['facture d’électricité', 'electricity bill'], ['فاتورة الكهربا', 'kwh'],
      ['louer un camion', 'rent a van'], ['орендувати бус', 'van hire'], ['fournitures scolaires', 'school uniform']]) {
      expect(forms(word!)).toEqual(forms(topic!));
    }
  });

  it('keeps the entries’ own words apart from them', () => {
    // A SIM card's top-up, the electricity supply, the lift's breakdown and the water bill stay the entries'.
    expect(forms('recharger')).not.toEqual(forms('electric car'));
    expect(forms('électrique')).not.toEqual(forms('electric car'));
    expect(forms('ascenseur')).not.toEqual(forms('new lift'));
    expect(forms('water bill')).not.toEqual(forms('electricity bill'));
    expect(forms('camion de location')).not.toEqual(forms('rent a van'));
  });

  it('leaves the close calls unanswered', () => {
    expect(answered('on peut recharger une voiture électrique dans le parking souterrain du centre commercial ?', 'fr')).toBeUndefined();
    expect(answered('Коли вже цей ліфт замінять на новий? набридло що постійно ламається', 'uk')).toBeUndefined();
    expect(answered('На ринку хтось продає наші продукти? сало, гречку, нормальний сир?', 'uk')).toBeUndefined();
    expect(answered('بغيت نبيع شي حوايج فالbrocante، كيفاش نتسجل كبائع؟', 'ar')).toBeUndefined();
    expect(answered('وين بقدر استأجر شاحنة للنقل؟', 'ar')).toBeUndefined();
    expect(answered('وين بستأجر كاميون للعزال؟', 'ar')).toBeUndefined();
    expect(answered('¿cuándo cambian el ascensor? siempre está roto', 'es')).toBeUndefined();
    expect(answered('في السوق بيبيعوا لحم حلال؟', 'ar')).toBeUndefined();
    expect(answered('my child needs a school uniform, where to buy?', 'en')).toBeUndefined();
    expect(answered('the common room wifi is down, who do I tell?', 'en')).toBeUndefined();
    expect(answered('how much will my electricity bill be per month?', 'en')).toBeUndefined();
  });

  it('still answers the entries’ own questions', () => {
    expect(answered('The lift is broken, who should I tell?', 'en')).toBe(29);
    expect(answered('c’est quand la brocante ?', 'fr')).toBe(21);
    expect(answered('la facture d’eau est comprise dans les charges ?', 'fr')).toBe(26);
    expect(answered('On déménage le 15 avec un camion de location, comment on réserve une place devant l’immeuble ?', 'fr')).toBe(33);
    expect(answered('How do I set up electricity and gas when I move into my flat?', 'en')).toBe(26);
  });
});

describe('what goes wrong or ends beside an entry', () => {
  it('reads a missed collection, a cancellation, a donation, old clothes, a camper van, the school day, a police report and unlocking a phone as subjects of their own', () => {
    for (const [word, topic] of [['no pasaron', 'not been collected'], ['не вивезли', 'not been collected'],
      ['résilier', 'cancel'], ['dar de baja', 'cancel'], ['скасувати', 'cancel'], ['اتبرع', 'donate'],
      ['faire un don', 'donate'], ['borne textile', 'old clothes'], ['camping-car', 'motorhome'],
      ['horaires de l’école', 'school hours'], ['porter plainte', 'police report'],
      ['desbloquear el móvil', 'unlock my phone'], ['contrôleur', 'parking fine']]) {
      expect(forms(word!)).toEqual(forms(topic!));
    }
    // Setting up a supply stays the entry's ("dar de alta").
    expect(forms('dar de alta')).not.toEqual(forms('cancel'));
  });

  it('leaves the close calls unanswered', () => {
    expect(answered('¿por qué no pasaron a recoger la basura el martes?', 'es')).toBeUndefined();
    expect(answered('comment résilier l’électricité quand je déménage ?', 'fr')).toBeUndefined();
    expect(answered('comment porter plainte au commissariat ?', 'fr')).toBeUndefined();
    expect(answered('où garer un camping-car ?', 'fr')).toBeUndefined();
    expect(answered('I got a fine on the tram without a ticket, how do I pay it?', 'en')).toBeUndefined();
  });

  it('still answers the entries’ own questions', () => {
    expect(answered('hiya, what days do the bins get emptied here? think I missed it this week lol', 'en')).toBe(1);
    expect(answered('Which pharmacy is on duty at night or on Sunday?', 'en')).toBe(6);
    expect(answered('Is there a food bank nearby?', 'en')).toBe(31);
  });
});

describe('services beside the post office, the repairs and the French classes', () => {
  it('reads a bank account, home insurance, online classes and a drinking fountain as subjects of their own', () => {
    for (const [word, topic] of [['compte bancaire', 'bank account'], ['abrir una cuenta', 'bank account'],
      ['відкрити рахунок', 'bank account'], ['assurance habitation', 'home insurance'], ['страховка', 'insurance'],
      ['cours en ligne', 'online classes'], ['онлайн-курси', 'online classes'], ['fontaine à eau', 'drinking fountain']]) {
      expect(forms(word!)).toEqual(forms(topic!));
    }
    // A phone's credit and an electricity meter stay the entries'.
    expect(forms('поповнити рахунок')).not.toEqual(forms('bank account'));
    expect(forms('ouvrir un compteur')).not.toEqual(forms('bank account'));
  });

  it('leaves the close calls unanswered and still answers the entries', () => {
    expect(answered('¿se puede abrir una cuenta en correos?', 'es')).toBeUndefined();
    expect(answered('do I need home insurance as a tenant?', 'en')).toBeUndefined();
    expect(answered('де поповнити рахунок на телефоні?', 'uk')).toBe(8);
    expect(answered('can i sign up for the french classes at the community centre online or do i have to go in person?', 'en')).toBe(30);
  });
});
