import { describe, expect, it } from 'vitest';
import { FaqIndex } from '../../src/features/faq/match.js';

const entries = [
  { id: 1, translations: [{ lang: 'en', question: 'Where can I buy a SIM card?', answer: 'The phone shops on the high street.' }] },
  { id: 2, translations: [{ lang: 'en', question: 'Where can I store my bike?', answer: 'In the bicycle room in the basement.' }] },
];

const confidence = (index: FaqIndex, text: string): number =>
  index.search(text, { lang: 'en' }).find((m) => m.entryId === 1)?.confidence ?? 0;

describe('words around the question', () => {
  const weighed = new FaqIndex(entries);
  const flat = new FaqIndex(entries, { contextUnknownFactor: 1 });

  it('weigh less when only a sentence that does not ask has them', () => {
    const text = 'Hello everyone. My granny flies over tomorrow evening. Where can she get a SIM?';
    expect(confidence(weighed, text)).toBeGreaterThan(confidence(flat, text));
    expect(confidence(weighed, text)).toBeLessThan(1);
  });

  it('weigh as before when the message has no sentence that asks, or every sentence asks', () => {
    const statement = 'My granny flies over tomorrow evening. She needs a SIM card.';
    expect(confidence(weighed, statement)).toBeCloseTo(confidence(flat, statement), 10);
    const questions = 'Does my granny need a passport? Where can she buy a SIM card?';
    expect(confidence(weighed, questions)).toBeCloseTo(confidence(flat, questions), 10);
  });

  it('keep their weight when the sentence that asks has them too', () => {
    const text = 'Hello granny. Where can granny get a SIM?';
    expect(confidence(weighed, text)).toBeCloseTo(confidence(flat, text), 10);
  });
});
