// Optional announcements when quiet hours start and end (`/quiet announce on`). Each announcement is a delayed job
// with a deterministic id (group + instant) on the rules queue; when it runs it re-reads the group's settings, posts
// only if that instant is still a start or an end of the current quiet hours, and schedules the next one. A stale
// job (settings changed since) posts nothing and schedules nothing; the chain of the new settings is scheduled by
// the command that changed them.
import type { Queue } from 'bullmq';
import type { Group, Outbox, Translate } from '../../core/context.js';
import type { GroupRepository } from '../../db/groups.js';
import { jobId } from '../../queue/names.js';
import type { AnnounceJob, QuietJob } from './held.js';
import { nextChange, quietPeriodAt } from './quiet-hours.js';
import { rulesSettings } from './settings.js';

/** An announcement this late is no longer news. */
const LATE_MS = 15 * 60_000;

export async function scheduleAnnouncement(queue: Queue<QuietJob>, group: Group, now: number): Promise<void> {
  const { quietHours, quietAnnounce } = rulesSettings(group);
  if (!quietHours || !quietAnnounce || !group.active) return;
  const next = nextChange(quietHours, new Date(now));
  if (!next) return;
  const at = next.getTime();
  await queue.add('announce', { target: group.id, at }, { jobId: jobId('announce', group.id, String(at)), delay: Math.max(0, at - now) });
}

export async function runAnnouncement(
  job: AnnounceJob,
  deps: { queue: Queue<QuietJob>; groups: Pick<GroupRepository, 'find'>; outbox: Outbox; translate: Translate; now: number },
): Promise<void> {
  const group = await deps.groups.find(job.target);
  if (!group) return;
  const { quietHours, quietAnnounce } = rulesSettings(group);
  if (!quietHours || !quietAnnounce || !group.active) return;
  const now = quietPeriodAt(quietHours, new Date(job.at));
  const before = quietPeriodAt(quietHours, new Date(job.at - 1));
  const starts = now !== null && now.start.getTime() === job.at && before === null;
  const ends = now === null && before !== null && before.end.getTime() === job.at;
  if (!starts && !ends) return; // stale: these settings have no change at that instant
  // After a long outage "quiet hours start now" would be wrong: skip it, keep the chain going.
  if (deps.now - job.at > LATE_MS) {
    await scheduleAnnouncement(deps.queue, group, deps.now);
    return;
  }
  await deps.outbox.enqueue({
    id: `quiet-announce:${group.id}:${job.at}`,
    target: group.id,
    action: 'send',
    text: deps.translate(group.language, starts ? 'quiet.announce.start' : 'quiet.announce.end', {
      start: quietHours.start,
      end: quietHours.end,
    }),
    urgent: true,
  });
  await scheduleAnnouncement(deps.queue, group, job.at);
}
