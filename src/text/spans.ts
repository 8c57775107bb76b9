// Formatting spans come from people (a relayed message's entities, markdown parsed on the way in), so their number and
// nesting are theirs to choose. Every renderer caps them first: a message with thousands of nested spans is rendered
// with the first few levels and the first spans, in time proportional to its length, and never blocks the event loop.

/** More than any platform shows usefully (Telegram takes 100 entities per message). */
export const MAX_SPANS = 100;
/** Deeper nesting than bold-in-italic-in-link-in-strike is never meaningful. */
export const MAX_SPAN_DEPTH = 8;

interface Ranged {
  offset: number;
  length: number;
}

/**
 * The spans a renderer may draw: inside the text, at most `maxDepth` covering any one character, at most `maxSpans` in
 * all, outer (earlier, longer) ones first. Spans beyond the caps are dropped; their text stays. Crossing spans are kept
 * (each renderer nests or drops them its own way) and count towards the depth where they overlap. Costs
 * O(n log n + n · maxDepth).
 */
export function capSpans<T extends Ranged>(spans: readonly T[], textLength: number, maxSpans = MAX_SPANS, maxDepth = MAX_SPAN_DEPTH): T[] {
  const valid = spans
    .filter((s) => Number.isInteger(s.offset) && Number.isInteger(s.length) && s.length > 0 && s.offset >= 0 && s.offset + s.length <= textLength)
    .sort((a, b) => a.offset - b.offset || b.length - a.length);
  const kept: T[] = [];
  let openEnds: number[] = [];
  for (const span of valid) {
    if (kept.length >= maxSpans) break;
    openEnds = openEnds.filter((end) => end > span.offset);
    if (openEnds.length >= maxDepth) continue;
    kept.push(span);
    openEnds.push(span.offset + span.length);
  }
  return kept;
}
