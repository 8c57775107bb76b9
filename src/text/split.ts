// Splits a long text into parts a platform accepts (Telegram: 4096 UTF-16 code units, Discord: 2000), carrying
// format spans into the part they fall in. Shared by the Telegram and Discord adapters.
//
// Where it cuts, in order of preference: at a line break in the second half of the window (so parts stay large),
// then at the last space/tab, then hard at the limit, moving back one code unit rather than splitting a surrogate
// pair. The whitespace at a cut is dropped (trailing whitespace of the part before, leading whitespace of the part
// after), because platforms trim it anyway and a part starting with a blank line looks broken.

export interface Span {
  offset: number;
  length: number;
}

export interface TextPart<S extends Span> {
  text: string;
  /** Spans clipped to this part, offsets relative to the part. */
  spans: S[];
  /** Where this part starts in the original text (UTF-16 offset). */
  offset: number;
}

function isBoundarySpace(code: number): boolean {
  // ASCII whitespace only: a no-break space is chosen by the writer precisely so that it does not break.
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0b || code === 0x0c;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Index of the cut for the part starting at `start`: the part is text[start, cut). Requires text.length - start > limit. */
function findCut(text: string, start: number, limit: number): number {
  const end = start + limit;
  // A line break in the second half of the window. text[end] itself may be the break: the part is then exactly limit.
  for (let i = end; i > start + limit / 2; i--) {
    if (text.charCodeAt(i) === 0x0a) return i;
  }
  for (let i = end; i > start; i--) {
    if (isBoundarySpace(text.charCodeAt(i))) return i;
  }
  let cut = end;
  if (isLowSurrogate(text.charCodeAt(cut)) && isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1;
  return cut;
}

function clipSpans<S extends Span>(spans: readonly S[], start: number, end: number): S[] {
  const clipped: S[] = [];
  for (const span of spans) {
    const from = Math.max(span.offset, start);
    const to = Math.min(span.offset + span.length, end);
    if (to > from) clipped.push({ ...span, offset: from - start, length: to - from });
  }
  return clipped;
}

/**
 * Splits `text` into parts of at most `limit` UTF-16 code units. A text that fits comes back as one part, untouched.
 * Spans (UTF-16 offsets into `text`) are clipped into each part; a span crossing a cut appears in both parts.
 */
export function splitText<S extends Span = Span>(text: string, limit: number, spans: readonly S[] = []): TextPart<S>[] {
  if (!Number.isInteger(limit) || limit < 2) throw new RangeError(`split limit must be an integer >= 2, got ${limit}`);
  if (text.length <= limit) return [{ text, spans: clipSpans(spans, 0, text.length), offset: 0 }];

  const parts: TextPart<S>[] = [];
  let start = 0;
  while (start < text.length) {
    let cut: number;
    let next: number;
    if (text.length - start <= limit) {
      cut = text.length;
      next = text.length;
    } else {
      cut = findCut(text, start, limit);
      next = cut;
      // Drop the whitespace around the cut: trailing on this part, leading on the next.
      while (cut > start && isBoundarySpace(text.charCodeAt(cut - 1))) cut -= 1;
      while (next < text.length && isBoundarySpace(text.charCodeAt(next))) next += 1;
    }
    // A window that was only whitespace yields no part.
    if (cut > start) parts.push({ text: text.slice(start, cut), spans: clipSpans(spans, start, cut), offset: start });
    start = next;
  }
  return parts;
}
