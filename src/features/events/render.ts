// What a copy of an event says, in its group's language and time zone: title, when, where, the counts and the first
// names of those going, and how to answer. Buttons go with it on the platforms that show them.
import type { Translate } from '../../core/context.js';
import type { Button } from '../../core/outbound.js';
import type { Attendance, CommunityEvent } from './repository.js';
import { NAMES_SHOWN } from './repository.js';

export const BUTTON_PREFIX = 'ev:';
const CHOICES = { yes: 'y', maybe: 'm', no: 'n' } as const;

/** Button data: `ev:<id>:y|m|n`. */
export function buttonData(eventId: number, answer: keyof typeof CHOICES): string {
  return `${BUTTON_PREFIX}${eventId}:${CHOICES[answer]}`;
}

/** Reads button data back; undefined for anything that is not exactly what buttonData() makes. */
export function readButton(data: string): { eventId: number; answer: 'yes' | 'maybe' | 'no' } | undefined {
  const match = /^ev:([1-9]\d{0,8}):([ymn])$/.exec(data);
  if (!match) return undefined;
  const answer = match[2] === 'y' ? 'yes' : match[2] === 'm' ? 'maybe' : 'no';
  return { eventId: Number(match[1]), answer };
}

export interface Where {
  language: string;
  timezone: string;
}

export function whenText(translate: Translate, where: Where, at: Date): string {
  return translate(where.language, 'events.when', { at }, { timeZone: where.timezone });
}

/** The full text of a copy. `allNames` lists everyone going (for /event <id>), otherwise the first few. */
export function eventText(translate: Translate, where: Where, event: CommunityEvent, attendance: Attendance, allNames = false): string {
  const t = (key: string, params?: Record<string, unknown>) => translate(where.language, key, params, { timeZone: where.timezone });
  const lines = [t(event.status === 'cancelled' ? 'events.post_title_cancelled' : 'events.post_title', { id: event.id, title: event.title })];
  lines.push(t('events.post_when', { when: whenText(translate, where, event.startsAt) }));
  if (event.place) lines.push(t('events.post_place', { place: event.place }));
  if (event.status === 'cancelled') return lines.join('\n');
  lines.push(t('events.post_counts', { yes: attendance.yes, maybe: attendance.maybe, no: attendance.no }));
  const shown = allNames ? attendance.going : attendance.going.slice(0, NAMES_SHOWN);
  if (shown.length > 0) {
    const more = attendance.going.length - shown.length;
    lines.push(more > 0 ? t('events.post_going_more', { names: shown.join(', '), more }) : t('events.post_going', { names: shown.join(', ') }));
  }
  lines.push(t('events.post_footer', { id: event.id }));
  return lines.join('\n');
}

export function eventButtons(translate: Translate, language: string, event: CommunityEvent): Button[] {
  if (event.status !== 'scheduled') return [];
  return (['yes', 'maybe', 'no'] as const).map((answer) => ({ label: translate(language, `events.button_${answer}`), data: buttonData(event.id, answer) }));
}
