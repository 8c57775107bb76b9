// Moderation: reports of messages to the moderators (/report), a log chat on any platform (/log), mutes with the
// platforms' own tools (/mute, /unmute, and the flood limit's `mute`), and a kind note under forwarded rumours
// (/forwards). Other features tell the log what they did through `moderationEvents`; settings changes arrive by
// observing the audit log.
import { forwards } from '../../../commands/forwards.js';
import { log } from '../../../commands/log.js';
import { mute } from '../../../commands/mute.js';
import { report } from '../../../commands/report.js';
import { unmute } from '../../../commands/unmute.js';
import type { Feature, ScheduledWork } from '../../core/feature.js';
import type { ModerationEvents } from './events.js';
import type { ReportOptions } from './reports.js';
import { buildModeration, type ModerationServices } from './service.js';
import { forwardsStage, moderatorSeenStage, mutedStage, reportButtonStage } from './stages.js';

declare module '../../core/context.js' {
  interface Services {
    moderation: ModerationServices;
    /** Posts an event to a group's log chat; absent when moderation is not running. */
    moderationEvents?: ModerationEvents;
  }
}

declare module '../../core/feature.js' {
  interface FeatureOptions {
    /** Reports: how many members within which window remove a message (3 within an hour by default). */
    moderation?: Partial<ReportOptions>;
  }
}

/** Ended mutes are forgotten every few minutes (the platforms lift them on their own). */
const SWEEP_MS = 5 * 60_000;

export const moderation: Feature = {
  name: 'moderation',
  commands: [report, mute, unmute, log, forwards],
  stages: [
    { phase: 'before-commands', stage: reportButtonStage },
    { phase: 'before-commands', stage: mutedStage },
    { phase: 'before-commands', stage: moderatorSeenStage },
    { phase: 'after-commands', stage: forwardsStage },
  ],
  services: (deps) => buildModeration(deps),
  delivery: (services) => services.moderation.reports.delivery,
  scheduled: (services): ScheduledWork => {
    const timer = setInterval(() => void services.moderation.mutes.sweep().catch(() => undefined), SWEEP_MS);
    timer.unref();
    return { close: async () => clearInterval(timer) };
  },
  eraser: (services) => async (tx, personId) => {
    const { reports, moderators, mutes } = services.moderation;
    return (await reports.repo.forget(tx, personId)) + (await moderators.forget(tx, personId)) + (await mutes.forget(tx, personId));
  },
};
