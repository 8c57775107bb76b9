/** `#12` or `12` → 12; undefined for anything else. Ids are shown as `#<number>` and accepted with or without `#`. */
export function parseAlertId(input: string | undefined): number | undefined {
  const match = /^#?(\d{1,9})$/.exec((input ?? '').trim());
  return match ? Number(match[1]) : undefined;
}
