// Moderation's stages. Before the commands: a muted member's message is deleted (WhatsApp, or where a restriction did
// not take); a moderation button is handled; a moderator who runs a command is remembered (reports may go to them
// privately). After the commands: the kind note under a forwarded rumour.
import type { Stage } from '../../core/composer.js';
import type { Context } from '../../core/context.js';
import { splitCommandText, type CommandForm } from '../../core/command.js';
import { roleAtLeast } from '../../core/roles.js';
import { REPORT_ACTIONS, REPORT_BUTTON_PREFIX, type ReportAction } from './reports.js';

export const FORWARDS_SETTING = 'forwardsNote';

export const mutedStage: Stage<Context> = {
  name: 'moderation-muted',
  async run(ctx, next) {
    const { envelope } = ctx;
    if (envelope.kind !== 'message' || envelope.chat.type !== 'group' || !envelope.messageId) return next();
    const until = await ctx.services.moderation.mutes.mutedUntil(envelope.chat.id, envelope.sender.id);
    if (until === undefined) return next();
    await ctx.outbox.enqueue({ id: `${envelope.id}:muted-delete`, target: envelope.chat.id, action: 'delete', text: '', editOf: [envelope.messageId], urgent: true });
  },
};

export const reportButtonStage: Stage<Context> = {
  name: 'moderation-buttons',
  async run(ctx, next) {
    const data = ctx.envelope.buttonData;
    if (ctx.envelope.kind !== 'button' || !data?.startsWith(REPORT_BUTTON_PREFIX)) return next();
    const match = /^mod:([a-z]+):(\d{1,9})$/.exec(data);
    const action = match?.[1] as ReportAction | undefined;
    if (!match || !action || !REPORT_ACTIONS.includes(action)) {
      await ctx.replyEphemeral('moderation.report.not_here');
      return;
    }
    await ctx.services.moderation.reports.press(ctx, action, Number(match[2]));
  },
};

/**
 * Wraps the command stage: once a moderator's or admin's command ran, its sender is remembered as a moderator of the
 * group (a member's command, /forgetme among them, records nobody).
 */
export const moderatorSeenStage: Stage<Context> = {
  name: 'moderation-moderators',
  async run(ctx, next) {
    await next();
    const { envelope } = ctx;
    const ran = ctx.state.command as { form: CommandForm } | undefined;
    if (envelope.kind !== 'message' || envelope.chat.type !== 'group' || envelope.sender.isBot || !ran || ran.form.role === 'member') return;
    // The command stage asked the role already: this reads the context's copy.
    if (roleAtLeast(await ctx.role(), 'moderator')) await ctx.services.moderation.moderators.seen(envelope.chat.id, envelope.sender.id, ctx.clock.now());
  },
};

/** True when a forward deserves the note: marked "many times" (WhatsApp), or from a chat outside the community. */
async function rumour(ctx: Context): Promise<boolean> {
  const { forward } = ctx.envelope;
  if (forward?.manyTimes) return true;
  const from = forward?.fromChat;
  if (!from || from === ctx.group.id) return false;
  if (ctx.group.communityId === null) return true;
  const members = await ctx.services.communities.groupsOf(ctx.group.communityId);
  return !members.some((g) => g.id === from);
}

export const forwardsStage: Stage<Context> = {
  name: 'moderation-forwards',
  async run(ctx, next) {
    const { envelope } = ctx;
    const applies = envelope.kind === 'message' && envelope.chat.type === 'group' && envelope.forwarded && !envelope.sender.isBot;
    if (!applies || ctx.group.settings[FORWARDS_SETTING] !== true || splitCommandText(envelope.text)) return next();
    if ((await rumour(ctx)) && !roleAtLeast(await ctx.role(), 'moderator')) {
      // Once per message (the reply's id comes from the message's), and held during quiet hours like any post.
      await ctx.reply(ctx.t('moderation.forward_note'), { urgent: false, people: [] });
    }
    await next();
  },
};
