// Close calls that ask a detail the entry's answer does not give: whether a service works on a given day when the entry
// names no day and no clock time, and at what time something happens when the entry's clock time is about something
// else. They stay unanswered; the questions the entries do answer still are.
import { describe, expect, it } from 'vitest';
import { ASKS_ANOTHER, ASKS_LOST_PARCEL, ASKS_OPEN_DAY, ASKS_PAY_METHOD, ASKS_VALID, askedIn } from '../../src/features/faq/asks.js';
import { answered } from './lib/fixture-index.js';

describe('a day asked of an entry that names no day and no clock time', () => {
  it('reads "works on Sundays", "comes out on Sundays", "trabaja los domingos" as asking whether it is open that day', () => {
    expect(askedIn('Does the locksmith come out on Sundays?') & ASKS_OPEN_DAY).not.toBe(0);
    expect(askedIn('el cerrajero trabaja los domingos?') & ASKS_OPEN_DAY).not.toBe(0);
    expect(askedIn('le serrurier travaille le dimanche ?') & ASKS_OPEN_DAY).not.toBe(0);
  });

  it('leaves the locksmith on Sundays unanswered: "during office hours" is not a day', () => {
    expect(answered('Is the locksmith on Baker Street open on sundays?', 'en')).toBeUndefined();
    expect(answered('Does the locksmith on Baker Street come out at night or on Sundays?', 'en')).toBeUndefined();
    expect(answered('el cerrajero de Baker Street trabaja los domingos?', 'es')).toBeUndefined();
  });

  it('still answers a day asked of an entry that gives days or clock times', () => {
    expect(answered('is the post office open on saturdays?', 'en')).toBe(18);
    expect(answered('la déchetterie est ouverte le dimanche ?', 'fr')).toBe(3);
  });
});

describe('a clock time asked of what the answer gives no clock time for', () => {
  it('leaves the time the bin lorry comes unanswered: the answer gives "mornings", its clock time is for putting bins out', () => {
    expect(answered('what time do the binmen actually come on tuesdays? they woke me up at 5am lol', 'en')).toBeUndefined();
    expect(answered('le camion poubelle passe a quelle heure exactement le mardi ? je le rate a chaque fois', 'fr')).toBeUndefined();
    expect(answered('il passe à quelle heure exactement le camion poubelle le mardi ? vers 6h ou plus tard ?', 'fr')).toBeUndefined();
  });

  it('still answers the time the answer gives, also after an event the time is counted from', () => {
    expect(answered('what time can we put the bins out the night before?', 'en')).toBe(1);
    expect(answered('а баки після вивозу до котрої треба назад заносити? бо наш стоїть на тротуарі до ночі', 'uk')).toBe(1);
    expect(
      answered('Hola! Una pregunta tonta 😅 después de que pasa el camión, hasta qué hora se pueden dejar los cubos en la calle? es que trabajo todo el día', 'es'),
    ).toBe(1);
    expect(answered('la médiathèque ferme à quelle heure le mercredi ?', 'fr')).toBe(22);
  });
});

describe('what a card is valid for, a second one, a way to pay, asked of an entry that does not say it', () => {
  it('reads the asking in several languages, and "no sirven pa nada" or "comment ça marche pour" as no such asking', () => {
    expect(askedIn('me sirve el pase Navigo de Paris pa el tram de aca?') & ASKS_VALID).not.toBe(0);
    expect(askedIn('la carte résident marche aussi pour une moto ?') & ASKS_VALID).not.toBe(0);
    expect(askedIn('un sofá viejo y un colchón que ya no sirven pa nada') & ASKS_VALID).toBe(0);
    expect(askedIn('comment ça marche pour les encombrants ?') & ASKS_VALID).toBe(0);
    expect(askedIn('Can I get a second residents’ parking permit?') & ASKS_ANOTHER).not.toBe(0);
    expect(askedIn('where can I buy a second-hand sofa?') & ASKS_ANOTHER).toBe(0);
    expect(askedIn('на ринку можна платити карткою чи тільки готівкою?') & ASKS_PAY_METHOD).not.toBe(0);
    expect(askedIn('كاش طريقة نحجز بلاصة قدام العمارة؟') & ASKS_PAY_METHOD).toBe(0);
  });

  it('leaves them unanswered', () => {
    expect(answered('el pass Navigo sirve aca pal tram o es otra tarjeta?', 'es')).toBeUndefined();
    expect(answered("Can I get a second residents' parking permit for my wife's car?", 'en')).toBeUndefined();
    expect(answered('En el mercado del jueves se puede pagar con tarjeta o solo efectivo?', 'es')).toBeUndefined();
  });

  it('still answers the entry that says it', () => {
    expect(answered('how does the washing machine thing in the basement work? do i need coins', 'en')).toBe(24);
    expect(answered('Les machines à laver au sous-sol marchent avec des pièces ou avec la carte ?', 'fr')).toBe(24);
    expect(answered('How do I get a residents parking permit for my car?', 'en')).toBe(11);
  });
});

describe('a rate per hour or per month, asked in Arabizi or Arabic, of an entry that names no amount', () => {
  it('leaves the parking rates unanswered', () => {
    expect(answered('ad2esh se3r el se3a bi rue du Moulin? w ad2esh fiyon yo2afo ma3 ba3d?', 'ar')).toBeUndefined();
    expect(answered('الparking souterrain تبع centre commercial فيه abonnement شهري؟ قديش؟', 'ar')).toBeUndefined();
  });

  it('still answers a price the entry gives', () => {
    expect(answered('bch7al badge jdid dyal l\'entrée? mchat lia f tobis 😭', 'ar')).toBe(13);
    expect(answered('how much is the residents parking permit per month?', 'en')).toBe(11);
  });
});

describe('a message about one topic whose asking sentence names another entry', () => {
  it('does not answer the emergency numbers when the message is about a heating failure', () => {
    expect(
      answered(
        "Good morning, the radiator in our bedroom has been stone cold since last night and it's freezing 🥶 It's Saturday so the office is closed – is there an emergency number for this kind of thing?",
        'en',
      ),
    ).not.toBe(7);
    expect(answered('الشوفاج واقف من امبارح والجو برد جدا 🥶 والبيرو مسكر، في رقم طوارئ؟', 'ar')).not.toBe(7);
  });

  it('still answers the emergency numbers asked alone', () => {
    expect(answered('cual es el numero de emergencias aqui? el 911 no funciona verdad?', 'es')).toBe(7);
  });
});

describe('a parcel marked delivered that never came', () => {
  it('reads "marked delivered", "pone entregado", "пише шо доставлено" as asking about a lost parcel', () => {
    expect(askedIn('Mon colis Amazon est marqué livré mais j’ai rien dans ma boite') & ASKS_LOST_PARCEL).not.toBe(0);
    expect(askedIn('mi paquete de Amazon pone entregado desde ayer') & ASKS_LOST_PARCEL).not.toBe(0);
    expect(askedIn('le livreur est passé pendant que j’étais pas la, je recupere ca ou ?') & ASKS_LOST_PARCEL).toBe(0);
  });

  it('leaves it unanswered, and still answers the missed delivery', () => {
    expect(answered('Vinted пише шо colis доставлено, а його нема ні в boîte aux lettres, ні в сусідів 😤 шо робити?', 'uk')).toBeUndefined();
    expect(answered('le livreur est passé pendant que j’etais pas la, je recupere ca ou ?', 'fr')).toBe(19);
  });
});
