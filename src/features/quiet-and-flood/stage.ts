// The group-rules stage, before the command stage: what happens to members' messages during quiet hours (remind,
// delete or nothing) and the flood limit. Admins and moderators are exempt from both. Commands are left alone here
// (a member may still type /quiet at night); the command stage deals with them.
import type { Stage } from '../../core/composer.js';
import type { Context } from '../../core/context.js';
import { splitCommandText } from '../../core/command.js';
import { roleAtLeast } from '../../core/roles.js';
import { recordAndCheck } from './flood-store.js';
import { quietPeriodAt } from './quiet-hours.js';
import { rulesSettings } from './settings.js';

async function exempt(ctx: Context): Promise<boolean> {
  return roleAtLeast(await ctx.role(), 'moderator');
}

/** Returns true when the message was removed (later stages must not answer or relay it). */
async function quietHours(ctx: Context): Promise<boolean> {
  const { quietHours: hours, quietMode } = rulesSettings(ctx.group);
  if (!hours || quietMode === 'silent') return false;
  const now = ctx.clock.now();
  const period = quietPeriodAt(hours, new Date(now));
  if (!period || (await exempt(ctx))) return false;
  const { envelope } = ctx;
  const rules = ctx.services.rules;
  if (quietMode === 'delete' && envelope.messageId && !(await rules.deleteRefused(envelope.chat.id))) {
    // The reminder could go by private message where the platform lets a bot start one; the adapters offer no such
    // call yet, so a deleted message simply disappears until the morning.
    await ctx.services.moderationEvents?.emit({ id: `${envelope.id}:quiet-delete`, groupId: envelope.chat.id, kind: 'quiet-delete', params: { name: envelope.sender.name }, people: [envelope.sender.id] });
    await rules.requestDelete(envelope.id, {
      chatId: envelope.chat.id,
      memberId: envelope.sender.id,
      memberName: envelope.sender.name,
      messageId: envelope.messageId,
      threadId: envelope.chat.threadId,
    });
    return true;
  }
  if (await rules.reminders.firstQuietReminder(envelope.chat.id, envelope.sender.id, period.end.getTime(), now)) {
    await ctx.reply(ctx.t('quiet.remind', { name: envelope.sender.name, end: hours.end }), { urgent: true });
  }
  return false;
}

async function flood(ctx: Context): Promise<void> {
  const { flood: limit } = rulesSettings(ctx.group);
  if (!limit) return;
  const { envelope } = ctx;
  const { redis, prefix, rules } = ctx.services;
  const now = ctx.clock.now();
  const over = await recordAndCheck(redis, prefix, envelope.chat.id, envelope.sender.id, now, limit);
  if (!over || (await exempt(ctx))) return;
  if (!(await rules.reminders.firstFloodReminder(envelope.chat.id, envelope.sender.id, now, limit.seconds * 1000))) return;
  // Muted instead of reminded, once per window, when the limit says so and a feature mutes.
  const muter = ctx.services.floodMuter;
  if (limit.muteMs !== undefined && muter) {
    await muter.muteFlooder(ctx, limit.muteMs);
    return;
  }
  await ctx.reply(ctx.t('flood.remind', { name: envelope.sender.name, messages: limit.messages, seconds: limit.seconds }), {
    urgent: true,
  });
}

export const groupRulesStage: Stage<Context> = {
  name: 'group-rules',
  async run(ctx, next) {
    const { envelope } = ctx;
    const applies = envelope.kind === 'message' && envelope.chat.type === 'group' && !envelope.sender.isBot;
    if (!applies || splitCommandText(envelope.text)) return next();
    await flood(ctx);
    if (await quietHours(ctx)) return;
    await next();
  },
};
