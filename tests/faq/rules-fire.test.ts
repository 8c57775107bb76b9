// Rules that looked for words their text never holds: a word boundary after an accented letter (JavaScript's \b
// knows ASCII letters only, so "férié" never ends a word for it), and a marker word with a digit that the language
// guesser split. Each rule is shown firing on the text it runs on, on seen questions where the seen sets have one.
import { describe, expect, it } from 'vitest';
import { ASKS_BROKEN, ASKS_HOLIDAY, ASKS_OUTSIDER, ASKS_PAYER, askedIn, heldBy } from '../../src/features/faq/asks.js';
import { detectLanguage } from '../../src/text/language.js';

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

describe('the language guesser keeps digits in a word', () => {
  it('counts texting "any1" as English', () => {
    expect(detectLanguage('any1??')).toBe('en');
  });
});
