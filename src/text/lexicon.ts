// A concept lexicon: groups of words that mean one thing in any of the five languages ("plumber", "plombier",
// "fontanero", "سباك", "сантехнік"), each group one index term `#name`. Built once from word lists (synonyms.ts,
// trades.ts); a feature picks the lists it needs. Text goes through tokenize(), multi-word concepts are joined, stop
// words dropped, and Arabic's glued proclitics are taken off words the lexicon knows.
import { foldArabicEnding, tokenize } from './normalize.js';
import { stemAr, stemArNoun, stemEn, stemEs, stemFr, stemmersForWord, stemUk, ukrainianPastAsInfinitive } from './stem.js';
import { STOP_WORDS, WEAK_WORDS, isStopWord } from './stopwords.js';

export type Stemmer = (word: string) => string;
export type WordLists = Record<string, string[]>;

const STEMMERS: Stemmer[] = [stemEn, stemFr, stemEs, stemAr, stemUk];
/** A short stem says little about the word: Spanish "come" and "comida" share "com", English "come" does not. */
const MIN_CONCEPT_STEM = 4;
/**
 * Words whose stem meets a word of the lexicon of another meaning: each reaches a concept only when the lexicon lists
 * it as written. The name "Marie" and French "mariage", English "locked" and "locker", "sell" and Spanish "sello" (a
 * stamp), "state" and "station", "terre" (the ground) and "terrier", "courir" (to run) and "cours", "rest" and
 * "resto", "turns" and Spanish "turno"; Ukrainian "швидкий" (fast) and "швидка" (the ambulance), "служба" (a service)
 * and the emergency services, "таблетки" (pills) and "таблетка" (a key fob); Arabic "بسيط" (simple) and "وسيط" (a
 * mediator), "الكار" (the coach) and "كارت" (a card), "أدوات" (tools), "كراتين" (cardboard boxes) and "البلاد" (the home
 * country), "كلمة" (a word) and "بكلم" (I call). The name "Marta" and "martes", "il faut compter" (expect) and Spanish
 * "cuento" (I tell) and the meter ("compteur", "contador"). Spanish "juntar" (to gather, "juntamos frascos") and
 * "junta" (a meeting).
 */
const NOT_BY_STEM = new Set(['marie', 'locked', 'sell', 'sells', 'state', 'states', 'terre', 'courir', 'rest',
  'rests', 'turns', 'швидкий', 'швидко', 'швидкі', 'швидкого', 'служба', 'таблетки', 'таблеток', 'بسيط', 'الكار', 'ادوات', 'كراتين', 'الكراتين', 'البلاد', 'للبلاد', 'بلاد',
  'marta', 'compter', 'cuento', 'كلمة', 'juntar', 'juntamos', 'juntan', 'juntado', 'junte', 'junto', 'juntos']);
/** Arabic stems are mostly three-letter roots and Ukrainian ones lose long endings ("сад", "бак"): three is enough. */
const MIN_CONCEPT_STEM_AR_UK = 3;

/**
 * Spanish glues object pronouns to an infinitive or a gerund: "tirarlos", "dejarlo", "deshacerme", "llevárselo" are
 * "tirar", "dejar", "deshacer", "llevar" with "los", "lo", "me", "se lo". The verb without them, when the word is one.
 */
const ES_ENCLITICS = /^(.{3,}(?:ar|er|ir|ando|iendo))(?:me|te|se|nos|os)?(?:lo|la|los|las|le|les|me|te|se|nos|os)$/;
export function spanishVerbWithoutPronouns(word: string): string | undefined {
  return ES_ENCLITICS.exec(word)?.[1];
}

/**
 * Spanish makes things small and friendly with "-ito", "-ita", "-cito": "la salita" is the room, "una bolsita" a bag,
 * "la llavecita" the key. The word without it ("sala", "bolsa", "llave"), when the word is one; the words that only
 * look like one ("visita", "necesito", "crédito") are not.
 */
const ES_DIMINUTIVE = /^(\p{L}{3,}?)(?:c)?it([oa]s?)$/u;
const NOT_DIMINUTIVES = new Set(['visita', 'visitas', 'visito', 'necesito', 'necesita', 'necesitas', 'credito',
  'deposito', 'distrito', 'favorito', 'favorita', 'exito', 'gratuito', 'gratuita', 'bonito', 'bonita', 'maldito',
  'circuito', 'requisito', 'requisitos', 'solicita', 'solicito', 'permito', 'habito', 'debito', 'transito', 'merito']);
export function spanishWithoutDiminutive(word: string): string | undefined {
  if (NOT_DIMINUTIVES.has(word)) return undefined;
  const m = ES_DIMINUTIVE.exec(word);
  return m ? `${m[1]}${m[2]}` : undefined;
}

/**
 * Spanish "van" is "they go" far more often than a van: "les van a multar", "¿van en el contenedor amarillo?", "se van".
 * Before "al", "en", "con", "por", "para" or after a pronoun, "que", "no" or "ya" it is the verb, dropped like a
 * stop word. Tokens keep no one-letter word, so "van a arreglar" reaches the lexicon as "van arreglar": when the text
 * says "van a" and an infinitive, "van" before that infinitive is the verb too (an English "van driver" stays a van).
 */
const VAN_BEFORE = new Set(['al', 'en', 'con', 'por', 'para']);
const VAN_AFTER = new Set(['se', 'les', 'lo', 'los', 'la', 'las', 'le', 'nos', 'me', 'te', 'que', 'no', 'ya']);
const ES_INFINITIVE = /^\p{L}{2,}(?:ar|er|ir)(?:me|te|se|nos|os)?(?:lo|la|los|las|le|les)?$/u;
const VAN_A_INFINITIVE = /(?<!\p{L})van a \p{L}{2,}(?:ar|er|ir)(?:me|te|se|nos|os)?(?:lo|la|los|las|le|les)?(?!\p{L})/iu;
function isSpanishVan(raw: readonly string[], i: number, vanA: boolean): boolean {
  if (raw[i] !== 'van') return false;
  return VAN_BEFORE.has(raw[i + 1] ?? '') || VAN_AFTER.has(raw[i - 1] ?? '') || (vanA && ES_INFINITIVE.test(raw[i + 1] ?? ''));
}

/**
 * "Je suis perdu", "chui perdue", "estoy perdido": the asker is at a loss, nothing of theirs is lost. After "suis",
 * "sommes" (and their texting forms), "estoy" or "estamos", the word for lost is dropped like a stop word; "mon chat est
 * perdu", "j'ai perdu mes clés" keep it.
 */
const AT_A_LOSS_AFTER = new Set(['suis', 'jsuis', 'chui', 'chuis', 'sommes', 'estoy', 'toy', 'estamos']);
const LOST_WORDS = new Set(['perdu', 'perdue', 'perdus', 'perdues', 'perdido', 'perdida', 'perdidos', 'perdidas']);
function isAtALoss(raw: readonly string[], i: number): boolean {
  return LOST_WORDS.has(raw[i]!) && AT_A_LOSS_AFTER.has(raw[i - 1] ?? '');
}

const AR_CONJUNCTION = /^[\u0648\u0641]/u; // و ف
const AR_PREPOSITION = /^[\u0628\u0644\u0643]/u; // ب ل ك
const AR_ARTICLE = '\u0627\u0644'; // ال
/** Pronouns glued to the end of a word, longest first: ـهما ـها ـهم ـهن ـكم ـكن ـنا ـني ـوا ـه ـك ـي. */
const AR_SUFFIXES = ['\u0647\u0645\u0627', '\u0647\u0627', '\u0647\u0645', '\u0647\u0646', '\u0643\u0645',
  '\u0643\u0646', '\u0646\u0627', '\u0646\u064a', '\u0648\u0627', '\u0647', '\u0643', '\u064a'];
/** The spoken demonstrative "هال" (this) glued before a noun. */
const AR_THIS = '\u0647\u0627\u0644';
/** "ما...ش" around a verb, or its final "ش" alone: ما or م, the verb, ش. */
const AR_NEGATED = /^(?:\u0645\u0627?)?(.+)\u0634$/u;
/**
 * A verb without "ما...ش" or its final "ش" alone. Without "ما" the rest must read as a verb (a person prefix before,
 * or "ت", "و" of the person after), so nouns in ش ("قماش", "فرش") keep their letter.
 */
function arabicWithoutNegation(word: string): string | undefined {
  const m = AR_NEGATED.exec(word);
  if (!m) return undefined;
  const verb = m[1]!;
  if (verb.length < 3) return undefined;
  const wrapped = word.length - verb.length > 1;
  if (!wrapped && !/^[\u064a\u062a\u0646\u0627]|[\u062a\u0648]$/u.test(verb)) return undefined;
  return verb;
}
/** Spoken tense prefixes (ب ك ه ح غ م, or با كا غا…) before a person prefix (ي ت ن). */
const AR_SPOKEN_TENSE = /^[\u0628\u0643\u0647\u062d\u063a\u0645]\u0627?(?=[\u064a\u062a\u0646])/u;
/** "ب" before a verb's first letter, where "I" has its alef: not before a person prefix, و or the article's ل. */
const AR_FIRST_PERSON_SPOKEN = /^\u0628[^\u0627\u0648\u064a\u062a\u0646\u0644]/u;
/** Letters of Persian and the Maghreb for the French g (گ ڭ ڨ) and ch (چ). */
const AR_FOREIGN_LETTERS = /[\u06af\u06ad\u06a8\u0686]/u;
/** A verb's person prefixes (أ ت ي ن, the first written as a bare alef once folded). */
const AR_PERSON = /^[\u0627\u062a\u064a\u0646]/u;

/**
 * The ways an Arabic word may be read without what is glued before it, and without a spoken negation or tense
 * prefix, the word itself first: the same word, never another one (no suffix or person changed).
 */
export function arabicFronts(word: string): Set<string> {
  const fronts = new Set<string>([word]);
  let w = word;
  if (AR_CONJUNCTION.test(w) && w.length >= 5) fronts.add((w = w.slice(1)));
  if (AR_PREPOSITION.test(w) && w.length >= 5) {
    w = w.startsWith('\u0644\u0644') ? `\u0627${w.slice(1)}` : w.slice(1);
    fronts.add(w);
  }
  // Spoken "this" glued as "هال" ("هالشهر", "بهالوقت") stands where the article does.
  if (w.startsWith(AR_THIS) && w.length >= 6) fronts.add((w = `\u0627\u0644${w.slice(3)}`));
  if (w.startsWith(AR_ARTICLE) && w.length >= 5) fronts.add((w = w.slice(2)));
  // Maghrebi and Egyptian negation wraps a verb in "ما...ش" ("مافهمتش", "مخدمتش", "تقدرش", "لقيتوش"): the verb
  // without it.
  for (const front of [...fronts]) {
    const verb = arabicWithoutNegation(front);
    if (verb === undefined) continue;
    fronts.add(verb);
    if (verb.length >= 4 && verb.endsWith('\u0648')) fronts.add(verb.slice(0, -1));
  }
  // A spoken present or future prefix before the person prefix ("بيحكي", "كتخدم", "منطلع", "غنمشي", "حنروح").
  for (const front of [...fronts]) {
    const tense = AR_SPOKEN_TENSE.exec(front);
    if (tense && front.length - tense[0].length >= 3) fronts.add(front.slice(tense[0].length));
  }
  // The spoken present "ب" takes the place of the alef of "I" in the Levant and Egypt: "بشتري", "بروح", "بجيب" are
  // "اشتري", "اروح", "اجيب" said "I buy", "I go", "I bring".
  for (const front of [...fronts]) {
    if (front.length >= 4 && AR_FIRST_PERSON_SPOKEN.test(front)) fronts.add(`\u0627${front.slice(1)}`);
  }
  return fronts;
}

/**
 * An Arabic word's fronts (arabicFronts), each also without a pronoun suffix but "my" ("نحطها" → "نحط", "عندهم" → "عند"): the
 * same word under all its glued parts, for asking whether it is an everyday one.
 */
export function arabicBases(word: string): string[] {
  const out = new Set<string>();
  for (const front of arabicFronts(word)) {
    out.add(front);
    for (const suffix of AR_SUFFIXES) {
      if (!front.endsWith(suffix) || front.length - suffix.length < 3) continue;
      // A final ي is as often an adjective's ("شهري", monthly) as "my": it stays.
      if (suffix !== '\u064a') out.add(front.slice(0, -suffix.length));
      break;
    }
  }
  return [...out];
}

/**
 * The ways an Arabic word may be read without its glued parts, the word itself first: its fronts (arabicFronts:
 * without a conjunction, a preposition ("لل" is "ل" + "ال"), the article or هال, a spoken negation or tense prefix);
 * a feminine ـية as ـي; without a pronoun suffix (a taa marbuta written as taa before it,
 * "سيارتهم" → "سيارة"); with another person prefix on a verb. Each part left keeps three letters or more.
 */
export function arabicReadings(word: string): string[] {
  const out = new Set<string>([word]);
  const fronts = arabicFronts(word);
  for (const front of fronts) {
    // A feminine adjective in ـية is the masculine in ـي ("الرمادية", "رماديه" → "رمادي").
    if (front.length >= 5 && /\u064a[\u0629\u0647]$/u.test(front)) out.add(front.slice(0, -1));
    out.add(front);
    for (const suffix of AR_SUFFIXES) {
      if (!front.endsWith(suffix) || front.length - suffix.length < 3) continue;
      const base = front.slice(0, -suffix.length);
      out.add(base);
      if (base.endsWith('\u062a')) out.add(`${base.slice(0, -1)}\u0629`);
      break;
    }
    // Plurals: ـات of a word in ـة ("حفلات" → "حفلة"), ـين and ـون of one without ("مكسورين" → "مكسور").
    if (front.length >= 5 && front.endsWith('\u0627\u062a')) out.add(`${front.slice(0, -2)}\u0629`);
    if (front.length >= 5 && /(?:\u064a\u0646|\u0648\u0646)$/u.test(front)) out.add(front.slice(0, -2));
  }
  // A French g is written گ, ڭ or ڨ in chat and ك, ق, غ or ج by the lexicon ("گاز" is "غاز", "ڭاراج" "كاراج"), a French
  // ch چ or ش ("چوفاج" is "شوفاج").
  for (const reading of [...out]) {
    if (!AR_FOREIGN_LETTERS.test(reading)) continue;
    for (const g of ['\u0643', '\u0642', '\u063a', '\u062c']) {
      out.add(reading.replace(/[\u06af\u06ad\u06a8]/gu, g).replace(/\u0686/gu, '\u0634'));
    }
  }
  // Person prefixes: "نشتري", "تتصل", "يصلح" are the verbs the lexicon may list as "اشتري", "اتصل", "يصلح".
  for (const reading of [...out]) {
    if (reading.length < 4 || !AR_PERSON.test(reading)) continue;
    for (const prefix of ['\u0627', '\u064a', '\u0646', '\u062a']) out.add(prefix + reading.slice(1));
  }
  return [...out];
}

/** An Arabic word without a glued conjunction and preposition (و ف, then ب ل ك), when three letters or more remain. */
function arabicBare(word: string): string {
  let w = word;
  if (AR_CONJUNCTION.test(w) && w.length >= 4) w = w.slice(1);
  if (AR_PREPOSITION.test(w) && w.length >= 4) w = w.startsWith('\u0644\u0644') ? `\u0627${w.slice(1)}` : w.slice(1);
  return w;
}

export interface LexiconToken {
  /** A concept term, for a multi-word concept; undefined for a plain word. */
  concept?: string;
  word: string;
  /** A multi-word concept's own words ("shoe", "repairs"), for an index that wants them too. */
  parts?: string[];
}

export class ConceptLexicon {
  /** Concept terms are written `#name` so they never collide with a stemmed word. */
  private readonly byWord = new Map<string, string>();
  /** Per stemmer: the stem of a concept's word → the concept. Kept apart so one language's stems cannot catch another's words. */
  private readonly byStem = new Map<Stemmer, Map<string, string>>(STEMMERS.map((s) => [s, new Map()]));
  /** Arabic words by their stem as nouns (stemArNoun), after their stem (stemAr). */
  private readonly byNounStem = new Map<string, string>();
  /** Concepts written as several words ("punto limpio"): their folded words joined by a space. */
  private readonly byPhrase = new Map<string, string>();
  /** Phrases read word by word though a shorter phrase of a concept starts them (see the constructor). */
  private readonly plainPhrases = new Set<string>();
  private longestPhrase = 1;

  /**
   * Earlier lists win where two lists give the same word to different concepts. `plain` are phrases that begin with a
   * concept's phrase and mean something else ("ran out of" is not "ran out", expired): they are read word by word.
   */
  constructor(lists: WordLists[], plain: readonly string[] = []) {
    for (const lexicon of lists) {
      for (const [name, words] of Object.entries(lexicon)) {
        const concept = `#${name}`;
        for (const written of words) this.addWord(concept, written);
      }
    }
    for (const written of plain) {
      const tokens = tokenize(written);
      if (tokens.length < 2) continue;
      this.plainPhrases.add(tokens.join(' '));
      this.longestPhrase = Math.max(this.longestPhrase, tokens.length);
    }
  }

  private addWord(concept: string, written: string): void {
    const tokens = tokenize(written);
    if (tokens.length === 0) return;
    if (tokens.length > 1) {
      const key = tokens.join(' ');
      if (!this.byPhrase.has(key)) this.byPhrase.set(key, concept);
      this.longestPhrase = Math.max(this.longestPhrase, tokens.length);
      return;
    }
    const word = tokens[0]!;
    if (!this.byWord.has(word)) this.byWord.set(word, concept);
    // Chat writes a final taa marbuta as haa and alef maqsura as yaa ("زباله", "مستشفي"): both spellings lead here.
    const plain = foldArabicEnding(word);
    if (plain !== word && !this.byWord.has(plain)) this.byWord.set(plain, concept);
    for (const stem of stemmersForWord(word)) {
      const byStem = this.byStem.get(stem)!;
      const form = stem(word);
      if (!byStem.has(form)) byStem.set(form, concept);
    }
    const noun = stemArNoun(word) ?? (/^\u0627\u0644/u.test(word) ? stemAr(word) : undefined);
    if (noun !== undefined && !this.byNounStem.has(noun)) this.byNounStem.set(noun, concept);
  }

  /** Whether the lexicon lists this very word (not only a word with the same stem). */
  lists(word: string): boolean {
    return this.byWord.has(word);
  }

  /** Every spelling that leads to a concept, for typo matching against its words too. */
  spellings(): ReadonlyMap<string, string> {
    return this.byWord;
  }

  /** The concept a word belongs to, directly or through one of `stemmers`, if any. */
  conceptOf(word: string, stemmers: readonly Stemmer[]): string | undefined {
    const direct = this.byWord.get(word);
    if (direct) return direct;
    if (NOT_BY_STEM.has(word)) return undefined;
    // Spoken Arabic marks the present with a prefix the written language lacks: "بيصلح", "كتجمع", "هيعمل", "حيجي"
    // are "يصلح", "تجمع", "يعمل", "يجي" said in the Levant, the Maghreb and Egypt.
    if (word.length >= 4 && /^[\u0628\u0643\u0647\u062d][\u064a\u062a\u0646\u0627]/u.test(word)) {
      const found = this.conceptOf(word.slice(1), stemmers);
      if (found) return found;
    }
    // A word the lexicon lists once its glued parts are read off ("مكتبها", her office; "نشريه", I buy it) is that word,
    // before any word that only shares its stem (مكتبة, the library; بنشر, a puncture).
    const listed = stemmers.includes(stemAr) ? this.arabicListedReading(word) : undefined;
    if (listed) return listed;
    const stemmed = this.conceptOfStem(word, stemmers);
    if (stemmed) return stemmed;
    // A Ukrainian verb in the past tense is a word of the concept its infinitive is ("полагодили", "зламалася").
    const infinitive = stemmers.includes(stemUk) ? ukrainianPastAsInfinitive(word) : undefined;
    if (infinitive) return this.byWord.get(infinitive) ?? this.conceptOfStem(infinitive, [stemUk]);
    if (stemmers.includes(stemAr)) return this.arabicConceptOf(word);
    if (stemmers.includes(stemEs)) {
      const verb = spanishVerbWithoutPronouns(word);
      if (verb) return this.byWord.get(verb);
      const base = spanishWithoutDiminutive(word);
      if (base) return this.byWord.get(base) ?? this.conceptOfStem(base, [stemEs]);
    }
    return undefined;
  }

  private conceptOfStem(word: string, stemmers: readonly Stemmer[]): string | undefined {
    for (const stem of stemmers) {
      const form = stem(word);
      if (form.length < (stem === stemAr || stem === stemUk ? MIN_CONCEPT_STEM_AR_UK : MIN_CONCEPT_STEM)) continue;
      const found = this.byStem.get(stem)?.get(form);
      if (found) return found;
      if (stem === stemAr) {
        const noun = stemArNoun(word);
        const byNoun = noun !== undefined && noun.length >= MIN_CONCEPT_STEM_AR_UK ? this.byNounStem.get(noun) : undefined;
        if (byNoun) return byNoun;
      }
    }
    return undefined;
  }

  /** The concept of the first reading of an Arabic word without its glued parts (arabicReadings) that the lexicon lists. */
  private arabicListedReading(word: string): string | undefined {
    if (!/^[\u0600-\u06ff]/u.test(word)) return undefined;
    for (const reading of arabicReadings(word)) {
      const found = this.byWord.get(reading) ?? this.byWord.get(foldArabicEnding(reading));
      if (found) return found;
    }
    return undefined;
  }

  /**
   * Arabic glues conjunctions, prepositions and the article before a word and pronouns after it ("والتصليحات",
   * "نشتريها", "سيارتهم"), and a verb's person prefix changes with who acts ("نشتري", "اشتري"). A word the lexicon does
   * not know as written is read without them: first as a word of the lexicon itself, then through its stem.
   */
  private arabicConceptOf(word: string): string | undefined {
    const readings = arabicReadings(word);
    for (const reading of readings) {
      if (reading.length < 4) continue;
      const found = this.conceptOfStem(reading, [stemAr]);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * Arabic glues "and", "with", "for", "so" and "like" (و ب ل ف ك) to the next word: "والترام", "للباص", "بالسكان".
   * When the rest is a word the analyzer knows (a stop word, an everyday word or a word of the lexicon), the word is
   * that rest.
   */
  withoutProclitic(word: string): string {
    // Spoken Arabic shortens "على" before the article to a glued "ع": "عالبلكون", "عالباص" are "on the balcony", "on
    // the bus". Only when the rest is an everyday word or a word the lexicon knows, since "عالم" and "عالي" are words of their own.
    if (word.length >= 6 && word.startsWith('\u0639\u0627\u0644')) {
      const rest = word.slice(1);
      const bare = rest.slice(2);
      if (WEAK_WORDS.has(rest) || this.byWord.has(rest) || this.byWord.has(bare) || this.byWord.has(foldArabicEnding(bare))) {
        return rest;
      }
    }
    // "and" or "so" on a two-letter function word ("ومع", "وكل", "فمش") leaves the function word.
    // A word the lexicon reaches as it stands ("فقد", lost) is that word.
    if (word.length === 3 && /^[\u0648\u0641]/u.test(word) && !STOP_WORDS.has(word) && !this.conceptOf(word, [stemAr])) {
      const rest = word.slice(1);
      if (STOP_WORDS.has(rest)) return rest;
    }
    if (word.length < 4 || !/^[\u0648\u0628\u0644\u0641\u0643]/u.test(word)) return word;
    // A word known as written, everyday ones included ("بكرا", tomorrow, is not "ب" + "كرا", rent), is that word.
    if (STOP_WORDS.has(word) || WEAK_WORDS.has(word) || this.byWord.has(word)) return word;
    // "لل" is "ل" + "ال" with one alef dropped.
    const rest = word.startsWith('\u0644\u0644') ? `\u0627${word.slice(1)}` : word.slice(1);
    if (STOP_WORDS.has(rest) || WEAK_WORDS.has(rest) || this.byWord.has(rest)) return rest;
    if (rest.startsWith('\u0627\u0644') && this.byWord.has(rest.slice(2))) return rest.slice(2);
    return word;
  }

  /** Tokens of `text` with multi-word concepts joined and stop words dropped. */
  tokens(text: string): LexiconToken[] {
    const raw = tokenize(text);
    const vanA = VAN_A_INFINITIVE.test(text);
    const out: LexiconToken[] = [];
    for (let i = 0; i < raw.length; i++) {
      let joined = false;
      // An Arabic phrase may start with a glued preposition or conjunction ("لعيد ميلاد" is "for a birthday").
      const first = raw[i]!;
      const bare = /^[\u0600-\u06ff]/u.test(first) ? arabicBare(first) : first;
      for (let n = Math.min(this.longestPhrase, raw.length - i); n >= 2; n--) {
        const rest = raw.slice(i + 1, i + n).join(' ');
        if (this.plainPhrases.has(`${first} ${rest}`)) {
          for (const word of raw.slice(i, i + n).map((w) => this.withoutProclitic(w))) {
            if (!isStopWord(word)) out.push({ word });
          }
          i += n - 1;
          joined = true;
          break;
        }
        const concept =
          this.byPhrase.get(`${first} ${rest}`) ?? (bare !== first ? this.byPhrase.get(`${bare} ${rest}`) : undefined);
        if (concept) {
          out.push({ concept, word: raw.slice(i, i + n).join(''), parts: raw.slice(i, i + n) });
          i += n - 1;
          joined = true;
          break;
        }
      }
      if (joined) continue;
      if (isSpanishVan(raw, i, vanA)) continue;
      if (isAtALoss(raw, i)) continue;
      const word = this.withoutProclitic(raw[i]!);
      if (!isStopWord(word)) out.push({ word });
    }
    return out;
  }
}
