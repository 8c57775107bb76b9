// One-time link codes: `ABCD-2345`. No 0/O, 1/I/L, so a code read aloud or copied from a phone survives.
import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_TTL_MS = 10 * 60_000;

export function newCode(): string {
  const pick = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${pick()}-${pick()}`;
}

/** A typed code in its stored form (upper case, no hyphen), or undefined when it cannot be a code (COMMANDS.md). */
export function parseCode(input: string): string | undefined {
  const trimmed = input.trim().toUpperCase();
  if (!/^[A-Z0-9]{3,12}(-[A-Z0-9]{3,12})?$/.test(trimmed)) return undefined;
  const bare = trimmed.replace('-', '');
  return bare.length >= 6 && bare.length <= 12 ? bare : undefined;
}

export function storedCode(code: string): string {
  return code.replace('-', '');
}
