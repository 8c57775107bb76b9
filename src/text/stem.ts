// Stemmers. English and French: light suffix strippers written here and tuned on the FAQ's tuning set (they fold
// doubled letters and British/American spellings that chat typing mixes up). Kept over Snowball's: with @nlpjs's
// Snowball English and French stemmers in their place, the tuning set's right answers were 0.885 instead of 0.900
// (en) and 0.866 either way (fr, ranked first 0.948 instead of 0.959). Spanish and Arabic: the Snowball stemmers of @nlpjs/lang-es and @nlpjs/lang-ar;
// Ukrainian: @nlpjs/lang-uk's suffix stemmer. The other Snowball packages on npm offer no Ukrainian stemmer
// (snowball-stemmers, multilingual-stemmer, which also needs Node 22 where the project supports Node 20), so these
// stay. Each runs on folded words (see normalize.ts) and is applied identically to entries and queries.
import { StemmerAr } from '@nlpjs/lang-ar';
import { StemmerEs } from '@nlpjs/lang-es';
import { StemmerUk } from '@nlpjs/lang-uk';
import { foldArabicEnding } from './normalize.js';

function undouble(word: string): string {
  // "stopp" → "stop", "poubell" → "poubel": typists often get doubled letters wrong.
  const n = word.length;
  if (n > 3 && word[n - 1] === word[n - 2] && !/[aeiou]/.test(word[n - 1]!)) return word.slice(0, -1);
  return word;
}

const EN_SUFFIXES: [string, string, number][] = [
  // [suffix, replacement, minimum length left]
  ['ational', 'ate', 3],
  ['ations', '', 3],
  ['ation', '', 3],
  ['ments', '', 4],
  ['ment', '', 4],
  ['ness', '', 3],
  ['ings', '', 3],
  ['ing', '', 3],
  ['tion', 't', 3],
  ['sion', 's', 3],
  ['ful', '', 3],
  ['edly', '', 3],
  ['ed', '', 3],
  ['ly', '', 4],
];

export function stemEn(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  // Plurals and third person.
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w) && w.length > 3) w = w.slice(0, -1);
  for (const [suffix, replacement, min] of EN_SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= min && /[aeiouy]/.test(w.slice(0, -suffix.length))) {
      w = w.slice(0, -suffix.length) + replacement;
      break;
    }
  }
  // British and American spellings meet: "centre" → "center" (before the final e goes).
  if (/[^aeiouy]re$/.test(w) && !/(ure|ire|are|ore)$/.test(w)) w = w.slice(0, -2) + 'er';
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  if (w.endsWith('y') && w.length > 3) w = w.slice(0, -1) + 'i';
  return undouble(w);
}

const FR_SUFFIXES: [string, number][] = [
  // [suffix, minimum length left], longest first
  ['issements', 3], ['issement', 3], ['ements', 4], ['ement', 4], ['ations', 3], ['ation', 3], ['atrices', 3],
  ['atrice', 3], ['ateurs', 3], ['ateur', 3], ['ances', 3], ['ance', 3], ['ences', 3], ['ence', 3], ['ites', 3],
  ['ite', 3], ['euses', 3], ['euse', 3], ['eurs', 3], ['eur', 3], ['ieres', 3], ['iere', 3], ['iers', 3], ['ier', 3],
  ['ages', 4], ['age', 4], ['ives', 3], ['ive', 3], ['ifs', 3], ['ees', 3], ['ee', 3], ['es', 3], ['er', 3],
  ['ez', 3], ['e', 3], ['s', 3], ['x', 3],
];

export function stemFr(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('aux') && w.length > 4) w = w.slice(0, -3) + 'al';
  for (const [suffix, min] of FR_SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= min) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return undouble(w);
}

/** A first letter Snowball strips as a clitic, not followed by the article or a second ل (لل). */
const AR_SNOWBALL_PREFIX = /^[\u0628\u0641\u0643\u0644\u0648](?!\u0627\u0644|\u0644)/u;

const spanish = new StemmerEs();
const arabic = new StemmerAr();
const ukrainian = new StemmerUk();

export function stemEs(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  return spanish.stemWord(word);
}

/** "And" or "so" (و ف) glued before the article, on a word of three letters or more after it. */
const AR_CONJUNCTION_ARTICLE = /^[\u0648\u0641](?=\u0627\u0644.{3})/u;

/**
 * Arabic: Snowball strips the article and affixes; taa marbuta and alef maqsura are then written one way. Snowball
 * keeps و or ف glued before the article ("والاصفر", "والرماديه", "فالحديقه" stem to themselves): they come off first,
 * so the word stems as it does with the article alone.
 */
export function stemAr(word: string): string {
  if (!/[\u0600-\u06ff]/u.test(word)) return word;
  word = word.replace(AR_CONJUNCTION_ARTICLE, '');
  const stemmed = word.length <= 2 ? word : arabic.stemWord(word);
  return foldArabicEnding(stemmed.length >= 2 ? stemmed : word);
}

/**
 * Snowball reads a first ب ف ك ل و as a glued preposition or conjunction unless the article follows it, so
 * "بوسطة", "بلاصة", "بريفكتورة" lose their first letter while "البوسطة" keeps it. The stem of the word read as a noun
 * with the article: with or without it, one stem. Undefined when the word starts otherwise (its stem is stemAr's).
 */
export function stemArNoun(word: string): string | undefined {
  if (word.length <= 3 || !AR_SNOWBALL_PREFIX.test(word)) return undefined;
  const stemmed = arabic.stemWord(`\u0627\u0644${word}`);
  return foldArabicEnding(stemmed.length >= 2 ? stemmed : word);
}

/**
 * Feminine endings the Ukrainian suffix stemmer takes only half of: the instrumental -ею/-єю (вулицею, пральнею,
 * сім'єю keep an е or є that вулиця, пральня, сім'я do not) and the -ії/-ією of nouns in -ія (мерії, мерією keep
 * an і that мерія does not). Each is written as the nominative in -я first, so every case of the noun meets.
 */
function ukrainianNominative(word: string): string {
  if (word.length <= 4) return word;
  if (/[\u0456\u0457]\u0454\u044e$/u.test(word)) return `${word.slice(0, -3)}\u0456\u044f`;
  if (/\u0456\u0457$/u.test(word)) return `${word.slice(0, -2)}\u0456\u044f`;
  if (/[^\u0430\u0435\u0454\u0438\u0456\u0457\u043e\u0443\u044e\u044f][\u0435\u0454]\u044e$/u.test(word)) return `${word.slice(0, -2)}\u044f`;
  return word;
}

/**
 * Present-tense endings the suffix stemmer leaves on a verb, each with the infinitive ending its stem is cut from: the
 * stemmer leaves -ить, -ємо, -єш, -ує on their stems ("входить" → "входит", "заїжджаємо" → "заїжджаєм", "працює" →
 * "працю" where "працювати" → "працюв"). Longest first. The reflexive third person (-ється) and the plural of verbs in
 * -увати (-ують) keep the stemmer's stems: read as infinitives, "починається" (begins) meets "починити" (to repair)
 * and "школи працюють" (how schools work) reads as opening hours. The Russian endings -ают, -яют, -ает, -яет, which
 * Russian-influenced writers and Ukrainian typed in Latin without its soft sign give ("забирают", "zabyrajut"), are
 * read as the Ukrainian ones.
 */
const UK_PRESENT_ENDINGS: [string, string][] = [
  ['уємо', 'увати'], ['юємо', 'ювати'], ['аємо', 'ати'], ['яємо', 'яти'],
  ['ають', 'ати'], ['яють', 'яти'], ['ают', 'ати'], ['яют', 'яти'], ['ает', 'ати'], ['яет', 'яти'],
  ['уєш', 'увати'], ['юєш', 'ювати'], ['аєш', 'ати'], ['яєш', 'яти'],
  ['ує', 'увати'], ['ює', 'ювати'], ['ає', 'ати'], ['яє', 'яти'],
  ['имо', 'ити'], ['иш', 'ити'], ['ить', 'ити'],
];

/**
 * A verb in the present tense written as its infinitive, so "платить", "платимо" and "платити" meet. Words of five
 * letters or fewer stay (має, знає, їдуть are everyday words or other words).
 */
function ukrainianInfinitive(word: string): string {
  if (word.length <= 5) return word;
  for (const [ending, infinitive] of UK_PRESENT_ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= 3) return word.slice(0, -ending.length) + infinitive;
  }
  return word;
}

export function stemUk(word: string): string {
  if (!/[\u0400-\u04ff]/u.test(word) || word.length <= 3) return word;
  const stemmed = ukrainian.stemWord(ukrainianInfinitive(ukrainianNominative(word)));
  return stemmed.length >= 2 ? stemmed : word;
}

/**
 * The past tense of a Ukrainian verb: the vowel of its infinitive, then -в (masculine), -ла, -ло or -ли, reflexive with
 * -ся or -сь ("зламався", "зламалася", "полагодили", "записалась", "працював"). The suffix stemmer cuts only part of it
 * ("полагодили" → "полагодил", where "полагодити" → "полагод"). A masculine in -ів is left out: it is far more often a
 * genitive plural ("будинків", "сусідів") than a past tense ("сидів").
 */
const UK_PAST = /^(\p{L}{2,}?)(?:([иаяу])(в|ла|ло|ли)|(і)(ла|ло|ли))(ся|сь)?$/u;

/**
 * A Ukrainian verb in the past tense written as its infinitive ("полагодили" → "полагодити", "зламалася" →
 * "зламатися"), undefined for a word that does not end as one. Words of five letters or fewer stay (мала, була, дали
 * are everyday words or other words). Nouns end so too ("сила", "правила", "канали"): callers read a word this way only
 * when it is not a word they know as it stands.
 */
export function ukrainianPastAsInfinitive(word: string): string | undefined {
  if (word.length <= 5) return undefined;
  const past = UK_PAST.exec(word);
  if (!past) return undefined;
  const vowel = past[2] ?? past[4]!;
  const reflexive = past[6] ? 'ся' : '';
  return `${past[1]}${vowel}ти${reflexive}`;
}

/** The stemmer for a language code ("fr-CA" uses French); unknown languages are only folded. */
export function stemmerFor(lang: string): (word: string) => string {
  const base = lang.toLowerCase().slice(0, 2);
  if (base === 'en') return stemEn;
  if (base === 'fr') return stemFr;
  if (base === 'es') return stemEs;
  if (base === 'ar') return stemAr;
  if (base === 'uk') return stemUk;
  return (word) => word;
}

/**
 * The stemmers a query word goes through when the language of each word is unknown (mixed-language messages): by
 * script, Arabic or Ukrainian; for Latin script, English, French and Spanish.
 */
export function stemmersForWord(word: string): ((w: string) => string)[] {
  if (/[\u0600-\u06ff]/u.test(word)) return [stemAr];
  if (/[\u0400-\u04ff]/u.test(word)) return [stemUk];
  return [stemEn, stemFr, stemEs];
}
