import { defineCommand, defineSubcommand } from '../src/core/command.js';
import type { Context } from '../src/core/context.js';
import { roleAtLeast } from '../src/core/roles.js';
import { addAddress } from '../src/features/addresses/actions.js';
import { parseRecommendation } from '../src/features/addresses/parse.js';
import { parseNumber } from '../src/text/numbers.js';
import type { AddressEntry } from '../src/features/addresses/repository.js';
import { LIMITS } from '../src/features/addresses/service.js';

/** The address an id names in this chat's community, or the answer why not. */
async function named(ctx: Context, raw: string | undefined): Promise<AddressEntry | undefined> {
  const id = parseNumber(raw);
  if (id === undefined) {
    await ctx.usage();
    return undefined;
  }
  const addresses = ctx.services.addresses;
  const entry = await addresses.repository.inScope(addresses.scopeOf(ctx.group), id);
  if (!entry) await ctx.replyEphemeral('address.not_found', { id });
  return entry;
}

const remove = defineSubcommand({
  name: 'remove',
  role: 'member',
  args: [{ name: 'address_id' }],
  async run(ctx, args) {
    const entry = await named(ctx, args.address_id);
    if (!entry) return;
    if (entry.authorId !== ctx.envelope.sender.id && !roleAtLeast(await ctx.role(), 'moderator')) {
      await ctx.replyEphemeral('address.remove_refused', { id: entry.id });
      return;
    }
    const addresses = ctx.services.addresses;
    if (await addresses.repository.remove(entry.id)) await addresses.changed(entry.scope);
    await ctx.reply(ctx.t('address.removed', { id: entry.id }));
  },
});

const report = defineSubcommand({
  name: 'report',
  role: 'member',
  args: [{ name: 'address_id' }],
  async run(ctx, args) {
    const entry = await named(ctx, args.address_id);
    if (!entry) return;
    const sender = ctx.envelope.sender;
    const addresses = ctx.services.addresses;
    if (!(await addresses.repository.report(entry.id, sender.id, new Date(ctx.clock.now())))) {
      await ctx.replyEphemeral('address.report_again', { id: entry.id });
      return;
    }
    // The group's moderators read it here; the group it was recommended in hears of it too. No contact details.
    const notice = { id: entry.id, what: entry.what, who: entry.who, reporter: sender.name, group: ctx.group.title ?? '' };
    await ctx.reply(ctx.t('address.report_notice', notice), { people: [sender.id, entry.authorId] });
    if (entry.originGroup !== ctx.group.id) await addresses.tellOrigin(`${ctx.envelope.id}:report-origin`, entry, 'address.report_notice', notice, [sender.id]);
  },
});

/** `/recommend <what> | <who or where> [| <contact>] [| <note>]`: a trusted address, kept for the community. */
export const recommend = defineCommand({
  name: 'recommend',
  where: 'group',
  role: 'member',
  args: [{ name: 'address', rest: true }],
  subcommands: [remove, report],
  async run(ctx, args) {
    const parsed = parseRecommendation(args.address);
    if (!parsed.ok && parsed.reason === 'usage') return ctx.usage();
    if (!parsed.ok) {
      await ctx.replyEphemeral('address.too_long', LIMITS);
      return;
    }
    await addAddress(ctx, ctx.envelope.id, parsed.value);
  },
});
