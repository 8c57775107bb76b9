import { defineCommand } from '../src/core/command.js';
import { roleAtLeast } from '../src/core/roles.js';
import { parseDurationOrMinutes } from '../src/features/quiet-and-flood/args.js';
import { DEFAULT_MUTE_MS, MAX_MUTE_MS } from '../src/features/moderation/mutes.js';
import { muteTarget } from '../src/features/moderation/target.js';

/**
 * `/mute <reply or @mention> [duration]` (moderator): Telegram restricts, Discord times out, WhatsApp deletes their
 * messages while it lasts. An hour unless said; 28 days at most. Moderators and admins cannot be muted.
 */
export const mute = defineCommand({
  name: 'mute',
  where: 'group',
  role: 'moderator',
  args: [
    { name: 'member', optional: true },
    { name: 'duration', optional: true },
  ],
  async run(ctx, args) {
    const words = [args.member, args.duration].filter((w): w is string => w !== undefined);
    const { target, rest } = await muteTarget(ctx, words);
    if (!target || rest.length > 1) return ctx.usage();
    const durationMs = rest[0] === undefined ? DEFAULT_MUTE_MS : parseDurationOrMinutes(rest[0]);
    if (durationMs === null || durationMs < 60_000 || durationMs > MAX_MUTE_MS) return ctx.usage();
    const { moderation, roles } = ctx.services;
    if (roleAtLeast(await roles.roleOf(ctx.group.id, target.id), 'moderator')) {
      await ctx.replyEphemeral('moderation.mute.not_moderators', { name: target.name });
      return;
    }
    const until = ctx.clock.now() + durationMs;
    await moderation.mutes.mute(ctx.group.id, target.id, until, ctx.envelope.sender.id, ctx.envelope.id);
    await ctx.reply(ctx.t('moderation.mute.done', { name: target.name, until }), { people: [ctx.envelope.sender.id, target.id] });
    await moderation.log.emit({
      id: `${ctx.envelope.id}:mute`,
      groupId: ctx.group.id,
      kind: 'mute',
      params: { member: target.name, name: ctx.envelope.sender.name, until },
      people: [ctx.envelope.sender.id, target.id],
    });
  },
});
