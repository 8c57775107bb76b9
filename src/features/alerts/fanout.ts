// Fan-out: one outbound message per target group, each with the deterministic id `alert:<id>` (the delivery job id
// adds the target), so running the fan-out again after a crash adds nothing twice. The Outbox paces each job per chat
// and holds it for the target's quiet hours unless the alert is urgent; delivery workers pace per platform, retry
// transient errors and record each outcome in `deliveries`.
import type { Outbox, Translate } from '../../core/context.js';
import { unqualify } from '../../core/envelope.js';
import type { OutboundMessage } from '../../core/outbound.js';
import type { CommunityGroup } from '../communities/repository.js';
import type { Alert } from './repository.js';

/**
 * Enqueues in small concurrent batches: a 1,000-group community is enqueued in about two seconds, well under the
 * pipeline deadline and well ahead of the platforms' pace, while the delivery workers, which share the Redis connection,
 * are not kept waiting behind hundreds of enqueue commands (at 50 at a time the first sends wait about half a second).
 */
const BATCH = 10;

export function alertOutboundId(alertId: number): string {
  return `alert:${alertId}`;
}

export interface Source {
  title: string;
  platform: string;
}

/**
 * An alert sent because a moderator approved a member's proposal: only a decision (/approve) records the envelope that
 * decided it; a moderator's direct alert, from a command or the dashboard, is sent without one.
 */
export function approvedProposal(alert: Pick<Alert, 'status' | 'decidedEnvelopeId'>): boolean {
  return alert.status === 'sent' && alert.decidedEnvelopeId !== null;
}

/** The text a target group sees: a short header in the TARGET's language naming the source, then the alert (and who approved it, for a member's proposal). */
export function alertMessage(alert: Alert, target: Pick<CommunityGroup, 'id' | 'language'>, source: Source, translate: Translate): OutboundMessage {
  const platform = translate(target.language, 'community.platform', { platform: source.platform });
  const header = translate(target.language, alert.urgent ? 'alerts.header_urgent' : 'alerts.header', { group: source.title, platform });
  // A member's words that moderators vouched for say so on every copy; a moderator's own alert needs no such line.
  const approval = approvedProposal(alert) ? `\n${translate(target.language, 'alerts.approved_by', { group: source.title })}` : '';
  return {
    id: alertOutboundId(alert.id),
    target: target.id,
    action: 'send',
    text: `${header}\n${alert.text}${approval}`,
    urgent: alert.urgent,
    ...(alert.authorId ? { people: [alert.authorId] } : {}),
  };
}

/** Enqueues the alert for each of its recorded targets; returns how many were enqueued. */
export async function fanOut(input: {
  alert: Alert;
  source: Source;
  groups: CommunityGroup[];
  outbox: Outbox;
  translate: Translate;
}): Promise<number> {
  const byId = new Map(input.groups.map((g) => [g.id, g]));
  // A target that left the community since the alert was recorded still gets it: it was a member when it was sent.
  const targets = interleaveByPlatform(input.alert.targets).map((id) => byId.get(id) ?? { id, language: 'en' });
  // The first batch is one target per platform (the interleaved order starts with them), so every platform's worker
  // starts sending within a few ms while the rest is enqueued.
  const first = new Set(targets.map((t) => unqualify(t.id).platform)).size;
  for (let i = 0; i < targets.length; ) {
    const size = i === 0 ? first : BATCH;
    await Promise.all(
      targets.slice(i, i + size).map((target) => input.outbox.enqueue(alertMessage(input.alert, target, input.source, input.translate))),
    );
    i += size;
  }
  return targets.length;
}

/**
 * Round-robin over platforms: every platform's delivery queue gets its first job at once and keeps being fed while
 * the rest is enqueued, so a slow platform (WhatsApp) starts right away instead of after 900 Telegram and Discord jobs.
 */
export function interleaveByPlatform(targets: string[]): string[] {
  const byPlatform = new Map<string, string[]>();
  for (const id of targets) {
    const { platform } = unqualify(id);
    const list = byPlatform.get(platform) ?? [];
    list.push(id);
    byPlatform.set(platform, list);
  }
  const lists = [...byPlatform.values()];
  const out: string[] = [];
  for (let i = 0; out.length < targets.length; i++) for (const list of lists) if (i < list.length) out.push(list[i]!);
  return out;
}
