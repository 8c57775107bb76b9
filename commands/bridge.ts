import type { Command } from '../src/core/command.js';
import type { Context } from '../src/core/context.js';
import { unqualify } from '../src/core/envelope.js';
import { parseCode, storedCode } from '../src/bridge/codes.js';
import { replyUsage } from '../src/pipeline/commands.js';

const minutesSince = (ctx: Context, at: number) => Math.max(0, Math.floor((ctx.clock.now() - at) / 60_000));

/** `/bridge`: this group's links and their health (last relayed, waiting, failing and why). */
async function show(ctx: Context): Promise<void> {
  const links = await ctx.services.bridge.linksOf(ctx.group.id);
  if (links.length === 0) {
    await ctx.reply(ctx.t('bridge.none'));
    return;
  }
  const lines = links.map((link) => {
    const last = link.lastRelayedAt === undefined ? ctx.t('bridge.last_never') : ctx.t('bridge.last_ago', { minutes: minutesSince(ctx, link.lastRelayedAt) });
    const line = ctx.t('bridge.line', { chat: link.title ?? unqualify(link.chatId).bare, platform: unqualify(link.chatId).platform, last, queued: link.queued });
    if (link.failingSince === undefined) return line;
    return `${line}\n${ctx.t('bridge.failing', { minutes: minutesSince(ctx, link.failingSince), reason: link.lastError ?? '' })}`;
  });
  await ctx.reply(ctx.t('bridge.list', { lines: lines.join('\n') }));
}

/** `/bridge <CODE>` (moderator): joins the bridge of the group that asked for the code. Audited as a settings change. */
async function useCode(ctx: Context, typed: string): Promise<void> {
  const code = parseCode(typed);
  if (!code) {
    await replyUsage(ctx);
    return;
  }
  const { bridge, groups } = ctx.services;
  const outcome = await bridge.useCode(storedCode(code), ctx.group.id, ctx.envelope.sender.id);
  if (!outcome.ok) {
    const key = { unknown: 'bridge.code_unknown', used: 'bridge.code_used', expired: 'bridge.code_expired', 'same-chat': 'bridge.code_same_chat', 'already-bridged': 'bridge.already_bridged' }[outcome.reason];
    await ctx.replyEphemeral(key);
    return;
  }
  const bridgeId = await bridge.repo.bridgeOf(ctx.group.id);
  ctx.group = await groups.change(ctx.group.id, ctx.envelope.sender.id, 'bridge link', { settings: { bridge: bridgeId } });
  const other = await groups.find(outcome.chatId);
  if (other && other.settings.bridge !== bridgeId) {
    await groups.change(other.id, ctx.envelope.sender.id, 'bridge link', { settings: { bridge: bridgeId } });
  }
  const links = await bridge.linksOf(ctx.group.id);
  await ctx.reply(ctx.t('bridge.linked', { chat: other?.title ?? unqualify(outcome.chatId).bare, count: links.length + 1 }));
  // The group that asked for the code hears it worked, in its own language.
  await ctx.outbox.enqueue({
    id: `bridge-linked:${code}`,
    target: outcome.chatId,
    action: 'send',
    text: bridge.translate(other?.language ?? ctx.language, 'bridge.linked_other', { chat: ctx.group.title ?? unqualify(ctx.group.id).bare }),
    urgent: true,
  });
}

/** `/bridge [CODE]`, `/bridge link`, `/bridge off`. */
export const bridge = {
  name: 'bridge',
  role: 'member',
  roleWithArgs: 'moderator',
  args: [{ name: 'code', optional: true }],
  async run(ctx, args) {
    if (args.code) await useCode(ctx, args.code);
    else await show(ctx);
  },
  subcommands: [
    {
      name: 'link',
      role: 'moderator',
      args: [],
      async run(ctx) {
        const { code } = await ctx.services.bridge.createCode(ctx.group.id, ctx.envelope.sender.id);
        await ctx.reply(ctx.t('bridge.code', { code }));
      },
    },
    {
      name: 'off',
      role: 'moderator',
      args: [],
      async run(ctx) {
        const unlinked = await ctx.services.bridge.repo.unlink(ctx.group.id);
        if (!unlinked) {
          await ctx.reply(ctx.t('bridge.off_none'));
          return;
        }
        ctx.group = await ctx.services.groups.change(ctx.group.id, ctx.envelope.sender.id, 'bridge off', { settings: { bridge: undefined } });
        await ctx.reply(ctx.t('bridge.off'));
      },
    },
  ],
} satisfies Command;
