import { defineCommand } from '../src/core/command.js';
import { matchLanguage } from '../src/i18n/index.js';

/**
 * `/dashboard` (moderator): a one-time link to the web dashboard, given to the person alone (ephemeral on Discord, a
 * private message elsewhere, with a /start deep link on Telegram when the bot cannot write first). The link works
 * once, for ten minutes; the role is asked of the platform again when it is used.
 */
export const dashboard = defineCommand({
  name: 'dashboard',
  where: 'group',
  role: 'moderator',
  args: [],
  async run(ctx) {
    const { dashboard: service, codeGrants, people } = ctx.services;
    if (!service.publicUrl()) {
      await ctx.replyEphemeral('dashboard.not_configured');
      return;
    }
    const { sender } = ctx.envelope;
    // Known by name, so the audit can say who changed what.
    await people.remember(sender);
    const token = await service.links.create({
      person: sender.id,
      name: sender.name,
      group: ctx.group.id,
      language: matchLanguage(sender.language) ?? ctx.group.language,
      createdAt: ctx.clock.now(),
    });
    const minutes = Math.round(service.links.ttlMs / 60_000);
    await codeGrants.give(ctx, { key: 'dashboard.link', params: { url: service.loginUrl(token), minutes }, needed: 'moderator', command: '/dashboard' }, service.links.ttlMs);
  },
});
