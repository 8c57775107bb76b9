// How Ukrainian is read in round 14: a question about which neighbour did something is small talk, "куди дзвонити?"
// asks whom to call, the western "вінда" is the lift, and a verb in the past tense is read as its infinitive; what a
// close call asks (who restarts the wifi, a lower charge, paid or free, open on Sunday) that its entry does not say;
// real questions of the seen sets, and close calls and chatter left unanswered.
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/features/faq/analyze.js';
import { askedIn, ASKS_CLOCK, ASKS_CONTACT, ASKS_PRICE } from '../../src/features/faq/asks.js';
import { autoAnswer } from '../../src/features/faq/match.js';
import { isQuestion } from '../../src/features/faq/question.js';
import { answered, forms, index, termsOf } from './lib/fixture-index.js';

describe('"who" and a verb in the past tense', () => {
  it('asks which neighbour did something, not what the FAQ says', () => {
    expect(isQuestion('хто сьогодні був на ринку, полуниця просто бомба', 'uk')).toBe(false);
    expect(isQuestion('хто залишив пиріг у спільній кімнаті? дуже смачний, дякую!', 'uk')).toBe(false);
    expect(isQuestion('хто виграв матч учора?', 'uk')).toBe(false);
  });

  it('is not auto-answered, though it names an entry\'s topic', () => {
    expect(autoAnswer(index, 'хто сьогодні був на ринку, полуниця просто бомба 🍓 трускавки як у бабці', { group: 'uk' })).toBeUndefined();
  });

  it('leaves "who" in the present, and a second question, asking', () => {
    expect(isQuestion('хто ремонтує ліфт?', 'uk')).toBe(true);
    expect(isQuestion('хто знає де пошта', 'uk')).toBe(true);
    expect(isQuestion('хто відповідав за ліфт? і кому дзвонити?', 'uk')).toBe(true);
  });
});

describe('"куди дзвонити?" (where do I call)', () => {
  it('asks whom to call, which the repairs and the emergency numbers say', () => {
    expect(answered('в мене тече труба під раковиною а зараз 11 вечора куди дзвонити терміново капає на підлогу', 'uk')).toBe(17);
    expect(answered('Люди, питання може й дурне, але я постійно плутаюсь: куди дзвонити якщо пожежа, 18 чи 112? У нас вдома було 101 і все просто 😅', 'uk')).toBe(7);
  });
});

describe('Ukrainian words for the lift and verbs in the past tense', () => {
  it('reads the western "вінда" as the lift in its cases', () => {
    expect(forms('вінда')).toEqual(forms('ліфт'));
    expect(forms('вінду')).toEqual(forms('ліфт'));
    expect(forms('віндою')).toEqual(forms('ліфт'));
  });

  it('reads a verb in the past tense as its infinitive', () => {
    expect(forms('зламалася')).toEqual(forms('зламатися'));
    expect(forms('полагодили')).toEqual(forms('полагодити'));
    expect(forms('записалась')).toEqual(forms('записатися'));
  });

  it('leaves the nouns that end like one as they are', () => {
    expect(forms('правила')).toEqual(forms('правил'));
  });
});

describe('what a Ukrainian close call asks that its entry does not say', () => {
  it('reads "хто його перезапускає?" as asking whom to call, and restarting in either aspect', () => {
    expect(askedIn('хто його перезапускає?') & ASKS_CONTACT).toBe(ASKS_CONTACT);
    expect(answered('вайфай в спільній кімнаті щось не працює вже з обіду, хто його перезапускає?', 'uk')).toBeUndefined();
  });

  it('reads a lower charge for a broken lift as a subject beside the lift', () => {
    expect(answered('ліфт вже тиждень не працює, можна вимагати зменшення плати за обслуговування?', 'uk')).toBeUndefined();
  });

  it('reads "платний чи безкоштовний?" as asking the price', () => {
    expect(askedIn('а бейдж платний чи безкоштовно дають?') & ASKS_PRICE).toBe(ASKS_PRICE);
    expect(answered('а бейдж до велосипедної кімнати платний чи безкоштовно дають?', 'uk')).toBeUndefined();
  });

  it('leaves a day asked of an entry that names office hours but no day nor clock time unanswered', () => {
    expect(answered('слюсар на Baker Street в неділю працює? і номер його в когось є?', 'uk')).toBeUndefined();
  });

  it('reads "о котрій годині?" as asking a clock time, which the classes\' entry does not give', () => {
    expect(askedIn('о котрій годині починаються курси?') & ASKS_CLOCK).toBe(ASKS_CLOCK);
    expect(askedIn('на котру годину записуватись?') & ASKS_CLOCK).toBe(ASKS_CLOCK);
    expect(answered('о котрій годині починаються курси французької в понеділок?', 'uk')).toBeUndefined();
  });

  it('reads a parcel the tracking says "доставлено" (delivered) as a missing parcel, not one to pick up', () => {
    expect(answered('Vinted пише шо colis доставлено, а його нема ні в boîte aux lettres, ні в сусідів 😤 шо робити?', 'uk')).toBeUndefined();
    expect(answered('мене не було вдома, де тепер забрати посилку?', 'uk')).toBe(19);
  });

  it('still answers the lift and the laundry', () => {
    expect(answered('ліфт не працює, кому дзвонити?', 'uk')).toBe(29);
    expect(answered('скільки коштує прання в пральні?', 'uk')).toBe(24);
  });
});

describe('replies and paying for water', () => {
  it('reads the one a reply names with an @ as a name, first in its sentence too', () => {
    const oksana = analyzeQuery('@Оксана в мене та сама історія').find((w) => w.word === 'оксана');
    expect(oksana?.name).toBe(true);
    expect(analyzeQuery('@Tunde same question').find((w) => w.word === 'tunde')?.name).toBe(true);
  });

  it('reads paying "за воду" (for water) as the water bill the service charges include', () => {
    expect(termsOf('а за воду окремо платити')).toContain(forms('рахунку')![0]);
    expect(answered('а за воду окремо платити чи вона входить в charges?', 'uk')).toBe(26);
  });
});
