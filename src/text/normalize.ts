// Text folding and tokenising shared by the FAQ index and its queries. Both sides go through exactly the same steps,
// so a stemmer that is merely consistent (not linguistically perfect) still makes words meet.
import { fold } from './fold.js';
import { NEAR_TOPICS } from './near-topics.js';
import { STOP_WORDS, WEAK_WORDS } from './stopwords.js';
import {
  CONCEPTS,
  CONCEPTS_DETAILS,
  CONCEPTS_EVERYDAY,
  CONCEPTS_MORE,
  CONCEPTS_SPOKEN,
  OTHER_TOPICS,
  OTHER_TOPICS_MORE,
} from './synonyms.js';
import { CONCEPTS_TOPICS } from './topics.js';

/** Arabic letters that are written either way in chat: taa marbuta as haa, alef maqsura as yaa. After stemming. */
export function foldArabicEnding(word: string): string {
  return word.replace(/\u0629/g, '\u0647').replace(/\u0649/g, '\u064a');
}

// Multi-word expressions that mean one thing, rewritten to one token before splitting (on folded text).
const PHRASES: [RegExp, string][] = [
  [/\bmots? de passe?\b/g, 'motdepasse'],
  [/\bpost offices?\b/g, 'postoffice'],
  [/\b(?:town|city) halls?\b/g, 'townhall'],
  [/\bhotel de ville\b/g, 'townhall'],
  [/\baires? de jeux\b/g, 'playground'],
  [/\bplay ?areas?\b/g, 'playground'],
  [/\bwashing machines?\b/g, 'washingmachine'],
  [/\bmachines? a laver\b/g, 'washingmachine'],
  [/\blave[- ]linge\b/g, 'washingmachine'],
  [/\bseche[- ]linge\b/g, 'dryer'],
  [/\blocked out\b/g, 'lockedout'],
  [/\bout of order\b/g, 'broken'],
  [/\bnot working\b/g, 'broken'],
  [/\bne (?:marche|fonctionne) (?:pas|plus)\b/g, 'broken'],
  [/\bpick(?:ed|ing)? up\b/g, 'pickup'],
  // An ordinal after whose it is, then a pause or a place, is a birthday: "my daughter's 16th in the common room", "a
  // get-together for my 30th and…"; "my 2nd floor flat" is a floor.
  [/\b((?:my|his|her|our|their|[a-z]+'?s) \d{1,2}(?:st|nd|rd|th))(?= (?:in|at|on|and|party|next|this)\b|\s*(?:[.,!?;]|$))/gm, '$1 birthday'],
  // Dropping something off is taking it somewhere, an everyday verb ("where can I drop off old paint?").
  [/\bdrop(?:s|ped|ping)? off\b/g, 'take'],
  [/\bsign(?:ed|ing)? up\b/g, 'register'],
  [/\b(?:carte|piece)s? d ?identite\b/g, 'idcard'],
  [/\bid cards?\b/g, 'idcard'],
  [/\bbin ?men\b/g, 'bin'],
  [/\bfire (?:brigade|service|department)\b/g, 'firebrigade'],
  [/\bflea markets?\b/g, 'fleamarket'],
  [/\bvide[- ]greniers?\b/g, 'fleamarket'],
  // "marché" is spelled "market" before these phrases are read (tokenize).
  [/\b(?:marches?|market) aux puces\b/g, 'fleamarket'],
  [/\bpoints? relais\b/g, 'relaypoint'],
  [/\bcarte grise\b/g, 'registrationdocument'],
  [/\bsous[- ]sol\b/g, 'basement'],
  [/\bwi[- ]fi\b/g, 'wifi'],
  [/\bweek[- ]ends?\b/g, 'weekend'],
  // The end of the week, "آخر الجمعة", "نهاية الأسبوع" (the Levant's جمعة is the week as well as Friday), with "and",
  // "in" or "for" glued before it: the weekend, not a Friday.
  [/(?<![\u0621-\u064a])(?:[\u0648\u0641]?[\u0628\u0644]?)(?:\u0627\u062e\u0631|\u0646\u0647\u0627\u064a[\u0629\u0647]) \u0627\u0644(?:\u062c\u0645\u0639[\u0629\u0647]|\u0627\u0633\u0628\u0648\u0639)(?![\u0621-\u064a])/g, 'weekend'],
  // "marché" written without its accent after an article or "au", "du" is the market, never "it works".
  [/\b(le|au|du|un|ce) marches?\b/g, '$1 market'],
  // Internet as the way something is done ("pedí la tarjeta por internet", "payer en ligne") is not the topic asked.
  [/\b(?:por|par|sur|via) internet\b/g, 'online'],
  [/\ben ligne\b/g, 'online'],
];

// Texting abbreviations of words the lexicon knows in full, rewritten to the full word (on folded words).
const ABBREVIATIONS = new Map<string, string>([
  ...['tlf', 'tlfn', 'telf', 'tfno', 'tfn'].map((a): [string, string] => [a, 'telefono']),
  ['nro', 'numero'],
  ['тел', 'телефон'],
  ['ayto', 'ayuntamiento'],
  ['edif', 'edificio'], ['dpto', 'departamento'], ['apto', 'apartamento'],
  // Spanish and French texting write "que" as one letter: "q dias", "k dia", "ke hora".
  ['q', 'que'], ['k', 'que'], ['ke', 'que'], ['qe', 'que'],
  // English texting and addresses: "station rd", "tmrw", "the mgr", "a dr".
  ['rd', 'road'], ['tmrw', 'tomorrow'], ['tmw', 'tomorrow'], ['tmr', 'tomorrow'], ['2moro', 'tomorrow'],
  ['2morrow', 'tomorrow'], ['mgr', 'manager'], ['dr', 'doctor'], ['flr', 'floor'], ['wknd', 'weekend'],
  ['nxt', 'next'], ['govt', 'government'], ['mins', 'minutes'],
]);

/** Latin letters drawn like Cyrillic ones (after folding), each with the Cyrillic letter it passes for. */
const LATIN_LOOKALIKES = new Map<string, string>([
  ['a', '\u0430'], ['c', '\u0441'], ['e', '\u0435'], ['i', '\u0456'], ['k', '\u043a'], ['o', '\u043e'],
  ['p', '\u0440'], ['x', '\u0445'], ['y', '\u0443'],
]);

/** A Latin word with a Ukrainian case ending glued on, with or without a hyphen or apostrophe ("cafі", "navigo-ю"). */
const LATIN_WITH_CYRILLIC_ENDING = /(?<!\p{L})([a-z]{2,})['\u02bc-]?([\u0400-\u04ff]{1,3})(?!\p{L})/gu;

/**
 * Ukrainian as typed in chat (folded text). A Russian keyboard gives ы for и, э for е and ъ where Ukrainian writes
 * an apostrophe (подъезд); ё is already е after folding. A Cyrillic word with Latin letters drawn like Cyrillic
 * ones typed into it ("пiд'їзд" with a Latin i, "сміттєвоз" with a Latin o) is read in Cyrillic. A French word in
 * Latin letters with a Ukrainian case ending ("на cafі", "з navigo-ю", "в mairie-ї") is read without the ending,
 * so it meets the French word (and its phrases) as written alone; the CAF in Cyrillic is the CAF.
 */
function readUkrainianSpelling(folded: string): string {
  if (!/[\u0400-\u04ff]/u.test(folded)) return folded;
  let text = folded.replace(/\u044b/g, '\u0438').replace(/\u044d/g, '\u0435').replace(/\u044a/g, '')
    // The CAF written in Cyrillic, declined ("каф", "в кафі", "з кафом"): кафе (café) never declines, yet its stem
    // is каф, so the allowance office would read as a café.
    .replace(/(?<!\p{L})\u043a\u0430\u0444(?:\u0456|\u0443|\u043e\u043c|\u0430|\u0438)?(?!\p{L})/gu, 'caf');
  if (!/[a-z]/.test(text)) return text;
  text = text.replace(/\p{L}+/gu, (word) => {
    if (!/[\u0400-\u04ff]/u.test(word) || !/[a-z]/.test(word)) return word;
    const latin = word.match(/[a-z]/g) ?? [];
    if (!latin.every((letter) => LATIN_LOOKALIKES.has(letter))) return word;
    return word.replace(/[a-z]/g, (letter) => LATIN_LOOKALIKES.get(letter)!);
  });
  return text.replace(LATIN_WITH_CYRILLIC_ENDING, '$1');
}

/** Latin letters and letter groups of Ukrainian written in Latin, each with its Cyrillic letters. */
const UK_LATIN = new Map<string, string>([
  ['shch', 'щ'], ['zh', 'ж'], ['kh', 'х'], ['ch', 'ч'], ['sh', 'ш'], ['ts', 'ц'],
  ['ja', 'я'], ['ju', 'ю'], ['je', 'є'], ['ji', 'ї'], ['jo', 'йо'], ['ya', 'я'], ['yu', 'ю'], ['ye', 'є'], ['yo', 'йо'],
  ['ia', 'я'], ['iu', 'ю'], ['ie', 'є'],
  ['a', 'а'], ['b', 'б'], ['c', 'ц'], ['d', 'д'], ['e', 'е'], ['f', 'ф'], ['g', 'г'], ['h', 'г'], ['i', 'і'],
  ['j', 'й'], ['k', 'к'], ['l', 'л'], ['m', 'м'], ['n', 'н'], ['o', 'о'], ['p', 'п'], ['q', 'к'], ['r', 'р'],
  ['s', 'с'], ['t', 'т'], ['u', 'у'], ['v', 'в'], ['w', 'в'], ['x', 'кс'], ['y', 'и'], ['z', 'з'],
  // An i after a vowel that no vowel follows.
  ['I', 'й'],
]);
/** The letter groups of UK_LATIN, longest first. */
const UK_LATIN_GROUPS = /shch|[zkcs]h|ts|[jy][aueio]|i[aue]|[a-zI]/g;

/**
 * A word of Ukrainian written in Latin letters, in Cyrillic, by letter rules: zh ж, kh х, ch ч, sh ш, shch щ, ts ц,
 * y и, ya/ja/ia я, yu/ju/iu ю, ye/je/ie є, h г, and an i after a vowel that no vowel follows й ("daite" дайте,
 * "zhovtyi" жовтий). An h is г, or х as Russian writes it ("hochu" хочу) when only that reading is a function word.
 */
export function ukrainianFromLatin(word: string, h = 'г'): string {
  return word.replace(/(?<=[aeiouy])i(?![aeiouy])/g, 'I')
    .replace(UK_LATIN_GROUPS, (group) => (group === 'h' ? h : UK_LATIN.get(group) ?? group));
}

/** A digit written for an Arabic letter inside a word ("ta3", "a7ot"): Arabizi, not Ukrainian. */
const ARABIZI_DIGIT = /[a-z][2-9]|[2-9][a-z]/;

/**
 * Ukrainian typed in Latin letters, read in Cyrillic (folded text with no other script and no Arabizi digits). The
 * text is taken for Ukrainian when at least two of its words, and more than are function words of the Latin languages
 * only, are Ukrainian function words once in Cyrillic ("koly", "tut", "yaka"), have a letter group only Ukrainian
 * written in Latin has (zh, shch, a final yi), or are words `knows` in Cyrillic. Function words of the Latin
 * languages ("pls") and the words `keep` says stay as written.
 */
function readUkrainianLatin(
  folded: string,
  keep: (word: string) => boolean,
  knows: (cyrillic: string) => boolean,
): string {
  if (/(?![a-z])\p{L}/u.test(folded) || ARABIZI_DIGIT.test(folded)) return folded;
  let evidence = 0;
  let latin = 0;
  const others: string[] = [];
  for (const word of folded.match(/[a-z']{2,}/g) ?? []) {
    const cyrillic = cyrillicOf(word);
    if (STOP_WORDS.has(word)) {
      if (!STOP_WORDS.has(cyrillic)) latin += 1;
    } else if (STOP_WORDS.has(cyrillic) || /zh|shch|yi$/.test(word)) evidence += 1;
    else others.push(word);
  }
  // Words of the lexicon count only beside a Ukrainian function word: most Latin texts have none, and are not read.
  if (evidence > 0) evidence += others.filter((word) => !keep(word) && knows(cyrillicOf(word))).length;
  if (evidence < 2 || evidence <= latin) return folded;
  return folded.replace(/[a-z']+/g, (word) => {
    if (keep(word)) return word;
    const cyrillic = cyrillicOf(word);
    return STOP_WORDS.has(word) && !STOP_WORDS.has(cyrillic) ? word : cyrillic;
  });
}

/**
 * The text (folded) read in Cyrillic when it is Ukrainian typed in Latin letters, the words `keep` says are Latin
 * ones (a French word of the lexicon: "de tut dechetterie") left as written; undefined when it is not. A word that
 * `knows` in Cyrillic ("apteka", "poshta") says Ukrainian as a function word does.
 */
export function ukrainianInLatin(
  text: string,
  keep: (word: string) => boolean,
  knows: (cyrillic: string) => boolean,
): string | undefined {
  if (/(?!\p{Script=Latin})\p{L}/u.test(text)) return undefined;
  const folded = fold(text).replace(/[’`´]/g, "'");
  const read = readUkrainianLatin(folded, keep, knows);
  return read === folded ? undefined : read;
}

/** Latin words already read in Cyrillic: chat repeats its words, and every Latin text is read for Ukrainian. */
const CYRILLIC_OF = new Map<string, string>();
const CYRILLIC_OF_SIZE = 10_000;

/**
 * A Latin word in Cyrillic (ukrainianFromLatin), its h read as х or its soft sign put back when only that makes it a
 * function word.
 */
function cyrillicOf(word: string): string {
  let cyrillic = CYRILLIC_OF.get(word);
  if (cyrillic === undefined) {
    if (CYRILLIC_OF.size >= CYRILLIC_OF_SIZE) CYRILLIC_OF.clear();
    cyrillic = readInCyrillic(word);
    CYRILLIC_OF.set(word, cyrillic);
  }
  return cyrillic;
}

function readInCyrillic(word: string): string {
  const plain = word.replace(/'/g, '');
  const reading = ukrainianFromLatin(plain);
  if (STOP_WORDS.has(reading)) return reading;
  const russian = plain.includes('h') ? ukrainianFromLatin(plain, 'х') : reading;
  if (STOP_WORDS.has(russian)) return russian;
  return UK_STOP_WORDS_WITHOUT_SOFT_SIGN.get(reading) ?? reading;
}

/** Ukrainian function words written with a soft sign, by their spelling without it: Latin letters have none ("skilky"). */
const UK_STOP_WORDS_WITHOUT_SOFT_SIGN = new Map(
  [...STOP_WORDS].filter((w) => w.includes('ь')).map((w): [string, string] => [w.replace(/ь/g, ''), w]),
);

/** Cyrillic letters as a French ear writes their sounds (see frenchSound): ж j, ш sh, у ou → u, ю u → ü. */
const CYRILLIC_SOUNDS = new Map<string, string>([
  ['а', 'a'], ['б', 'b'], ['в', 'v'], ['г', 'g'], ['ґ', 'g'], ['д', 'd'], ['е', 'e'], ['є', 'ie'], ['ж', 'j'],
  ['з', 'z'], ['и', 'i'], ['і', 'i'], ['ї', 'i'], ['й', 'i'], ['к', 'k'], ['л', 'l'], ['м', 'm'], ['н', 'n'],
  ['о', 'o'], ['п', 'p'], ['р', 'r'], ['с', 's'], ['т', 't'], ['у', 'u'], ['ф', 'f'], ['х', ''], ['ц', 'ts'],
  ['ч', 'tsh'], ['ш', 'sh'], ['щ', 'shtsh'], ['ь', ''], ['ю', 'ü'], ['я', 'ia'],
]);

/**
 * How a folded French word sounds, written plainly: c and qu k or s, g before e/i j, ch sh, ou u and u ü, ai/ei e,
 * au/eau o, oi ua, eu e, the nasals an/en an and in/ain en, no h, doubled letters once, and no silent end (-es, -s,
 * -x, -e, a t or d after n). "gestionnaire" and "жестіонер", "mairie" and "мері", "buanderie" and "бюандері",
 * "charges" and "шарж" sound alike: a French word a Ukrainian writes in Cyrillic is read by its sound.
 * Capitals mark letters already read, so no rule reads them twice.
 */
export function frenchSound(word: string): string {
  let w = word
    .replace(/qu/g, 'K').replace(/c(?=[eiy])/g, 'S').replace(/ch/g, 'X').replace(/c/g, 'K')
    .replace(/gu(?=[ei])/g, 'G').replace(/g(?=[eiy])/g, 'J').replace(/ph/g, 'F')
    .replace(/(?:e?s|x)$/, '');
  w = w.endsWith('e') ? w.slice(0, -1) : w.replace(/(?<=n)[td]$/, '');
  return w
    .replace(/h/g, '').replace(/e?au/g, 'O').replace(/[ae]i/g, 'E').replace(/oi/g, 'UA').replace(/eu/g, 'E')
    .replace(/ou/g, 'U').replace(/u/g, 'Ü').replace(/(?<!i)[ae][nm](?![aeiouyn])/g, 'AN')
    .replace(/(?<=E)n(?![aeiouyn])/g, 'N').replace(/i[nm](?![aeiouyng])/g, 'EN')
    .replace(/y/g, 'i').replace(/x/g, 'ks').replace(/w/g, 'v').replace(/X/g, 'sh')
    .toLowerCase().replace(/(\p{L})\1+/gu, '$1');
}

/** How a folded Cyrillic word sounds, in the plain writing of frenchSound. */
export function frenchSoundOfCyrillic(word: string): string {
  let out = '';
  for (const letter of word) out += CYRILLIC_SOUNDS.get(letter) ?? letter;
  return out.replace(/(\p{L})\1+/gu, '$1');
}

/** و or ف, then ب ل ك ف or ع, then the article ال or ل, glued before a Latin letter (folded text). */
const AR_CLITICS_BEFORE_LATIN =
  /(?<![\u0600-\u06ff])[\u0648\u0641]?[\u0628\u0644\u0643\u0641\u0639]?(?:\u0627\u0644|\u0644)?(?=[a-z])/gu;

/** A French subject pronoun written after its verb with a hyphen. */
const FR_INVERTED_PRONOUN = /^(?:je|tu|il|ils|elle|elles|on|nous|vous)$/;

/**
 * French "je" elided before a consonant and glued on in chat ("jpeux", "jsais", "jcherche", "jhabite"): no word of our
 * Latin-script languages starts with j and a consonant, so the j comes off and the verb is read.
 */
const FR_GLUED_JE = /^j(?=[bcdfghklmnpqrstvwxz][a-z]{3,}$)/;

/** A word that may be French "l'" glued to a word starting with a vowel or a mute h ("lascenseur", "leau"). */
const FR_GLUED_ARTICLE = /^l[aeiouyh][a-z]{2,}$/;

let knownWords: Set<string> | undefined;

/** The single words of the concept lists, and the stop words and everyday words: the words the analyzer knows. */
function known(): Set<string> {
  if (knownWords) return knownWords;
  const lists = [CONCEPTS, CONCEPTS_MORE, CONCEPTS_EVERYDAY, OTHER_TOPICS, NEAR_TOPICS, CONCEPTS_DETAILS,
    OTHER_TOPICS_MORE, CONCEPTS_SPOKEN, CONCEPTS_TOPICS];
  const words = lists.flatMap((list) => Object.values(list).flat()).map((w) => fold(w)).filter((w) => /^[a-z]+$/.test(w));
  knownWords = new Set([...words, ...STOP_WORDS, ...WEAK_WORDS]);
  return knownWords;
}

/**
 * French "l'" written without its apostrophe, glued to the next word ("lascenseur", "limmeuble", "leau"): the word after
 * the l, when the glued word is not a word the analyzer knows and the word after the l is one of the concept lists.
 * Otherwise the word as written ("lavabo", "lettres"). "d'" stays: Spanish words would split ("dolor" into "olor").
 */
function withoutGluedArticle(word: string): string {
  if (!FR_GLUED_ARTICLE.test(word)) return word;
  const words = known();
  const rest = word.slice(1);
  if (words.has(word) || !words.has(rest) || STOP_WORDS.has(rest) || WEAK_WORDS.has(rest)) return word;
  return rest;
}

// One pass to learn whether any phrase occurs at all: most texts contain none, and 25 replacements each cost.
/** مكتبه without an article and not before a noun with one ("ومكتبه فين؟"), and the words of books and reading. */
const HIS_OFFICE = /(?<![\u0621-\u064a])([\u0648\u0641\u0628]?)\u0645\u0643\u062a\u0628\u0647(?![\u0621-\u064a])(?! \u0627\u0644)/gu;
const BOOKS = /(?<![\u0621-\u064a])(?:[\u0648\u0628\u0627\u0644]{0,3})(?:\u0643\u062a\u0628|\u0643\u062a\u0627\u0628|\u0631\u0648\u0627\u064a|\u0642\u0631\u0627\u0621|\u0627\u0633\u062a\u0639\u0627\u0631)/u;

/** التامين with nothing after it saying whose, and the words of doctors and health. */
const BARE_INSURANCE = /(?<![\u0621-\u064a])([\u0648\u0641\u0628\u0644]?)\u0627\u0644\u062a\u0627\u0645\u064a\u0646(?![\u0621-\u064a])(?! \u0627\u0644)/gu;
const DOCTOR = /\u062f\u0643\u062a\u0648\u0631|\u0637\u0628\u064a\u0628|\u0635\u062d\u064a|\bmedecin|\bdocteur/u;

/** نحل after there is (فيه, كاين, فما), many (برشا, بزاف, كتير) or a hive (خلية, عش). */
const BEES = /(?<![\u0621-\u064a])(\u0641\u064a\u0647|\u0641\u064a|\u0643\u0627\u064a\u0646|\u0641\u0645\u0627|\u0628\u0631\u0634\u0627|\u0628\u0632\u0627\u0641|\u0643\u062a\u064a\u0631|\u0643\u062b\u064a\u0631|\u062e\u0644\u064a[\u0629\u0647]|\u062e\u0644\u0627\u064a\u0627|\u0639\u0634) \u0646\u062d\u0644(?![\u0621-\u064a])/gu;

const ANY_PHRASE = new RegExp(PHRASES.map(([pattern]) => pattern.source).join('|'));

/**
 * Splits text into folded words. Apostrophes split French elisions ("l'ecole" → "l", "ecole") and English
 * possessives; one-letter leftovers are dropped. Digits stay (they can be part of a question: "112?").
 */
export function tokenize(text: string): string[] {
  // Accents are dropped below, but "marché" (market) must not become "marche" (it works).
  const marketSpelled = /marché/iu.test(text)
    ? text.replace(/(?<!\p{L})marché(s?)(?!\p{L})/giu, 'market')
    : text;
  // Folding drops the hamza of رائحة (smell) and leaves رايحة (going, a function word): written with its hamza, the
  // feminine word is the smell, spelled as chat spells it (ريحة).
  const smellSpelled = /\u0631\u0627\u0626\u062d/u.test(marketSpelled)
    ? marketSpelled.replace(/\u0631\u0627\u0626\u062d(?=[\u0629\u0647](?!\p{L}))/gu, '\u0631\u064a\u062d')
    : marketSpelled;
  let folded = fold(smellSpelled)
    .replace(/[’`´]/g, "'")
    // Arabic keyboards type Arabic-Indic or Persian digits ("الساعة ١١", "الطابق ۳"): they are the digits 0-9.
    .replace(/[\u0660-\u0669\u06f0-\u06f9]/gu, (d) => String(d.charCodeAt(0) % 16));
  folded = readUkrainianSpelling(folded)
    // A Ukrainian apostrophe is part of the word ("пам'ять", "з’їсти", "памʼять"), never a split.
    .replace(/(?<=[\u0400-\u04ff])['\u02bc](?=[\u0400-\u04ff])/gu, '')
    // A letter drawn out in chat ("holaaa", "merciii", "شكراااا", "дякуююю") is written once: no word of our languages
    // has the same letter three times running.
    .replace(/(\p{L})\1{2,}/gu, '$1');
  // Arabic glues its proclitics to a French word written in Latin letters ("الmairie", "فالjardin", "للgestionnaire",
  // "فrue"): they come off, so the French word is read (and joins its phrases) as if written alone. Any other Arabic
  // word glued before a Latin one is split from it.
  if (/[\u0600-\u06ff][a-z]/u.test(folded)) {
    folded = folded.replace(AR_CLITICS_BEFORE_LATIN, '').replace(/([\u0600-\u06ff])(?=[a-z])/gu, '$1 ');
  }
  if (ANY_PHRASE.test(folded)) {
    for (const [pattern, replacement] of PHRASES) folded = folded.replace(pattern, replacement);
  }
  // Chat writes the library (مكتبة) with a final ه, the spelling of "his office" (مكتبه): before a noun with its
  // article it is the library of something ("مكتبه البلدية"), and so alone or where books are spoken of; else it is
  // his office ("ومكتبه فين؟").
  if (folded.search(HIS_OFFICE) >= 0 && /\s/u.test(folded.trim()) && !BOOKS.test(folded)) {
    folded = folded.replace(HIS_OFFICE, '$1\u0645\u0643\u062a\u0628');
  }
  // The insurance (التامين) said beside a doctor is health insurance, not a flat's deposit or the home's insurance.
  if (folded.search(BARE_INSURANCE) >= 0 && DOCTOR.test(folded)) {
    folded = folded.replace(BARE_INSURANCE, '$1\u0627\u0644\u062a\u0627\u0645\u064a\u0646 \u0627\u0644\u0635\u062d\u064a');
  }
  // The Maghreb's نحل (I open) is a function word; after a word saying there are some, or their hive, it is the bees.
  if (folded.search(BEES) >= 0) folded = folded.replace(BEES, '$1 \u0627\u0644\u0646\u062d\u0644');
  const tokens: string[] = [];
  for (const raw of folded.split(/[^\p{L}\p{N}-]+/u)) {
    if (!raw) continue;
    const parts = raw.split('-').filter((p) => p.length > 0);
    // "wi-fi", "e-mail", "est-ce": a short piece glued by a hyphen is one word; "lave-linge" stays two. A French
    // subject pronoun after its verb ("dois-je", "peut-on", "y a-t-il") is a word of its own.
    if (parts.length > 1 && parts.some((p) => p.length <= 2) && !FR_INVERTED_PRONOUN.test(parts.at(-1)!)) {
      tokens.push(parts.join(''));
      continue;
    }
    for (const p of parts) {
      const word = ABBREVIATIONS.get(p) ?? p.replace(FR_GLUED_JE, '');
      if (word.length > 1 || /\p{N}/u.test(word)) tokens.push(withoutGluedArticle(word));
    }
  }
  return tokens;
}

/**
 * Arabic written in Latin letters (Arabizi), digits for the letters Latin lacks: 3 ع, 7 ح, 5 خ, 9 ق, 2 a glottal stop
 * (ء, or ق as the Levant says it). Each Latin letter or pair with the Arabic letters it stands for, the likelier first.
 */
const ARABIZI_LETTERS: [string, string[]][] = [
  ['sh', ['\u0634']], ['ch', ['\u0634']], ['kh', ['\u062e']], ['gh', ['\u063a']], ['dj', ['\u062c']],
  ['th', ['\u062b', '\u062a']], ['dh', ['\u0630', '\u0636']],
  ['b', ['\u0628']], ['p', ['\u0628']], ['t', ['\u062a', '\u0637']], ['j', ['\u062c']], ['d', ['\u062f', '\u0636']],
  ['r', ['\u0631']], ['z', ['\u0632']], ['s', ['\u0633', '\u0635']], ['f', ['\u0641']], ['v', ['\u0641']],
  ['q', ['\u0642']], ['k', ['\u0643']], ['c', ['\u0643']], ['l', ['\u0644']], ['m', ['\u0645']], ['n', ['\u0646']],
  ['h', ['\u0647', '\u062d']], ['w', ['\u0648']], ['y', ['\u064a']], ['x', ['\u0643\u0633']],
  // A g is a ج in Egypt, a ق in the Maghreb and the Gulf, a غ for a French g.
  ['g', ['\u062c', '\u0642', '\u063a']],
  ['2', ['\u0627', '', '\u0642']], ['3', ['\u0639']], ['5', ['\u062e']], ['7', ['\u062d']], ['9', ['\u0642']],
];

/** Vowels: long ones are written, short ones are not; the Latin spelling rarely says which. */
const ARABIZI_VOWELS: [string, { first: string[]; inside: string[]; last: string[] }][] = [
  ['ou', { first: ['\u0627\u0648', '\u0627'], inside: ['\u0648', ''], last: ['\u0648'] }],
  ['oo', { first: ['\u0627\u0648', '\u0627'], inside: ['\u0648', ''], last: ['\u0648'] }],
  ['ee', { first: ['\u0627\u064a', '\u0627'], inside: ['\u064a'], last: ['\u064a'] }],
  ['a', { first: ['\u0627'], inside: ['\u0627', ''], last: ['\u0629', '\u0627', ''] }],
  ['e', { first: ['\u0627'], inside: ['', '\u064a'], last: ['', '\u0629', '\u064a'] }],
  ['i', { first: ['\u0627', '\u0627\u064a'], inside: ['\u064a', ''], last: ['\u064a'] }],
  ['o', { first: ['\u0627', '\u0627\u0648'], inside: ['\u0648', ''], last: ['\u0648'] }],
  ['u', { first: ['\u0627', '\u0627\u0648'], inside: ['\u0648', ''], last: ['\u0648'] }],
];

/** How many spellings of one Latin word are tried: enough for a word of three or four syllables. */
const ARABIZI_MAX_READINGS = 64;

/** Whether a doubled consonant starts at `i` ("3abbi", "sakkar"): it carries a shadda, which follows a short vowel. */
function beforeDoubled(word: string, i: number): boolean {
  const c = word[i];
  return c !== undefined && c === word[i + 1] && !/[aeiou]/.test(c);
}

/** A vowel's spellings with the unwritten short vowel tried first, where it has one. */
function shortFirst(options: string[]): string[] {
  return options.includes('') ? ['', ...options.filter((o) => o !== '')] : options;
}

/**
 * The Arabic spellings a word of Arabizi may stand for (folded Latin letters and digits), the likelier first: "leil"
 * → "ليل", "zdjaj" → "زجاج", "bch7al" → "بشحال". A doubled letter is written once, as Arabic writes it (with a shadda
 * that folding drops). Empty when the word has a letter Arabizi does not use.
 */
export function arabiziReadings(word: string): string[] {
  const units: string[][] = [];
  let i = 0;
  while (i < word.length) {
    if (i > 0 && word[i] === word[i - 1] && !/[aeiou]/.test(word[i]!)) {
      i++;
      continue;
    }
    const vowel = ARABIZI_VOWELS.find(([latin]) => word.startsWith(latin, i));
    if (vowel) {
      const [latin, options] = vowel;
      const at = i === 0 ? options.first : i + latin.length === word.length ? options.last : options.inside;
      // The Levant says a long a before ع as an e ("se3a" ساعة, the hour, not سعة, capacity): an alef is tried first.
      if (latin === 'e' && word[i + 1] === '3' && i > 0) units.push(['\u0627', ...at]);
      else units.push(beforeDoubled(word, i + latin.length) ? shortFirst(at) : at);
      i += latin.length;
      continue;
    }
    const letter = ARABIZI_LETTERS.find(([latin]) => word.startsWith(latin, i));
    if (!letter) return [];
    units.push(letter[1]);
    i += letter[0].length;
  }
  let readings = [''];
  for (const options of units) {
    const next: string[] = [];
    for (const reading of readings) for (const option of options) next.push(reading + option);
    readings = next.slice(0, ARABIZI_MAX_READINGS);
  }
  return [...new Set(readings)].filter((r) => r.length >= 2);
}

/** One of the digits Arabizi writes letters with, beside a Latin letter: what a message in Arabizi has somewhere. */
export const ARABIZI_DIGIT_BESIDE_LETTER = /[a-z][23579]|[23579][a-z]/i;

/** A Latin word with one of the digits Arabizi writes letters with, beside two letters ("ta3", "a7ot", "9areeb"). */
const ARABIZI_WORD = /^[a-z]*(?:[a-z]{2}[23579]|[a-z][23579][a-z]|[23579][a-z]{2})[a-z]*$/;
/** Ordinals, ages, times and units written with a digit ("2nd", "3rd", "2am", "9yo", "5th", "2kg"). */
const DIGIT_UNIT = /^\d(?:st|nd|rd|th|am|pm|yo|kg|km|min|ans|eme|er|ro|do|to)$/;

/** Whether a folded word reads as Arabizi: letters and one of its digits, not an ordinal or a unit. */
export function isArabiziWord(word: string): boolean {
  return ARABIZI_WORD.test(word) && !DIGIT_UNIT.test(word);
}
