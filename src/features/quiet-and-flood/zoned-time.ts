// Wall-clock arithmetic in IANA time zones with nothing but Intl (no date library).
// A "local day" is a whole number: days since 1970-01-01 on the zone's calendar, so date maths is integer maths.

const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // en-US with h23 gives plain numeric parts (no "24" at midnight, no era surprises for modern years).
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's UTC offset in ms at an instant (wall clock minus UTC). Throws RangeError for an unknown zone. */
export function offsetAt(timeZone: string, instantMs: number): number {
  // Intl only shows whole seconds, so compare against the instant truncated to the second.
  const whole = Math.floor(instantMs / 1000) * 1000;
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(whole)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    fields.year ?? 1970,
    (fields.month ?? 1) - 1,
    fields.day ?? 1,
    fields.hour ?? 0,
    fields.minute ?? 0,
    fields.second ?? 0,
  );
  return wall - whole;
}

/** The local day number (days since 1970-01-01 in the zone) that contains the instant. */
export function localDayOf(timeZone: string, instantMs: number): number {
  return Math.floor((instantMs + offsetAt(timeZone, instantMs)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday, for a local day number. */
export function weekdayOf(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * The first instant at which the zone's wall clock reads `minuteOfDay` on local day `day`.
 * - Normal times: the only such instant.
 * - Autumn overlap (the time happens twice): the earlier one.
 * - Spring gap (the time never happens, e.g. 02:30 in Paris on the last Sunday of March): the instant the clock
 *   jumps past it (03:00 CEST), because that is when the wall clock first shows a later time.
 * This keeps the mapping monotonic: a later wall time never maps to an earlier instant.
 */
export function instantOfLocal(timeZone: string, day: number, minuteOfDay: number): number {
  const wall = day * DAY_MS + minuteOfDay * 60_000;
  // Offsets a day either side bracket any transition near this wall time (real zones change at most once a day).
  const before = offsetAt(timeZone, wall - DAY_MS);
  const after = offsetAt(timeZone, wall + DAY_MS);
  if (before === after) return wall - before; // no clock change nearby: the common, fast case
  const candidates = [wall - before, wall - after].filter((t) => offsetAt(timeZone, t) === wall - t);
  if (candidates.length > 0) return Math.min(...candidates);
  if (after <= before) return wall - before; // not a gap after all (two changes in two days): best effort
  // Gap: find the transition instant, between wall - after (still old offset) and wall - before (new offset).
  let low = wall - after;
  let high = wall - before;
  while (high - low > 1000) {
    const middle = low + Math.max(1000, Math.floor((high - low) / 2000) * 1000);
    if (offsetAt(timeZone, middle) === before) low = middle;
    else high = middle;
  }
  return high;
}
