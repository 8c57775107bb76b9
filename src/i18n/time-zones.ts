// A group's time zone, as people type it (`/timezone`, `/quiet … Europe/Paris`) and as the settings store it. Every
// feature that shows or reads a local time uses these.

/**
 * True when Intl knows the zone by its IANA name (Europe/Paris, also UTC). Offsets such as +05:30 are refused on
 * every Node version (Node 24's Intl accepts them, Node 20's does not): a fixed offset ignores daylight saving time,
 * so quiet hours set with one would drift by an hour twice a year. Etc/GMT-5 style names remain for those who want one.
 */
export function isValidTimeZone(zone: string): boolean {
  if (zone.trim() === '' || zone !== zone.trim()) return false;
  if (/^[+\-\u2212\d]/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The name to store for a zone the user typed in any case: "europe/paris" → "Europe/Paris". Aliases the runtime
 * knows under an older name (Asia/Kolkata, Europe/Kyiv) keep the user's spelling, with Area/City capitals restored.
 * Returns null for an unknown zone.
 */
export function canonicalTimeZone(zone: string): string | null {
  if (!isValidTimeZone(zone)) return null;
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  if (resolved.toLowerCase() === zone.toLowerCase()) return resolved;
  if (!zone.includes('/')) return zone.toUpperCase(); // UTC, GMT, CET…
  return zone
    .split('/')
    .map((segment) => segment.split('_').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('_'))
    .join('/');
}
