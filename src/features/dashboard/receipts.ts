// An alert's receipts for the composer page: each target group's state as /alert status computes it (deliveries
// table, then the delivery job), plus, for a held one, when it goes out: the end of its delayed job, or the end of the
// target's current quiet period when it waits in the morning digest, on the clock of its quiet hours.
import { desc, eq } from 'drizzle-orm';
import type { Services } from '../../core/context.js';
import { unqualify } from '../../core/envelope.js';
import { alerts } from '../../db/schema/index.js';
import { jobId } from '../../queue/names.js';
import { alertOutboundId } from '../alerts/fanout.js';
import type { Alert } from '../alerts/repository.js';
import { alertReceipt, type TargetState } from '../alerts/status.js';
import { quietPeriodAt } from '../quiet-and-flood/quiet-hours.js';
import { rulesSettings } from '../quiet-and-flood/settings.js';
import { groupsByIds } from './queries.js';
import { clock } from './web/format.js';

export interface TargetReceipt {
  id: string;
  title: string | null;
  platform: string;
  state: TargetState;
  /** For a held target: HH:MM in the target's own zone. */
  until?: string;
}

export interface Receipts {
  targets: TargetReceipt[];
  counts: Record<TargetState, number>;
  /** Nothing on its way any more: the page stops asking. Held targets wait for hours; a reload shows them later. */
  settled: boolean;
}

export async function receiptsOf(services: Services, alert: Alert, now: number): Promise<Receipts> {
  const receipt = await alertReceipt(alert, services.deliveries, services.deliveryQueue);
  const groups = await groupsByIds(services, alert.targets, alert.communityId);
  const targets = await Promise.all(
    alert.targets.map(async (id): Promise<TargetReceipt> => {
      const group = groups.get(id);
      const state = receipt.byTarget.get(id) ?? 'queued';
      const base = { id, title: group?.title ?? null, platform: unqualify(id).platform, state };
      if (state !== 'held') return base;
      const job = await services.deliveryQueue(unqualify(id).platform).getJob(jobId(alertOutboundId(alert.id), id));
      // Shown on the clock the group's quiet hours are set in: "held until 07:00" as its members read it.
      const hours = group ? rulesSettings(group).quietHours : undefined;
      const zone = hours?.timeZone ?? group?.timezone ?? 'UTC';
      let until = job && job.delay ? job.timestamp + job.delay : undefined;
      if (until === undefined && hours) until = quietPeriodAt(hours, new Date(now))?.end.getTime();
      return until === undefined ? base : { ...base, until: clock(until, zone) };
    }),
  );
  const counts = { delivered: receipt.delivered, failed: receipt.failed, held: receipt.held, queued: receipt.queued };
  return { targets, counts, settled: receipt.queued === 0 };
}

/** The latest alerts sent from a group, newest first. */
export async function recentAlerts(services: Services, groupId: string, limit = 10): Promise<Alert[]> {
  return services.db.select().from(alerts).where(eq(alerts.sourceGroup, groupId)).orderBy(desc(alerts.id)).limit(limit);
}
