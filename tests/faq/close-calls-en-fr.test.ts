// Close calls in English and French: a question that shares an entry's words but asks about the subject next to it
// (a public holiday beside the collection days, the price per hour beside where visitors park, a company car beside
// the residents' permit). src/text/near-topics.ts reads each such subject as a topic of its own, so the question is
// not answered with the entry, while the entry's own questions still are.
import { describe, expect, it } from 'vitest';
import { answered, forms } from './lib/fixture-index.js';

describe('close calls next to an entry (en/fr)', () => {
  it('reads each neighbouring subject the same in the five languages', () => {
    for (const word of ['jours fériés', 'festivo', 'navidad', 'Pâques', 'різдво', 'عطلة رسمية']) {
      expect(forms(word)).toEqual(forms('bank holiday'));
    }
    for (const word of ['de l’heure', 'por hora', 'за годину', 'بالساعة']) expect(forms(word)).toEqual(forms('per hour'));
    for (const word of ['voiture de fonction', 'coche de empresa', 'службове авто']) {
      expect(forms(word)).toEqual(forms('company car'));
    }
    for (const word of ['carte scolaire', 'zona escolar', 'шкільний округ']) expect(forms(word)).toEqual(forms('catchment'));
    for (const word of ['exception', 'excepción', 'виняток', 'استثناء']) expect(forms(word)).toEqual(forms('exempt'));
    for (const word of ['tiers payant', 'mutuelle']) expect(forms(word)).toEqual(forms('bulk billing'));
    for (const word of ['se mantiene', 'pasa igual']) expect(forms(word)).toEqual(forms('maintenu'));
    for (const word of ['después de la cita', 'через скільки днів', 'بعد كم يوم']) expect(forms(word)).toEqual(forms('once you’ve booked'));
  });

  it('keeps the everyday words these subjects sit beside as they were', () => {
    // A party in the common room, not a public holiday; a bare "syndic" is the building manager.
    expect(forms('fête')).not.toEqual(forms('jour férié'));
    expect(forms('свято')).not.toEqual(forms('jour férié'));
    expect(forms('ascenseur')).not.toEqual(forms('Ascension'));
    expect(forms('paquet')).not.toEqual(forms('Pâques'));
    expect(forms('hours')).not.toEqual(forms('per hour'));
    // Spanish "contesta" (answers the phone) is not contesting a fine, "ciudadana" not naturalisation.
    expect(forms('contesta')).not.toEqual(forms('contest the fine'));
    expect(forms('ciudadana')).not.toEqual(forms('naturalisation'));
  });

  it('leaves English close calls unanswered', () => {
    for (const text of [
      'are the bins collected on Christmas day?',
      'do the trams run on New Year’s Day?',
      'is there an exception to the quiet hours on New Year’s Eve?',
      'I lost my bus pass, can I get a replacement?',
      'I lost my parking permit, can I get a new one?',
      'can I get a residents parking permit for my company car?',
      'how much is the car park at the shopping centre per hour?',
      'how do I contest a fine from the ticket inspectors?',
      'what’s the waiting time for an appointment at the health centre?',
      'what’s the waiting time for a bulky waste pickup?',
      'does the health centre do tiers payant?',
      'when will the lift be fixed?',
      'which school is in our catchment area?',
      'do the french classes give you a language certificate?',
      'where can I read the minutes of the last general meeting?',
      'has the wifi password changed?',
      'who is the cheapest electricity supplier?',
      'the glass bank is overflowing, who do I call to get it emptied?',
      'how soon do they come for the bulky items once you’ve booked?',
    ]) expect(answered(text, 'en'), text).toBeUndefined();
  });

  it('leaves French close calls unanswered', () => {
    for (const text of [
      'les poubelles passent le jour de Noël ?',
      'le tram circule le 14 juillet ?',
      'il y a une exception aux heures de calme pour le réveillon ?',
      'j’ai perdu ma carte de stationnement, comment avoir un duplicata ?',
      'on peut avoir la carte de stationnement résident pour une voiture de fonction ?',
      'le parking du centre commercial c’est combien par heure ?',
      'comment contester l’amende du contrôleur dans le tram ?',
      'quel est le délai d’attente pour un rendez-vous au centre de santé ?',
      'combien de temps faut attendre pour le ramassage des encombrants ?',
      'le centre de santé fait le tiers payant ?',
      'quand est-ce que l’ascenseur sera réparé ?',
      'on dépend de quelle école avec la carte scolaire ?',
      'on peut avoir le compte rendu de l’AG ?',
      'ils ont changé le mot de passe du wifi ?',
      'c’est quoi le fournisseur le moins cher pour l’électricité ?',
      'le conteneur à verre déborde, qui vient le vider ?',
      'le marché du dimanche est maintenu s’il pleut ?',
      'les encombrants passent au bout de combien de temps une fois le rendez-vous pris ?',
    ]) expect(answered(text, 'fr'), text).toBeUndefined();
  });

  it('still answers the entries’ own questions that share these words', () => {
    expect(answered('the bin is overflowing, when do they collect the rubbish?', 'en')).toBe(1);
    expect(answered('notre poubelle déborde, c’est quel jour le ramassage ?', 'fr')).toBe(1);
    expect(answered('how long does the residents parking permit take?', 'en')).toBe(11);
    expect(answered('how much is a replacement fob for the entrance?', 'en')).toBe(13);
    expect(answered('on voudrait faire l’AG de l’amicale dans la salle commune, à qui demander ?', 'fr')).toBe(10);
    expect(answered('me quedé fuera y el gestionnaire no contesta, qué hago?', 'es')).toBe(13);
  });
});
