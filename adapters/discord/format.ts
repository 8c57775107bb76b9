// Outbound text → Discord markdown. User text is escaped so it is never read as markdown or as a mention; only
// Quartier's own format spans and real mentions (given by id) produce markup. Then split into messages of at most
// 2000 characters after escaping.
import type { FormatSpan, OutboundMessage } from '../../src/core/outbound.js';
import { unqualify } from '../../src/core/envelope.js';
import { splitText } from '../../src/text/split.js';
import { capSpans } from '../../src/text/spans.js';

export const MESSAGE_LIMIT = 2000;

type Span = (FormatSpan | { type: 'mention'; offset: number; length: number; userId: string }) & { url?: string; userId?: string };

export interface RenderedPart {
  content: string;
  /** Bare Discord user ids this part really mentions (allowed_mentions.users). */
  userIds: string[];
}

/**
 * Backslash-escapes markdown characters. Discord drops a backslash before any ASCII punctuation, so extra escapes are
 * invisible. URLs are left alone so they stay clickable. `<` is escaped so `<@id>`, `<#id>` and `<t:…>` typed by
 * someone stay text.
 */
export function escapeText(text: string): string {
  return text
    .split(/(https?:\/\/[^\s<>]+)/)
    .map((piece, i) =>
      i % 2 === 1
        ? piece
        : piece
            .replace(/[\\*_~`|<>[\]]/g, '\\$&')
            .replace(/^(\s*)([-#+])/gm, '$1\\$2')
            .replace(/^(\s*\d+)\./gm, '$1\\.'),
    )
    .join('');
}

/** Keeps the whitespace at both ends outside the markers: `** x**` would not render as bold. */
function wrap(marker: string, inner: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
  if (!match[2]) return inner;
  return `${match[1]}${marker}${match[2]}${marker}${match[3]}`;
}

function renderSpan(span: Span, raw: string, inner: string): string {
  switch (span.type) {
    case 'bold':
      return wrap('**', inner);
    case 'italic':
      return wrap('*', inner);
    case 'strike':
      return wrap('~~', inner);
    case 'code':
      if (!raw.trim()) return escapeText(raw);
      return raw.includes('`') ? `\`\` ${raw.replace(/``/g, '`\u200b`')} \`\`` : `\`${raw}\``;
    case 'pre':
      return `\`\`\`\n${raw.replace(/```/g, '`\u200b``')}\n\`\`\``;
    case 'link':
      // `<url>` inside the link stops Discord from unfurling a preview of every link we relay.
      return span.url && /^https?:\/\/[^\s<>()]+$/.test(span.url) && inner.trim() ? `[${inner}](<${span.url}>)` : inner;
    case 'mention':
      return `<@${span.userId}>`;
  }
}

/** Renders text[start, end) with the spans inside it (sorted, properly nested). */
function renderRange(text: string, start: number, end: number, spans: Span[]): string {
  let out = '';
  let position = start;
  let i = 0;
  while (i < spans.length) {
    const span = spans[i]!;
    const spanEnd = span.offset + span.length;
    let j = i + 1;
    while (j < spans.length && spans[j]!.offset < spanEnd) j++;
    out += escapeText(text.slice(position, span.offset));
    const raw = text.slice(span.offset, spanEnd);
    // Code, pre and mentions take their text literally; spans inside them are ignored.
    const literal = span.type === 'code' || span.type === 'pre' || span.type === 'mention';
    const inner = literal ? raw : renderRange(text, span.offset, spanEnd, spans.slice(i + 1, j));
    out += renderSpan(span, raw, inner);
    position = spanEnd;
    i = j;
  }
  return out + escapeText(text.slice(position, end));
}

/** Sorted by start (outer first); spans that cross another instead of nesting in it are dropped. */
function nestable(spans: Span[], textLength: number): Span[] {
  const sorted = spans
    .filter((s) => s.length > 0 && s.offset >= 0 && s.offset + s.length <= textLength)
    .sort((a, b) => a.offset - b.offset || b.length - a.length);
  const kept: Span[] = [];
  const open: Span[] = [];
  for (const span of sorted) {
    while (open.length && open[open.length - 1]!.offset + open[open.length - 1]!.length <= span.offset) open.pop();
    const parent = open[open.length - 1];
    if (parent && span.offset + span.length > parent.offset + parent.length) continue;
    kept.push(span);
    open.push(span);
  }
  return kept;
}

export function render(text: string, spans: Span[]): RenderedPart {
  const kept = nestable(capSpans(spans, text.length), text.length);
  const userIds = [...new Set(kept.filter((s) => s.type === 'mention').map((s) => s.userId!))];
  return { content: renderRange(text, 0, text.length, kept), userIds };
}

/** Splits and renders; if escaping pushed a part past the limit, splits again with a smaller budget. */
export function renderParts(message: Pick<OutboundMessage, 'text' | 'format' | 'mentions'>, limit = MESSAGE_LIMIT): RenderedPart[] {
  const spans: Span[] = [...(message.format ?? [])];
  for (const mention of message.mentions ?? []) {
    const { platform, bare } = unqualify(mention.userId);
    // A mention of someone on another platform stays plain text.
    if (platform === 'discord' && /^\d+$/.test(bare)) spans.push({ type: 'mention', offset: mention.offset, length: mention.length, userId: bare });
  }
  let budget = limit;
  // Capped before splitting too: the split re-clips every span for every part.
  let kept = capSpans(spans, message.text.length);
  for (;;) {
    const parts = splitText(message.text, budget, kept).map((p) => render(p.text, p.spans));
    const longest = Math.max(0, ...parts.map((p) => p.content.length));
    if (longest <= limit) return parts;
    if (budget > 2) {
      budget = Math.max(2, Math.floor((budget * limit) / longest) - 16);
    } else if (kept.some((span) => span.type === 'link')) {
      // A link whose URL alone exceeds the limit can never fit: drop the links (their text stays) and start again.
      kept = kept.filter((span) => span.type !== 'link');
      budget = limit;
    } else {
      return parts.map((part) => ({ ...part, content: part.content.slice(0, limit) }));
    }
  }
}
