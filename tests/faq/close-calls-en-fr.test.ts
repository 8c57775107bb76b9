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

describe('close calls beside the pets, garden, glass, permit, classes and parking entries (en/fr)', () => {
  it('reads each neighbouring subject the same in the five languages', () => {
    for (const word of ['lapin', 'conejo', 'кролик', 'أرنب']) expect(forms(word)).toEqual(forms('rabbit'));
    for (const word of ['perroquet', 'loro', 'папуга', 'ببغاء']) expect(forms(word)).toEqual(forms('parrot'));
    for (const word of ['engrais', 'fertilizante', 'добрива', 'مبيدات']) expect(forms(word)).toEqual(forms('pesticide'));
    for (const word of ['verre cassé', 'vidrios rotos', 'бите скло', 'زجاج مكسور']) expect(forms(word)).toEqual(forms('broken glass'));
    for (const word of ['périmée', 'caducado', 'прострочений']) expect(forms(word)).toEqual(forms('expired'));
    for (const word of ['deuxième voiture', 'segundo coche', 'друга машина']) expect(forms(word)).toEqual(forms('second car'));
    for (const word of ['test de niveau', 'prueba de nivel', 'тест на рівень']) expect(forms(word)).toEqual(forms('placement test'));
  });

  it('keeps the everyday words these subjects sit beside as they were', () => {
    // Cats and dogs are the entry's own; speed in Arabic "quickly" (بسرعة) is not the wifi's speed.
    expect(forms('cat')).not.toEqual(forms('rabbit'));
    expect(forms('chien')).not.toEqual(forms('lapin'));
    expect(forms('بسرعة')).not.toEqual(forms('speed'));
    expect(forms('water')).not.toEqual(forms('watering'));
    // Spanish "abono" is a transport pass, not fertiliser.
    expect(forms('abono')).not.toEqual(forms('engrais'));
  });

  it('leaves English close calls unanswered', () => {
    for (const text of [
      'can I keep a hamster in my flat?',
      'are budgies allowed in the building?',
      'is it ok to have a tortoise in the flat?',
      'can I use weedkiller on my garden plot?',
      'who waters my plot in the community garden when I’m on holiday?',
      'how big are the plots in the community garden?',
      'there is broken glass all over the pavement by the bottle bank, who do I tell?',
      'my residents parking permit has expired, is there a grace period?',
      'how much does it cost to park overnight at the shopping centre car park?',
      'are there toilets at the playground?',
      'do the french classes have a placement test?',
      'can I get a residents parking permit for a second car?',
      'are there french classes for teenagers at the community centre?',
      'can I put a broken drinking glass in the bottle bank?',
      'is the bottle bank emptied at night? it is so loud',
      'who fixes the broken swing? the swing is broken in Jardin des Lilas',
      'can I pay yearly for the residents parking permit?',
      'does the tram pass work on the night buses?',
      'can I register with a GP who speaks english?',
      'does the on-duty pharmacy do home delivery?',
      'can I send money abroad from the post office?',
      'can I park a trailer in the visitors spaces?',
    ]) expect(answered(text, 'en'), text).toBeUndefined();
  });

  it('leaves French close calls unanswered', () => {
    for (const text of [
      'est-ce qu’on peut avoir des oiseaux dans l’appartement ?',
      'j’ai une tortue, c’est autorisé dans l’immeuble ?',
      'on a le droit de mettre de l’engrais dans les parcelles du jardin partagé ?',
      'il y a du verre cassé partout près du conteneur à verre, qui nettoie ?',
      'ma carte de stationnement résident est périmée, j’ai un délai de grâce ?',
      'combien coûte le parking du centre commercial pour la nuit ?',
      'y a-t-il des toilettes à l’aire de jeux du jardin des Lilas ?',
      'il faut passer un test de niveau pour les cours de français ?',
      'on peut avoir une carte de stationnement résident pour une deuxième voiture ?',
      'y a-t-il des cours de français pour les ados ?',
      'on peut mettre un verre à vin cassé dans le conteneur à verre ?',
      'la balançoire est cassée au jardin des Lilas, qui prévenir ?',
      'l’abonnement de tram marche aussi pour le bus de nuit ?',
      'un médecin traitant qui parle anglais, ça existe ici ?',
      'le pharmacien de garde livre à domicile ?',
      'la poste fait le change de devises ?',
    ]) expect(answered(text, 'fr'), text).toBeUndefined();
  });

  it('still answers the entries’ own questions', () => {
    expect(answered('are dogs allowed in the building?', 'en')).toBe(25);
    expect(answered('les chats sont-ils autorisés dans l’immeuble ?', 'fr')).toBe(25);
    expect(answered('how can I get a plot in the community garden?', 'en')).toBe(32);
    expect(answered('where can I recycle glass bottles?', 'en')).toBe(4);
    expect(answered('how do I get a residents parking permit?', 'en')).toBe(11);
    expect(answered('are there free french classes for newcomers?', 'en')).toBe(30);
    expect(answered('what is the wifi password in the common room?', 'en')).toBe(9);
    // The bins being emptied is the collection days, not a bottle bank's emptying.
    expect(answered('what days do the bins get emptied here?', 'en')).toBe(1);
  });
});

// Neighbouring subjects a resident asks about next to an entry's place or thing, which its answer does not say: a
// barbecue in the courtyard, the tip for a business, the water meter, beehives on a garden plot, the market in the
// rain, one's own washing powder in the laundry, homemade food sold at the market, how many books one may borrow.
describe('close calls next to the entries’ places and things, in English and French', () => {
  it('leaves English close calls unanswered', () => {
    for (const text of [
      'is the recycling centre free for businesses?',
      'is the tip free for my business?',
      'how do I read my water meter?',
      'where is the water meter in my flat',
      'can i keep a beehive on the plot',
      'is the market on when it rains?',
      'is the market still on if it rains',
      'can I use my own washing powder in the laundry?',
      'can i sell homemade cakes at the market',
      'can we have a bbq in the courtyard?',
      'is there a limit on how many books I can borrow?',
    ]) expect(answered(text, 'en'), text).toBeUndefined();
  });

  it('leaves French close calls unanswered', () => {
    for (const text of [
      'la déchetterie c’est gratuit pour les pros ?',
      'la déchetterie accepte les professionnels ?',
      'comment relever mon compteur d’eau ?',
      'on peut avoir des ruches sur la parcelle ?',
      'le marché est maintenu s’il pleut ?',
      'je peux mettre ma propre lessive dans les machines ?',
      'je vends des gateaux fait maison au marché c possible',
      'on a le droit de faire un barbecue dans la cour ?',
      'je peux sous louer ma parcelle cet été',
      'combien de livres on peut emprunter ?',
    ]) expect(answered(text, 'fr'), text).toBeUndefined();
  });

  it('still answers the entries’ own questions next to these subjects', () => {
    expect(answered('where is the recycling centre and when is it open?', 'en')).toBe(3);
    expect(answered('how do I set up electricity and gas when I move into my flat?', 'en')).toBe(26);
    expect(answered('when and where is the market?', 'en')).toBe(21);
    expect(answered('how does the laundry room work?', 'en')).toBe(24);
    expect(answered('how can I get a plot in the community garden?', 'en')).toBe(32);
  });
});
