import type { Command } from '../src/core/command.js';
import type { Context } from '../src/core/context.js';
import { displayCode, normalizeCode } from '../src/communities/codes.js';
import { replyUsage } from '../src/pipeline/commands.js';

const NAME_MAX = 80;

async function show(ctx: Context): Promise<void> {
  const { communities } = ctx.services;
  const community = await communities.communityOf(ctx.group.id);
  if (!community) {
    await ctx.reply(ctx.t('community.none'));
    return;
  }
  const members = await communities.groupsOf(community.id);
  const lines = members.map((g) =>
    ctx.t('community.group_line', { title: g.title ?? g.id, platform: ctx.t('community.platform', { platform: g.platform }) }),
  );
  await ctx.reply(ctx.t('community.show', { name: community.name, count: members.length, groups: lines.join('\n') }));
}

/**
 * `/community`: shows the group's community. Sub-commands (admin): `create <name>`, `join <CODE>`, `leave`, `code`.
 * Joining needs an admin on the joining side; the code itself proves the community's side agreed.
 */
export const community = {
  name: 'community',
  role: 'member',
  args: [],
  run: show,
  subcommands: [
    {
      name: 'create',
      role: 'admin',
      args: [{ name: 'community_name', rest: true }],
      async run(ctx, args) {
        const name = args.community_name!.trim();
        if (name.length > NAME_MAX) return replyUsage(ctx);
        const result = await ctx.services.communities.create(ctx.group, name, ctx.envelope.sender.id, ctx.clock.now());
        if ('inAnother' in result) {
          await ctx.reply(ctx.t('community.already_in', { name: result.inAnother.name }));
          return;
        }
        await ctx.reply(ctx.t('community.created', { name: result.community.name, code: displayCode(result.code) }));
      },
    },
    {
      name: 'join',
      role: 'admin',
      args: [{ name: 'code' }],
      async run(ctx, args) {
        const code = normalizeCode(args.code!);
        if (!code) return replyUsage(ctx);
        const outcome = await ctx.services.communities.join(ctx.group.id, code, ctx.envelope.sender.id, ctx.clock.now());
        if (outcome.ok) {
          const count = (await ctx.services.communities.groupsOf(outcome.community.id)).length;
          await ctx.reply(ctx.t('community.joined', { name: outcome.community.name, count }));
          return;
        }
        const key = {
          'unknown-code': 'community.code_unknown',
          expired: 'community.code_expired',
          'already-member': 'community.already_member',
          'in-another': 'community.already_in',
        }[outcome.reason];
        await ctx.reply(ctx.t(key, { name: outcome.community?.name ?? '' }));
      },
    },
    {
      name: 'leave',
      role: 'admin',
      args: [],
      async run(ctx) {
        const left = await ctx.services.communities.leave(ctx.group.id, ctx.envelope.sender.id);
        await ctx.reply(left ? ctx.t('community.left', { name: left.name }) : ctx.t('community.none'));
      },
    },
    {
      name: 'code',
      role: 'admin',
      args: [],
      async run(ctx) {
        const current = await ctx.services.communities.communityOf(ctx.group.id);
        if (!current) {
          await ctx.reply(ctx.t('community.none'));
          return;
        }
        const code = await ctx.services.communities.freshCode(current.id, ctx.envelope.sender.id, ctx.clock.now());
        await ctx.reply(ctx.t('community.code', { name: current.name, code: displayCode(code) }));
      },
    },
  ],
} satisfies Command;
