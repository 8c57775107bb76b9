// Source formatting → FormatSpans over plain text. Each platform says what is formatted in its own way:
// Telegram with entities (metadata, taken as is); Discord and WhatsApp with markup inside the text, which is how
// those platforms themselves render it, so only pairs they would render are turned into spans and their markers
// removed. Nothing is ever read as markup on the way out: the target adapters escape the text and apply only spans.
import { rawEvent, type Envelope } from '../../core/envelope.js';
import type { FormatSpan } from '../../core/outbound.js';

export interface Formatted {
  text: string;
  format: FormatSpan[];
}

const TELEGRAM_TYPES: Record<string, FormatSpan['type'] | undefined> = {
  bold: 'bold',
  italic: 'italic',
  code: 'code',
  pre: 'pre',
  strikethrough: 'strike',
  text_link: 'link',
};

interface TelegramEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
}

function telegramFormat(envelope: Envelope): FormatSpan[] {
  const update = rawEvent(envelope as Envelope & { platform: 'telegram' }, 'telegram') as
    | { message?: { text?: string; entities?: TelegramEntity[]; caption_entities?: TelegramEntity[] }; edited_message?: { text?: string; entities?: TelegramEntity[]; caption_entities?: TelegramEntity[] } }
    | undefined;
  const message = update?.message ?? update?.edited_message;
  if (!message) return [];
  const entities = (message.text !== undefined ? message.entities : message.caption_entities) ?? [];
  const spans: FormatSpan[] = [];
  for (const e of entities) {
    const type = TELEGRAM_TYPES[e.type];
    if (!type || e.offset < 0 || e.length <= 0 || e.offset + e.length > envelope.text.length) continue;
    if (type === 'link' && !/^https?:\/\/\S+$/.test(e.url ?? '')) continue;
    spans.push(type === 'link' ? { type, offset: e.offset, length: e.length, url: e.url } : { type, offset: e.offset, length: e.length });
  }
  return spans;
}

interface Rule {
  pattern: string;
  type: FormatSpan['type'];
}

/** Discord markdown a client renders (a strict subset: no nesting); `\*` escapes are unescaped. */
const DISCORD: Rule[] = [
  { pattern: '```(?:[a-z0-9]+\\n)?([\\s\\S]+?)```', type: 'pre' },
  { pattern: '`([^`\\n]+)`', type: 'code' },
  { pattern: '\\*\\*(\\S(?:[^*\\n]*\\S)?)\\*\\*', type: 'bold' },
  { pattern: '~~(\\S(?:[^~\\n]*\\S)?)~~', type: 'strike' },
  { pattern: '\\*(\\S(?:[^*\\n]*\\S)?)\\*', type: 'italic' },
  { pattern: '(?<![\\p{L}\\p{N}])_(\\S(?:[^_\\n]*\\S)?)_(?![\\p{L}\\p{N}])', type: 'italic' },
];

/** WhatsApp markup: a marker pairs only at word boundaries with text right inside it. */
const WHATSAPP: Rule[] = [
  { pattern: '```([\\s\\S]+?)```', type: 'pre' },
  { pattern: '(?<![\\p{L}\\p{N}])\\*(\\S(?:[^*\\n]*\\S)?)\\*(?![\\p{L}\\p{N}])', type: 'bold' },
  { pattern: '(?<![\\p{L}\\p{N}])_(\\S(?:[^_\\n]*\\S)?)_(?![\\p{L}\\p{N}])', type: 'italic' },
  { pattern: '(?<![\\p{L}\\p{N}])~(\\S(?:[^~\\n]*\\S)?)~(?![\\p{L}\\p{N}])', type: 'strike' },
];

const URL = 'https?:\\/\\/[^\\s<>]+';

/** Replaces each rendered pair by its inner text with a span; URLs are copied untouched (`_` is common in them). */
function parseMarkup(text: string, rules: Rule[], escapes: boolean): Formatted {
  const alternatives = [`(${URL})`, ...rules.map((r) => `(?:${r.pattern})`), ...(escapes ? ['\\\\([\\\\*_~`|<>\\[\\]#-])'] : [])];
  const regex = new RegExp(alternatives.join('|'), 'gu');
  let out = '';
  let last = 0;
  const format: FormatSpan[] = [];
  for (const match of text.matchAll(regex)) {
    out += text.slice(last, match.index);
    last = match.index + match[0].length;
    if (match[1] !== undefined) {
      out += match[1];
      continue;
    }
    const ruleIndex = rules.findIndex((_, i) => match[i + 2] !== undefined);
    if (ruleIndex < 0) {
      out += match[rules.length + 2] ?? match[0];
      continue;
    }
    const inner = match[ruleIndex + 2]!;
    format.push({ type: rules[ruleIndex]!.type, offset: out.length, length: inner.length });
    out += inner;
  }
  return { text: out + text.slice(last), format };
}

/** The envelope's text as plain text plus the formatting its platform says it has. */
export function sourceFormatted(envelope: Envelope): Formatted {
  switch (envelope.platform) {
    case 'telegram':
      return { text: envelope.text, format: telegramFormat(envelope) };
    case 'discord':
      return parseMarkup(envelope.text, DISCORD, true);
    case 'whatsapp':
      return parseMarkup(envelope.text, WHATSAPP, false);
    default:
      return { text: envelope.text, format: [] };
  }
}

/** `@everyone` and `@here` become `＠everyone`: same length (spans stay put), and no client reads it as a ping. */
export function neutraliseMassMentions(text: string): string {
  return text.replace(/@(everyone|here)\b/gi, '\uFF20$1');
}
