// Right-to-left replies (Arabic) mix in Latin text: people's names, commands, time zones, rules written in French.
// Without help, the Unicode bidirectional algorithm reorders the neutral characters around such runs ("/rules" shows
// as "rules/", "Alex:" swallows the Arabic word after it). Directional isolates fence each such run off so it is laid
// out on its own and counts as one neutral character in the sentence around it. Telegram, Discord and WhatsApp
// clients all render isolates (they use the platform's text engine); they are invisible.

// User text can also carry bidirectional controls of its own: an override (U+202E) at the end of a name reverses
// whatever follows it on the line ("Mod\u202E: pay 100…" shows the relayed text backwards), an unmatched pop closes
// the isolate a reply put around the name, and a mark at the start of a line turns the whole line right to left. So
// every piece of user text placed in a reply is balanced first, in every language (see `neutraliseBidi`).

/** FIRST STRONG ISOLATE: the run's direction comes from its first letter (Latin name → LTR, Arabic name → RTL). */
export const FSI = '\u2068';
/** LEFT-TO-RIGHT ISOLATE: for commands, which are always Latin. */
export const LRI = '\u2066';
/** POP DIRECTIONAL ISOLATE: closes either. */
export const PDI = '\u2069';

const MARKS = new Set(['\u200E', '\u200F', '\u061C']);
const EMBEDDINGS = new Set(['\u202A', '\u202B', '\u202D', '\u202E']);
const ISOLATES = new Set([LRI, '\u2067', FSI]);
const PDF = '\u202C';
/** Any bidirectional control character: marks, embeddings, overrides, their pop, isolates and theirs. */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * User text made harmless to the text around it, line by line (a control's reach ends at a line break): embeddings,
 * overrides and isolates that open and close within the line are kept (they only arrange the text itself); every
 * other control (a mark, an opener never closed, a closer with nothing to close) becomes `replacement`. With the
 * default '' it is removed; with U+200B (zero width space) every offset stays put, for text that format spans point
 * into.
 */
export function neutraliseBidi(text: string, replacement = ''): string {
  if (!/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/.test(text)) return text;
  return text
    .split(/(\r\n|[\n\r\u2029\u0085])/)
    .map((line, i) => (i % 2 === 1 ? line : balanceLine(line, replacement)))
    .join('');
}

function balanceLine(line: string, replacement: string): string {
  const out = [...line];
  // Indexes in `out` of the openers still open, and whether each is an isolate.
  const open: { at: number; isolate: boolean }[] = [];
  out.forEach((char, at) => {
    if (MARKS.has(char)) out[at] = replacement;
    else if (EMBEDDINGS.has(char)) open.push({ at, isolate: false });
    else if (ISOLATES.has(char)) open.push({ at, isolate: true });
    else if (char === PDF) {
      // A pop closes the innermost embedding, and never reaches outside the isolate it is in.
      if (open.length > 0 && !open[open.length - 1]!.isolate) open.pop();
      else out[at] = replacement;
    } else if (char === PDI) {
      // A pop-isolate closes the innermost isolate and every embedding opened inside it.
      const last = open.map((o) => o.isolate).lastIndexOf(true);
      if (last >= 0) open.length = last;
      else out[at] = replacement;
    }
  });
  for (const { at } of open) out[at] = replacement;
  return out.join('');
}

/** A name or title: no bidirectional control at all (they have no use in one), so a prefix like `Name: ` holds. */
export function neutraliseName(name: string): string {
  return name.replace(BIDI_CONTROLS, '');
}

/**
 * Isolates a user-provided value. Isolates end at a line break, so a multi-line value (a list, rules text) is
 * isolated line by line; empty lines stay empty.
 */
export function isolate(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `${FSI}${neutraliseBidi(line)}${PDI}`))
    .join('\n');
}

/** Every string argument balanced (left-to-right languages), so nothing it carries reaches the sentence around it. */
export function neutraliseValues(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) out[name] = typeof value === 'string' ? neutraliseBidi(value) : value;
  return out;
}

/** Every string argument balanced and isolated; numbers and dates are left to ICU, which formats them for the language. */
export function isolateValues(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) out[name] = typeof value === 'string' ? isolate(value) : value;
  return out;
}

// `/name` or `/{command}`, with what follows it in an example: Latin words (sub-commands, CODE, 22:00-07:00, but not
// a sentence's final full stop), `{id}` arguments,
// `<argument>` / `[argument]` labels, `|`. Not a slash inside a word or a URL ("Area/City", "https://a/b"). Without
// this, "/approve 12" in an Arabic sentence would show as "12 /approve".
const COMMAND =
  /(?<![\p{L}\p{N}_/:])\/(?:[a-z0-9_]+|\{[A-Za-z0-9_]+\})(?: (?:[A-Za-z0-9_](?:[A-Za-z0-9_:.,-]*[A-Za-z0-9_])?|\{[A-Za-z0-9_]+\}|<[^<>\n]*>|\[[^[\]\n]*\]|\|))*/gu;

// `#{tag}`: a hashtag or number built from an argument. A number keeps its `#` on its own (the algorithm treats
// "#12" as one number), but a Latin tag would show as "tag#" in right-to-left text.
const HASHTAG = /#\{[A-Za-z0-9_]+\}/g;

/**
 * Wraps the commands written in a message's own text (`/help <commande>`) and its `#{tag}` references in
 * left-to-right isolates.
 */
export function isolateCommands(source: string): string {
  return source.replace(COMMAND, (command) => `${LRI}${command}${PDI}`).replace(HASHTAG, (tag) => `${LRI}${tag}${PDI}`);
}
