// Join codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as two halves `ABCD-EFGH`.
// Typed back, a code is accepted in any case, with or without its hyphen.
import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 8;

/** A join code serves any number of groups for this long. */
export const CODE_LIFETIME_MS = 24 * 3600 * 1000;

export function newCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** `abcd-efgh` → `ABCDEFGH`; undefined when it is not 6–12 letters and digits with at most one hyphen inside. */
export function normalizeCode(input: string): string | undefined {
  const upper = input.trim().toUpperCase();
  if (!/^[A-Z0-9]+(-[A-Z0-9]+)?$/.test(upper)) return undefined;
  const bare = upper.replace('-', '');
  return bare.length >= 6 && bare.length <= 12 ? bare : undefined;
}

/** `ABCDEFGH` → `ABCD-EFGH`, the form shown to people. */
export function displayCode(code: string): string {
  const half = Math.ceil(code.length / 2);
  return `${code.slice(0, half)}-${code.slice(half)}`;
}
