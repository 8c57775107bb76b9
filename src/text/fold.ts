// The one text-folding function: what people type is compared without case or accents, by the FAQ's index and
// queries and by the forgiving argument parsers of commands alike.

/**
 * Lower case without accents: "Déchetterie" → "dechetterie". Ukrainian keeps й and ї (letters of their own, not
 * accented ones); Arabic loses its short-vowel marks and tatweel, and its alef forms (أ إ آ ٱ) become a bare alef.
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
    .toLowerCase()
    .replace(/\u0153/g, 'oe')
    .replace(/\u00e6/g, 'ae');
}
