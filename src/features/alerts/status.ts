// Receipts: where an alert stands in each target group. Delivered and failed come from the deliveries table (written
// by the delivery workers, with platform message ids and reasons); what is still waiting is read from the BullMQ job:
// a non-urgent job delayed far past its enqueue time (or kept out of the queue for a quiet-hours digest) is held for
// quiet hours, anything else is on its way.
import type { Queue } from 'bullmq';
import { unqualify, type Platform } from '../../core/envelope.js';
import type { DeliveryRepository } from '../../db/deliveries.js';
import { jobId } from '../../queue/names.js';
import type { DeliveryJob } from '../../queue/payloads.js';
import { alertOutboundId } from './fanout.js';
import type { Alert } from './repository.js';

/**
 * Per-chat pacing delays a job by seconds (WhatsApp: up to a few per chat); quiet hours by hours. A delay longer than
 * this is counted as held.
 */
export const HELD_AFTER_MS = 2 * 60 * 1000;

export type TargetState = 'delivered' | 'failed' | 'held' | 'queued';

export interface AlertReceipt {
  delivered: number;
  failed: number;
  held: number;
  queued: number;
  byTarget: Map<string, TargetState>;
  /** Failed targets with the platform's reason. */
  failures: { target: string; reason: string }[];
}

export async function alertReceipt(
  alert: Alert,
  deliveries: DeliveryRepository,
  queue: (platform: Platform) => Queue<DeliveryJob>,
): Promise<AlertReceipt> {
  const outboundId = alertOutboundId(alert.id);
  const rows = new Map((await deliveries.byOutbound([outboundId])).map((row) => [row.target, row]));
  const receipt: AlertReceipt = { delivered: 0, failed: 0, held: 0, queued: 0, byTarget: new Map(), failures: [] };
  for (const target of alert.targets) {
    const row = rows.get(target);
    let state: TargetState;
    if (row?.status === 'delivered') state = 'delivered';
    else if (row?.status === 'failed') {
      state = 'failed';
      receipt.failures.push({ target, reason: row.error ?? '' });
    } else {
      // The same id the Outbox gave the job (deliveryJobId). `delay` was computed with the app's clock at enqueue.
      const job = await queue(unqualify(target).platform).getJob(jobId(outboundId, target));
      // No job and no record: group rules kept the message for the target's quiet-hours digest instead of a job.
      const held = !alert.urgent && (job === undefined || ((job.delay ?? 0) > HELD_AFTER_MS && (await job.isDelayed())));
      state = held ? 'held' : 'queued';
    }
    receipt[state]++;
    receipt.byTarget.set(target, state);
  }
  return receipt;
}
