import { defineCommand } from '../src/core/command.js';

const SHOWN = 10;
const VALUE_CHARS = 40;

/** A stored before/after value in a few characters: quiet hours as a range, a flood limit as n/s, text shortened. */
function brief(value: unknown, none: string): string {
  if (value === null || value === undefined) return none;
  if (typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if (typeof v.start === 'string' && typeof v.end === 'string') {
      const days = Array.isArray(v.days) ? ` [${v.days.join(',')}]` : '';
      return `${v.start}-${v.end} ${String(v.timeZone ?? '')}${days}`.trim();
    }
    if (typeof v.messages === 'number' && typeof v.seconds === 'number') return `${v.messages}/${v.seconds}s`;
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > VALUE_CHARS ? `${text.slice(0, VALUE_CHARS - 1)}…` : text;
}

/** `/audit` (admin): the last changes to this group's settings, who made them and when (in the group's zone). */
export const audit = defineCommand({
  name: 'audit',
  where: 'group',
  role: 'admin',
  args: [],
  async run(ctx) {
    const entries = await ctx.services.audit.latest(ctx.group.id, SHOWN);
    if (entries.length === 0) {
      await ctx.reply(ctx.t('audit.none'));
      return;
    }
    const none = ctx.t('audit.no_value');
    const lines: string[] = [];
    // People are shown by name, never by a raw id (a phone number on WhatsApp); someone Quartier no longer knows
    // (erased, or never seen) is "someone".
    const names = await ctx.services.people.names(entries.flatMap((entry) => (entry.actorId ? [entry.actorId] : [])));
    for (const entry of entries) {
      const who = (entry.actorId ? names.get(entry.actorId) : undefined) ?? ctx.t('audit.someone');
      const before = (entry.before ?? {}) as Record<string, unknown>;
      const after = (entry.after ?? {}) as Record<string, unknown>;
      const changes = Object.keys(after)
        .map((key) => ctx.t('audit.change', { key, before: brief(before[key], none), after: brief(after[key], none) }))
        .join('; ');
      lines.push(ctx.t('audit.entry', { at: entry.at, who, action: entry.action, changes }));
    }
    await ctx.reply(ctx.t('audit.list', { count: entries.length, entries: lines.join('\n') }));
  },
});
