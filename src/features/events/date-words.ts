// The words the date parser knows, in the five languages at once: a French neighbour typing "5 june" in a Spanish
// group is still understood. Every word goes through the same fold() as the input, so accents, Arabic diacritics and
// apostrophe variants need not be listed twice.

/** Lower case, NFKC, Arabic-Indic digits as ASCII, diacritics and Arabic hamza forms folded, one kind of apostrophe. */
export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u2019\u02bc\u2018`´]/g, "'")
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, '')
    .normalize('NFC')
    .replace(/[أإآ]/g, 'ا')
    .replace(/ى/g, 'ي');
}

/** Phrases rewritten to marker tokens before the words are read, longest first within each list. */
export const PHRASES: [string, string][] = [
  // Relative days (two-word ones first: "pasado mañana" before "mañana", "de la mañana" before both).
  ['day after tomorrow', '§d+2'],
  ['apres-demain', '§d+2'],
  ['apres demain', '§d+2'],
  ['pasado manana', '§d+2'],
  ['بعد غد', '§d+2'],
  ['بعد بكرة', '§d+2'],
  ['بعد بكره', '§d+2'],
  ['післязавтра', '§d+2'],
  ['de la manana', '§am'],
  ['por la manana', '§am'],
  ['de la tarde', '§pm'],
  ['por la tarde', '§pm'],
  ['de la noche', '§pm'],
  ['du soir', '§pm'],
  ['de l\'apres-midi', '§pm'],
  ['du matin', '§am'],
  ['this evening', '§d0 §evening'],
  ['this afternoon', '§d0 §pm'],
  ['this morning', '§d0 §am'],
  ['ce soir', '§d0 §evening'],
  ['cet apres-midi', '§d0 §pm'],
  ['ce matin', '§d0 §am'],
  ['esta noche', '§d0 §evening'],
  ['esta tarde', '§d0 §pm'],
  ['que viene', '§next'],
  ['a mediodia', '§noon'],
  ['a medianoche', '§midnight'],
  ['tonight', '§d0 §evening'],
  ['الليلة', '§d0 §evening'],
  ['كانون الثاني', '§m1'],
  ['كانون الاول', '§m12'],
  ['تشرين الاول', '§m10'],
  ['تشرين الثاني', '§m11'],
];

/** Single words that are markers (folded below). */
const markerWords: Record<string, string> = {
  today: '§d0', "aujourd'hui": '§d0', aujourdhui: '§d0', hoy: '§d0', اليوم: '§d0', сьогодні: '§d0',
  tomorrow: '§d+1', tmrw: '§d+1', demain: '§d+1', manana: '§d+1', غدا: '§d+1', غد: '§d+1', بكرة: '§d+1', بكره: '§d+1', завтра: '§d+1',
  yesterday: '§d-1', hier: '§d-1', ayer: '§d-1', امس: '§d-1', البارحة: '§d-1', вчора: '§d-1', учора: '§d-1',
  pm: '§pm', 'p.m.': '§pm', afternoon: '§pm', evening: '§evening', soir: '§evening', tarde: '§pm', noche: '§evening',
  apres_midi: '§pm', 'apres-midi': '§pm',
  مساء: '§pm', مساءا: '§pm', عصرا: '§pm', العصر: '§pm', عصر: '§pm', ليلا: '§evening', вечора: '§pm', ввечері: '§evening', увечері: '§evening', вечері: '§evening', дня: '§pm',
  am: '§am', 'a.m.': '§am', morning: '§am', matin: '§am', صباحا: '§am', صباح: '§am', الصباح: '§am', ранку: '§am', вранці: '§am', зранку: '§am', уранці: '§am',
  noon: '§noon', midday: '§noon', midi: '§noon', mediodia: '§noon', ظهرا: '§noon', الظهر: '§noon', ظهر: '§noon', опівдні: '§noon', полудень: '§noon',
  midnight: '§midnight', minuit: '§midnight', medianoche: '§midnight', منتصف_الليل: '§midnight', опівночі: '§midnight', північ: '§midnight',
  next: '§next', prochain: '§next', prochaine: '§next', proximo: '§next', proxima: '§next', القادم: '§next', القادمة: '§next', المقبل: '§next', المقبلة: '§next',
  наступний: '§next', наступного: '§next', наступної: '§next', наступну: '§next', наступна: '§next', наступне: '§next',
};

export const WORDS: Record<string, string> = Object.fromEntries(Object.entries(markerWords).map(([word, marker]) => [fold(word), marker]));

/** 0 = Sunday … 6 = Saturday. */
export const WEEKDAYS: Record<string, number> = {};
const weekdayNames: [number, string[]][] = [
  [0, ['sunday', 'sun', 'dimanche', 'dim', 'domingo', 'dom', 'الاحد', 'احد', 'неділя', 'неділю', 'неділі', 'нд', 'нед']],
  [1, ['monday', 'mon', 'lundi', 'lun', 'lunes', 'الاثنين', 'اثنين', 'الإثنين', 'понеділок', 'понеділка', 'пн']],
  [2, ['tuesday', 'tue', 'tues', 'mardi', 'martes', 'الثلاثاء', 'ثلاثاء', 'вівторок', 'вівторка', 'вт']],
  [3, ['wednesday', 'wed', 'mercredi', 'mer', 'miercoles', 'mie', 'الاربعاء', 'اربعاء', 'середа', 'середу', 'середи', 'ср']],
  [4, ['thursday', 'thu', 'thur', 'thurs', 'jeudi', 'jeu', 'jueves', 'jue', 'الخميس', 'خميس', 'четвер', 'четверга', 'чт']],
  [5, ['friday', 'fri', 'vendredi', 'ven', 'viernes', 'vie', 'الجمعة', 'جمعة', "п'ятниця", "п'ятницю", "п'ятниці", 'пятниця', 'пятницю', 'пятниці', 'пт']],
  [6, ['saturday', 'sat', 'samedi', 'sam', 'sabado', 'sab', 'السبت', 'سبت', 'субота', 'суботу', 'суботи', 'сб']],
];
for (const [day, names] of weekdayNames) for (const name of names) WEEKDAYS[fold(name)] = day;

/** 1 = January … 12 = December. */
export const MONTHS: Record<string, number> = {};
const monthNames: [number, string[]][] = [
  [1, ['january', 'jan', 'janvier', 'janv', 'enero', 'ene', 'يناير', 'جانفي', 'січень', 'січня', 'січ']],
  [2, ['february', 'feb', 'fevrier', 'fevr', 'fev', 'febrero', 'فبراير', 'شباط', 'فيفري', 'лютий', 'лютого', 'лют']],
  [3, ['march', 'mars', 'marzo', 'مارس', 'اذار', 'березень', 'березня', 'бер']],
  [4, ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'ابريل', 'نيسان', 'افريل', 'квітень', 'квітня', 'квіт']],
  [5, ['may', 'mai', 'mayo', 'مايو', 'ايار', 'ماي', 'травень', 'травня', 'трав']],
  [6, ['june', 'jun', 'juin', 'junio', 'يونيو', 'يونية', 'حزيران', 'جوان', 'червень', 'червня', 'черв']],
  [7, ['july', 'jul', 'juillet', 'juil', 'julio', 'يوليو', 'يولية', 'تموز', 'جويلية', 'липень', 'липня', 'лип']],
  [8, ['august', 'aug', 'aout', 'agosto', 'ago', 'اغسطس', 'اب', 'اوت', 'серпень', 'серпня', 'серп']],
  [9, ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'سبتمبر', 'ايلول', 'вересень', 'вересня', 'вер']],
  [10, ['october', 'oct', 'octobre', 'octubre', 'اكتوبر', 'жовтень', 'жовтня', 'жовт']],
  [11, ['november', 'nov', 'novembre', 'noviembre', 'نوفمبر', 'листопад', 'листопада', 'лист']],
  [12, ['december', 'dec', 'decembre', 'diciembre', 'dic', 'ديسمبر', 'грудень', 'грудня', 'груд']],
];
for (const [month, names] of monthNames) for (const name of names) MONTHS[fold(name)] ??= month;

/** "mar": mardi or martes as a weekday alone, March next to a day number. */
export const WEEKDAY_OR_MONTH: Record<string, { weekday: number; month: number }> = { mar: { weekday: 2, month: 3 } };

/** Words meaning "in N days" before a number. */
export const IN_WORDS = new Set(['in', 'dans', 'en', 'через', 'بعد', 'خلال']);
/** "in 2 hours", "dans 3 heures" (folded "3h"), "en 2 horas", "через 2 години", "بعد 3 ساعات". */
export const HOUR_UNITS = new Set(['hour', 'hours', 'hr', 'hrs', 'heure', 'heures', 'hora', 'horas', 'години', 'годин', 'година', 'ساعة', 'ساعات']);
/** "last saturday", "samedi dernier", "el viernes pasado", "الجمعة الماضية", "минулої суботи" (folded: ї → і): a day gone by. */
export const LAST_WORDS = new Set(['last', 'dernier', 'derniere', 'pasado', 'pasada', 'الماضي', 'الماضية', 'минулої', 'минулоі', 'минулого', 'минулий', 'минулу', 'минула']);
export const DAY_UNITS = new Set(['day', 'days', 'jour', 'jours', 'dia', 'dias', 'дні', 'днів', 'день', 'дня', 'ايام', 'يوم', 'يومين']);

/** Suffixes that make a number an hour: "18 h", "19 heures", "18 год". */
export const HOUR_SUFFIXES = ['h', 'hr', 'hrs', 'heure', 'heures', 'hs', 'uhr', 'год', 'год.', 'години', 'годині', 'година'];
