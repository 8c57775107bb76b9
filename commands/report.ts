import { defineCommand } from '../src/core/command.js';

/**
 * `/report [reason]`, as a reply to a message (or a message's menu entry on Discord): the moderators hear of it (see src/features/moderation/reports.ts); the
 * reporter is thanked privately, and their /report line leaves the group where the bot may delete it.
 */
export const report = defineCommand({
  name: 'report',
  where: 'group',
  role: 'member',
  args: [{ name: 'reason', rest: true, optional: true }],
  // Discord: "Report to moderators" in a message's Apps menu.
  messageMenu: true,
  async run(ctx, args) {
    const { envelope } = ctx;
    if (!envelope.replyTo) {
      await ctx.replyEphemeral('moderation.report.reply_needed');
      return;
    }
    await ctx.services.moderation.reports.file(ctx, args.reason);
    if (!envelope.interaction && envelope.messageId) {
      await ctx.outbox.enqueue({ id: `${envelope.id}:report-line`, target: envelope.chat.id, action: 'delete', text: '', editOf: [envelope.messageId], urgent: true });
    }
  },
});
