// Words of an entry's topic in the dialects (src/text/topics.ts), phrases whose words alone read as another concept,
// and words of the setting around a question (src/text/stopwords-informal.ts) that read as a topic no entry has.
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/features/faq/analyze.js';
import { answered, forms } from './lib/fixture-index.js';

const read = (text: string) => analyzeQuery(text).map((w) => w.forms);

describe('dialect words of an entry topic', () => {
  it('reads the Maghrebi "بيكالة" as a bike, not a verb with a spoken present prefix', () => {
    expect(forms('البيكالة')).toEqual(forms('bike'));
    expect(forms('بيكالتي')).toEqual(forms('bike'));
    expect(answered('وين نخلي البيكالة ديالي؟', 'ar')).toBe(14);
  });

  it('reads "البروكانت" (the brocante) as the market', () => {
    expect(forms('البروكانت')).toEqual(forms('market'));
  });

  it('reads the Maghrebi "شحال الساعة" as asking the time, not a price', () => {
    expect(read('شحال الساعة')).toEqual([forms('hours')]);
  });
});

describe('phrases whose words alone read as another concept', () => {
  it('reads "bloquer des places" as reserving, not being stuck', () => {
    expect(read('bloquer des places')).toEqual([forms('reserve')]);
    expect(read('bloquer une place')).toEqual([forms('reserve')]);
  });

  it('reads the Ukrainian "куди їх діти" (where to put them) as getting rid of, not children', () => {
    expect(read('куди їх діти')).toEqual([forms('викидати')]);
    expect(read('куди це все діти')).toEqual([forms('викидати')]);
    expect(read('діти')).toEqual([forms('child')]);
  });
});

describe('words of the setting', () => {
  it('drops the stairs and the corridor, which are no climbing wall and no leak', () => {
    expect(read('en la escalera')).toEqual([]);
    expect(read('بالدرج')).toEqual([]);
    expect(read('فالدروج')).toEqual([]);
    expect(read('dans le couloir')).toEqual([]);
    expect(answered('donde guardo la bici? en la escalera no se puede', 'es')).toBe(14);
  });
});

describe('words that read as another concept through a shared stem', () => {
  it('reads "courrier" as the post and "élèves" as school, not a class or the lift', () => {
    expect(forms('courrier')).toEqual(forms('poste'));
    expect(forms('élèves')).toEqual(forms('école'));
  });

  it('reads the Latin American "michi" (a cat) as a pet, not bread', () => {
    expect(forms('michi')).toEqual(forms('pet'));
  });

  it('drops "bon courage", "faire partie", "un collègue", "aparte", "el primer día" and "closer" (nearer)', () => {
    expect(read('bon courage')).toEqual([]);
    expect(read('faire partie')).toEqual([]);
    expect(read('un collègue')).toEqual([]);
    expect(read('aparte')).toEqual([]);
    expect(read('el primer')).toEqual([]);
    expect(read('something closer')).toEqual([]);
  });
});

describe('what they ask for', () => {
  it('drops the Arabic "they ask for" (بيطلبوا), which is no booking', () => {
    expect(read('بيطلبوا')).toEqual([]);
    expect(read('يطلبون')).toEqual([]);
  });
});

describe('Ukrainian and Arabic words read as another concept through a shared stem', () => {
  it('drops "швидко" (quickly), "синій" (blue), "метрів", "водити" and "нічо", which are no ambulance, son, metro, water or night', () => {
    for (const word of ['швидко', 'синій', 'метрів', 'водити', 'нічо']) expect(read(word)).toEqual([]);
    expect(forms('швидку')).toEqual(forms('ambulance'));
  });

  it('reads "полицю" (a shelf) as furniture, not the police', () => {
    expect(forms('полицю')).toEqual(forms('furniture'));
  });

  it('drops the Arabic "العطلة" (the holidays), "حوالينا" (around us), "اصلا" and "تعبنا", which are no breakdown, transfer, call or top-up', () => {
    for (const word of ['العطلة', 'بالعطلة', 'حوالينا', 'اصلا', 'تعبنا']) expect(read(word)).toEqual([]);
    expect(read('عطلة رسمية')).toEqual([forms('public holiday')]);
  });

  it('reads "الحيوانات الأليفة" as pets', () => {
    expect(read('الحيوانات الأليفة')).toEqual([forms('pet')]);
    expect(answered('الصيدليات اللي حوالينا كلها مسكرة، مين فاتح بالليل؟', 'ar')).toBe(6);
  });
});

describe('Spanish: the email of a person, and "junto a"', () => {
  it('reads "el correo de la gestora" as her email (contact), not the post office', () => {
    expect(read('el correo de la')).toEqual([forms('contact')]);
    expect(answered('me pasan el correo de la administradora del edificio?', 'es')).toBe(16);
  });

  it('drops "junto" (next to) and "trottoir", which are no meeting and no scooter', () => {
    expect(read('junto')).toEqual([]);
    expect(read('sur le trottoir')).toEqual([]);
  });
});

describe('family who come to stay', () => {
  it('reads in-laws, "my folks" and "vient passer une semaine" as visitors, not a collection', () => {
    expect(read('belle-mère')).toEqual([forms('visitor')]);
    expect(read('mother-in-law')).toEqual([forms('visitor')]);
    expect(read('my folks')).toEqual([forms('visitor')]);
    expect(read('vient passer')).toEqual([forms('visitor')]);
    expect(answered('mon beau-père vient passer quelques jours avec sa voiture, il peut se garer où ?', 'fr')).toBe(12);
  });
});

describe('Arabic small talk', () => {
  it('drops "معايا" (with me), "ووش", "خاوتي" (brothers), "بصراحة" (honestly), "مسا" and "معلش" (sorry)', () => {
    for (const word of ['معايا', 'ووش', 'خاوتي', 'بصراحة', 'مسا', 'معلش']) expect(read(word)).toEqual([]);
  });
});
