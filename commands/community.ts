import { defineCommand, defineSubcommand } from '../src/core/command.js';
import type { Context } from '../src/core/context.js';
import { CODE_LIFETIME_MS } from '../src/features/communities/repository.js';
import { displayCode, parseCode } from '../src/text/codes.js';
import { parseNumber } from '../src/text/numbers.js';
import { translate } from '../src/i18n/index.js';

const NAME_MAX = 80;
/** How long a deep link to a join code may be followed: much less than the code lives, as a stale button should not. */
const GRANT_MS = Math.min(CODE_LIFETIME_MS, 3600_000);

async function show(ctx: Context): Promise<void> {
  const { communities } = ctx.services;
  const community = await communities.communityOf(ctx.group.id);
  if (!community) {
    await ctx.reply(ctx.t('community.none'));
    return;
  }
  const members = await communities.groupsOf(community.id);
  const lines = members.map((g, i) =>
    ctx.t('community.group_line', { number: i + 1, title: g.title ?? g.id, platform: ctx.t('community.platform', { platform: g.platform }) }),
  );
  await ctx.reply(ctx.t('community.show', { name: community.name, count: members.length, groups: lines.join('\n') }));
}

/** A join code, given only to the admin who asked (it lets any group in). */
async function giveCode(ctx: Context, name: string, code: string, created: boolean): Promise<void> {
  const key = created ? 'community.created_code' : 'community.code';
  await ctx.services.codeGrants.give(ctx, { needed: 'admin', key, params: { name, code: displayCode(code) }, command: '/community code' }, GRANT_MS);
}

async function join(ctx: Context, typed: string): Promise<void> {
  const code = parseCode(typed);
  if (!code) return ctx.usage();
  const { communities, codeAttempts, groups } = ctx.services;
  const sender = ctx.envelope.sender;
  if (await codeAttempts.blocked(ctx.group.id, sender.id)) {
    await ctx.replyEphemeral('codes.too_many');
    return;
  }
  const outcome = await communities.join(ctx.group.id, code, sender.id, ctx.clock.now(), ctx.envelope.chat.type);
  if (!outcome.ok) {
    if (outcome.reason === 'unknown-code' || outcome.reason === 'expired') await codeAttempts.wrong(ctx.group.id, sender.id);
    const keys = {
      'unknown-code': 'community.code_unknown',
      expired: 'community.code_expired',
      'already-member': 'community.already_member',
      'in-another': 'community.already_in',
      'private-chat': 'errors.group_only',
    } as const;
    await ctx.reply(ctx.t(keys[outcome.reason], { name: outcome.community?.name ?? '', command: '/community' }));
    return;
  }
  const members = await communities.groupsOf(outcome.community.id);
  await ctx.reply(ctx.t('community.joined', { name: outcome.community.name, count: members.length }));
  // The group that started the community hears which group joined, and how to remove it.
  const creator = await communities.creatorOf(outcome.community.id);
  if (!creator || creator.id === ctx.group.id) return;
  const number = members.findIndex((g) => g.id === ctx.group.id) + 1;
  const language = (await groups.find(creator.id))?.language ?? ctx.language;
  await ctx.outbox.enqueue({
    id: `community-joined:${ctx.envelope.id}`,
    target: creator.id,
    action: 'send',
    text: translate(language, 'community.joined_other', {
      group: ctx.group.title ?? ctx.group.id,
      platform: translate(language, 'community.platform', { platform: ctx.group.platform }),
      name: outcome.community.name,
      by: sender.name,
      number,
    }),
    people: [sender.id],
    urgent: true,
  });
}

/** `/community remove <#>`: an admin of the group that started the community takes a group out of it. */
async function remove(ctx: Context, rawNumber: string): Promise<void> {
  const number = parseNumber(rawNumber);
  if (number === undefined) return ctx.usage();
  const { communities, groups } = ctx.services;
  const current = await communities.communityOf(ctx.group.id);
  if (!current) {
    await ctx.reply(ctx.t('community.none'));
    return;
  }
  const creator = await communities.creatorOf(current.id);
  if (creator?.id !== ctx.group.id) {
    await ctx.replyEphemeral('community.remove_not_creator', { name: current.name });
    return;
  }
  const target = (await communities.groupsOf(current.id))[number - 1];
  if (!target) {
    await ctx.replyEphemeral('community.remove_unknown', { number });
    return;
  }
  if (target.id === ctx.group.id) {
    await ctx.replyEphemeral('community.remove_self');
    return;
  }
  await communities.leave(target.id, ctx.envelope.sender.id, 'community.remove');
  await ctx.reply(ctx.t('community.removed', { group: target.title ?? target.id, name: current.name }));
  const language = (await groups.find(target.id))?.language ?? ctx.language;
  await ctx.outbox.enqueue({
    id: `community-removed:${ctx.envelope.id}`,
    target: target.id,
    action: 'send',
    text: translate(language, 'community.removed_other', { name: current.name }),
    urgent: true,
  });
}

/**
 * `/community`: shows the group's community. Sub-commands (admin): `create <name>`, `join <CODE>`, `leave`, `code`,
 * `remove <#>`. Joining needs an admin on the joining side; the code itself proves the community's side agreed, which
 * is why it is given privately and the community's first group is told of every join.
 */
export const community = defineCommand({
  name: 'community',
  where: 'group',
  role: 'member',
  args: [],
  run: show,
  subcommands: [
    defineSubcommand({
      name: 'create',
      role: 'admin',
      args: [{ name: 'community_name', rest: true }],
      async run(ctx, args) {
        const name = args.community_name.trim();
        if (name.length > NAME_MAX) return ctx.usage();
        const result = await ctx.services.communities.create(ctx.group, name, ctx.envelope.sender.id, ctx.clock.now(), ctx.envelope.chat.type);
        if ('inAnother' in result) {
          await ctx.reply(ctx.t('community.already_in', { name: result.inAnother.name }));
          return;
        }
        await ctx.reply(ctx.t('community.created', { name: result.community.name }));
        await giveCode(ctx, result.community.name, result.code, true);
      },
    }),
    defineSubcommand({
      name: 'join',
      role: 'admin',
      args: [{ name: 'code' }],
      async run(ctx, args) {
        await join(ctx, args.code);
      },
    }),
    defineSubcommand({
      name: 'leave',
      role: 'admin',
      args: [],
      async run(ctx) {
        const left = await ctx.services.communities.leave(ctx.group.id, ctx.envelope.sender.id);
        await ctx.reply(left ? ctx.t('community.left', { name: left.name }) : ctx.t('community.none'));
      },
    }),
    defineSubcommand({
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
        await giveCode(ctx, current.name, code, false);
      },
    }),
    defineSubcommand({
      name: 'remove',
      role: 'admin',
      args: [{ name: 'group_number' }],
      async run(ctx, args) {
        await remove(ctx, args.group_number);
      },
    }),
  ],
});
