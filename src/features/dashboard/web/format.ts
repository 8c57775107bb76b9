// Small formatting helpers shared by the pages.
import type { QualifiedId } from '../../../core/envelope.js';

/** The URL of a group page. Group ids are `platform:id` and may hold characters a path must escape. */
export function groupPath(groupId: QualifiedId, page: string, rest = ''): string {
  return `/dashboard/g/${encodeURIComponent(groupId)}/${page}${rest}`;
}

/** A moment in the group's zone and the page's language: "05/12/2026, 07:00". */
export function dateTime(at: number | Date, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short', timeZone }).format(at);
}

/** HH:MM in a zone. */
export function clock(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(at);
}

/** A form field as one string (a repeated field gives its last value). */
export function field(form: Record<string, string | string[]>, name: string): string {
  const value = form[name];
  return (Array.isArray(value) ? value[value.length - 1] : value) ?? '';
}

/** A repeated form field (checkboxes) as a list. */
export function fields(form: Record<string, string | string[]>, name: string): string[] {
  const value = form[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
