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
  /\bhow long\b|\bhow many (?:days|weeks)\b|\bhow soon\b|\bwhen will (?:it|they) (?:be )?(?:fixed|repaired|finish\p{L}*)|\bquand (?:est-ce qu'ils vont|vont-ils|va-t-il être) (?:le |la )?(?:r[ée]parer|r[ée]par[ée]e?)|\bcu[áa]ndo (?:lo |la )?(?:van a arreglar|arreglan|reparan|estar[áa] arreglad[oa])|(?<!\p{L})коли (?:\p{L}+ )?(?:полагодять|відремонтують|запрацює)|(?<!\p{L})скільки (?:\p{L}+ ){0,2}(?:ремонтують|ремонтуватимуть|лагодять)|(?<!\p{L})(?:ايمتى|امتى|إمتى|متى|وقتاش) (?:(?:رح|ح|هي|بي|غادي) )?\p{L}*(?:خلصوا|صلحوا|يصلحوه|يخلصوا)|combien de (?:temps|jours|semaines)|\b(?:durer|durera|dureront|durar|durar[áa]n?)(?!\p{L})|\bcu[áa]nto duran?(?!\p{L})|(?<!\p{L})(?:триватиме|триватимуть|протриває|протривають)(?!\p{L})|\bquel d[ée]lai|cu[aá]nto (?:tiempo|tarda|tardan)|\bse tarda|cu[aá]ntos (?:d[ií]as|semanas)|скільки\s+(?:\p{L}+\s+)?(?:часу|днів|тижнів|чекати)|як довго|كم (?:يوم|يوما|أسبوع|اسبوع|وقت|من الوقت)|قديش (?:بياخد|وقت|بدو)/iu;

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

/** Public holidays by name, in the five languages, with the French ones by date in each (the FAQ's town is in France). */
const HOLIDAY =
  /\b(?:bank|public) holidays?\b|christmas|easter|new year'?s? day|bastille day|\bf[ée]ri[ée]s?(?!\p{L})|\bno[ëe]l\b|p[âa]ques|ascension|pentec[ôo]te|toussaint|1er mai|\b8 mai|14 juillet|15 ao[ûu]t|11 novembre|jour de l'an|\bmay day\b|\blabou?r day\b|\b1(?:st)? (?:of )?may\b|\bmay 1(?:st)?\b|\b(?:1|primero) de mayo\b|d[íi]a del trabajo|\b(?:8|15) de (?:mayo|agosto)\b|\b14 de julio\b|\b11 de noviembre\b|(?<!\p{N})(?:1|1-го|першого|8|14|15|11) (?:травня|липня|серпня|листопада)(?!\p{L})|عيد العمال|(?:فاتح|1|أول|اول) (?:ماي|مايو)(?!\p{L})|\bfestivos?\b|navidad|semana santa|a[ñn]o nuevo|святков\p{L}* (?:день|дні|днів)|державн\p{L}* свят|різдв|великд|новий рік|العيد(?!\p{L})|الأعياد|عطلة رسمية|رأس السنة/iu;

/**
 * Whom to tell or call is asked ("who do I report this to?", "on prévient qui ?", "¿a quién se avisa?", "кому про це
 * сказати?", "куди дзвонити?", "لمين منشتكي؟"). Ukrainian asks whom to call with "where" as often as with "whom": "куди
 * дзвонити?", "куди скаржитися?" ("where do I call / complain?"). An entry whose answer names no one to address (no
 * phone number, manager, supplier, reception, association, agency or council) does not answer it: "the bottle bank is
 * overflowing, who do we report it to?" is not answered by where the bottle banks are. On the seen sets this keeps 7
 * unanswerable questions unanswered (tuning-4 1, tuning-5 1, tuning-6 5: an overflowing bottle bank, a slow wifi,
 * broken swings) and loses no right answer: the answerable ones go to the repairs, the lift, the common room and the
 * manager, whose answers name whom to call.
 */
export const ASKS_CONTACT = 32;

/** The words that ask whom to tell, call or report to, in the five languages. */
const ASKS_WHOM =
  /\bwho (?:do|should|can|shall|must) (?:i|we|you|one) (?:even )?(?:tell|call|contact|report|ring|phone|speak|talk|complain|inform|notify|email|message)|\bwho(?:'s| is) (?:responsible|in charge)|\bwho (?:deals|handles|fixes|repairs|sorts)\b|\breport (?:this|it|that) to\b|\bwho to (?:tell|call|contact|report)\b|\bqui (?:on |il faut |je dois |faut )?(?:pr[ée]venir|appeler|contacter|contacte|pr[ée]vient|pr[ée]viens|appelle|s'en occupe|g[èe]re|r[ée]pare|est responsable)|(?:pr[ée]vient|pr[ée]viens|appelle|contacte|signale|s'adresse|adresser) qui\b|[àa] qui (?:(?:je|on|il faut) )?(?:le |la |les |en |me |m')?(?:signaler|signale|dire|adresser|parler|pr[ée]venir|plaindre|[ée]crire|t[ée]l[ée]phoner)|\ba qui[ée]n (?:se |le |les |hay que |tengo que |debo |puedo )?(?:avis|llam|reclam|dig|dec|contact|escrib|report|quej|acud|recurr)|\bqui[ée]n (?:se encarga|arregla|repara|es el responsable)|\bcon qui[ée]n (?:hablo|hay que hablar|contacto)|(?<!\p{L})кому (?:\p{L}+ ){0,2}(?:сказати|казати|звертатися|звернутися|дзвонити|подзвонити|повідомити|повідомляти|писати|написати|скаржит(?:ися|ись)|поскаржит(?:ися|ись)|жаліт(?:ися|ись))|(?<!\p{L})до кого (?:\p{L}+ )?(?:звертатися|звернутися|йти)|(?<!\p{L})куди (?:\p{L}+ ){0,2}(?:дзвонити|дзвонить|подзвонити|телефонувати|зателефонувати|скаржит(?:ися|ись)|поскаржит(?:ися|ись)|повідомляти|повідомити)(?!\p{L})|(?<!\p{L})хто (?:його |її |їх |це )?(?:ремонтує|відповідає|займається|лагодить|полагодить|перезапускає|перезавантажує|обслуговує|налаштовує)|(?<!\p{L})لمين (?:لازم |بدي |بدنا )?\p{L}*(?:بلغ|حكي|تصل|شتكي|خبر|كلم)|(?<!\p{L})مين (?:ب|م|ن)\p{L}*(?:خبر|حكي|شتكي|تصل|كلم)|(?<!\p{L})شكون (?:كي|غا)|(?<!\p{L})مع مين|(?<!\p{L})(?:من|مين) المسؤول|(?<!\p{L})لمن (?:أ|ا)?(?:شتكي|بلغ|تصل)|(?<!\p{L})بمين \p{L}*(?:تصل|حكي)/iu;

/** Someone to address in an answer: a phone number (PHONE_NUMBER), or a manager, supplier, reception, association… */
const CONTACT =
  /\bmanager|gestionnaire|\bgestor|administrador|адміністрац|управител|مدير|ناطور|supplier|fournisseur|proveedor|постачальник|مزود|reception|accueil|recepci[oó]n|рецепці|استقبال|association|asociaci[oó]n|асоціаці|جمعية|agency|agence|agencia|агентств|وكالة|council|\bcity\b|\bville\b|mairie|town hall|ayuntamiento|мері[яїю]|البلدية|social services|services sociaux|servicios sociales/iu;

/**
 * A clock time is asked ("what time…", "until when…", "jusqu'à quelle heure", "hasta qué hora", "до котрої…", "о котрій
 * годині…", "لأي ساعة"). An entry whose answer gives no clock time does not answer it, though it may name days ("free
 * on Sundays" does not say when the supermarket closes on Sundays; the playground's entry says where it is, not until
 * when it is open). On the seen sets this keeps 4 unanswerable questions unanswered (tuning-4 1, tuning-5 1, tuning-6
 * 1, seen 4 1) and loses no right answer: the answerable ones go to the bins, the noise rules, the laundry, the post
 * office, the market, the library, the town hall, whose answers give times.
 */
export const ASKS_CLOCK = 64;

/** The words that ask at or until what time, in the five languages. */
const ASKS_WHAT_TIME =
  /\bwhat time\b|\b(?:until|till|til) when\b|\bhow late\b|[àa] quelle heure|jusqu'?[àa] (?:quelle heure|quand)|[àa] partir de quelle heure|\ba qu[ée] hora|hasta qu[ée] hora|hasta cu[áa]ndo|desde qu[ée] hora|(?<!\p{L})(?:до|о|з|від) котрої|(?<!\p{L})(?:до|о|з) (?:якої|которой|которого) годин|(?<!\p{L})(?:о|об|в|у) (?:котрій|якій) годині|(?<!\p{L})о котрій(?!\p{L})|(?<!\p{L})на (?:котру|яку) годину|(?<!\p{L})во сколько|الساعة كم|لأي ساعة|لاي ساعة|لحد (?:امتى|إمتى|الساعة|أي ساعة|اي ساعة)|لغاية (?:امتى|الساعة)|حتى الساعة|أي ساعة|اي ساعة|لوقتاش|حتى متى|لامتى|لإمتى|على قداش/iu;

/** A clock time ("8:30", "22 h", "9h30", "10 pm"): in an answer it says at what time (analyze.ts's aspect hours too). */
const CLOCK_TIME = /(?<![\p{L}\p{N}])\d{1,2}(?::\d{2}|\s?h(?:\d{2})?(?![\p{L}])|\s?[ap]\.?m\b)/iu;

/** Whether a text gives a clock time. */
export function givesClockTime(text: string): boolean {
  return CLOCK_TIME.test(text);
}

/**
 * What something costs is asked ("how much is…", "combien coûte…", "cuánto cuesta…", "cobran…", "скільки коштує…",
 * "بكام"): ASKS_PRICE, read from the words as written (and "paid or free?" by ASKS_PAID_OR_FREE). An entry that names
 * no price (an amount, "free") does not answer it: "how much is a monthly tram pass?" is not answered by where to buy
 * one. On the seen sets this keeps 3 unanswerable questions unanswered (tuning-3 1, tuning-6 2: the tram pass, a
 * pharmacy's night fee, a parcel to Ukraine) and loses no right answer: the answerable ones go to the laundry, the
 * permit, the fob, the garden's membership and the common room, whose answers give a price. The Maghreb's قداش and شحال
 * ask how much as well as how many: before paying (تخلص) or being worth (يسوى) they ask a price.
 */
const ASKS_HOW_MUCH =
  /\bhow much (?:is|are|does|do|for|would|will|to|it|they|per|an|a|each)\b(?! (?:notice|time)\b)|\b(?:ad2esh|2ade?sh|b(?:e|i)?2ade?sh|bch7al|b9ade?ch|bkam)\b|combien (?:[çc]a |ca )?co[ûu]te(?:nt)?|combien c'est|c'est combien|\bcu[áa]nto (?:cuesta|cuestan|sale|salen|cobra|cobran|vale|valen)\b|\bcobran?\b|(?<!\p{L})скільки (?:\p{L}+ )?(?:коштує|коштують|коштуватиме)|\bmore expensive\b|\bsurcharge\b|\bextra (?:charge|fee)\b|\bplus ch[eè]re?\b|\bsuppl[ée]ment (?:[àa] payer|de prix)\b|\bm[áa]s car[oa]\b|\brecargo\b|(?<!\p{L})(?:дорожче|доплат\p{L}*|надбавк\p{L}*)|(?<!\p{L})(?:أغلى|اغلى)(?!\p{L})|\bwhat(?:'s| is| does it) (?:the )?(?:price|cost|fee)\b|\bc'est payant\b|\bquel (?:est le )?(?:prix|tarif)\b|\bcu[áa]nto es\b|\bqu[ée] precio\b|\bcu[áa]l es el precio\b|(?<!\p{L})(?:скільки це коштує|яка ціна|яка вартість)(?!\p{L})|(?<!\p{L})(?:بشحال|كم السعر|كم الثمن|شو السعر|شنو الثمن)(?!\p{L})|بكام|بقداش|(?<!\p{L})(?:قديش|بقديش|كم)\s*؟|قديش (?:حق|سعر|بتكلف|بيكلف|الحق)|كم (?:سعر|ثمن|تكلفة|يكلف)|(?:قداش|شحال) (?:[تني]?خلص|كن?[تني]خلص|يسو[اى]|تسو[اى]|السوم[اةه]|الثمن|الحق)/iu;

/**
 * An animal other than a cat or a dog is named ("are rabbits ok in the flats?", "عندي عصفور كناري، مسموح؟", "а
 * папугу можна тримати?"). An entry that names no such animal (pets "like dogs and cats") does not say whether it is
 * allowed. On the seen sets this keeps 3 unanswerable questions unanswered (tuning-6: a rabbit, a canary, a parrot)
 * and loses no right answer: no answerable question names one.
 */
export const ASKS_ANIMAL = 128;

/** Animals other than cats and dogs, in the five languages. */
const ANIMAL =
  /\b(?:hamsters?|rabbits?|bunny|bunnies|parrots?|budgies?|guinea pigs?|ferrets?|tortoises?|turtles?|snakes?|lizards?|birds?|canar(?:y|ies)|goldfish|chickens?|hens?|lapins?|perroquets?|perruches?|cochons? d.inde|furets?|tortues?|serpents?|l[ée]zards?|oiseaux?|canaris?|poissons? rouges?|poules?|conejos?|loros?|periquitos?|cobayas?|hur[oó]n(?:es)?|tortugas?|serpientes?|p[áa]jaros?|canarios?|gallinas?)\b|(?<!\p{L})(?:ال)?(?:هامستر|أرنب|ارنب|ببغاء|ببغا|سلحفاة|سلحفا|عصفور|عصافير|كناري|دجاج|جاج)(?!\p{L})|(?<!\p{L})(?:хом.?як|хомяк|кролик|папуг|попуга|черепах|рибк|пташ|птах|канарк|курк|курей)\p{L}*/iu;

/**
 * The best or cheapest is asked ("which electricity supplier is the cheapest?", "la más barata", "найдешевший"). An
 * entry whose answer recommends none ("choose any supplier") does not answer it. On the seen sets this keeps 2
 * unanswerable questions unanswered (tuning-6: the cheapest electricity supplier, in Spanish and Ukrainian) and loses
 * no right answer.
 */
export const ASKS_BEST = 256;

/** The words that ask for the best or cheapest, in the five languages. */
const ASKS_BEST_ONE =
  /\bcheapest\b|\bthe best\b|\b(?:do|would|can) (?:\p{L}+ )?recommend\b|\bcheaper ones?\b|\bvous (?:me )?(?:conseillez|recommandez)\b|\brecomiendan?\b|(?<!\p{L})(?:порадьте|порадите|радите|рекомендуєте)(?!\p{L})|\bbest (?:one|place|way|option|deal|offer|price|supplier|provider)\b|\bleast expensive\b|\bmoins ch[eè]re?s?\b|\b(?:le|la|les) meilleure?s?\b|\bm[áa]s barat[oa]s?\b|\b(?:el|la|los|las) mejor(?:es)?\b|(?<!\p{L})(?:найдешевш|найкращ|найвигідн)\p{L}*|الأرخص|أرخص|ارخص|الأفضل|الافضل|أحسن واحد|احسن واحد/iu;

/** A recommendation in an answer: the cheapest, the best, an honest one. */
const BEST = /\bcheapest\b|\bmoins ch[eè]re?s?\b|\bbest\b|\bmeilleure?s?\b|\bhonest\b|\bhonn[êe]te\b|\brecommend|\brecommand|m[áa]s barat|\bmejor\b|найдешевш|найкращ|الأرخص|أفضل/iu;

/**
 * A size is asked ("how big is…", "quelle superficie", "qué tamaño", "який розмір…", "كم متر"). An entry whose answer
 * gives no size or capacity does not answer it. On the seen sets this keeps 1 unanswerable question unanswered
 * (tuning-6: the size of a garden plot) and loses no right answer.
 */
export const ASKS_SIZE = 512;

/** The words that ask a size, in the five languages. */
const ASKS_HOW_BIG =
  /\bhow big\b|\bwhat size\b|\bhow large\b|\bquelle taille\b|\bsuperficie\b|m[eè]tres carr[ée]s|\bqu[ée] tama[ñn]o\b|\bcu[áa]ntos metros\b|(?<!\p{L})розмір|скільки (?:\p{L}+ )?метрів|(?<!\p{L})площа(?!\p{L})|مساحة|كم متر|قديش متر/iu;

/** A size or capacity in an answer: an area, a length, a number of people it holds. */
const SIZE = /\d\s?(?:m²|m2|sq\.? ?m|square met|mètres? carr|m\b|metres?\b|mètres?\b)|\bholds \d+|\d+ (?:people|personnes)/iu;

/**
 * Someone who does not live in the building is asked about ("my sister doesn't live here, can she book it?", "c
 * combien pour les extérieurs ?", "ماشي ساكن فالعمارة", "вони не живуть в будинку"). An entry whose answer names
 * no visitors, guests or non-residents ("free for residents") does not say what holds for them.
 * On the seen sets this keeps 4 (tuning-5 1, tuning-7 3) unanswerable questions unanswered and loses no right answer.
 */
export const ASKS_OUTSIDER = 1024;

/** The words that name someone from outside the building, in the five languages. */
const ASKS_NON_RESIDENT =
  /\bnon[- ]?residents?\b|\bnot (?:a )?residents?\b|\b(?:doesn'?t|don'?t|does not|do not|isn'?t|aren'?t) (?:even )?(?:live|living|lives)\b|\bnot living (?:here|in)|\boutsiders?\b|\bfrom outside\b|\bnon[- ]?r[ée]sidents?\b|\b(?:habite|habitent|vit|vivent|vis) pas\b|\bn'(?:habite|habitent)\b|\bpas r[ée]sidente?s?(?!\p{L})|\bpas (?:de|dans) la r[ée]sidence\b|\b(?:les|des|aux|pour) ext[ée]rieurs\b|\bpersonnes? ext[ée]rieures?\b|\bno (?:vivo|vive|viven|vivimos|es residente|son residentes|es del edificio|son del edificio|es vecin[oa]|son vecin[oa]s)\b|\bno residentes?\b|\bde fuera\b|(?<!\p{L})(?:ماشي|مش|مو|ما|مهو|مهي|غير) (?:ساكن|ساكنة|ساكنين|عايش|من سكان|من العمارة|من البناية)|(?<!\p{L})من (?:برا|بره|برّا|خارج) (?:العمارة|البناية)|(?<!\p{L})не (?:живе|живуть|живу|живемо|мешка\p{L}*|прожива\p{L}*|з (?:нашого )?будинку)|(?<!\p{L})з іншого (?:району|будинку)|(?<!\p{L})сторонн\p{L}*|(?<!\p{L})не мешканц\p{L}*/iu;

/** Visitors, guests or non-residents named in an answer. */
const OUTSIDER = /\bvisitors?\b|\bguests?\b|\bnon[- ]?residents?\b|\bvisiteurs?\b|\binvit[ée]s?(?!\p{L})|\bext[ée]rieurs?\b|\bnon[- ]?r[ée]sidents?\b/iu;

/**
 * Starting in the middle of the school year is asked ("can the kids start school mid year or do we have to wait for
 * September?", "¿se puede inscribir a mitad de año?", "посеред року", "ولا لازم نستناو سبتمبر"). An entry that gives the
 * usual dates only ("registrations for September open in March") does not say whether a late start is possible.
 * On the seen sets this keeps 4 (tuning-7) unanswerable questions unanswered and loses no right answer.
 */
export const ASKS_MID_YEAR = 2048;

/** The words that ask about the middle of the year or waiting for its start, in the five languages. */
const ASKS_MIDDLE_OF_YEAR =
  /\bmid[- ]?(?:year|term)\b|\bmiddle of the (?:school )?year\b|\bwait (?:for|until|till|til) (?:september|next year)\b|\ben (?:cours|milieu) d'ann[ée]e\b|\bmilieu de l'ann[ée]e\b|\battendre (?:septembre|la rentr[ée]e)\b|\ba (?:mitad|medio|mediados) de(?:l)? (?:a[ñn]o|curso)\b|\besperar (?:a|hasta) septiembre\b|(?<!\p{L})посеред (?:навчального )?року|(?<!\p{L})в середині (?:навчального )?року|(?<!\p{L})чекати (?:до )?верес\p{L}*|(?<!\p{L})(?:نص|منتصف|وسط) (?:السنة|العام)|(?<!\p{L})(?:نستنى|نستناو|نستنا|ننتظر|نستنوا|نستني) (?:ل|لـ|حتى |لحد )?(?:سبتمبر|أيلول|ايلول|شتنبر)/iu;

/** A start during the year named in an answer. */
const MID_YEAR = /\bmid[- ]?year\b|\bduring the (?:school )?year\b|\bany time of (?:the )?year\b|\ben cours d'ann[ée]e\b|\btoute l'ann[ée]e\b/iu;

/**
 * Who pays is asked ("who pays for the repairs, me or them?", "quién paga?", "شكون يخلص الإصلاح؟", "хто платить?"). An
 * entry whose answer says nothing of who bears a cost (included in the charges, at the owner's expense…) does not
 * answer it: whom to call about a leak is not who pays for its repair.
 * On the seen sets this keeps 3 (tuning-7) unanswerable questions unanswered and loses no right answer.
 */
export const ASKS_PAYER = 4096;

/** The words that ask who pays, in the five languages. */
const ASKS_WHO_PAYS =
  /\bwho (?:pays|paid|will pay|has to pay|should pay|is paying|'s paying|covers)\b|\bqui (?:paie|paye|payera|doit payer|rembourse|doit rembourser|prend en charge)\b|(?<!\p{L})[àa] la charge de qui\b|\bqui[ée]n (?:paga|pagar[áa]|tiene que pagar|lo paga|la paga|se hace cargo|cubre)(?!\p{L})|(?<!\p{L})хто (?:\p{L}+ )?(?:платить|платити|заплатити|оплатити|оплачувати|платитиме|оплачує|оплачуватиме|відшкодов\p{L}*|компенсу\p{L}*)|(?<!\p{L})(?:شكون|مين|من|منو|شنو) (?:لي |اللي |الي )?(?:غادي |رح |بدو |لازم )?(?:يخلص|بيخلص|يدفع|بيدفع|يتحمل|بيتحمل)|(?<!\p{L})على حساب (?:مين|شكون|منو)(?!\p{L})/iu;

/** Who bears a cost, in an answer. */
const PAYER = /\bincluded in\b|\bat (?:your|the owner'?s|the landlord'?s|their) (?:own )?expense\b|\bpaid by\b|\bcompris dans\b|\binclus dans\b|(?<!\p{L})[àa] la charge d[eu]\b|\bpay[ée]e? par\b|\bpris en charge\b/iu;

/**
 * Something that does not work is asked about ("my fob just stopped working", "الbadge ما بقاش يخدم", "le wifi ne
 * marche plus"). An entry whose question and answer name no breakdown, repair or fault says how the thing is used,
 * not what to do when it fails.
 * On the seen sets this keeps 4 (tuning-7 3, seen 6 1) unanswerable questions unanswered and loses no right answer.
 */
export const ASKS_BROKEN = 8192;

/** The words that say something does not work, in the five languages. */
const ASKS_NOT_WORKING =
  /\b(?:stopped|stops|no longer) (?:working|work|works)\b|\bdid(?:n'?t| not) work\b|\ba pas (?:marché|fonctionné)|\bno funcion[óo](?!\p{L})|(?<!\p{L})не спрацюва\p{L}*|(?<!\p{L})(?:ما|وما) (?:ا)?(?:شتغلت?ش|خدمت?ش|اشتغلت)(?!\p{L})|\b(?:doesn'?t|does not|won'?t) work any ?more\b|\b(?:fonctionne|fonctionnent) plus\b|\bne (?:marche|marchent) plus\b|\bmarche plus du tout\b|\bya no (?:me )?(?:funciona|anda|sirve|abre)\b|\bya no (?:funciona|anda|sirve|va)\b|\bdej[óo] de (?:funcionar|andar)\b|(?<!\p{L})(?:перестав|перестала|перестало|перестали) працювати|(?<!\p{L})більше не працю\p{L}*|(?<!\p{L})(?:ما عاد|ماعاد|ما بقاش|مابقاش|ما بقى|ما بقا|ما عاد ي|صار ما) ?\p{L}*(?:شتغل|خدم)\p{L}*/iu;

/** A breakdown, fault or repair named in an entry. */
const BREAKDOWN =
  /\bbroken?\b|\brepairs?\b|\bfailures?\b|\bfault|\bpower cuts?\b|\bstuck\b|\bout of order\b|\bnot working\b|\bpanne\b|\br[ée]paration|\bcass[ée]e?s?(?!\p{L})|\bfuite|\bleaks?\b|\bbloqu[ée]/iu;

/**
 * Why is asked ("pourquoi l'ascenseur tombe en panne toutes les semaines ?", "¿por qué hay que pasar por la comisaría?").
 * An entry whose answer gives no reason (because, so that, à cause de…) says what to do, not why.
 * On the seen sets this keeps 2 (tuning-7) unanswerable questions unanswered and loses no right answer.
 */
export const ASKS_WHY = 16384;

/**
 * The words that ask why, in the five languages, with informal spellings ("pk", "por q"). Egyptian ليه after someone
 * who holds it ("كل واحد ليه يوم", "مين ليه مفتاح") says "has", not why.
 */
const ASKS_REASON =
  /\bwhy\b|\bhow come\b|\bpourquoi\b|\bpor qu[ée](?!\p{L})|\bpor q\b|(?<!\p{L})(?:чому|навіщо|нащо|чого це)(?!\p{L})|(?<!\p{L})(?:ليش|لماذا|علاش|لاش|لواش)(?!\p{L})|(?<!(?:واحد|واحدة|حد|مين|كل) )(?<!\p{L})ليه(?!\p{L})/iu;

/** A reason given in an answer. */
const REASON = /\bbecause\b|\bso that\b|\bdue to\b|\bparce que?\b|(?<!\p{L})[àa] cause d|\bafin de\b|\bpour que\b|\bcar\b/iu;

/**
 * How many things are allowed or held is asked ("cuántos encombrants se pueden sacar por cita?", "скільки речей можна
 * виставити за раз?"). An entry whose answer counts nothing (no number of items, people or machines, no limit) does not
 * answer it.
 * On the seen sets this keeps 3 (tuning-7 2, tuning-8 1) unanswerable questions unanswered and loses no right answer.
 */
export const ASKS_COUNT = 32768;

/**
 * The words that ask how many things, in the five languages (how many days or weeks is ASKS_DURATION); Arabic asks the
 * most of them too ("حد أقصى لعدد الحاجات", where حد is the limit, not someone), as French and Spanish ask the largest
 * number ("un nombre max d'objets", "un número máximo de muebles").
 */
const ASKS_HOW_MANY =
  /\bhow many (?!days?\b|weeks?\b|months?\b|hours?\b|minutes?\b|times?\b)|\bcombien (?:de |d')(?!en\b|temps\b|jours?\b|semaines?\b|mois\b|heures?\b|fois\b)|\bcu[áa]nt[oa]s (?!d[ií]as\b|semanas\b|meses\b|horas\b|veces\b)|\bcu[áa]nt[oa]s\b(?= se pueden)|(?<!\p{L})скільки (?:\p{L}+ )?(?:речей|предметів|штук|людей|осіб|гостей|машин|речі|мішків|одиниць)|(?<!\p{L})(?:كم|قداش من|قديش) (?:غرض|قطعة|حاجة|شخص|واحد|كيس|حاجات|قطع)|(?<!\p{L})(?:ال)?حد (?:ال)?[أا]قصى (?:ل|من )?(?:ال)?عدد|\b(?:nombre|n[uú]mero|number|cantidad) (?:max(?:imum|imo)?|m[áa]xim[oa]|limite|l[íi]mite)(?!\p{L})|\bmax(?:imum)? (?:number|nombre|amount|quantit[ée])(?!\p{L})/iu;

/** A count in an answer: a number of things, people or machines, or a limit ("holds 30 people", "3 washing machines"). */
const COUNT = /(?<![\p{N}:.,])\b\d{1,3}\s+(?!euros?\b|€|days?\b|weeks?\b|months?\b|hours?\b|minutes?\b|jours?\b|semaines?\b|mois\b|heures?\b|h\b|ans?\b|years?\b|am\b|pm\b)\p{L}{3,}|\bmaximum\b|\bno limit\b|\bup to \d|\bat most\b|\bsans limite\b|\bjusqu'[àa] \d/iu;

/**
 * A rate per hour or per month is asked ("how much per hour is parking on Mill Lane?", "combien ça coûte à l'heure",
 * "скільки коштує година паркінгу", "بقداش الساعة", Arabizi "ad2esh el se3a", "abonnement شهري؟ قديش؟"). An entry that
 * names no amount ("pay-and-display, free on Sundays") does not give it.
 * On the seen sets this keeps 6 (tuning-4 1, tuning-7 3, tuning-8 1, seen 6 1) unanswerable questions unanswered and
 * loses no right answer.
 */
export const ASKS_RATE = 65536;

/** The words that ask a price per hour or per month, in the five languages and Arabizi. */
const ASKS_PER_HOUR =
  /\b(?:per|an|a|by the|each) hour\b|\bhourly\b|\b(?:el|l|bel|fel|fi) ?(?:se3a|sa3a)\b|\b(?:per|a|each) month\b|\bmonthly\b|\bpar mois\b|\bmensuel\p{L}*|\b(?:al|por|cada) mes\b|\bmensual(?:es)?\b|(?<!\p{L})(?:на місяць|щомісяч\p{L}*|помісячн\p{L}*)(?!\p{L})|(?<!\p{L})(?:شهري\p{L}*|بالشهر|في الشهر)(?!\p{L})|(?<!\p{L})[àa] l'heure\b|\bpar heure\b|\bde l'heure\b|\bpor hora\b|\bla hora\b|\bcada hora\b|(?<!\p{L})(?:за годину|година|годину|погодинн\p{L}*)(?!\p{L})|(?<!\p{L})(?:بقداش|قداش|قديش|بكام|كم) (?:ال)?ساعة|(?<!\p{L})(?:في|بال|ل)ساعة(?!\p{L})/iu;

/**
 * Renewing, cancelling, blocking or changing something already issued is asked ("how do i renew my permit?", "faut le
 * faire désactiver ?", "його можна заблокувати?", "cómo cierro el contrato de luz?", "can we get the wifi password
 * changed?"). An entry that tells how to get the thing in the first place says nothing of renewing or cancelling it.
 * On the seen sets this keeps 7 (tuning-7) unanswerable questions unanswered and loses no right answer.
 */
export const ASKS_CHANGE = 131072;

/** The words that ask to renew, extend, cancel, block, deactivate or change something, in the five languages. */
const ASKS_RENEW_CANCEL =
  /\brenew(?:al|ing|ed)?\b|\bextend(?:ing)? (?:my|the|it)\b|\bcancel(?:l?ing|l?ed)?\b|\bdeactivat\p{L}*|\bblock (?:it|my (?:fob|badge|card))\b|\bget it blocked\b|\b(?:change|changed|changing) (?:the |my |our )?password\b|\bpassword (?:changed|change)\b|\b(?:close|end|terminate) (?:my|the) (?:contract|account)\b|\brenouvel\p{L}*|\bprolong(?:er|e)\b|\bannul(?:er|e)\b|\bd[ée]sactiv\p{L}*|\bbloquer (?:le|mon|la|ma) (?:badge|bip|carte)\b|\br[ée]silie[rz]?\b|\bchanger (?:le|de) mot de passe\b|\brenov(?:ar|o|ación|acion)\b|\bdesactiv\p{L}*|\bcancelar\b|\b(?:cierro|cerrar|dar de baja|doy de baja) (?:el|mi)? ?contrato\b|\bcambiar la contrase[ñn]a\b|(?<!\p{L})(?:titre de s[ée]jour|дозв[іо]л\p{L}*|паспорт\p{L}*|посвідк\p{L}*|карт\p{L}*|перепустк\p{L}*) (?:\p{L}+ )?продовж\p{L}*|(?<!\p{L})продовж\p{L}* (?:\p{L}+ )?(?:titre|дозв[іо]л|паспорт|посвідк|карт|термін|перепустк)\p{L}*|(?<!\p{L})(?:поновит|поновлю|поновлен|заблок|деактив|скасу|розірва)\p{L}*|(?<!\p{L})змінит\p{L}* пароль|(?<!\p{L})(?:تجديد|نجدد|اجدد|أجدد|الغاء|إلغاء|توقيف|نوقف|نبلوكي|بلوك)(?!\p{L})|(?<!\p{L})(?:غيروا|غيرو|بدلوا|تغيير) (?:ال)?(?:mot de passe|password|كلمة السر|الباسورد|الباس)/iu;

/** Renewing, cancelling or blocking named in an answer. */
const RENEW_CANCEL = /\bpassports?\b|\bid cards?\b|\brenew|\bcancel|\bdeactivat|\bblock (?:it|the|your)\b|\bterminat|\bextend|\brenouvel|\bannul|\bd[ée]sactiv|\bbloquer (?:le|la|votre)\b|\br[ée]sili|\bprolong/iu;

/**
 * Replacing a thing is asked ("s'ils prévoient enfin de le remplacer ?", "ils vont le changer quand ?"). An entry whose
 * answer names nothing new or replaced (whom to call when the lift is broken) does not say whether it will be replaced.
 * On the seen sets this keeps 2 (tuning-7 1, seen 6 1) unanswerable questions unanswered and loses no right answer.
 */
export const ASKS_REPLACE = 1048576;

/** The words that ask for a thing to be replaced, in the five languages: the verb with the thing as a pronoun. */
const ASKS_REPLACED =
  /\breplac(?:e|ed|ing) (?:it|them)\b|\b(?:le|la|les) (?:remplacer|remplacent|remplaceront|changer)\b|\b(?:reemplazarl[oa]|l[oa] (?:reemplazan|van a reemplazar|cambian|van a cambiar))\b|(?<!\p{L})(?:замінять|замінити його|поміняють)(?!\p{L})|(?<!\p{L})(?:يبدلوه|يغيروه|يبدلوها|يغيروها)(?!\p{L})/iu;

/** Something new or replaced named in an answer ("a new entrance fob costs 25 euros"). */
const REPLACED = /\bnew\b|\bnouve(?:au|l|lle)\b|\breplac|\bremplac/iu;

/**
 * Charging or topping up is asked ("can i charge an e-bike in the bike room?", "как її поповнювати?", "نقدر نشارجي
 * trottinette؟"). An entry whose answer names no charging, socket or top-up says where a thing is kept or how it is
 * paid, not how it is charged.
 * On the seen sets this keeps 3 (tuning-7) unanswerable questions unanswered and loses no right answer.
 */
export const ASKS_CHARGE = 262144;

/** The words that ask to charge a battery or top up a card, in the five languages. */
const ASKS_CHARGING =
  /\bcharg(?:e|ing) (?:an?|my|the|our) (?:e-?bikes?|electric|scooters?|cars?|batter(?:y|ies)|phones?)\b|\b(?:charging|recharge|recharging)\b|\btop(?:ping)?[- ]?up\b|\bplug (?:it |them |my \p{L}+ )?in\b|\bsockets?\b|\bplugs?\b|\brecharg\p{L}*|\by a (?:des |une |pas de )?prises?\b|\bprises? (?:[ée]lectriques?|de courant)\b|\brecargar\b|\brecarga (?:la|el|mi)\b|\bcargar (?:el|la|mi)\b|\benchufes?\b|(?<!\p{L})(?:заряд|підзаряд|поповн|розетк)\p{L}*|(?<!\p{L})(?:ن|ت|ي)?شارج\p{L}*|(?<!\p{L})(?:ن|ت|ي)?شحن\p{L}*|(?<!\p{L})(?:بريز|بريزة|فيشة)(?!\p{L})/iu;

/** Charging, a socket or a top-up named in an answer. */
const CHARGING = /\bcharg(?:e|ing)\b|\btop[- ]?up\b|\bsockets?\b|\brecharg|\bprises? [ée]lectriques?\b/iu;

/**
 * Older people's terms are asked ("les retraités ont droit à un tarif réduit ?", "los jubilados tienen descuento?"). An
 * entry whose answer names reduced fares for other groups only (under-26s, job seekers) does not say whether they
 * hold for pensioners.
 * On the seen sets this keeps 2 (tuning-7) unanswerable questions unanswered and loses no right answer.
 */
export const ASKS_SENIOR = 524288;

/** The words that name older people, in the five languages. */
const ASKS_OLDER =
  /\b(?:retirees?|retired|pensioners?|seniors?|elderly|old age|over[- ](?:60|65|70)s?|oaps?)\b|\b(?:retrait[ée]s|personnes [âa]g[ée]es|plus de (?:60|65|70) ans)\b|\b(?:jubilad[oa]s?|pensionistas?|tercera edad|mayores de (?:60|65|70))\b|(?<!\p{L})(?:пенсіонер|пенсійн|літн)\p{L}*|(?<!\p{L})(?:ال)?(?:متقاعد|متقاعدين|متقاعدة|كبار السن|المسنين|مسن)(?!\p{L})/iu;

/** The words that ask for a reduced price or a discount, in the five languages. */
const REDUCED =
  /\b(?:reduced|discount\p{L}*|concession\p{L}*|cheaper)\b|\b(?:r[ée]duit\p{L}*|r[ée]duction|remise)\b|\b(?:descuentos?|reducid\p{L}*|rebaja\p{L}*)\b|(?<!\p{L})(?:знижк|пільг|дешевш)\p{L}*|(?<!\p{L})(?:تخفيض|خصم|تخفيضات|ريدكسيون|réduction)/iu;

/** Older people named in an answer. */
const OLDER = /\b(?:retirees?|pensioners?|seniors?|elderly|over[- ](?:60|65)s?|retrait[ée]s|personnes [âa]g[ée]es)\b/iu;

/**
 * Doing without something is asked ("antibiotics without a prescription?", "بلا ordonnance", "sin ordonnance", "без
 * рецепта"). An entry whose answer never says what can be done without something ("go with your prescription") does
 * not say that it may be left out.
 * On the seen sets this keeps 3 (tuning-7) unanswerable questions unanswered and loses no right answer.
 */
export const ASKS_WITHOUT = 2097152;

/** The words that ask about doing without something, in the five languages. */
const ASKS_DOING_WITHOUT =
  /\b(?:don'?t|do not|doesn'?t) have (?:a |an |my |any |the )?(?:id|passport|papers|documents?|proof|birth certificate|family record book|livret)\b|\b(?:je n'ai pas|j'ai pas|n'a pas|a pas) (?:de |d')(?:pi[èe]ce d'identit[ée]|passeport|papiers|justificatif|livret|acte de naissance|titre de s[ée]jour)|\bno tengo (?:el |la |los |mi |mis )?(?:dni|pasaporte|papeles|documentos?|livret|justificante|acta)|(?<!\p{L})не маю (?:\p{L}+ )?(?:паспорт|документ|свідоцтв|livret)\p{L}*|(?<!\p{L})(?:ما عندي|ماعنديش|ما عنديش|معنديش|ماعندي|مش معي|ما معي) (?:ال)?(?:livret|باسبور|جواز|أوراق|اوراق|وثائق|شهادة|بطاقة)|\bwithout (?:a |an |my |any |the )?(?:prescription|id|ticket|card|appointment|booking|papers?|documents?|proof)\b|\bwith no (?:prescription|id|appointment|papers)\b|\bsans (?:ordonnance|rdv|rendez-vous|pi[èe]ce d'identit[ée]|carte|papiers?|justificatif|ticket)\b|\bsin (?:receta|ordonnance|cita|dni|tarjeta|papeles|documentos?|justificante)\b|(?<!\p{L})без (?:рецепт|запис|документ|паспорт|карт|посвідк|ordonnance)\p{L}*|(?<!\p{L})(?:بلا|بدون|من غير|من دون|بلاش) (?:ال)?(?:ordonnance|روشيتة|وصفة|موعد|رونديفو|rendez-vous|rdv|أوراق|اوراق|بطاقة|كارت|باسبور)/iu;

/** Something that may be left out, named in an answer. */
const DOING_WITHOUT = /\bwithout\b|\bno (?:need|appointment|prescription)\b|\bnot (?:needed|required|necessary)\b|\bsans\b|\bpas besoin\b/iu;

/**
 * Whether a place or a service is open or works on a given day is asked ("maison de santé в суботу працює?", "is the
 * health centre open on saturdays?", "does the locksmith come out on Sundays?", "el cerrajero trabaja los domingos?").
 * An entry that names no day and gives no clock time (how to register with a doctor; a locksmith beside the manager's
 * "office hours") does not say it: hours named without a day or a time say nothing of a given day.
 * On the seen sets this keeps 6 (tuning-7 1, tuning-8 1, tuning-9 4) unanswerable questions unanswered and loses no
 * right answer.
 */
export const ASKS_OPEN_DAY = 4194304;

/** A day of the week or the weekend with "open" or "working", in the five languages. */
const ASKS_OPEN_ON_DAY =
  /\b(?:open|working|works?|comes? out)\b.*\b(?:on )?(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|weekends?)\b|\b(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|weekends?)\b.*\bopen\b|\b(?:ouvert\p{L}*|travaille|travaillent)\b.*\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|week-?end)s?\b|\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|week-?end)s?\b.*\bouvert|\b(?:abre|abren|abiert[oa]s?|trabaja|trabajan|atiende|atienden)\b.*\b(?:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bados?|domingos?|fin de semana)\b|\b(?:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bados?|domingos?|fin de semana)\b.*\b(?:abre|abiert[oa]s?|trabaja|trabajan|atiende|atienden)\b|(?<!\p{L})(?:в|у) (?:понеділок|вівторок|середу|четвер|п.ятницю|суботу|неділю|вихідні)(?!\p{L}).*(?<!\p{L})(?:працю\p{L}*|відкрит\p{L}*)|(?<!\p{L})(?:працю\p{L}*|відкрит\p{L}*).*(?<!\p{L})(?:в|у) (?:понеділок|вівторок|середу|четвер|п.ятницю|суботу|неділю|вихідні)(?!\p{L})/iu;

/**
 * A consulate or an embassy is asked about ("pa renovar el pasaporte peruano tengo q ir a la mairie o al consulado?").
 * An entry that names neither (the town hall's passports are French ones) does not say what a consulate does.
 * On the seen sets this keeps 1 (tuning-7) unanswerable questions unanswered and loses no right answer.
 */
export const ASKS_CONSULATE = 8388608;

/** Consulates and embassies, in the five languages. */
const CONSULATE =
  /\b(?:consulates?|embass(?:y|ies)|consulats?|ambassades?|consulados?|embajadas?)\b|(?<!\p{L})(?:консульств|посольств)\p{L}*|(?<!\p{L})(?:ال)?(?:قنصلية|سفارة|القنصلية|السفارة)(?!\p{L})/iu;

/**
 * How fast something is is asked ("le wifi est assez rapide pour faire des visios ?", "is the wifi fast enough?"). An
 * entry that gives no speed (a password) does not say it.
 * On the seen sets this keeps 1 (tuning-7) unanswerable questions unanswered and loses no right answer.
 */
export const ASKS_SPEED = 16777216;

/** The words that ask how fast, in the five languages. */
const ASKS_HOW_FAST =
  /\b(?:how fast|fast enough|quick enough|speed|slow)\b|\b(?:assez rapide|rapide pour|d[ée]bit|vitesse|lent)\b|\b(?:es|va|funciona) (?:muy |bastante |lo bastante )?r[áa]pido\b|\b(?:velocidad|lento)\b|(?<!\p{L})(?:швидкість|швидкості|швидкий інтернет|повільн\p{L}*)(?!\p{L})|(?<!\p{L})(?:سرعة|بطيء|بطيئ)(?!\p{L})/iu;

/** A speed in an answer. */
const SPEED = /\bmbps\b|\bmb\/s\b|\bfibre\b|\bfiber\b|\bfast\b|\bhigh[- ]speed\b|\brapide\b|\bd[ée]bit\b/iu;

/**
 * Returning something is asked ("can i return library books on a monday when its closed, is there a drop box?", "on
 * peut rendre les livres…"). An entry that names no returns (the library's hours) does not say how or when.
 * On the seen sets this keeps 2 (tuning-7) unanswerable questions unanswered and loses no right answer.
 */
export const ASKS_RETURN = 33554432;

/** The words that ask to return something, in the five languages. */
const ASKS_RETURNING =
  /\breturn(?:ing)? (?:the |my |our |library )?(?:books?|it|them|dvds?)\b|\bdrop[- ]?box\b|\b(?:rendre|rapporter|ramener) (?:les|mes|un|des) (?:livres?|bouquins?|dvd)\b|\bbo[îi]te (?:de|aux) retours?\b|\bdevolver (?:los|mis|un|el) (?:libros?|dvd)\b|\bbuz[óo]n de devoluci[óo]n\b|(?<!\p{L})повернути (?:\p{L}+ )?(?:книжк|книг)\p{L}*|(?<!\p{L})(?:نرجع|أرجع|ارجع|نرد|نرجّع) (?:ال)?(?:كتب|كتاب|الكتب)(?!\p{L})/iu;

/** Returns named in an answer. */
const RETURNING = /\breturns?\b|\bretour\b|\bdrop[- ]?box\b|\brendre\b/iu;

/**
 * Where or for what a card, pass or permit is valid is asked ("me sirve el pase Navigo de Paris pa el tram?", "la carte
 * résident marche aussi pour une moto ?", "is my permit valid in the whole town?"). An entry that tells how to get the
 * thing names no scope ("valid…") and does not say what it covers.
 * On the seen sets this keeps 2 (tuning-6 1, tuning-7 1) unanswerable questions unanswered and loses no right answer.
 */
export const ASKS_VALID = 67108864;

/** The words that ask what something is valid for, in the five languages ("no sirve pa nada" is worn out, not valid). */
const ASKS_VALID_FOR =
  /\bvalid (?:for|on|in|at)\b|\b(?:is|are) (?:it|they|this|that|mine|my \p{L}+|the \p{L}+) (?:still |also )?valid\b|\b(?:does|will|would) (?:it|that|this|my \p{L}+|the \p{L}+) (?:also )?(?:work|count) (?:for|on|in|at)\b|\bvalables?\b|(?<!comment [çc]a )\b(?:marche|fonctionne)(?: aussi| [ée]galement)? pour\b|(?<!\bno )\b(?:me |nos |le |les )?sirven?\b(?! (?:pa|para) nada)|\bv[áa]lid[oa]s? (?:para|en)\b|(?<!\p{L})(?:підходить|дійсн\p{L}*)(?!\p{L})|(?<!\p{L})(?:ال)?صالح\p{L}*/iu;

/** A scope of validity named in an answer. */
const VALID = /\bvalid\b|\bvalables?\b|\bv[áa]lid[oa]s?\b|дійсн|صالح/iu;

/**
 * A second one of something is asked ("a second residents' parking permit for my wife's car", "une deuxième carte",
 * "ще один бак"). An entry that tells how to get one says nothing of a second one unless it names a limit or an extra.
 * On the seen sets this keeps 2 (tuning-8 1, tuning-9 1) unanswerable questions unanswered and loses no right answer.
 */
export const ASKS_ANOTHER = 134217728;

/** The words that ask for a second or additional one, in the five languages. */
const ASKS_SECOND_ONE =
  /\b(?:a|one) second (?!hand\b|-hand\b)\p{L}+|\ban additional\b|\b(?:une|un) (?:deuxi[èe]me|second|seconde)\b|\b(?:una|un) (?:segunda|segundo)\b(?! mano)|(?<!\p{L})ще (?:один|одну|одне)(?!\p{L})/iu;

/** A limit or an extra one named in an answer. */
const ANOTHER = /\bsecond\b|\badditional\b|\bextra\b|\bdeuxi[èe]me\b|\bsegund[oa]\b|\bper (?:household|flat|car|person)\b|\bonly one\b|\bone per\b/iu;

/**
 * How to pay is asked, by card or in cash ("en el mercado se puede pagar con tarjeta o solo efectivo?", "au marché on
 * peut payer par carte ?", "на ринку можна карткою?"). An entry whose answer names no way to pay (the market's days and
 * place) does not say it; the laundry's "pay with the resident card" does.
 * On the seen sets this keeps 1 (tuning-8) unanswerable question unanswered and loses no right answer.
 */
export const ASKS_PAY_METHOD = 268435456;

/** The words that ask to pay by card or in cash, in the five languages (Maghrebi كاش alone is "any", not cash). */
const ASKS_CARD_OR_CASH =
  /\b(?:pay|paying) (?:by|with) (?:credit |debit |bank )?card\b|\b(?:take|takes|accept|accepts) (?:credit |debit |bank )?cards?\b|\bcash only\b|\bor (?:only )?cash\b|\bin cash\b|\bcontactless\b|\bpa(?:yer|ie|ye) (?:par|en) (?:carte|cb|esp[èe]ces|liquide)\b|\bpar carte(?: bancaire)?\b|\ben esp[èe]ces\b|\bdes esp[èe]ces\b|\bcon tarjeta\b|\ben efectivo\b|\bsolo efectivo\b|\bo efectivo\b|\bllevo efectivo\b|(?<!\p{L})(?:карткою|готівк\p{L}*)(?!\p{L})|(?<!\p{L})(?:بالكاش|نقدا|(?:ادفع|أدفع|ندفع|يدفع|تدفع) كاش)(?!\p{L})/iu;

/** A way to pay named in an answer. */
const PAY_METHOD =
  /\bpay (?:with|by|in)\b|\bpayez (?:avec|par)\b|\bpag(?:ar|ue|a) con\b|\bcash\b|\bcoins?\b|\besp[èe]ces\b|\befectivo\b|готівк|(?:оплат|плат)\p{L}* (?:\p{L}+ )?картк|كاش/iu;

/**
 * A parcel marked delivered that never arrived is asked about ("the tracking says delivered but nothing in my box",
 * "mon colis est marqué livré", "pone entregado", "Vinted пише шо colis доставлено", "مكتوب livré"). An entry that says
 * where a missed parcel waits names no loss or claim and does not say what to do.
 * On the seen sets this keeps 1 (tuning-7) unanswerable question unanswered and loses no right answer.
 */
export const ASKS_LOST_PARCEL = 536870912;

/** The words that say a parcel is marked delivered, in the five languages. */
const ASKS_MARKED_DELIVERED =
  /\b(?:marked|says|shows|showing|saying|tracking) (?:as |it was |it's |its )?delivered\b|\b(?:marqu[ée]|indiqu[ée]|not[ée]|affich[ée]|indique|dit) (?:comme )?livr[ée](?!\p{L})|\b(?:dice|pone|figura|sale|aparece) (?:como |que (?:fue |est[áa] )?)?entregad[oa]\b|(?<!\p{L})(?:пише|пишуть|показує|стоїть|статус)\p{L}* (?:\p{L}+ ){0,3}(?:доставлен\p{L}*|вручен\p{L}*)|(?<!\p{L})مكتوب (?:\p{L}+ ){0,2}(?:livré|وصل|تسلم|تم التسليم)/iu;

/** A lost parcel or a claim named in an answer. */
const LOST_PARCEL = /\blost\b|\bclaim|\bstolen\b|\bperdu|\br[ée]clamation|\bperdid|\breclam|загубл|втрачен|ضايع|شكوى/iu;

/**
 * What the text asks that only some answers say (the ASKS_* kinds above but time and number), from its words as written.
 * Arabic chat spells a word several ways: with or without the hamza on an alef ("إيمتى", "ايمتى"; "أغلى", "اغلى"), a
 * final taa marbuta as haa ("عطلة", "عطله"), alef maqsura as yaa ("متى", "متي"). Arabic text is also read with these
 * folded, against the patterns folded alike, so a pattern listing one spelling meets them all. Phones type a curly
 * apostrophe ("qui s’en occupe", "doesn’t"): the patterns write a straight one.
 */
export function askedIn(written: string): number {
  const text = written.replace(/[’`´]/gu, "'");
  const asked = kindsAsked((pattern) => pattern.test(text));
  if (!/[\u0600-\u06ff]/u.test(text)) return asked;
  const plain = plainArabic(text);
  return asked | kindsAsked((pattern) => plainPattern(pattern).test(plain));
}

/** Arabic with bare alefs, a final taa marbuta as haa and alef maqsura as yaa. */
function plainArabic(text: string): string {
  return text.replace(/[\u0623\u0625\u0622]/gu, '\u0627').replace(/\u0629/gu, '\u0647').replace(/\u0649/gu, '\u064a');
}

const PLAIN_PATTERNS = new Map<RegExp, RegExp>();
/** A pattern with its Arabic letters folded as plainArabic folds a text. */
function plainPattern(pattern: RegExp): RegExp {
  let plain = PLAIN_PATTERNS.get(pattern);
  if (!plain) PLAIN_PATTERNS.set(pattern, (plain = new RegExp(plainArabic(pattern.source), pattern.flags)));
  return plain;
}

/**
 * Whether something is paid or free, asked as the two set side by side ("paid or free?", "payant ou gratuit ?",
 * "بفلوس ولا مجاني؟"): a price is asked (ASKS_PRICE), which an entry that names no price nor "free" does not answer.
 */
const ASKS_PAID_OR_FREE =
  /\b(?:paid|paying|charged?) or free\b|\bfree or (?:paid|not)\b|\bpayante?s? ou gratuite?s?\b|\bgratuite?s? ou (?:payante?s?|pas)\b|\bde pago o gratis\b|\bgratis o (?:de pago|se paga|hay que pagar)\b|\bgratuit[oa]s? o (?:de pago|no)\b|(?<!\p{L})платн\p{L}* чи (?:\p{L}+ )?безкоштовн|(?<!\p{L})безкоштовн\p{L}* чи (?:\p{L}+ )?(?:платн|ні(?!\p{L}))|(?<!\p{L})[\u0648\u0641]?(?:بفلوس|بالفلوس|بمصاري|بالمصاري) (?:ولا|او|والا|وله) (?:مجان|ببلاش|بلاش|فابور|ب?الفابور)|(?<!\p{L})(?:مجان\p{L}*|ببلاش|بلاش|فابور) (?:ولا|او|والا|وله) (?:بفلوس|بالفلوس|بمصاري|بالمصاري|ندفع|بندفع|لازم ندفع|لازم ادفع)/iu;

/** The kinds asked, `matches` telling whether the text meets a pattern. */
function kindsAsked(matches: (pattern: RegExp) => boolean): number {
  let asked = 0;
  if (matches(ASKS_HOW_LONG)) asked |= ASKS_DURATION;
  if (matches(HOLIDAY)) asked |= ASKS_HOLIDAY;
  if (matches(ASKS_WHOM)) asked |= ASKS_CONTACT;
  if (matches(ASKS_WHAT_TIME)) asked |= ASKS_CLOCK;
  if (matches(ASKS_HOW_MUCH) || matches(ASKS_PAID_OR_FREE)) asked |= ASKS_PRICE;
  if (matches(ANIMAL)) asked |= ASKS_ANIMAL;
  if (matches(ASKS_BEST_ONE)) asked |= ASKS_BEST;
  if (matches(ASKS_HOW_BIG)) asked |= ASKS_SIZE;
  if (matches(ASKS_NON_RESIDENT)) asked |= ASKS_OUTSIDER;
  if (matches(ASKS_MIDDLE_OF_YEAR)) asked |= ASKS_MID_YEAR;
  if (matches(ASKS_WHO_PAYS)) asked |= ASKS_PAYER;
  if (matches(ASKS_NOT_WORKING)) asked |= ASKS_BROKEN;
  if (matches(ASKS_REASON)) asked |= ASKS_WHY;
  if (matches(ASKS_HOW_MANY)) asked |= ASKS_COUNT;
  if (matches(ASKS_RENEW_CANCEL)) asked |= ASKS_CHANGE;
  if (matches(ASKS_CHARGING)) asked |= ASKS_CHARGE;
  if (matches(ASKS_REPLACED)) asked |= ASKS_REPLACE;
  if (matches(ASKS_DOING_WITHOUT)) asked |= ASKS_WITHOUT;
  if (matches(ASKS_OPEN_ON_DAY)) asked |= ASKS_OPEN_DAY;
  if (matches(CONSULATE)) asked |= ASKS_CONSULATE;
  if (matches(ASKS_HOW_FAST)) asked |= ASKS_SPEED;
  if (matches(ASKS_RETURNING)) asked |= ASKS_RETURN;
  if (matches(ASKS_VALID_FOR)) asked |= ASKS_VALID;
  if (matches(ASKS_SECOND_ONE)) asked |= ASKS_ANOTHER;
  if (matches(ASKS_CARD_OR_CASH)) asked |= ASKS_PAY_METHOD;
  if (matches(ASKS_MARKED_DELIVERED)) asked |= ASKS_LOST_PARCEL;
  if (matches(ASKS_OLDER) && matches(REDUCED)) asked |= ASKS_SENIOR;
  if (matches(ASKS_PER_HOUR) && (asked & ASKS_PRICE) !== 0) asked |= ASKS_RATE;
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
/** Every phone number in a text, to be left out where numbers are counted. */
const PHONE_NUMBERS = new RegExp(PHONE_NUMBER.source, 'giu');

/**
 * Whether a text gives a phone number (PHONE_NUMBER) of at least `digits` digits: three for whom to call ("3237",
 * "112"), more where only a number to dial counts (analyze.ts's aspect number).
 */
export function givesPhoneNumber(text: string, digits = 3): boolean {
  for (const [found] of text.matchAll(PHONE_NUMBERS)) if (found.replace(/\D/g, '').length >= digits) return true;
  return false;
}

/** An amount of money: "15 euros", "€3", "2 €". */
const MONEY = /\d\s?(?:€|eur\b|euros?\b|євро|يورو)|€\s?\d/iu;

/**
 * The kinds of information an entry holds, from its answer's text and the terms of its question and answer (analyze.ts
 * gives a text that names a day or a clock time the aspects day and hours): a phone number, a price (an amount, or
 * "free"), days or hours, a duration, a public holiday, someone to address, a clock time, an animal other than a cat or
 * a dog, a recommendation, a size, visitors, a start during the year, who pays, a breakdown, a reason, a count, an
 * amount, renewing or cancelling, something new, charging, older people, what may be left out, a consulate, a speed,
 * returns, a scope of validity, a limit or an extra one, a way to pay, a lost parcel. The question counts for days and
 * hours, prices, holidays and animals: an entry asked as "which pharmacy is on duty on Sunday?" is about Sundays even
 * when its answer names no day; a breakdown counts from the question too ("the lift is broken, who should I tell?").
 * The others count from the answer only.
 */
export function heldBy(answer: string, terms: readonly string[], question = ''): number {
  let held = 0;
  const phone = givesPhoneNumber(answer);
  if (phone) held |= ASKS_NUMBER;
  if (MONEY.test(answer) || terms.includes('#price') || terms.includes('#free')) held |= ASKS_PRICE;
  if (terms.includes('#hours') || terms.includes('#day')) held |= ASKS_TIME;
  if (terms.includes('#day') || CLOCK_TIME.test(answer)) held |= ASKS_OPEN_DAY;
  if (DURATION.test(answer)) held |= ASKS_DURATION;
  if (HOLIDAY.test(answer) || HOLIDAY.test(question)) held |= ASKS_HOLIDAY;
  if (phone || CONTACT.test(answer)) held |= ASKS_CONTACT;
  if (CLOCK_TIME.test(answer)) held |= ASKS_CLOCK;
  if (ANIMAL.test(answer) || ANIMAL.test(question)) held |= ASKS_ANIMAL;
  if (BEST.test(answer)) held |= ASKS_BEST;
  if (SIZE.test(answer)) held |= ASKS_SIZE;
  if (OUTSIDER.test(answer)) held |= ASKS_OUTSIDER;
  if (MID_YEAR.test(answer)) held |= ASKS_MID_YEAR;
  if (PAYER.test(answer)) held |= ASKS_PAYER;
  if (BREAKDOWN.test(answer) || BREAKDOWN.test(question)) held |= ASKS_BROKEN;
  if (REASON.test(answer)) held |= ASKS_WHY;
  if (COUNT.test(answer.replace(PHONE_NUMBERS, ' '))) held |= ASKS_COUNT;
  if (MONEY.test(answer)) held |= ASKS_RATE;
  if (RENEW_CANCEL.test(answer)) held |= ASKS_CHANGE;
  if (CHARGING.test(answer)) held |= ASKS_CHARGE;
  if (REPLACED.test(answer)) held |= ASKS_REPLACE;
  if (DOING_WITHOUT.test(answer)) held |= ASKS_WITHOUT;
  if (CONSULATE.test(answer)) held |= ASKS_CONSULATE;
  if (SPEED.test(answer)) held |= ASKS_SPEED;
  if (RETURNING.test(answer)) held |= ASKS_RETURN;
  if (OLDER.test(answer)) held |= ASKS_SENIOR;
  if (VALID.test(answer)) held |= ASKS_VALID;
  if (ANOTHER.test(answer)) held |= ASKS_ANOTHER;
  if (PAY_METHOD.test(answer)) held |= ASKS_PAY_METHOD;
  if (LOST_PARCEL.test(answer)) held |= ASKS_LOST_PARCEL;
  return held;
}
