// The one generator of codes people copy from one chat to another (a bridge's link code, a community's join code):
// 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), so a code read aloud or copied from a phone
// survives. Stored bare (`ABCDEFGH`), shown as two halves (`ABCD-EFGH`), accepted back in any case, with or without
// the hyphen.
import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 8;

/** A fresh code in its stored form. */
export function newCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** `abcd-efgh` → `ABCDEFGH`; undefined when it is not 6–12 letters and digits with at most one hyphen inside. */
export function parseCode(input: string): string | undefined {
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
