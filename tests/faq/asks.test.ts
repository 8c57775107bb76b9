import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/features/faq/analyze.js';
import {
  ASKS_ANIMAL,
  ASKS_BEST,
  ASKS_CLOCK,
  ASKS_CONTACT,
  ASKS_DURATION,
  ASKS_HOLIDAY,
  ASKS_NUMBER,
  ASKS_PRICE,
  ASKS_SIZE,
  ASKS_TIME,
  askedBy,
  askedIn,
  heldBy,
} from '../../src/features/faq/asks.js';
import { FaqIndex, answerQuestion } from '../../src/features/faq/match.js';

const held = (text: string, lang = 'en'): number => heldBy(text, analyze(text, lang));

describe('what an answer holds', () => {
  it('finds phone numbers, not times, prices or words with digits', () => {
    expect(held('Call 01 23 45 67 89 to book.') & ASKS_NUMBER).toBe(ASKS_NUMBER);
    expect(held('Dial 112 from any phone.') & ASKS_NUMBER).toBe(ASKS_NUMBER);
    expect(held('Open 9:00-18:00.') & ASKS_NUMBER).toBe(0);
    expect(held('The permit costs 150 euros.') & ASKS_NUMBER).toBe(0);
    expect(held('Password: voisins2024.') & ASKS_NUMBER).toBe(0);
  });

  it('finds prices (an amount or free) and days or hours', () => {
    expect(held('It is 2 euros a wash.') & ASKS_PRICE).toBe(ASKS_PRICE);
    expect(held('It is free for residents.') & ASKS_PRICE).toBe(ASKS_PRICE);
    expect(held('Ask the manager.') & ASKS_PRICE).toBe(0);
    expect(held('Collected on Tuesday mornings.') & ASKS_TIME).toBe(ASKS_TIME);
    expect(held('Quiet after 10 pm.') & ASKS_TIME).toBe(ASKS_TIME);
    expect(held('Ask the manager for a badge.') & ASKS_TIME).toBe(0);
  });

  it('reads what is asked from the aspects of the query', () => {
    expect(askedBy('#hours')).toBe(ASKS_TIME);
    expect(askedBy('#price')).toBe(ASKS_PRICE);
    expect(askedBy('#number')).toBe(ASKS_NUMBER);
    expect(askedBy('#bin')).toBe(0);
  });
});

describe('the matcher and what is asked', () => {
  const index = new FaqIndex([
    { id: 1, translations: [{ lang: 'en', question: 'When are the bins collected?', answer: 'On Tuesday and Friday mornings.' }] },
    { id: 2, translations: [{ lang: 'en', question: 'Where is the bike room?', answer: 'In the basement; ask for a badge.' }] },
    {
      id: 3,
      translations: [{ lang: 'en', question: 'Where do glass bottles go?', answer: 'In the bottle bank by the supermarket, not after 10 pm.' }],
    },
    { id: 4, translations: [{ lang: 'en', question: 'How does the laundry room work?', answer: 'Pay with the resident card, 2 euros a wash.' }] },
    { id: 5, translations: [{ lang: 'en', question: 'Where can I buy a bus pass?', answer: 'At the transport agency next to the station.' }] },
  ]);

  it('marks an entry that holds the days or hours asked for, and not one that does not', () => {
    const [top] = index.search('what day are the bins collected?', { lang: 'en' });
    expect(top?.entryId).toBe(1);
    expect(top?.holdsAsked).toBe(true);
    const [bike] = index.search('what time is the bike room open?', { lang: 'en' });
    expect(bike?.entryId).toBe(2);
    expect(bike?.holdsAsked).toBe(false);
  });

  it('marks an entry that holds the price asked for, and not one that names no price', () => {
    const [laundry] = index.search('how much is a wash in the laundry room?', { lang: 'en' });
    expect(laundry?.entryId).toBe(4);
    expect(laundry?.holdsAsked).toBe(true);
    const [pass] = index.search('how much is a bus pass?', { lang: 'en' });
    expect(pass?.entryId).toBe(5);
    expect(pass?.holdsAsked).toBe(false);
  });

  it('does not count the days or hours of an entry that names the topic only in passing, in its answer', () => {
    const [top] = index.search('what time does the supermarket close?', { lang: 'en' });
    expect(top?.entryId).toBe(3);
    expect(top?.holdsAsked).toBe(false);
    const [glass] = index.search('what time can I take glass bottles?', { lang: 'en' });
    expect(glass?.entryId).toBe(3);
    expect(glass?.holdsAsked).toBe(true);
  });
});

describe('how long something takes', () => {
  it('reads "how long" in the five languages, not "how" or "when" alone', () => {
    for (const text of [
      'how long does the pickup take once booked?',
      'combien de temps faut attendre pour un rdv ?',
      'cuanto tardan en hacer el pasaporte?',
      'скільки зазвичай чекати поки приїдуть?',
      'عادة بعد كم يوم بيجوا؟',
    ]) {
      expect(askedIn(text)).toBe(ASKS_DURATION);
    }
    expect(askedIn('how do I book a pickup?')).toBe(0);
    expect(askedIn('when is the town hall open?')).toBe(0);
  });

  it('finds a duration in an answer, not a clock time or a weekday', () => {
    expect(held('It takes 1-5 days.') & ASKS_DURATION).toBe(ASKS_DURATION);
    expect(held('Write at least a week ahead.') & ASKS_DURATION).toBe(ASKS_DURATION);
    expect(held('Au moins 10 jours avant.', 'fr') & ASKS_DURATION).toBe(ASKS_DURATION);
    expect(held('Open Monday to Friday 8:30-17:00.') & ASKS_DURATION).toBe(0);
  });

  const index = new FaqIndex([
    {
      id: 1,
      translations: [{ lang: 'en', question: 'How do I get rid of bulky items?', answer: 'Book a free bulky waste pickup on the council website.' }],
    },
    {
      id: 2,
      translations: [{ lang: 'en', question: 'How do I get a parking permit?', answer: 'Apply online; the permit is ready in about a week.' }],
    },
  ]);

  it('does not answer "how long" with an entry that gives no duration', () => {
    const how = answerQuestion(index, 'how do I get rid of bulky items?');
    expect(how.kind === 'answer' && how.entryId).toBe(1);
    expect(answerQuestion(index, 'how long does the bulky items pickup take?').kind).toBe('none');
  });

  it('answers "how long" with an entry that gives one', () => {
    const permit = answerQuestion(index, 'how long does it take to get a parking permit?');
    expect(permit.kind === 'answer' && permit.entryId).toBe(2);
  });
});

describe('a public holiday', () => {
  it('reads holidays in the five languages, not birthdays, parties or weekends', () => {
    for (const text of [
      'are the bins collected on the bank holiday?',
      'les éboueurs passent les jours fériés ?',
      'el dia de navidad pasa el camion de la basura?',
      'чи вивозять сміття на Різдво?',
      'هل يجمعون القمامة في العيد؟',
    ]) {
      expect(askedIn(text)).toBe(ASKS_HOLIDAY);
    }
    expect(askedIn('كيف أحجز القاعة لحفلة عيد ميلاد؟')).toBe(0);
    expect(askedIn('хочу зробити невелике свято для сина в залі')).toBe(0);
    expect(askedIn('на вихідних до нас приїжджають друзі')).toBe(0);
  });

  const index = new FaqIndex([
    { id: 1, translations: [{ lang: 'en', question: 'When are the bins collected?', answer: 'On Tuesday and Friday mornings.' }] },
    {
      id: 2,
      translations: [
        { lang: 'en', question: 'Which pharmacy is on duty?', answer: 'On Sundays and public holidays, see the list at the town hall.' },
      ],
    },
  ]);

  it('does not answer a holiday with an entry that gives the usual days only', () => {
    const usual = answerQuestion(index, 'when are the bins collected?');
    expect(usual.kind === 'answer' && usual.entryId).toBe(1);
    expect(answerQuestion(index, 'are the bins collected on the bank holiday?').kind).toBe('none');
  });

  it('answers a holiday with an entry that names holidays', () => {
    const duty = answerQuestion(index, 'which pharmacy is on duty on the bank holiday?');
    expect(duty.kind === 'answer' && duty.entryId).toBe(2);
  });
});

describe('whom to tell, what time, what it costs, which animal, which is best', () => {
  it('reads whom to tell or call in the five languages, not a plain "who"', () => {
    for (const text of [
      'the bottle bank is overflowing, who do we even report this to?',
      'wifi salle commune rame, qui s\'en occupe ?',
      'el contenedor está desbordado, a quien se avisa?',
      'вайфай дуже повільний, кому про це сказати?',
      'الويفي طايح، شكون كيصلحو؟',
    ]) {
      expect(askedIn(text) & ASKS_CONTACT).toBe(ASKS_CONTACT);
    }
    expect(askedIn('who has the wifi password?') & ASKS_CONTACT).toBe(0);
  });

  it('reads a clock time asked, not a day', () => {
    for (const text of ['what time does the supermarket close?', 'jusqu\'à quelle heure ouvre le parc ?', 'hasta qué hora abre?',
      'до котрої відкритий парк?', 'لأي ساعة بيفتح؟']) {
      expect(askedIn(text) & ASKS_CLOCK).toBe(ASKS_CLOCK);
    }
    expect(askedIn('which day are the bins collected?') & ASKS_CLOCK).toBe(0);
    expect(askedIn('до скількох років діє знижка?') & ASKS_CLOCK).toBe(0);
  });

  it('reads what something costs, not "how much notice"', () => {
    for (const text of ['how much is a monthly tram pass?', 'combien coûte le badge ?', 'la farmacia cobra algo extra?',
      'скільки коштує посилка?', 'الجديد بكام؟']) {
      expect(askedIn(text) & ASKS_PRICE).toBe(ASKS_PRICE);
    }
    expect(askedIn('how much notice do I need to give?') & ASKS_PRICE).toBe(0);
  });

  it('reads animals other than cats and dogs, not glass or a fishmonger', () => {
    for (const text of ['are rabbits ok in the flats?', 'on peut avoir un lapin ?', 'عندي عصفور كناري، مسموح؟', 'а папугу можна тримати?']) {
      expect(askedIn(text) & ASKS_ANIMAL).toBe(ASKS_ANIMAL);
    }
    expect(askedIn('can I have a dog here?') & ASKS_ANIMAL).toBe(0);
    expect(askedIn('وين أرمي قناني الزجاج؟') & ASKS_ANIMAL).toBe(0);
    expect(askedIn('y a un bon poissonnier au marché ?') & ASKS_ANIMAL).toBe(0);
  });

  it('reads the best or cheapest asked, not "better"', () => {
    for (const text of ['which supplier is the cheapest?', 'que compañia de luz es la mas barata?', 'який постачальник найдешевший?']) {
      expect(askedIn(text) & ASKS_BEST).toBe(ASKS_BEST);
    }
    expect(askedIn('mejor saberlo antes, que número llamo?') & ASKS_BEST).toBe(0);
  });

  it('finds someone to address, a clock time, an animal, a recommendation in an answer', () => {
    expect(held('Report it to the building manager.') & ASKS_CONTACT).toBe(ASKS_CONTACT);
    expect(held('Call 0 800 123 456.') & ASKS_CONTACT).toBe(ASKS_CONTACT);
    expect(held('In the green bottle banks by the supermarket.') & ASKS_CONTACT).toBe(0);
    expect(held('Open 9:00-18:00.') & ASKS_CLOCK).toBe(ASKS_CLOCK);
    expect(held('Free on Sundays.') & ASKS_CLOCK).toBe(0);
    expect(held('Cats and small dogs are allowed.') & ASKS_ANIMAL).toBe(0);
    expect(held('Rabbits and birds are allowed.') & ASKS_ANIMAL).toBe(ASKS_ANIMAL);
    expect(held('Cheapest plans are online.') & ASKS_BEST).toBe(ASKS_BEST);
    expect(held('Choose any supplier.') & ASKS_BEST).toBe(0);
  });

  const index = new FaqIndex([
    { id: 1, translations: [{ lang: 'en', question: 'Where do glass bottles go?', answer: 'In the green bottle banks by the supermarket.' }] },
    { id: 2, translations: [{ lang: 'en', question: 'The lift is broken, who should I tell?', answer: 'Call the lift company on 0 800 555 010.' }] },
    { id: 3, translations: [{ lang: 'en', question: 'Where is the playground?', answer: 'In the Jardin des Lilas, 3 minutes away.' }] },
    { id: 4, translations: [{ lang: 'en', question: 'When is the library open?', answer: 'Tuesday to Saturday 10:00-18:00.' }] },
    { id: 5, translations: [{ lang: 'en', question: 'Where can I buy a tram pass?', answer: 'At the transport agency next to the station.' }] },
    { id: 6, translations: [{ lang: 'en', question: 'How does the laundry work?', answer: 'Pay with the resident card, 2 euros a wash.' }] },
    { id: 7, translations: [{ lang: 'en', question: 'Are pets allowed in the building?', answer: 'Cats and small dogs are allowed.' }] },
    { id: 8, translations: [{ lang: 'en', question: 'How do I set up electricity?', answer: 'Choose any supplier and give them the meter number.' }] },
    { id: 9, translations: [{ lang: 'en', question: 'Where can I buy a SIM card?', answer: 'At the phone shops; the cheapest plans are online.' }] },
  ]);
  const answered = (text: string): number | false => {
    const result = answerQuestion(index, text);
    return result.kind === 'answer' && result.entryId;
  };

  it('does not answer with an entry whose answer lacks what is asked', () => {
    expect(answered('where do glass bottles go?')).toBe(1);
    expect(answered('the glass bottle bank is overflowing, who do I report it to?')).toBe(false);
    expect(answered('where is the playground?')).toBe(3);
    expect(answered('until what time is the playground open?')).toBe(false);
    expect(answered('where can I buy a tram pass?')).toBe(5);
    expect(answered('how much is a tram pass?')).toBe(false);
    expect(answered('are pets allowed in the building?')).toBe(7);
    expect(answered('are pets like rabbits allowed in the building?')).toBe(false);
    expect(answered('how do I set up electricity?')).toBe(8);
    expect(answered('which electricity supplier is the cheapest?')).toBe(false);
  });

  it('answers with an entry whose answer holds it', () => {
    expect(answered('the lift is broken, who do I report it to?')).toBe(2);
    expect(answered('what time is the library open?')).toBe(4);
    expect(answered('how much is a wash in the laundry?')).toBe(6);
    expect(answered('where can I buy the cheapest SIM card?')).toBe(9);
  });
});

describe('whom to call, held by an entry about the question', () => {
  const entries = JSON.parse(
    readFileSync(new URL('../fixtures/faq/entries.json', import.meta.url), 'utf8'),
  ) as ConstructorParameters<typeof FaqIndex>[0];
  const index = new FaqIndex(entries);

  it('counts an answer naming whom to call as evidence when the question asks it', () => {
    for (const text of [
      'salut, il y a une fuite sous mon évier depuis ce matin, je préviens qui ?',
      "Radiators stone cold and it's 9pm on a friday, who do I ring??",
    ]) {
      const result = answerQuestion(index, text);
      expect(result.kind === 'answer' && result.entryId).toBe(17);
    }
  });

  it('does not read handing found keys to someone as asking whom to call', () => {
    expect(askedIn('لقيت ربطة مفاتيح عالدرج بالطابق 4 🔑 لمين بسلمها؟') & ASKS_CONTACT).toBe(0);
    expect(answerQuestion(index, 'لقيت ربطة مفاتيح عالدرج بالطابق 4 🔑 لمين بسلمها؟').kind).toBe('none');
  });
});

describe('a size', () => {
  it('reads a size asked, not a playground', () => {
    expect(askedIn('який розмір ділянки в спільному городі? скільки там метрів?') & ASKS_SIZE).toBe(ASKS_SIZE);
    expect(askedIn('how big is a garden plot?') & ASKS_SIZE).toBe(ASKS_SIZE);
    expect(askedIn('де найближча дитяча площадка?') & ASKS_SIZE).toBe(0);
  });

  const index = new FaqIndex([
    { id: 1, translations: [{ lang: 'en', question: 'How can I get a garden plot?', answer: 'Put your name on the waiting list at the garden shed.' }] },
    { id: 2, translations: [{ lang: 'en', question: 'How do I book the common room?', answer: 'Write to the manager; it holds 30 people.' }] },
  ]);

  it('does not answer a size with an entry that gives none', () => {
    expect(answerQuestion(index, 'how big is a garden plot?').kind).toBe('none');
    expect(held('Write to the manager; it holds 30 people.') & ASKS_SIZE).toBe(ASKS_SIZE);
    expect(held('Put your name on the waiting list.') & ASKS_SIZE).toBe(0);
  });
});
