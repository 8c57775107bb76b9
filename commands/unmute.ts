import { defineCommand } from '../src/core/command.js';
import { muteTarget } from '../src/features/moderation/target.js';

/** `/unmute <reply or @mention>` (moderator): lifts a mute on the platform and here. */
export const unmute = defineCommand({
  name: 'unmute',
  where: 'group',
  role: 'moderator',
  args: [{ name: 'member', optional: true }],
  async run(ctx, args) {
    const { target, rest } = await muteTarget(ctx, args.member ? [args.member] : []);
    if (!target || rest.length > 0) return ctx.usage();
    const { moderation } = ctx.services;
    const wasMuted = await moderation.mutes.unmute(ctx.group.id, target.id, ctx.envelope.id);
    await ctx.reply(ctx.t(wasMuted ? 'moderation.unmute.done' : 'moderation.unmute.not_muted', { name: target.name }), { people: [ctx.envelope.sender.id, target.id] });
    if (!wasMuted) return;
    await moderation.log.emit({
      id: `${ctx.envelope.id}:unmute`,
      groupId: ctx.group.id,
      kind: 'unmute',
      params: { member: target.name, name: ctx.envelope.sender.name },
      people: [ctx.envelope.sender.id, target.id],
    });
  },
});
