// Moderation's services, built once per process: the log chat, reports, mutes, and the moderators seen.
import type { Context } from '../../core/context.js';
import type { FeatureDeps } from '../../core/feature.js';
import type { FloodMuter } from '../quiet-and-flood/index.js';
import { ModerationLog } from './log.js';
import { ModeratorRepository } from './moderators.js';
import { MuteService } from './mutes.js';
import { ReportService, type ReportOptions } from './reports.js';

export interface ModerationServices {
  log: ModerationLog;
  moderators: ModeratorRepository;
  mutes: MuteService;
  reports: ReportService;
}

export function buildModeration({ services, outbox, clock, translate, options }: FeatureDeps, reportOptions?: Partial<ReportOptions>) {
  const log = new ModerationLog({ redis: services.redis, prefix: services.prefix, outbox, groups: services.groups, people: services.people, translate });
  services.audit.observe(log.onAudit);
  const moderators = new ModeratorRepository(services.db);
  const mutes = new MuteService(services.db, outbox, clock);
  const reports = new ReportService({
    db: services.db,
    redis: services.redis,
    prefix: services.prefix,
    outbox,
    clock,
    groups: services.groups,
    people: services.people,
    roles: services.roles,
    translate,
    log,
    mutes,
    moderators,
    options: reportOptions ?? options.moderation,
  });
  const floodMuter: FloodMuter = {
    async muteFlooder(ctx: Context, durationMs: number) {
      const { envelope } = ctx;
      // Already muted (their messages are being deleted on WhatsApp): nothing more to say.
      if ((await mutes.mutedUntil(envelope.chat.id, envelope.sender.id)) !== undefined) return;
      await mutes.mute(envelope.chat.id, envelope.sender.id, ctx.clock.now() + durationMs, null, `${envelope.id}:flood`);
      const minutes = Math.round(durationMs / 60_000);
      await ctx.reply(ctx.t('moderation.flood_muted', { name: envelope.sender.name, minutes }), { urgent: true });
      await log.emit({ id: `${envelope.id}:flood-mute`, groupId: envelope.chat.id, kind: 'flood-mute', params: { member: envelope.sender.name, minutes }, people: [envelope.sender.id] });
    },
  };
  const moderation: ModerationServices = { log, moderators, mutes, reports };
  return { moderation, moderationEvents: log, floodMuter };
}
