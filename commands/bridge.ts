import { defineCommand, defineSubcommand } from '../src/core/command.js';
import type { Context } from '../src/core/context.js';
import { unqualify } from '../src/core/envelope.js';
import { CODE_TTL_MS } from '../src/features/bridges/service.js';
import { parseCode } from '../src/text/codes.js';
import { parseNumber } from '../src/text/numbers.js';

const minutesSince = (ctx: Context, at: number) => Math.max(0, Math.floor((ctx.clock.now() - at) / 60_000));

/** `/bridge`: this group's links, numbered (for `/bridge off <#>`), and their health. */
async function show(ctx: Context): Promise<void> {
  const links = await ctx.services.bridge.linksOf(ctx.group.id);
  if (links.length === 0) {
    await ctx.reply(ctx.t('bridge.none'));
    return;
  }
  const lines = links.map((link, i) => {
    const last = link.lastRelayedAt === undefined ? ctx.t('bridge.last_never') : ctx.t('bridge.last_ago', { minutes: minutesSince(ctx, link.lastRelayedAt) });
    const line = ctx.t('bridge.line', { number: i + 1, chat: link.title ?? unqualify(link.chatId).bare, platform: unqualify(link.chatId).platform, last, queued: link.queued });
    if (link.failingSince === undefined) return line;
    return `${line}\n${ctx.t('bridge.failing', { minutes: minutesSince(ctx, link.failingSince), reason: link.lastError ?? '' })}`;
  });
  await ctx.reply(ctx.t('bridge.list', { lines: lines.join('\n') }));
}

/**
 * `/bridge <CODE>` (moderator): joins the bridge of the group that asked for the code. Audited as a settings change.
 * The group that asked is told which chat linked, and how to undo it.
 */
async function useCode(ctx: Context, typed: string): Promise<void> {
  const code = parseCode(typed);
  if (!code) {
    await ctx.usage();
    return;
  }
  const { bridge, groups, codeAttempts } = ctx.services;
  const sender = ctx.envelope.sender;
  if (await codeAttempts.blocked(ctx.group.id, sender.id)) {
    await ctx.replyEphemeral('codes.too_many');
    return;
  }
  const outcome = await bridge.useCode(code, ctx.group.id, sender.id, ctx.envelope.chat.type);
  if (!outcome.ok) {
    if (outcome.reason === 'unknown' || outcome.reason === 'used' || outcome.reason === 'expired') await codeAttempts.wrong(ctx.group.id, sender.id);
    const keys = {
      unknown: 'bridge.code_unknown',
      used: 'bridge.code_used',
      expired: 'bridge.code_expired',
      'same-chat': 'bridge.code_same_chat',
      'already-bridged': 'bridge.already_bridged',
      'private-chat': 'errors.group_only',
    } as const;
    await ctx.replyEphemeral(keys[outcome.reason], { command: '/bridge' });
    return;
  }
  const bridgeId = await bridge.repo.bridgeOf(ctx.group.id);
  ctx.group = await groups.change(ctx.group.id, sender.id, 'bridge link', { settings: { bridge: bridgeId } });
  const other = await groups.find(outcome.chatId);
  if (other && other.settings.bridge !== bridgeId) {
    await groups.change(other.id, sender.id, 'bridge link', { settings: { bridge: bridgeId } });
  }
  const links = await bridge.linksOf(ctx.group.id);
  await ctx.reply(ctx.t('bridge.linked', { chat: other?.title ?? unqualify(outcome.chatId).bare, count: links.length + 1 }));
  // The group that asked for the code hears who used it, in its own language, with the number that undoes it.
  const number = (await bridge.linksOf(outcome.chatId)).findIndex((link) => link.chatId === ctx.group.id) + 1;
  await ctx.outbox.enqueue({
    id: `bridge-linked:${code}`,
    target: outcome.chatId,
    action: 'send',
    text: bridge.translate(other?.language ?? ctx.language, 'bridge.linked_other', {
      chat: ctx.group.title ?? unqualify(ctx.group.id).bare,
      platform: unqualify(ctx.group.id).platform,
      name: sender.name,
      number,
    }),
    urgent: true,
    people: [sender.id],
  });
}

/** `/bridge off`: this group leaves its bridge; `/bridge off <#>`: the chat numbered so in `/bridge` is unlinked. */
async function off(ctx: Context, rawNumber: string | undefined): Promise<void> {
  const { bridge, groups } = ctx.services;
  const actor = ctx.envelope.sender.id;
  if (rawNumber === undefined) {
    const unlinked = await bridge.repo.unlink(ctx.group.id);
    if (!unlinked) {
      await ctx.reply(ctx.t('bridge.off_none'));
      return;
    }
    ctx.group = await groups.change(ctx.group.id, actor, 'bridge off', { settings: { bridge: undefined } });
    await ctx.reply(ctx.t('bridge.off'));
    return;
  }
  const number = parseNumber(rawNumber);
  if (number === undefined) return ctx.usage();
  const links = await bridge.linksOf(ctx.group.id);
  const link = links[number - 1];
  if (!link) {
    await ctx.replyEphemeral('bridge.off_unknown', { number });
    return;
  }
  const unlinked = await bridge.repo.unlink(link.chatId);
  const removed = await groups.find(link.chatId);
  if (removed) await groups.change(removed.id, actor, 'bridge off', { settings: { bridge: undefined } });
  // A bridge of two chats is dissolved by removing one of them: this group is then no longer bridged either.
  if (unlinked && !unlinked.remaining.includes(ctx.group.id)) {
    ctx.group = await groups.change(ctx.group.id, actor, 'bridge off', { settings: { bridge: undefined } });
  }
  const title = link.title ?? unqualify(link.chatId).bare;
  await ctx.reply(ctx.t('bridge.off_one', { chat: title }));
  await ctx.outbox.enqueue({
    id: `bridge-removed:${ctx.envelope.id}`,
    target: link.chatId,
    action: 'send',
    text: bridge.translate(removed?.language ?? ctx.language, 'bridge.off_by_other', { chat: ctx.group.title ?? unqualify(ctx.group.id).bare }),
    urgent: true,
  });
}

/** `/bridge [CODE]`, `/bridge link`, `/bridge off [<#>]`. */
export const bridge = defineCommand({
  name: 'bridge',
  where: 'group',
  role: 'member',
  roleWithArgs: 'moderator',
  args: [{ name: 'code', optional: true }],
  async run(ctx, args) {
    if (args.code) await useCode(ctx, args.code);
    else await show(ctx);
  },
  subcommands: [
    defineSubcommand({
      name: 'link',
      role: 'moderator',
      args: [],
      async run(ctx) {
        const { code } = await ctx.services.bridge.createCode(ctx.group.id, ctx.envelope.sender.id, ctx.envelope.chat.type);
        // A code is a secret: whoever sees it can link a group of their own. Only the moderator who asked gets it.
        await ctx.services.codeGrants.give(ctx, { needed: 'moderator', key: 'bridge.code', params: { code }, command: '/bridge link' }, CODE_TTL_MS);
      },
    }),
    defineSubcommand({
      name: 'off',
      role: 'moderator',
      args: [{ name: 'link_number', optional: true }],
      async run(ctx, args) {
        await off(ctx, args.link_number);
      },
    }),
  ],
});
