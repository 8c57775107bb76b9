// Reading what people type after /need, /offer, /requests: forgiving, and pure.

/** `urgent` as the first word marks the request urgent (it then ignores quiet hours). */
const URGENT = /^urgent\b[\s:,-]*/i;
/** `#plumber`, `#garde-enfants`, `#lost_cat`; a bare number (`#12`) is a reference, not a tag. */
const TAG = /#([\p{L}\p{N}][\p{L}\p{N}_-]*)/gu;

export interface NeedText {
  urgent: boolean;
  text: string;
  tags: string[];
}

export function parseNeed(raw: string): NeedText {
  const trimmed = raw.trim();
  const urgent = URGENT.test(trimmed);
  const text = (urgent ? trimmed.replace(URGENT, '') : trimmed).trim();
  return { urgent, text, tags: tagsOf(text) };
}

export function tagsOf(text: string): string[] {
  const tags = new Set<string>();
  for (const match of text.matchAll(TAG)) {
    const tag = match[1]!.toLowerCase();
    if (!/^\d+$/.test(tag)) tags.add(tag);
  }
  return [...tags];
}

/** `#lost`, `lost` → `lost`; undefined when the word is not a tag. */
export function parseTag(raw: string | undefined): string | undefined {
  const word = (raw ?? '').trim();
  if (!word) return undefined;
  const tags = tagsOf(word.startsWith('#') ? word : `#${word}`);
  return tags.length === 1 && tags[0]!.length === word.replace(/^#/, '').length ? tags[0] : undefined;
}
