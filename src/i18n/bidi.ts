// Right-to-left replies (Arabic) mix in Latin text: people's names, commands, time zones, rules written in French.
// Without help, the Unicode bidirectional algorithm reorders the neutral characters around such runs ("/rules" shows
// as "rules/", "Alex:" swallows the Arabic word after it). Directional isolates fence each such run off so it is laid
// out on its own and counts as one neutral character in the sentence around it. Telegram, Discord and WhatsApp
// clients all render isolates (they use the platform's text engine); they are invisible.

/** FIRST STRONG ISOLATE: the run's direction comes from its first letter (Latin name → LTR, Arabic name → RTL). */
export const FSI = '\u2068';
/** LEFT-TO-RIGHT ISOLATE: for commands, which are always Latin. */
export const LRI = '\u2066';
/** POP DIRECTIONAL ISOLATE: closes either. */
export const PDI = '\u2069';

/**
 * Isolates a user-provided value. Isolates end at a line break, so a multi-line value (a list, rules text) is
 * isolated line by line; empty lines stay empty.
 */
export function isolate(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `${FSI}${line}${PDI}`))
    .join('\n');
}

/** Every string argument isolated; numbers and dates are left to ICU, which formats them for the language. */
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
