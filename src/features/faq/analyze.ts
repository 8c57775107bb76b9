// Turns a text into index terms: fold, split, drop stop words, stem, map the words of one concept (in any of the five
// languages) to that concept. Entries are analysed in their translation's language; a query's words are analysed
// in every language their script allows, since neighbours mix languages ("where is the mairie?").
import { givesClockTime, givesPhoneNumber } from './asks.js';
import { ConceptLexicon, arabicBases, spanishVerbWithoutPronouns, type Stemmer } from '../../text/lexicon.js';
import { ARABIZI_DIGIT_BESIDE_LETTER, arabiziReadings, frenchSound, frenchSoundOfCyrillic, isArabiziWord, tokenize, ukrainianInLatin } from '../../text/normalize.js';
import { stemAr, stemUk, stemmerFor, stemmersForWord, ukrainianPastAsInfinitive } from '../../text/stem.js';
import { STOP_WORDS, WEAK_WORDS, isStopWord } from '../../text/stopwords.js';
import {
  CONCEPTS,
  CONCEPTS_DETAILS,
  CONCEPTS_EVERYDAY,
  CONCEPTS_MORE,
  CONCEPTS_SPOKEN,
  FACETS,
  OTHER_TOPICS,
  OTHER_TOPICS_MORE,
} from '../../text/synonyms.js';
import { NEAR_TOPICS, PLAIN_PHRASES } from '../../text/near-topics.js';
import { CONCEPTS_TOPICS } from '../../text/topics.js';

/**
 * The FAQ's lexicon: the everyday topics of local groups (src/text/synonyms.ts), the subjects next to them that no entry
 * answers (src/text/near-topics.ts: a mirror beside glass bottles, the router beside the wifi password), then the things
 * and situations that lead people to ask about each topic (src/text/topics.ts), whose words lose to the earlier lists'. The trades of the
 * addresses (src/text/trades.ts) stay out: with them, Spanish held-out answers fell (right 0.64 → 0.62 on set 1, wrong answers to
 * unanswerable questions 0.08 → 0.15 on set 2).
 */
const LISTS = [
  CONCEPTS,
  CONCEPTS_MORE,
  CONCEPTS_EVERYDAY,
  OTHER_TOPICS,
  NEAR_TOPICS,
  CONCEPTS_DETAILS,
  OTHER_TOPICS_MORE,
  CONCEPTS_SPOKEN,
  CONCEPTS_TOPICS,
];
const LEXICON = new ConceptLexicon(LISTS, PLAIN_PHRASES);

/** A sound shorter than this says too little to be a French word ("мер", "пост", "парк" are Ukrainian ones). */
const MIN_FRENCH_SOUND = 6;

/** The Latin words of the lexicon, phrases' words included, by their sound as French (frenchSound); earlier lists win. */
const FRENCH_BY_SOUND = new Map<string, string>();
for (const list of LISTS) {
  for (const words of Object.values(list)) {
    for (const token of words.flatMap((written) => tokenize(written))) {
      if (!/^[a-z]+$/.test(token)) continue;
      const sound = frenchSound(token);
      if (sound.length >= MIN_FRENCH_SOUND && !FRENCH_BY_SOUND.has(sound)) FRENCH_BY_SOUND.set(sound, token);
    }
  }
}

/** Ukrainian case endings a French word written in Cyrillic takes ("жестіонера", "бюандерію", "гардієна"), longest first. */
const UK_CASE_ENDINGS = ['ами', 'ями', 'ові', 'еві', 'ом', 'ем', 'ою', 'ею', 'ів', 'ах', 'ях', 'ам', 'ям', 'а', 'я', 'у',
  'ю', 'і', 'ї', 'и', 'е', 'ь'];

/** Cyrillic words already read (frenchInCyrillic), '' for none: chat repeats its words. */
const FRENCH_IN_CYRILLIC = new Map<string, string>();
const FRENCH_IN_CYRILLIC_SIZE = 10_000;

/**
 * The French word of the lexicon a Cyrillic word the analyzer does not know sounds like, as written or without a
 * case ending: "жестіонера" is "gestionnaire", "бюандері" "buanderie", "гардієн" "gardien", "партаже" "partage".
 */
function frenchInCyrillic(word: string): string | undefined {
  let french = FRENCH_IN_CYRILLIC.get(word);
  if (french === undefined) {
    if (FRENCH_IN_CYRILLIC.size >= FRENCH_IN_CYRILLIC_SIZE) FRENCH_IN_CYRILLIC.clear();
    french = soundsFrench(word) ?? '';
    FRENCH_IN_CYRILLIC.set(word, french);
  }
  return french || undefined;
}

function soundsFrench(word: string): string | undefined {
  if (isKnownUkrainian(word)) return undefined;
  const readings = [word, ...UK_CASE_ENDINGS.filter((e) => word.endsWith(e) && word.length - e.length >= 3)
    .map((e) => word.slice(0, -e.length))];
  for (const reading of readings) {
    const sound = frenchSoundOfCyrillic(reading);
    if (sound.length < MIN_FRENCH_SOUND) continue;
    const french = FRENCH_BY_SOUND.get(sound);
    if (french) return french;
  }
  return undefined;
}

/** A Ukrainian word of the lexicon (аптека, пошта). */
function isKnownUkrainianTopic(word: string): boolean {
  return /[\u0400-\u04ff]/u.test(word) && LEXICON.conceptOf(word, [stemUk]) !== undefined;
}

/** A function word, an everyday word or a word of the lexicon in Ukrainian: read as Ukrainian, never as French. */
function isKnownUkrainian(word: string): boolean {
  return STOP_WORDS.has(word) || everyday(word) || LEXICON.conceptOf(word, [stemUk]) !== undefined;
}

/**
 * A text with the French words a Ukrainian writes in Cyrillic written in Latin letters (frenchInCyrillic). Ukrainian
 * typed in Latin letters is read in Cyrillic first, but for the French words the lexicon lists as written ("de tut
 * dechetterie?"). The text itself when neither applies.
 */
function readFrenchInCyrillic(text: string): string {
  let source = text;
  if (!/[\u0400-\u04ff]/u.test(text)) {
    const read = ukrainianInLatin(text, (word) => LEXICON.lists(word), isKnownUkrainianTopic);
    if (read === undefined) return text;
    source = read;
  }
  let found = false;
  const words = tokenize(source).map((word) => {
    const french = /[\u0400-\u04ff]/u.test(word) ? frenchInCyrillic(word) : undefined;
    if (french) found = true;
    return french ?? word;
  });
  return found ? words.join(' ') : source;
}

/** Every spelling that leads to a concept, for typo matching against its words too. */
export function conceptSpellings(): ReadonlyMap<string, string> {
  return LEXICON.spellings();
}

/**
 * The concept of a word, through the lexicon. An everyday word (WEAK_WORDS) reaches a concept only when the lexicon
 * lists the word itself, not through a stem it shares with one: Spanish "primera" (first) is not the primary school,
 * "viejo" not a word of the lexicon that shares its stem.
 */
function conceptOf(word: string, stemmers: readonly Stemmer[]): string | undefined {
  if (!LEXICON.lists(word) && everyday(word)) return undefined;
  return LEXICON.conceptOf(word, stemmers);
}

/** The concept a word belongs to, or its stem in `lang`. */
export function termOf(word: string, stem: Stemmer): string {
  return conceptOf(word, [stem]) ?? stem(word);
}

const tokens = (text: string) => LEXICON.tokens(readFrenchInCyrillic(text));

/** The stems of the everyday Ukrainian words: the list names a word in one or two of its cases. */
const UK_WEAK_STEMS = new Set([...WEAK_WORDS].filter((w) => /[\u0400-\u04ff]/u.test(w)).map(stemUk));

/**
 * A Ukrainian word is everyday when its stem is an everyday word's ("чоловіка", "мамі", "вулицю" as "чоловік",
 * "мама", "вулиця"), unless the lexicon lists the word or its stem: "велики" (bikes) has the stem of
 * "великий" (big) and of "велик" (a bike), a word of the lexicon.
 */
function ukrainianEveryday(word: string): boolean {
  if (!/[\u0400-\u04ff]/u.test(word)) return false;
  const stem = stemUk(word);
  if (UK_WEAK_STEMS.has(stem)) return !LEXICON.lists(word) && !LEXICON.lists(stem);
  // A verb in the past tense is as everyday as its infinitive ("залишила", "брали" as "залишити", "брати").
  const infinitive = ukrainianPastAsInfinitive(word);
  return infinitive !== undefined && UK_WEAK_STEMS.has(stemUk(infinitive)) && !LEXICON.lists(word) &&
    LEXICON.conceptOf(word, [stemUk]) === undefined;
}

/**
 * An everyday word (WEAK_WORDS), or an Arabic word that is one, or a function word, once its glued parts are read
 * off: "والبرد"-like conjunctions and prepositions, "هالشهر" (this month), "تقدرش" (can't), "كيدير" (he does).
 */
function everyday(word: string): boolean {
  if (WEAK_WORDS.has(word)) return true;
  if (ukrainianEveryday(word)) return true;
  if (!/^[\u0600-\u06ff]/u.test(word)) return false;
  // A base the lexicon lists itself ("بحط" under "بحطها") is a word of its concept, not an everyday one.
  return arabicBases(word).some((r) => (WEAK_WORDS.has(r) || STOP_WORDS.has(r)) && !LEXICON.lists(r));
}

export interface AnalyzedTerm {
  term: string;
  /** Only everyday words led to this term (see WEAK_WORDS): it weighs little. */
  weak: boolean;
}

/** Concepts of the days of the week: a text that names one says on which day, the aspect DAY. */
const DAY_NAMES = new Set(['#weekday', '#friday', '#saturday', '#sunday']);
const DAY = '#day';
/** A text that gives a clock time (givesClockTime) says at what time, the aspect HOURS. */
const HOURS = '#hours';
/**
 * A telephone number to dial ("01 44 55 66 77", "0 800 123 456"): a phone number (givesPhoneNumber) of DIALLED_DIGITS
 * digits or more. A text that gives one has the aspect NUMBER, so "le numéro de la gestionnaire", "tlf de la gestora"
 * meet the manager's entry, whose answer gives her phone, not only the emergency numbers' entry, whose question says
 * "numbers". Short numbers (112, 3237) are left out: the emergency numbers' entry names its numbers already, and
 * counting the pharmacy's "call 3237" as well spreads the aspect so thin that "which number for an ambulance?" is left
 * unanswered.
 */
const DIALLED_DIGITS = 8;
const NUMBER = '#number';

/**
 * Distinct terms of `text` in language `lang`, in order of first appearance. An entry that names a day of the week
 * ("collected on Tuesday") also has the aspect day, so "which day…?" meets it, one that gives a clock time the
 * aspect hours ("from 10 pm" answers "until what time…?"), and one that gives a phone number the aspect number.
 */
export function analyzeWeighted(text: string, lang: string): AnalyzedTerm[] {
  const stem = stemmerFor(lang);
  const terms: AnalyzedTerm[] = [];
  for (const token of tokens(text)) {
    const term = token.concept ?? termOf(token.word, stem);
    const weak = !token.concept && everyday(token.word);
    const existing = terms.find((t) => t.term === term);
    if (existing) existing.weak &&= weak;
    else terms.push({ term, weak });
  }
  if (terms.some((t) => DAY_NAMES.has(t.term)) && !terms.some((t) => t.term === DAY)) terms.push({ term: DAY, weak: false });
  if (givesClockTime(text) && !terms.some((t) => t.term === HOURS)) terms.push({ term: HOURS, weak: false });
  if (givesPhoneNumber(text, DIALLED_DIGITS) && !terms.some((t) => t.term === NUMBER)) terms.push({ term: NUMBER, weak: false });
  return terms;
}

export function analyze(text: string, lang: string): string[] {
  return analyzeWeighted(text, lang).map((t) => t.term);
}

export interface QueryWord {
  /** The terms this word may be in the index: its concept, or its stems in each language its script allows. */
  forms: string[];
  /** The folded word, for typo matching. */
  word: string;
  weak: boolean;
  /** The word belongs to a concept of the lexicon: a topic word, whether or not the FAQ has it. */
  topic: boolean;
  /** The word's concept is an aspect of many topics (FACETS), not a topic. */
  facet: boolean;
  /** Written capitalised inside a sentence and not a word of the lexicon: a name (a person, a town, a country). */
  name: boolean;
}

/**
 * Words written capitalised inside a sentence ("Priya from the 2nd floor", "arrive du Brésil", "arrive d'Italie", "з Харкова"), folded:
 * in chat these are mostly the names of people and places around a question. The first word of a sentence is left out,
 * unless it follows an @.
 */
function namesIn(text: string): Set<string> {
  const names = new Set<string>();
  for (const sentence of text.split(/[.!?？؟…\n\p{Extended_Pictographic}]+/u)) {
    const words = sentence.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);
    for (const word of words.slice(1)) {
      // An elided article or preposition before a name ("d'Italie", "l'Algérie") leaves the name.
      const w = word.replace(/^\p{Ll}{1,3}['’]/u, '');
      if (!/^\p{Lu}\p{Ll}{2,}$/u.test(w)) continue;
      const folded = tokenize(w)[0];
      if (folded) names.add(folded);
    }
  }
  // A reply names whom it answers with an @ ("@Оксана в мене та сама історія…", "@Tunde same question"), first in its
  // sentence or not.
  for (const [, mention] of text.matchAll(/(?<![\p{L}\p{N}])@(\p{L}+)/gu)) {
    const folded = tokenize(mention!)[0];
    if (folded) names.add(folded);
  }
  return names;
}

/** How a word of Arabizi reads in Arabic: a function word (dropped), a word of a concept, or an everyday word. */
type ArabiziReading = { stop: true } | { concept: string } | { everyday: true };

/**
 * A Latin word of a message written in Arabizi, read through its Arabic spellings (arabiziReadings): a function word
 * when one spelling is ("win" وين, "ta3" تاع), else the concept the first spelling that has one leads to ("leil" ليل,
 * "zdjaj" زجاج), else an everyday word when one spelling is ("jdid" جديد). Undefined when no spelling is known: the
 * word stays as written.
 */
function readArabizi(word: string): ArabiziReading | undefined {
  const readings = arabiziReadings(word);
  if (readings.some((r) => isStopWord(r) || isStopWord(LEXICON.withoutProclitic(r)))) return { stop: true };
  for (const reading of readings) {
    const concept = conceptOf(reading, [stemAr]);
    if (concept) return { concept };
    if (everyday(reading)) return { everyday: true };
  }
  return undefined;
}

/**
 * Arabizi glues the article to a French word as the Maghreb says it ("lpompiers", "lfacteur", "lbadge"): the concept of
 * the word without its "l", when the lexicon lists that word as written.
 */
function conceptAfterArticle(word: string): string | undefined {
  if (!/^l[a-z]{4,}$/.test(word)) return undefined;
  const rest = word.slice(1);
  return LEXICON.lists(rest) ? conceptOf(rest, stemmersForWord(rest)) : undefined;
}

/**
 * Whether a message is written in Arabizi: a Latin word with a digit for an Arabic letter ("ta3", "a7ot"), and no
 * Cyrillic (Ukrainian writes course levels and forms the same way: "A2", "UPE2A").
 */
function writtenInArabizi(text: string): boolean {
  // Most messages have no digit beside a Latin letter: they are not split again.
  if (!ARABIZI_DIGIT_BESIDE_LETTER.test(text) || /[\u0400-\u04ff]/u.test(text)) return false;
  return tokenize(text).some(isArabiziWord);
}

/**
 * Arabic says the thing before the word that it is broken ("ميكروويف خربان", "كنبة مكسورة", "فرشة مكسورين"): a broken
 * piece of furniture or an appliance is a thing to get rid of, as English "broken microwave" is (topics.ts), not a
 * breakdown to report. The word broken after one says nothing more.
 */
function brokenThing(previous: string | undefined, concept: string | undefined, word: string): boolean {
  return previous === '#furniture' && concept === '#broken' && /^[\u0600-\u06ff]/u.test(word);
}

const STORE = '#store';

/**
 * "Put" before the bin is putting it out for collection, not storing it ("a7ot el poubelle", "n7et la poubelle",
 * "احط الزبالة"): Arabic's put (حط) is read as storing a bike, and would make a bin question miss a topic.
 */
function puttingOut(before: QueryWord | undefined, concept: string | undefined): boolean {
  return concept === '#bin' && before?.forms.length === 1 && before.forms[0] === STORE;
}

/** The words of a question, each with every form it may take in the index. Repeated words count once. */
export function analyzeQuery(text: string): QueryWord[] {
  const names = namesIn(text);
  const words: QueryWord[] = [];
  const seen = new Map<string, QueryWord>();
  const arabizi = writtenInArabizi(text);
  let previous: string | undefined;
  // The word the previous token added, if it added one.
  let added: QueryWord | undefined;
  for (const token of tokens(text)) {
    const before = added;
    added = undefined;
    const stemmers = stemmersForWord(token.word);
    let concept = token.concept ?? conceptOf(token.word, stemmers) ?? (arabizi ? conceptAfterArticle(token.word) : undefined);
    // A Latin word of Arabizi that no language reads as a concept is read in Arabic.
    const arabic = arabizi && !concept && /^[a-z\d]+$/.test(token.word) ? readArabizi(token.word) : undefined;
    if (arabic && 'stop' in arabic) continue;
    if (arabic && 'concept' in arabic) concept = arabic.concept;
    const describesThing = brokenThing(previous, concept, token.word);
    previous = concept;
    if (describesThing) continue;
    if (puttingOut(before, concept)) {
      words.pop();
      seen.delete(STORE);
    }
    const forms = concept ? [concept] : [...new Set(stemmers.map((s) => s(token.word)))];
    const key = forms.join('|');
    // Numbers ("3rd", "11pm", "4º") are floors, times and ages around a question far more often than its topic.
    // A Spanish verb with its pronouns glued on ("dejarlo", "llevarlos") is as everyday as the verb.
    const verb = spanishVerbWithoutPronouns(token.word);
    const weak = !concept && (everyday(token.word) || (verb !== undefined && WEAK_WORDS.has(verb)) ||
      (/\d/.test(token.word) && !isArabiziWord(token.word)) || (arabic !== undefined && 'everyday' in arabic));
    const existing = seen.get(key);
    if (existing) {
      existing.weak &&= weak;
      continue;
    }
    const facet = concept !== undefined && FACETS.has(concept.slice(1));
    const name = concept === undefined && names.has(token.word);
    const word = { forms, word: token.word, weak, topic: concept !== undefined && !facet, facet, name };
    seen.set(key, word);
    words.push(word);
    added = word;
  }
  return words;
}
