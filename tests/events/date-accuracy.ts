// Scores the date parser on a labelled set: per language, the share of expressions read as labelled.
import { readFileSync } from 'node:fs';
import { parseWhen } from '../../src/features/events/dates.js';
import { instantOfLocal } from '../../src/features/quiet-and-flood/zoned-time.js';

export interface LabelledSet {
  reference: string;
  timeZone: string;
  cases: Record<string, [string, string][]>;
}

/** 'YYYY-MM-DDTHH:mm' wall clock in `zone` → instant. */
export function wallToInstant(wall: string, zone: string): number {
  const [date, time] = wall.split('T') as [string, string];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  return instantOfLocal(zone, Math.floor(Date.UTC(y, m - 1, d) / 86_400_000), h * 60 + min);
}

export function outcomeOf(input: string, zone: string, now: number): string {
  const reading = parseWhen(input, zone, now);
  if (reading.kind !== 'ok') return reading.kind;
  const pad = (n: number) => String(n).padStart(2, '0');
  const l = reading.local;
  return `${l.year}-${pad(l.month)}-${pad(l.day)}T${pad(l.hour)}:${pad(l.minute)}`;
}

export function score(file: string): Record<string, { accuracy: number; misses: string[] }> {
  const set = JSON.parse(readFileSync(file, 'utf8')) as LabelledSet;
  const now = wallToInstant(set.reference, set.timeZone);
  const result: Record<string, { accuracy: number; misses: string[] }> = {};
  for (const [language, cases] of Object.entries(set.cases)) {
    const misses: string[] = [];
    for (const [input, expected] of cases) {
      const got = outcomeOf(input, set.timeZone, now);
      if (got !== expected) misses.push(`${input} → ${got} (expected ${expected})`);
    }
    result[language] = { accuracy: (cases.length - misses.length) / cases.length, misses };
  }
  return result;
}
