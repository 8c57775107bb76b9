// Whether a plain chat message asks something, for FAQ auto-answers: a question mark, or an opening that asks
// ("where is…", "anyone know…", "quelqu'un a…", "¿dónde…", "هل…", "де…"). Statements that only mention a topic
// ("the bins smell today") are not questions, so they are never auto-answered.
import { fold } from '../../text/fold.js';

const OPENERS: Record<string, string[]> = {
  en: ['who', 'what', 'whats', 'when', 'where', 'wheres', 'why', 'how', 'hows', 'which', 'whose', 'whom', 'is', 'are',
    'am', 'was', 'were', 'do', 'does', 'did', 'can', 'could', 'will', 'would', 'should', 'shall', 'may', 'might', 'has',
    'have', 'any', 'anyone', 'anybody', 'someone knows', 'somebody knows', 'need help', 'i wonder', 'wondering',
    'i was wondering', 'does anyone', 'does someone', 'is there', 'are there',
    // Texting: "any1 know…", "ne1…", "wheres…", "do u…", "r the bins…", "wat time…".
    'any1', 'ne1', 'some1', 'anybody know', 'whens', 'whos', 'whys', 'wat', 'wot', 'wen', 'whr', 'wher', 'hw', 'r',
    'u know', 'can u', 'could u', 'do u', 'did u', 'does any1', 'do any1', 'do ya', 'can ya',
    // Requests that ask, as Indian, Nigerian and Filipino English and learners write them: "kindly advise how…",
    // "I want to know where…", "tell me where…".
    'kindly advise', 'kindly share', 'kindly tell', 'kindly let me know', 'kindly help', 'kindly inform',
    'kindly suggest', 'kindly guide', 'kindly confirm', 'please advise', 'pls advise', 'please tell', 'pls tell',
    'please let me know', 'pls let me know', 'please share', 'i want to know', 'i would like to know', 'id like to know',
    'i need to know', 'i wanted to know', 'tell me', 'let me know', 'please help', 'pls help',
    // Nigerian Pidgin asks with "wetin" (what) and "shey" (is it that).
    'wetin', 'shey'],
  fr: ['qui', 'que', 'quoi', 'quand', 'ou', 'pourquoi', 'comment', 'quel', 'quelle', 'quels', 'quelles', 'combien',
    'estce', 'est ce', 'yatil', 'y atil', 'quelqu un', 'savezvous', 'savez vous', 'connaissez vous', 'vous savez',
    'vous connaissez', 'on peut', 'peut on', 'je peux', 'puis je', 'il y a', 'y a', 'quelqu un sait', 'qqn',
    // Spoken and texting forms: "ya un…", "kel jour…", "c koi…", "koi…".
    'ya', 'kel', 'kelle', 'koi', 'c koi', 'c quoi', 'ki', 'qd', 'cmt', 'pk', 'pq', 'qqun',
    'kan', 'kand', 'ke', 'keske', 'kesk', 'eske', 'esk', 'pkoi', 'pourkoi', 'kom', 'koman', 'qq1', 'qlqn', 'kelkun',
    'c ou', 'c quand', 'c qui', 'cest ou', 'cest quand', 'cest qui', 'cest quoi', 'on fait comment',
    'vous auriez', 'auriez vous', 'sauriez vous', 'quelqu un aurait'],
  es: ['que', 'cuando', 'donde', 'como', 'por que', 'quien', 'quienes', 'cual', 'cuales', 'cuanto', 'cuanta',
    'alguien', 'hay', 'puedo', 'se puede', 'sabeis', 'saben',
    // Texting and the ways of asking a group, in Spain and Latin America: "q dia…", "xq…", "pa cuando…", "me podéis
    // decir…", "ustedes saben…", "vos sabés…".
    'q', 'k', 'ke', 'qe', 'xq', 'pq', 'porq', 'por q', 'x q', 'pa cuando', 'pa q', 'a q', 'a que', 'en q', 'en que',
    'de q', 'de que', 'd q', 'dnd', 'kien', 'kual', 'komo', 'cdo', 'cuantos', 'cuantas', 'sabes', 'sabe alguien',
    'me podeis', 'me pueden', 'me podrias', 'me podriais', 'me podrian', 'me puedes', 'me decis', 'podeis', 'pueden', 'ustedes saben', 'vosotros sabeis', 'vos sabes', 'conoceis', 'conocen', 'conoces',
    'oigan', 'disculpen', 'perdonad'],
  ar: ['هل', 'ما', 'ماذا', 'متى', 'أين', 'وين', 'كيف', 'لماذا', 'من', 'كم', 'أي', 'ممكن',
    // Question words of the dialects: Levant, Egypt, Maghreb, Gulf ("شو", "فين", "ازاي", "واش", "شنو", "وش").
    'شو', 'ايش', 'إيش', 'وش', 'شنو', 'شنهو', 'واش', 'فين', 'منين', 'ليش', 'ليه', 'علاش', 'امتى', 'إمتى', 'ايمتى',
    'امتا', 'وقتاش', 'ازاي', 'إزاي', 'كيفاش', 'شلون', 'مين', 'شكون', 'قديش', 'اديش', 'كام', 'بكام', 'شحال', 'ايه',
    'إيه', 'حدا بيعرف', 'حدا بعرف', 'حد يعرف', 'حد عارف', 'بتعرفو', 'بتعرفوا', 'تعرفو', 'تعرفوا', 'في حدا',
    'هل يوجد', 'يا جماعة شو', 'يا جماعة وين'],
  uk: ['хто', 'що', 'коли', 'де', 'як', 'чому', 'який', 'яка', 'яке', 'які', 'чи', 'скільки', 'навіщо', 'куди',
    'звідки', 'підкажіть', 'хтось',
    // Colloquial and Russian-influenced: "шо…", "а де…", "скажіть…", "где…", "когда…", "хто знає…".
    'шо', 'чо', 'а де', 'а як', 'а коли', 'а хто', 'а шо', 'а що', 'а чи', 'а куди', 'скажіть', 'підскажіть',
    'подскажите', 'порадьте', 'кому', 'до кого', 'хто знає', 'хто небудь', 'хтонебудь', 'де можна', 'як можна', 'чи можна', 'чи є', 'чи хтось',
    'где', 'когда', 'как', 'что', 'кто', 'куда', 'сколько', 'почему', 'какой', 'какая', 'можно ли', 'есть ли'],
};

/**
 * Courtesy and linking words that may come before the question word in English: "Please how do I…", "So where
 * do…", "Also is it free…", "Sorry, where is…". The opener is looked for after them.
 */
const EN_LEAD = /^ (?:please|pls|plz|kindly|so|and|also|but|ok|okay|sorry|abeg) /u;

// Openers compared on the same folded, space-separated form as the message.
const FOLDED_OPENERS: Record<string, string[]> = Object.fromEntries(
  Object.entries(OPENERS).map(([lang, list]) => [lang, list.map((o) => normaliseWords(o))]),
);

function normaliseWords(text: string): string {
  return fold(text)
    .replace(/['’-]/g, ' ')
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * "Who" and a verb in the past tense, in Ukrainian: "хто сьогодні був на ринку…", "хто залишив пиріг у спільній
 * кімнаті?", "хто виграв матч учора?". It asks which neighbour did something, which no FAQ entry says; asking whom to
 * call or who is in charge is in the present ("хто ремонтує…", "хто знає…"). The past tense ends in -в, -ла, -ли or
 * -ло after a vowel; one word may come before the verb ("хто сьогодні був…", "хто вже робив…").
 */
const WHO_DID_IT = /^ (?:а )?хто (?:\p{L}+ )?\p{L}+[аеиіоуяї](?:в|ла|ли|ло) /u;

/** True when the message asks something. `lang` narrows the openers checked; without it every language is tried. */
export function isQuestion(text: string, lang?: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length === 0) return false;
  const words = ` ${normaliseWords(trimmed)} `;
  // A message of one question asking which neighbour did something is small talk, with a question mark or without.
  if (WHO_DID_IT.test(words) && (trimmed.match(/[?？؟]/gu) ?? []).length <= 1) return false;
  if (/[?？؟]/u.test(trimmed) || trimmed.startsWith('¿')) return true;
  // "What a lovely day!", "How nice": exclamations open like questions.
  if (/^ (?:what an?|how (?:nice|lovely|kind|cool|sad|great|funny|beautiful)|quel(?:le)?s? (?:belle|beau|joli|jolie|bonne|chance)) /u.test(words)) {
    return false;
  }
  const unled = words.replace(EN_LEAD, ' ').replace(EN_LEAD, ' ');
  // "can't believe…", "sorry can't make it", "don't forget…": a negative contraction opens a statement, not a question.
  if (/^ (?:can|don|doesn|isn|won|didn|wasn|aren) t /u.test(unled)) return false;
  const base = lang?.toLowerCase().slice(0, 2);
  const langs = base && FOLDED_OPENERS[base] ? [base] : Object.keys(FOLDED_OPENERS);
  for (const l of langs) {
    const text = l === 'en' ? unled : words;
    for (const opener of FOLDED_OPENERS[l]!) if (words.startsWith(` ${opener} `) || text.startsWith(` ${opener} `)) return true;
  }
  // "Hi all, does anyone know…", "Good morning all. Kindly advise…": an asking phrase after a greeting.
  return /\b(?:does|do|did) (?:anyone|anybody|someone|somebody|you)\b|\banyone know|\bkindly (?:advise|share|tell|let me know|help|inform|suggest|guide|confirm)\b|\bplease advise\b|\bi (?:want|would like|d like|need) to know\b|\bquelqu un (?:sait|a|connait)\b|\balguien sabe\b/u.test(
    words,
  );
}

/**
 * Question words that open an asking clause inside a sentence written without a question mark: a dictated message
 * ("в мене тече труба під раковиною а зараз 11 вечора куди дзвонити терміново"), a run-on line ("lost my fob, how do
 * I get a new one") or a question asked indirectly ("je me permets de vous demander à partir de quelle heure…").
 * Words that as often join a relative clause or mean "or", "like", "that" stay out: "who", "qui", "que", unaccented
 * Spanish "donde", "como", "quien" (the accent marks the Spanish question word), Ukrainian "чи", "як", "що", "хто",
 * "де". "When" and "who" open a question only with the verb that asks after them.
 */
const CLAUSE_OPENERS = [
  'how', 'what', 'which', 'where', 'whom', 'is there', 'are there', 'who do', 'who to', 'who should', 'who can',
  'when do', 'when does', 'when is', 'when are', 'when can', 'do i', 'do we', 'can i', 'can we', 'should i',
  'comment', 'où', 'quel', 'quelle', 'quels', 'quelles', 'combien', 'quand',
  'dónde', 'cómo', 'cuándo', 'quién', 'qué', 'cuál', 'cuánto', 'cuánta',
  'وين', 'فين', 'كيف', 'كيفاش', 'متى', 'امتى', 'إمتى', 'وقتاش', 'شو', 'ايش', 'مين', 'شكون',
  'куди', 'коли', 'скільки', 'кому', 'до кого', 'який', 'яка', 'яке', 'які', 'шо робити', 'що робити',
];
const CLAUSE_OPENER = new RegExp(`(?<=\\s)(?:${CLAUSE_OPENERS.join('|')})(?=\\s)`, 'giu');
/**
 * A clause is cut off only from a sentence this long, and leaves at least this many words before it: in a short
 * sentence the words before a question word are part of the question, not a story around it. The seen sets give the
 * same figures for any length from 5 to 10 words and 2 to 4 words before.
 */
const CLAUSE_SENTENCE_WORDS = 8;
const CLAUSE_MIN_WORDS = 3;

const wordCount = (text: string): number => text.split(/\s+/u).filter((w) => /\p{L}/u.test(w)).length;

/**
 * A sentence cut where its question starts, so the clause that asks is weighed as the question and the story before it
 * as context: before a Spanish opening question mark ("juntamos un montón de frascos de mermelada, ¿van al contenedor
 * amarillo…?"), and, in a sentence with no question mark, before each question word that opens a clause
 * (CLAUSE_OPENERS). A short sentence, or one whose question starts in its first words, is left whole.
 */
export function clausesOf(sentence: string): string[] {
  const opening = sentence.indexOf('¿');
  if (opening > 0 && wordCount(sentence.slice(0, opening)) >= CLAUSE_MIN_WORDS) {
    return [sentence.slice(0, opening).trim(), ...clausesOf(sentence.slice(opening))];
  }
  if (/[?？؟]/u.test(sentence) || wordCount(sentence) < CLAUSE_SENTENCE_WORDS) return [sentence];
  const clauses: string[] = [];
  let start = 0;
  for (const match of sentence.matchAll(CLAUSE_OPENER)) {
    if (wordCount(sentence.slice(start, match.index)) < CLAUSE_MIN_WORDS) continue;
    clauses.push(sentence.slice(start, match.index).trim());
    start = match.index;
  }
  clauses.push(sentence.slice(start).trim());
  return clauses;
}
