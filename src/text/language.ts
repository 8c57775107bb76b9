// A small language guesser for chat-length text: script first (Arabic, Cyrillic), then common function words.
// It answers only when the evidence points one way; otherwise undefined, and the caller falls back to the group's
// language. Good enough to pick which translation of an answer to send, which is all it is used for.
import { fold } from './fold.js';

const MARKERS: Record<string, string[]> = {
  en: ['the', 'is', 'are', 'where', 'when', 'what', 'how', 'which', 'who', 'can', 'do', 'does', 'my', 'i', 'you',
    'and', 'to', 'of', 'for', 'in', 'on', 'with', 'it', 'there', 'anyone', 'please', 'have', 'get', 'this', 'our',
    // Texting.
    'u', 'ur', 'r', 'pls', 'plz', 'thx', 'any1', 'wanna', 'gonna', 'gotta', 'idk', 'anybody', 'know', 'here', 'whats'],
  // "la", "de", "un", "que" are Spanish too: they count for both, and other words decide.
  fr: ['le', 'la', 'les', 'des', 'du', 'est', 'sont', 'ou', 'quand', 'comment', 'quel', 'quelle', 'qui', 'je', 'j',
    'vous', 'et', 'pour', 'dans', 'avec', 'il', 'y', 'mon', 'ma', 'mes', 'une', 'un', 'de', 'c', 'l', 'd', 'qu',
    'pas', 'sur', 'quelqu', 'bonjour', 'merci', 'on', 'au', 'aux', 'ce', 'cette', 'peut',
    // Texting and spoken French.
    'svp', 'stp', 'qqn', 'qqun', 'qq', 'qqch', 'jsp', 'bcp', 'ds', 'pr', 'tt', 'ya', 'cest', 'jai', 'koi', 'kel', 'quoi',
    'salut', 'coucou', 'oui', 'ne', 'estce', 'faut', 'ca', 'nous', 'chez', 'ici',
    // Chat French of France, Québec and the banlieue.
    'jsuis', 'chui', 'jpeux', 'jsais', 'faque', 'tse', 'icitte', 'askip', 'wesh', 'mdr', 'ptdr'],
  es: ['el', 'los', 'las', 'donde', 'cuando', 'como', 'que', 'es', 'una', 'por', 'para', 'hay', 'mi', 'alguien',
    'hola', 'gracias', 'del', 'con', 'puedo', 'esta', 'la', 'de', 'un', 'al', 'se', 'y', 'horario', 'buenas', 'vecinos',
    'sabeis', 'saben', 'necesito', 'tengo', 'donde', 'cual', 'quien', 'pero', 'muy', 'tambien', 'aqui', 'hoy',
    // Texting, Spain and Latin America.
    'q', 'xq', 'porfa', 'xfa', 'pa', 'tb', 'tmb', 'dnd', 'aca', 'alla', 'che', 'oigan', 'ustedes', 'vosotros', 'algun',
    'alguna', 'puede', 'pueden', 'podeis', 'hace', 'hacer', 'nada', 'bueno', 'vale', 'gente', 'ahora', 'lo',
    // Voseo and Latin American chat.
    'vos', 'sabes', 'podes', 'tenes', 'queres', 'queda', 'wey', 'ahorita', 'nomas', 'pues', 'pos', 'depa', 'depto'],
  de: ['der', 'die', 'das', 'ist', 'wo', 'wann', 'wie', 'und', 'ich', 'nicht', 'ein', 'eine', 'mit', 'fur', 'hat',
    'gibt', 'es', 'kann', 'jemand'],
};

const MARKER_SETS = Object.fromEntries(Object.entries(MARKERS).map(([lang, words]) => [lang, new Set(words)]));

/** ISO 639-1 code of the text's language, or undefined when it is unclear. */
export function detectLanguage(text: string): string | undefined {
  if (/[\u0600-\u06ff]/u.test(text)) return 'ar';
  if (/[\u0400-\u04ff]/u.test(text)) {
    // Letters and everyday words Russian does not use ("де" where, "як" how, "що" what, "чи" whether), spoken forms
    // included ("шо", "шоб").
    const ukrainian =
      /[іїєґ]/u.test(text.toLowerCase()) ||
      /(?:^|[^\p{L}])(?:де|як|що|шо|шоб|чи|хто|коли|куди|треба|можна|ласка|дякую|дуже|або|але|якщо|зараз)(?:$|[^\p{L}])/iu.test(text);
    return ukrainian ? 'uk' : 'ru';
  }
  // Digits stay in a word: texting writes "any1".
  const words = fold(text).split(/[^a-z\d]+/).filter(Boolean);
  const counts: Record<string, number> = {};
  for (const word of words) {
    for (const [lang, set] of Object.entries(MARKER_SETS)) if (set.has(word)) counts[lang] = (counts[lang] ?? 0) + 1;
  }
  // Letters that only one of our languages uses settle short texts ("numéro ?").
  if (/[éèêàçùœ]/u.test(text.toLowerCase())) counts.fr = (counts.fr ?? 0) + 1.5;
  if (/[ñ¿¡]/u.test(text)) counts.es = (counts.es ?? 0) + 2;
  // Spanish nouns and adjectives end in -o/-os far more than French ones ("horario", "piscina" aside).
  const spanishEndings = words.filter((w) => w.length > 3 && /(?:o|os|cion|dad)$/.test(w)).length;
  if (spanishEndings > 0) counts.es = (counts.es ?? 0) + 0.5 * spanishEndings;
  // Spanish nouns end in a consonant and -a ("piscina", "biblioteca", "basura"), French ones almost never; French has
  // endings of its own ("-eau", "-aux", "-ette", "-aires").
  const spanishA = words.filter((w) => w.length > 3 && /[^aeiou]a$/.test(w)).length;
  if (spanishA > 0) counts.es = (counts.es ?? 0) + 0.5 * spanishA;
  const frenchEndings = words.filter((w) => w.length > 3 && /(?:eaux?|eux|aux|ette|ettes|aires?|oire|oires|ique|iques)$/.test(w)).length;
  if (frenchEndings > 0) counts.fr = (counts.fr ?? 0) + 0.5 * frenchEndings;
  if (/[äöüß]/u.test(text)) counts.de = (counts.de ?? 0) + 1.5;
  const ranked = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < 1) return undefined;
  if (second && second[1] >= best[1]) return undefined;
  return best[0];
}
