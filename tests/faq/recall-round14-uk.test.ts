// How Ukrainian is read in round 14: a question about which neighbour did something is small talk, "куди дзвонити?"
// asks whom to call, the western "вінда" is the lift, and a verb in the past tense is read as its infinitive; real
// questions of the seen sets, and close calls and chatter left unanswered.
import { describe, expect, it } from 'vitest';
import { autoAnswer } from '../../src/features/faq/match.js';
import { isQuestion } from '../../src/features/faq/question.js';
import { answered, forms, index } from './lib/fixture-index.js';

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
