// A community's events as an iCalendar feed (RFC 5545) that phones and calendar apps subscribe to, served on the
// public listener at /events/calendar.ics?key=<secret>. The secret is the only key: a wrong, old or malformed one
// gets the same 404 as a path that does not exist, and nothing is logged of it.
import type http from 'node:http';
import type { CommunityEvent } from './repository.js';
import type { EventRepository } from './repository.js';

export const CALENDAR_PATH = '/events/calendar.ics';
/** Events that ended this long ago drop out of the feed. */
const PAST_SHOWN_MS = 30 * 24 * 3600_000;
/** Events have no end time; calendars show them this long. */
const SHOWN_DURATION = 'PT2H';

// eslint-disable-next-line no-control-regex -- control characters are exactly what it removes
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma, and newlines as \n. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    // Other control characters are not allowed in TEXT.
    .replace(CONTROL, '');
}

/** Folds a content line at 75 octets (RFC 5545 3.1) without splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // The first line holds 75 octets; continuation lines start with a space, so they hold 74 more.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** 20260605T160000Z */
export function utcStamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export function calendarFile(input: { name: string; events: CommunityEvent[]; now: Date; host: string }): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Quartier//Events//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(input.name)}`];
  for (const event of input.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:event-${event.id}@${input.host}`,
      `DTSTAMP:${utcStamp(event.updatedAt)}`,
      `DTSTART:${utcStamp(event.startsAt)}`,
      `DURATION:${SHOWN_DURATION}`,
      `SEQUENCE:${event.version}`,
      `SUMMARY:${escapeText(event.title)}`,
      ...(event.place ? [`LOCATION:${escapeText(event.place)}`] : []),
      `STATUS:${event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

const TOKEN = /^[A-Za-z0-9_-]{20,64}$/;

export function calendarRoute(deps: {
  events: EventRepository;
  nameOf: (scope: string) => Promise<string>;
  now: () => number;
  host: () => string;
}): (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> {
  return async (req, res) => {
    const notFound = () => {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    };
    const url = new URL(req.url ?? '/', 'http://localhost');
    if ((req.method !== 'GET' && req.method !== 'HEAD') || url.pathname !== CALENDAR_PATH) return notFound();
    const key = url.searchParams.get('key') ?? '';
    if (!TOKEN.test(key)) return notFound();
    const scope = await deps.events.scopeOfToken(key);
    if (!scope) return notFound();
    const now = deps.now();
    const events = await deps.events.forCalendar(scope, new Date(now - PAST_SHOWN_MS));
    const body = calendarFile({ name: await deps.nameOf(scope), events, now: new Date(now), host: deps.host() });
    res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
