// The one reader of the numbers commands take to name a thing: a request (`/done #12`), an alert (`/approve 3`), an
// FAQ entry, a line of a list (`/bridge off 2`). Shown as `#<number>`, accepted with or without the `#`.

/**
 * '#12', '12', '# 12' → 12; undefined unless a positive whole number of at most nine digits (every such number fits
 * a PostgreSQL integer column, so a typed number never makes a query fail).
 */
export function parseNumber(text: string | undefined): number | undefined {
  const match = /^#?\s*(\d{1,9})$/.exec((text ?? '').trim());
  if (!match) return undefined;
  const number = Number(match[1]);
  return number > 0 ? number : undefined;
}
