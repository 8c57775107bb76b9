// Turns an OutboundMessage's text, format spans and mentions into WhatsApp's own markup: *bold*, _italic_, ~strike~,
// ```monospace```, and `@<number>` tokens for real mentions.
//
// WhatsApp has no escape character, so user text that happens to contain a marker (`2*3*4`, `snake_case_name`,
// `~5 €`) would be formatted. Our approach: every marker character in user text gets a WORD JOINER (U+2060) on both
// sides. WhatsApp pairs a marker only when the opening one sits at a word boundary with text right after it, and the
// closing one has text right before it and a boundary after it; with an invisible non-space, non-boundary character
// on both sides of every user marker, neither condition holds whichever way WhatsApp classifies U+2060, and the text
// still reads and copies the same. U+2060 rather than a zero-width joiner (U+200D): `*` is itself an emoji base
// (keycap), and a ZWJ next to it can glue it into an emoji sequence. URLs are left untouched (an inserted character
// would break the link), and inside monospace only backticks are escaped, because nothing else is markup there.
import type { FormatSpan } from '../../src/core/outbound.js';
import { unqualify } from '../../src/core/envelope.js';
import { splitText } from '../../src/text/split.js';
import { capSpans } from '../../src/text/spans.js';

export const WHATSAPP_TEXT_LIMIT = 65_536;
const WORD_JOINER = '\u2060';
const URL_PATTERN = /https?:\/\/[^\s]+/g;

function guardMarkers(text: string, markers: RegExp): string {
  return text.replace(markers, (marker) => `${WORD_JOINER}${marker}${WORD_JOINER}`);
}

/** Escapes plain user text so WhatsApp shows it literally (see the comment at the top of this file). */
export function escapeWhatsApp(text: string, inMonospace = false): string {
  const markers = inMonospace ? /`/g : /[*_~`]/g;
  let out = '';
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    out += guardMarkers(text.slice(last, match.index), markers) + match[0];
    last = match.index + match[0].length;
  }
  return out + guardMarkers(text.slice(last), markers);
}

const MARKERS: Record<Exclude<FormatSpan['type'], 'link'>, string> = {
  bold: '*',
  italic: '_',
  strike: '~',
  code: '```',
  pre: '```',
};

export interface MentionSpan {
  userId: string;
  offset: number;
  length: number;
}

export interface RenderedPart {
  text: string;
  /** Bare ids (`…@c.us`) of the people mentioned in this part, for MessageSendOptions.mentions. */
  mentions: string[];
}

function isSpace(char: string | undefined): boolean {
  return char !== undefined && /\s/.test(char);
}

/** WhatsApp ignores a marker next to a space (`* bold*`), so spans are trimmed to their visible text. */
function trimSpan(text: string, span: FormatSpan): FormatSpan | null {
  let start = Math.max(0, span.offset);
  let end = Math.min(text.length, span.offset + span.length);
  if (span.type !== 'link' && span.type !== 'pre') {
    while (start < end && isSpace(text[start])) start += 1;
    while (end > start && isSpace(text[end - 1])) end -= 1;
  }
  return end > start ? { ...span, offset: start, length: end - start } : null;
}

function userPart(jid: string): string {
  const at = jid.indexOf('@');
  return at < 0 ? jid : jid.slice(0, at);
}

/** Renders one part (text short enough already). Spans are UTF-16 offsets into `text`. */
export function renderWhatsApp(text: string, format: readonly FormatSpan[] = [], mentions: readonly MentionSpan[] = []): RenderedPart {
  const spans = capSpans(format, text.length)
    .map((s) => trimSpan(text, s))
    .filter((s): s is FormatSpan => s !== null);
  const realMentions = mentions
    .filter((m) => m.length > 0 && m.offset >= 0 && m.offset + m.length <= text.length)
    .filter((m) => unqualify(m.userId).platform === 'whatsapp')
    .sort((a, b) => a.offset - b.offset)
    // Overlapping mentions cannot both be rendered: keep the first.
    .filter((m, i, all) => i === 0 || m.offset >= all[i - 1]!.offset + all[i - 1]!.length);

  const boundaries = new Set<number>([0, text.length]);
  for (const s of spans) boundaries.add(s.offset).add(s.offset + s.length);
  for (const m of realMentions) boundaries.add(m.offset).add(m.offset + m.length);
  const points = [...boundaries].sort((a, b) => a - b);

  let out = '';
  const open: FormatSpan[] = [];
  const mentioned: string[] = [];
  const monospaceDepth = (): number => open.filter((s) => s.type === 'code' || s.type === 'pre').length;
  const openMarker = (s: FormatSpan): string => (s.type === 'link' ? '' : MARKERS[s.type]);
  const closeMarker = (s: FormatSpan): string => {
    if (s.type !== 'link') return MARKERS[s.type];
    // WhatsApp has no link markup: show the address after the words, unless the words are the address.
    const words = text.slice(s.offset, s.offset + s.length);
    return s.url && s.url !== words ? ` (${s.url})` : '';
  };

  for (let i = 0; i < points.length; i++) {
    const at = points[i]!;
    // Close spans ending here; a span closed while inner spans are open closes them too and reopens them after,
    // so crossing spans still come out properly nested.
    const ending = open.filter((s) => s.offset + s.length === at);
    if (ending.length > 0) {
      const deepest = Math.min(...ending.map((s) => open.indexOf(s)));
      const removed = open.splice(deepest);
      // A span closed only to be reopened gets its plain marker (same as its opening one; nothing for a link).
      for (const s of [...removed].reverse()) out += ending.includes(s) ? closeMarker(s) : openMarker(s);
      const reopen = removed.filter((s) => !ending.includes(s));
      for (const s of reopen) {
        out += openMarker(s);
        open.push(s);
      }
    }
    // Open spans starting here, longest first so they nest around the shorter ones.
    const starting = spans.filter((s) => s.offset === at).sort((a, b) => b.length - a.length);
    for (const s of starting) {
      out += openMarker(s);
      open.push(s);
    }
    const next = points[i + 1];
    if (next === undefined) break;
    const mention = realMentions.find((m) => m.offset === at);
    if (mention) {
      // WhatsApp shows `@<number>` with the mentioned person's name when their id is in the mentions list.
      const bare = unqualify(mention.userId).bare;
      out += `@${userPart(bare)}`;
      if (!mentioned.includes(bare)) mentioned.push(bare);
      // Skip the boundaries inside the mention.
      while (i + 1 < points.length && points[i + 1]! < mention.offset + mention.length) i += 1;
      continue;
    }
    out += escapeWhatsApp(text.slice(at, next), monospaceDepth() > 0);
  }
  for (const s of open.reverse()) out += closeMarker(s);
  return { text: out, mentions: mentioned };
}

type PartSpan = (FormatSpan & { kind: 'format' }) | (MentionSpan & { kind: 'mention' });

/**
 * Renders a whole outbound text, with an optional bold name prefix (identity), split into parts of at most
 * 65,536 characters after rendering. Escaping lengthens the text, so the split is redone smaller if a part grew too long.
 */
export function renderParts(
  text: string,
  format: readonly FormatSpan[] = [],
  mentions: readonly MentionSpan[] = [],
  identityName?: string,
  limit = WHATSAPP_TEXT_LIMIT,
): RenderedPart[] {
  let source = text;
  let spans: PartSpan[] = [
    ...capSpans(format, text.length).map((s) => ({ ...s, kind: 'format' as const })),
    ...mentions.map((m) => ({ ...m, kind: 'mention' as const })),
  ];
  if (identityName) {
    const prefix = `${identityName}: `;
    source = prefix + text;
    spans = [
      { type: 'bold', offset: 0, length: identityName.length, kind: 'format' },
      ...spans.map((s) => ({ ...s, offset: s.offset + prefix.length })),
    ];
  }

  let splitAt = limit;
  for (;;) {
    const parts = splitText(source, splitAt, spans).map((part) =>
      renderWhatsApp(
        part.text,
        part.spans.filter((s): s is FormatSpan & { kind: 'format' } => s.kind === 'format'),
        part.spans.filter((s): s is MentionSpan & { kind: 'mention' } => s.kind === 'mention'),
      ),
    );
    const longest = Math.max(0, ...parts.map((p) => p.text.length));
    if (longest <= limit) return parts.filter((p) => p.text.length > 0);
    if (splitAt > 2) {
      splitAt = Math.max(2, Math.floor((splitAt * limit) / longest) - 16);
    } else if (spans.some((span) => span.kind === 'format' && span.type === 'link')) {
      // A link whose URL alone exceeds the limit can never fit: drop the links (their text stays) and start again.
      spans = spans.filter((span) => !(span.kind === 'format' && span.type === 'link'));
      splitAt = limit;
    } else {
      return parts.filter((p) => p.text.length > 0).map((p) => ({ ...p, text: p.text.slice(0, limit) }));
    }
  }
}
