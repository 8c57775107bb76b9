// Rules that looked for words their text never holds: a word boundary after an accented letter (JavaScript's \b
// knows ASCII letters only, so "férié" never ends a word for it), and a marker word with a digit that the language
// guesser split. Each rule is shown firing on the text it runs on, on seen questions where the seen sets have one.
import { describe, expect, it } from 'vitest';
import { ASKS_BROKEN, ASKS_HOLIDAY, ASKS_OUTSIDER, ASKS_PAYER, askedIn, heldBy } from '../../src/features/faq/asks.js';
import * as A from '../../src/features/faq/asks.js';
import { fold } from '../../src/text/fold.js';
import { detectLanguage } from '../../src/text/language.js';
import { NEAR_TOPICS } from '../../src/text/near-topics.js';
import { tokenize } from '../../src/text/normalize.js';
import * as syn from '../../src/text/synonyms.js';
import { CONCEPTS_TOPICS } from '../../src/text/topics.js';

describe('rules on the text as written end a word after an accented letter', () => {
  it('reads a public holiday named "férié" alone (seen questions)', () => {
    expect(askedIn('le marché du jeudi il a lieu quand meme si c férié ?') & ASKS_HOLIDAY).toBe(ASKS_HOLIDAY);
    expect(askedIn("Mardi c'est férié, les éboueurs passent quand même hein ?") & ASKS_HOLIDAY).toBe(ASKS_HOLIDAY);
  });

  it('reads "no funcionó" as something that does not work, and "quién pagará" as who pays', () => {
    expect(askedIn('el badge no funcionó ayer') & ASKS_BROKEN).toBe(ASKS_BROKEN);
    expect(askedIn('quién pagará la reparación?') & ASKS_PAYER).toBe(ASKS_PAYER);
  });

  it('reads a single guest, "invité", in an answer', () => {
    expect(heldBy('Un invité peut réserver la salle avec un résident.', []) & ASKS_OUTSIDER).toBe(ASKS_OUTSIDER);
  });
});

describe('the asking patterns read a curly apostrophe as a straight one', () => {
  it('reads "qui s’en occupe" as whom to tell (a seen question, typed on a phone)', () => {
    const seen = "Bonjour, le wifi de la salle commune ne marche plus depuis hier soir, qui s'en occupe ?";
    expect(askedIn(seen.replace("'", '’')) & A.ASKS_CONTACT).toBe(A.ASKS_CONTACT);
  });
});

describe('the language guesser keeps digits in a word', () => {
  it('counts texting "any1" as English', () => {
    expect(detectLanguage('any1??')).toBe('en');
  });
});

describe('each kind of asking fires on a seen question, on the text as written', () => {
  const seen: [string, number, string][] = [
    ['ASKS_ANIMAL', A.ASKS_ANIMAL, 'عندي عصفور كناري، مسموح؟'],
    ['ASKS_BEST', A.ASKS_BEST, 'порадьте стоматолога'],
    ['ASKS_BROKEN', A.ASKS_BROKEN, 'الwifi voisins2024 ما عاد يشتغل، غيروا الmot de passe؟'],
    ['ASKS_CHANGE', A.ASKS_CHANGE, 'أين أجدد رخصة القيادة؟'],
    ['ASKS_CHARGE', A.ASKS_CHARGE, 'де поповнити рахунок на телефоні?'],
    ['ASKS_CLOCK', A.ASKS_CLOCK, 'what time are quiet hours'],
    ['ASKS_CONSULATE', A.ASKS_CONSULATE, 'pa renovar el pasaporte peruano tengo q ir a la mairie o al consulado?'],
    ['ASKS_CONTACT', A.ASKS_CONTACT, 'المصعد معطل، لمين لازم أبلغ؟'],
    ['ASKS_COUNT', A.ASKS_COUNT, 'cuantas personas caben en la sala común?'],
    ['ASKS_DURATION', A.ASKS_DURATION, 'تصريح الوقوف للسكان بياخد قديش وقت ليطلع؟'],
    ['ASKS_HOLIDAY', A.ASKS_HOLIDAY, 'le tram circule le 1er mai ?'],
    ['ASKS_MID_YEAR', A.ASKS_MID_YEAR, 'وصلنا فجانفي، الولد يقدر يدخل المدرسة دابا ولا لازم نستناو سبتمبر؟'],
    ['ASKS_OPEN_DAY', A.ASKS_OPEN_DAY, 'pharmcy open sunday'],
    ['ASKS_OUTSIDER', A.ASKS_OUTSIDER, 'نقدر نحجز الsalle commune لخويا ماشي ساكن فالعمارة؟ بقداش؟'],
    ['ASKS_PAYER', A.ASKS_PAYER, 'مين بيدفع تصليح الchauffe-eau، أنا ولا المالك؟'],
    ['ASKS_PRICE', A.ASKS_PRICE, '¿Cuánto cuesta la secadora?'],
    ['ASKS_RATE', A.ASKS_RATE, 'how much is it per hour on Mill Lane?'],
    ['ASKS_REPLACE', A.ASKS_REPLACE, 'المصعد ليش دايما بيتعطل؟ امتى رح يغيروه؟'],
    ['ASKS_RETURN', A.ASKS_RETURN, 'can i return library books on a monday when its closed, is there a drop box?'],
    ['ASKS_SENIOR', A.ASKS_SENIOR, 'є знижка на проїзний для пенсіонерів?'],
    ['ASKS_SIZE', A.ASKS_SIZE, 'який розмір ділянки в спільному городі? скільки там метрів?'],
    ['ASKS_SPEED', A.ASKS_SPEED, 'wifi in the common room is soooo slow tonight, is it down or just me'],
    ['ASKS_WHY', A.ASKS_WHY, 'المصعد ليش دايما بيتعطل؟ امتى رح يغيروه؟'],
    ['ASKS_WITHOUT', A.ASKS_WITHOUT, 'в черговій аптеці можна купити антибіотики без рецепта?'],
  ];
  it.each(seen)('%s', (_name, kind, question) => {
    expect(A.askedIn(question) & kind).toBe(kind);
  });
});

describe('each phrase of the tokenizer fires on a seen question, on folded text', () => {
  const seen: [string, string][] = [
    ['motdepasse', 'mot de pass wifi'],
    ['postoffice', 'post office hours?'],
    ['townhall', 'where is the city hall'],
    ['townhall', "Bonjour, je dois refaire mon passeport. L'hôtel de ville est-il ouvert le samedi matin ?"],
    ['playground', 'aire de jeux ?'],
    ['washingmachine', 'How do the washing machines work?'],
    ['washingmachine', 'où sont les machines à laver ?'],
    ['dryer', "le sèche-linge c'est combien ?"],
    ['lockedout', 'locked out, what do I do?'],
    ['broken', 'The lift is out of order again'],
    ['broken', 'heating not working'],
    ['broken', "Bonjour, le wifi de la salle commune ne marche plus depuis hier soir, qui s'en occupe ?"],
    ['pickup', 'missed a delivery, where do i pick up my package'],
    ['register', 'sign up with a family doctor'],
    ['idcard', "when's the town hall open? need to do my new ID card"],
    ['bin', 'what time do the binmen actually come on tuesdays? they woke me up at 5am lol'],
    ['firebrigade', 'whats the number for the fire brigade'],
    ['fleamarket', 'is there a flea market somewhere'],
    ['fleamarket', 'para el vide-grenier, cómo se reserva un puesto para vender cosas?'],
    ['relaypoint', 'où est le point relais'],
    ['registrationdocument', "Comment on change l'adresse sur la carte grise après un déménagement ?"],
    ['basement', 'Buanderie du sous-sol, on paie comment déjà ?'],
    ['wifi', "what's the wi-fi code in the common room"],
    ['weekend', 'il y a des bus de nuit le week-end ?'],
    ['weekend', 'أهل جوزي جايين نهاية الأسبوع، وين ممكن يصفّوا سيارتهم؟ ما عندهم تصريح طبعا'],
    // "marché" with its accent, read before folding; no seen question writes "le marche" without it.
    ['market', 'c quand le marché ?'],
    ['online', "est-ce qu'on peut faire sa carte grise à la mairie ou c'est que sur internet maintenant ?"],
    ['online', "c'est quoi la meilleure banque en ligne quand on est étranger ?"],
  ];
  it.each(seen)('%s', (token, question) => {
    expect(tokenize(question)).toContain(token);
  });
});

describe('the lexicon', () => {
  // The analyzer's lists, in its order: the first list to give a word its concept wins.
  const lists = [syn.CONCEPTS, syn.CONCEPTS_MORE, syn.CONCEPTS_EVERYDAY, syn.OTHER_TOPICS, NEAR_TOPICS,
    syn.CONCEPTS_DETAILS, syn.OTHER_TOPICS_MORE, syn.CONCEPTS_SPOKEN, CONCEPTS_TOPICS];

  it('lists no words that, once tokens lose their one-letter words or a phrase is rewritten, another concept has', () => {
    const owner = new Map<string, string>();
    const shadowed: string[] = [];
    for (const list of lists) {
      for (const [concept, words] of Object.entries(list)) {
        for (const written of words) {
          const key = tokenize(written).join(' ');
          const first = owner.get(key);
          if (first === undefined) owner.set(key, concept);
          else if (first !== concept && fold(written).split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ') !== key) {
            shadowed.push(`${concept}: "${written}" is "${key}" of ${first}`);
          }
        }
      }
    }
    expect(shadowed).toEqual([]);
  });
});
