// The one text-folding function: what people type is compared without case or accents, by the FAQ's index and
// queries and by the forgiving argument parsers of commands alike.

/**
 * Lower case without accents: "Déchetterie" → "dechetterie". Ukrainian keeps й and ї (letters of their own, not
 * accented ones); Arabic loses its short-vowel marks and tatweel, its alef forms (أ إ آ ٱ) become a bare alef, and
 * the Persian letters chat uses (ی ک پ ڤ) their Arabic ones.
 * Compatibility forms become their plain letters and digits (ﬁ → fi, １ → 1), and the French ligatures their two
 * letters (cœur → coeur, ex æquo → ex aequo).
 */
export function fold(text: string): string {
  // Plain ASCII (most English text) has nothing to decompose.
  if (!/[^\x20-\x7e]/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\u0438\u0306/g, '\u0439')
    .replace(/\u0418\u0306/g, '\u0419')
    .replace(/\u0456\u0308/g, '\u0457')
    .replace(/\u0406\u0308/g, '\u0407')
    .replace(/\p{M}/gu, '')
    .replace(/\u0640/g, '')
    .replace(/\u0671/g, '\u0627')
    // Persian and Urdu keyboards type their own yeh, kaf and heh for the Arabic ones (ی ک ہ ھ), and chat writes p and
    // v with the Persian letters (پ ڤ ڥ) where Arabic has only b and f: each becomes the Arabic letter.
    .replace(/[\u06cc\u06d2]/g, '\u064a')
    .replace(/\u06a9/g, '\u0643')
    .replace(/[\u06be\u06c1]/g, '\u0647')
    .replace(/\u067e/g, '\u0628')
    .replace(/[\u06a4\u06a5]/g, '\u0641')
    .toLowerCase()
    .replace(/\u0153/g, 'oe')
    .replace(/\u00e6/g, 'ae');
}
