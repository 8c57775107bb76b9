// Reading what people type after /recommend and /vouch: forgiving, and pure.
import type { Recommendation } from './actions.js';
import { LIMITS } from './service.js';

export type Parsed = { ok: true; value: Recommendation } | { ok: false; reason: 'usage' | 'too_long' };

/** `plumber | Jean Dupont | 06 12 34 56 78 | came within the hour`: two to four parts, the first two required. */
export function parseRecommendation(text: string): Parsed {
  const parts = text.split('|').map((p) => p.replace(/\s+/g, ' ').trim());
  if (parts.length < 2 || parts.length > 4) return { ok: false, reason: 'usage' };
  const [what, who, contact, note] = parts as [string, string, string | undefined, string | undefined];
  if (!what || !who) return { ok: false, reason: 'usage' };
  const value = { what, who, contact: contact || null, note: note || null };
  for (const key of ['what', 'who', 'contact', 'note'] as const) {
    if ((value[key]?.length ?? 0) > LIMITS[key]) return { ok: false, reason: 'too_long' };
  }
  return { ok: true, value };
}

