// A close call asks about a subject beside an entry's topic that no entry answers (NEAR_TOPICS) around the entry's topic
// words: the entry then needs NEAR_TOPIC_ASKED_FLOOR, not ANSWER_FLOOR, to be answered on its lead alone (match.ts).
import { describe, expect, it } from 'vitest';
import {
  ANSWER_FLOOR,
  ANSWER_MARGIN,
  NEAR_TOPIC_ASKED_FLOOR,
  clearlyAhead,
  type FaqMatch,
} from '../../src/features/faq/match.js';
import { answered, index } from './lib/fixture-index.js';

const match = (over: Partial<FaqMatch>): FaqMatch => ({
  entryId: 1,
  score: 0.5,
  confidence: 0.5,
  matchedLang: 'en',
  anchored: true,
  unknownWords: 0,
  sharedWords: 1,
  missedTopics: 0,
  otherTopics: 1,
  ...over,
});

describe('the floor when what is asked names a subject beside the entry\'s that no entry answers', () => {
  it('sits between the plain floor and the threshold', () => {
    expect(NEAR_TOPIC_ASKED_FLOOR).toBeGreaterThan(ANSWER_FLOOR);
    const second = match({ entryId: 2, confidence: 0.1, anchored: true });
    const top = match({ confidence: (ANSWER_FLOOR + NEAR_TOPIC_ASKED_FLOOR) / 2 });
    expect(top.confidence - second.confidence).toBeGreaterThan(ANSWER_MARGIN);
    expect(clearlyAhead(top, second)).toBe(true);
    expect(clearlyAhead({ ...top, askedNearTopics: 1 }, second)).toBe(false);
    expect(clearlyAhead({ ...top, askedNearTopics: 1, confidence: NEAR_TOPIC_ASKED_FLOOR }, second)).toBe(true);
  });

  it('counts only the sentences that ask when others do not', () => {
    // The fence is in the question; in the second message, only in the sentence around it.
    const asked = index.search('is the playground in Jardin des Lilas fenced in? my toddler is a runner', { lang: 'en' })[0];
    expect(asked?.askedNearTopics).toBeGreaterThan(0);
    const around = index.search('the playground in Jardin des Lilas is fenced in now 👍 what time does it close?', {
      lang: 'en',
    })[0];
    expect(around?.askedNearTopics ?? 0).toBe(0);
  });

  it('leaves out the topics no entry has that are not beside an entry\'s (a gym, a university)', () => {
    const gym = index.search('lost my building fob somewhere between the gym and home, how much is a new one', {
      lang: 'en',
    })[0];
    expect(gym?.askedNearTopics ?? 0).toBe(0);
    expect(answered('lost my building fob somewhere between the gym and home, how much is a new one and where do I get it?', 'en')).toBe(13);
  });
});

describe('close calls that ask what the entry does not explain stay unanswered', () => {
  it.each([
    ['en', 'can we get the common room wifi password changed? pretty sure half the street has it by now'],
    ['en', 'how much per hour is parking on mill lane? in-laws staying the weekend'],
    ['en', 'is the playground in Jardin des Lilas fenced in? my toddler is a runner'],
    ['fr', 'la pharmacie de garde la nuit c plus cher ? y a un supplement a payer ?'],
    ['fr', 'le wifi de la salle commune il est assez rapide pour faire des visios en teletravail ?'],
    ['fr', "les cours de français du centre social, ils donnent un certificat de niveau ? j'ai besoin du B1 pour ma naturalisation"],
    ['es', 'la pharmacie de garde te puede dar antibioticos sin ordonnance? tengo una angina horrible'],
    ['es', 'si se rompe algo en la salle commune durante la fiesta quien paga? hay q dejar caution?'],
    ['ar', 'الpharmacie de garde تقدر تعطيني دوا بلا ordonnance بالليل؟'],
    ['ar', 'اكو city stade أو ملعب كورة للولاد الكبار بالحي؟'],
    ['uk', 'скільки коштує година паркінгу на rue du Moulin? батьки приїжджають на тиждень'],
    ['uk', 'скільки речей можна виставити на encombrants за раз? в мене диван, шафа і 2 матраци'],
  ])('%s: %s', (lang, text) => {
    expect(answered(text, lang)).toBeUndefined();
  });
});

describe('questions whose entry leads clearly are still answered', () => {
  it.each([
    ['fr', "On déménage le 15 avec un camion de location, comment on réserve une place devant l'immeuble pour le jour J ?", 33],
    ['fr', 'Le livreur est passé pendant que j\'étais chez le kiné, le colis sera dispo à partir de quand ? 📦', 19],
    ['es', 'Mi hermana viene a visitarme en coche el domingo, donde puede aparcar sin que la multen?', 12],
    ['es', 'hola! primera vez que voy a lavar ropa abajo, como funcionan las lavadoras? monedas o tarjeta? hay que reservar?', 24],
    ['ar', 'كيف بتشتغل غرفة الغسيل تحت؟ بالكاش ولا بالكرت؟', 24],
    ['uk', 'Добрий вечір! Ми переїжджаємо 20-го, як зарезервувати місце на вулиці для вантажівки з речами? Заздалегідь треба?', 33],
    ['en', "Hey, our residents' association wants to meet in the common room once a month – how far in advance do we need to book and until what time can we stay?", 10],
    ['en', 'My folks are flying in from Ohio next week and renting a car - where can they park it while they stay with us? Can they just use the courtyard?', 12],
  ])('%s: %s', (lang, text, entry) => {
    expect(answered(text, lang)).toBe(entry);
  });
});
