// What a question asks for, and whether an entry holds it: a type check between the two that holds for any FAQ.
// "What's the number for…?" wants a phone number, "how much…?" a price, "when / what time / is it open…?" days or
// hours. The matcher counts an entry that holds the days, hours or price asked for as having more evidence (match.ts,
// EVIDENCE_ASKED); phone numbers are recognised too, but "number" asks as often for a meter or SIM number, so the
// matcher does not weigh them.

/** A phone number is asked for (the aspect number; "phone" alone is as often the thing as its number). */
export const ASKS_NUMBER = 1;
/** A price is asked for (the aspect price). */
export const ASKS_PRICE = 2;
/** Days or hours are asked for (the aspects hours and day). */
export const ASKS_TIME = 4;
/**
 * How long something takes is asked for ("how long…", "combien de temps…", "cuánto tarda…"). An entry that gives no
 * duration does not answer it, however close its topic: "how long does the bulky waste pickup take?" is not answered
 * by how to book it. On the seen sets (10 of them, 5 languages) this keeps 9 unanswerable questions unanswered
 * (tuning-2 1, tuning-4 1, tuning-5 7: the wait for a bulky waste pickup, a passport, a lift repair) and loses no right
 * answer: the answerable "how long" questions go to entries whose answers give a duration (the common room, the parking
 * permit, electricity, the moving van).
 */
export const ASKS_DURATION = 8;

/** The words that ask how long, in the five languages, matched on the text as written (accents optional). */
const ASKS_HOW_LONG =
  /\bhow long\b|\bhow many (?:days|weeks)\b|\bhow soon\b|combien de (?:temps|jours|semaines)|\bquel d[ée]lai|cu[aá]nto (?:tiempo|tarda|tardan)|\bse tarda|cu[aá]ntos (?:d[ií]as|semanas)|скільки\s+(?:\p{L}+\s+)?(?:часу|днів|тижнів|чекати)|як довго|كم (?:يوم|يوما|أسبوع|اسبوع|وقت|من الوقت)|قديش (?:بياخد|وقت|بدو)/iu;

/** A duration in an answer: a number or "a", "une", "una"… and a unit of time ("1-5 days", "a week", "10 jours"). */
const DURATION =
  /(?:\d+(?:\s?[-–]\s?\d+)?|\b(?:a|an|one|two|three|un|une|deux|trois|una|dos|tres))\s+(?:days?|weeks?|months?|hours?|jours?|semaines?|mois|heures?|d[ií]as?|semanas?|mes(?:es)?|horas?|дн[іья]\p{L}*|тижн\p{L}*|місяц\p{L}*|годин\p{L}*|يوم|أيام|ايام|أسبوع|اسبوع|أسابيع|شهر|أشهر|ساعة|ساعات)(?![\p{L}\p{N}])/iu;

/**
 * A public holiday is asked about ("are the bins collected on bank holidays?", "le marché est maintenu le jour de
 * l'Ascension ?"): an exception to a schedule. An entry that names no holiday gives the usual days only, which do not
 * say whether the exception holds. On the seen sets this keeps 5 unanswerable questions unanswered (tuning-4 1,
 * tuning-5 4: bins on 1 May, 14 July, Christmas, the market on Ascension Day) and loses no right answer. Birthdays,
 * parties and weekends are not holidays ("عيد ميلاد", "свято для сина", "вихідні").
 */
export const ASKS_HOLIDAY = 16;

/** Public holidays by name, in the five languages, with the French ones by date (the FAQ's town is in France). */
const HOLIDAY =
  /\b(?:bank|public) holidays?\b|christmas|easter|new year'?s? day|bastille day|\bf[ée]ri[ée]s?\b|\bno[ëe]l\b|p[âa]ques|ascension|pentec[ôo]te|toussaint|1er mai|\b8 mai|14 juillet|15 ao[ûu]t|11 novembre|jour de l'an|\bfestivos?\b|navidad|semana santa|a[ñn]o nuevo|святков\p{L}* (?:день|дні|днів)|державн\p{L}* свят|різдв|великд|новий рік|العيد(?!\p{L})|الأعياد|عطلة رسمية|رأس السنة/iu;

/** What the text asks that only some answers say (ASKS_DURATION, ASKS_HOLIDAY), read from its words as written. */
export function askedIn(text: string): number {
  let asked = 0;
  if (ASKS_HOW_LONG.test(text)) asked |= ASKS_DURATION;
  if (HOLIDAY.test(text)) asked |= ASKS_HOLIDAY;
  return asked;
}

const ASKED_BY_CONCEPT: Record<string, number> = {
  '#number': ASKS_NUMBER,
  '#price': ASKS_PRICE,
  '#hours': ASKS_TIME,
  '#day': ASKS_TIME,
};

/** The kinds asked for by a query term (its concept, '#price'…), 0 for none. */
export function askedBy(term: string): number {
  return ASKED_BY_CONCEPT[term] ?? 0;
}

/**
 * Three digits or more, possibly in groups ("3237", "01 23 45 67 89", "0 800 123 456", "112"), not part of a word, a
 * clock time or a date, and not an amount of money.
 */
const PHONE_NUMBER =
  /(?<![\p{L}\p{N}:.,/])\d(?:[ .-]?\d){2,}(?![\p{L}\p{N}:/]|[ .,]\d|\s?(?:€|eur|euro|євро|يورو))/iu;
/** An amount of money: "15 euros", "€3", "2 €". */
const MONEY = /\d\s?(?:€|eur\b|euros?\b|євро|يورو)|€\s?\d/iu;

/**
 * The kinds of information an entry holds, from its answer's text and the terms of its question and answer
 * (analyze.ts gives a text that names a day or a clock time the aspects day and hours): a phone number, a price (an
 * amount, or "free"), days or hours, a duration, a public holiday. The question counts for days and hours, prices and
 * holidays: an entry asked as "which pharmacy is on duty on Sunday?" is about Sundays even when its answer names no
 * day. A duration counts from the answer only.
 */
export function heldBy(answer: string, terms: readonly string[], question = ''): number {
  let held = 0;
  if (PHONE_NUMBER.test(answer)) held |= ASKS_NUMBER;
  if (MONEY.test(answer) || terms.includes('#price') || terms.includes('#free')) held |= ASKS_PRICE;
  if (terms.includes('#hours') || terms.includes('#day')) held |= ASKS_TIME;
  if (DURATION.test(answer)) held |= ASKS_DURATION;
  if (HOLIDAY.test(answer) || HOLIDAY.test(question)) held |= ASKS_HOLIDAY;
  return held;
}
