import { defineCommand } from '../src/core/command.js';
import type { Context } from '../src/core/context.js';
import { vouchButton } from '../src/features/addresses/actions.js';
import type { FoundAddress } from '../src/features/addresses/service.js';

/** One result: id, what, who, then how to reach them and the note when given, then who vouches and where from. */
function resultLines(ctx: Context, found: FoundAddress): string {
  const { entry } = found;
  const lines = [ctx.t('address.find_line', { id: entry.id, what: entry.what, who: entry.who })];
  // /find works only in the community's own groups (where: 'group', scoped): the contact stays among neighbours.
  if (entry.contact) lines.push(ctx.t('address.find_contact', { contact: entry.contact }));
  if (entry.note) lines.push(ctx.t('address.find_note', { note: entry.note }));
  lines.push(
    ctx.t('address.find_facts', {
      count: entry.vouches + 1,
      group: found.groupTitle,
      old: String(found.old),
      reported: String(entry.reports > 0),
    }),
  );
  return lines.join('\n');
}

/** `/find <words>`: the community's addresses that match, in any of the five languages; the top five. */
export const find = defineCommand({
  name: 'find',
  where: 'group',
  role: 'member',
  args: [{ name: 'find_words', rest: true }],
  async run(ctx, args) {
    const query = args.find_words.trim();
    if (!query) return ctx.usage();
    const addresses = ctx.services.addresses;
    const found = await addresses.find(addresses.scopeOf(ctx.group), query.slice(0, 200));
    if (found.length === 0) {
      await ctx.reply(ctx.t('address.find_none', { query: query.slice(0, 60) }));
      return;
    }
    const text = [ctx.t('address.find_header', { count: found.length, query: query.slice(0, 60) }), ...found.map((f) => resultLines(ctx, f))].join('\n\n');
    await ctx.reply(text, { buttons: found.map((f) => vouchButton(ctx, f.entry.id)) });
  },
});
