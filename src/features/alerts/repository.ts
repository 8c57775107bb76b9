// Storage of alerts and proposals. Decisions that must not race (the ten-minute duplicate check, approving a
// proposal) run in one transaction holding the community's row lock, so two groups alerting the same text at the same
// moment cannot both pass the check.
import { and, count, eq, gt } from 'drizzle-orm';
import type { QualifiedId } from '../../core/envelope.js';
import type { Db } from '../../db/client.js';
import { CLOSED_BY_LEAVING, alerts, communities, groups } from '../../db/schema/index.js';

export type Alert = typeof alerts.$inferSelect;

/** The same text alerted again within this window is not sent a second time. */
export const DUPLICATE_WINDOW_MS = 10 * 60 * 1000;
/** How many proposals one member may make per day. */
export const PROPOSALS_PER_DAY = 3;
/** A proposal not decided within this time can no longer be approved: what it said may no longer be true. */
export const PROPOSAL_LIFETIME_MS = 24 * 3600 * 1000;

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Case, accents' composition and spacing folded: "Power cut  on Rue X" and "power cut on rue x" are the same alert. */
export function textKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export type PublishOutcome = { kind: 'sent'; alert: Alert } | { kind: 'duplicate'; alert: Alert };
export type DecideOutcome =
  | { kind: 'sent'; alert: Alert }
  | { kind: 'rejected'; alert: Alert }
  | { kind: 'duplicate'; alert: Alert; original: Alert }
  | { kind: 'already'; alert: Alert }
  | { kind: 'other-community'; alert: Alert }
  | { kind: 'expired'; alert: Alert }
  | { kind: 'not-found' };

export interface NewAlert {
  communityId: number;
  sourceGroup: QualifiedId;
  authorId: QualifiedId;
  text: string;
  urgent: boolean;
  envelopeId: string;
  now: number;
}

export class AlertRepository {
  constructor(private readonly db: Db) {}

  async find(id: number): Promise<Alert | undefined> {
    const rows = await this.db.select().from(alerts).where(eq(alerts.id, id)).limit(1);
    return rows[0];
  }

  async byEnvelope(envelopeId: string): Promise<Alert | undefined> {
    const rows = await this.db.select().from(alerts).where(eq(alerts.envelopeId, envelopeId)).limit(1);
    return rows[0];
  }

  /** Publishes a moderator's alert unless the same text went out in the community within ten minutes. */
  async publish(input: NewAlert): Promise<PublishOutcome> {
    return this.db.transaction(async (tx) => {
      await lockCommunity(tx, input.communityId);
      const key = textKey(input.text);
      const original = await recentDuplicate(tx, input.communityId, key, input.now);
      if (original) return { kind: 'duplicate', alert: original };
      const targets = await targetsOf(tx, input.communityId, input.sourceGroup);
      const [alert] = await tx
        .insert(alerts)
        .values({ ...alertValues(input, key), status: 'sent', decidedBy: input.authorId, targets, sentAt: new Date(input.now) })
        .returning();
      return { kind: 'sent', alert: alert! };
    });
  }

  /** Records a member's proposal; undefined when the member has used up today's proposals. */
  async propose(input: NewAlert): Promise<Alert | undefined> {
    return this.db.transaction(async (tx) => {
      await lockCommunity(tx, input.communityId);
      const since = new Date(input.now - 24 * 3600 * 1000);
      const [made] = await tx
        .select({ n: count() })
        .from(alerts)
        .where(and(eq(alerts.authorId, input.authorId), eq(alerts.sourceGroup, input.sourceGroup), gt(alerts.createdAt, since)));
      if ((made?.n ?? 0) >= PROPOSALS_PER_DAY) return undefined;
      const [alert] = await tx.insert(alerts).values({ ...alertValues(input, textKey(input.text)), status: 'proposed' }).returning();
      return alert!;
    });
  }

  /**
   * Approves or rejects a proposal of `sourceGroup`. Re-running the same envelope (a crash after the decision) finds
   * its own decision and returns it as if new, so the fan-out can be completed. A proposal follows the community it
   * was made in: once the group has left it (or moved to another), or after PROPOSAL_LIFETIME_MS, it cannot be sent.
   * `communityId` is the group's community now.
   */
  async decide(input: {
    id: number;
    sourceGroup: QualifiedId;
    communityId: number | null;
    approve: boolean;
    actorId: QualifiedId;
    envelopeId: string;
    now: number;
  }): Promise<DecideOutcome> {
    return this.db.transaction(async (tx) => {
      const found = await tx.select().from(alerts).where(eq(alerts.id, input.id)).limit(1);
      const current = found[0];
      if (!current || current.sourceGroup !== input.sourceGroup) return { kind: 'not-found' };
      await lockCommunity(tx, current.communityId);
      const rows = await tx.select().from(alerts).where(eq(alerts.id, input.id)).for('update');
      const alert = rows[0]!;
      if (alert.status === 'rejected' && alert.decidedBy === CLOSED_BY_LEAVING) return { kind: 'other-community', alert };
      if (alert.status !== 'proposed') {
        if (alert.decidedEnvelopeId === input.envelopeId) return { kind: alert.status === 'sent' ? 'sent' : 'rejected', alert };
        return { kind: 'already', alert };
      }
      if (alert.communityId !== input.communityId) return { kind: 'other-community', alert };
      if (input.approve && input.now - alert.createdAt.getTime() >= PROPOSAL_LIFETIME_MS) return { kind: 'expired', alert };
      if (!input.approve) {
        const [rejected] = await tx
          .update(alerts)
          .set({ status: 'rejected', decidedBy: input.actorId, decidedEnvelopeId: input.envelopeId })
          .where(eq(alerts.id, input.id))
          .returning();
        return { kind: 'rejected', alert: rejected! };
      }
      const original = await recentDuplicate(tx, alert.communityId, alert.textKey, input.now);
      if (original) return { kind: 'duplicate', alert, original };
      const targets = await targetsOf(tx, alert.communityId, alert.sourceGroup);
      const [sent] = await tx
        .update(alerts)
        .set({ status: 'sent', decidedBy: input.actorId, decidedEnvelopeId: input.envelopeId, targets, sentAt: new Date(input.now) })
        .where(eq(alerts.id, input.id))
        .returning();
      return { kind: 'sent', alert: sent! };
    });
  }

  /**
   * /forgetme: the alerts and proposals the person wrote go (their words; copies already posted stay on the
   * platforms, their receipts with them); alerts they approved or rejected no longer say who decided.
   */
  async forget(db: Db, personId: QualifiedId): Promise<number> {
    const authored = await db.delete(alerts).where(eq(alerts.authorId, personId)).returning({ id: alerts.id });
    const decided = await db.update(alerts).set({ decidedBy: null }).where(eq(alerts.decidedBy, personId)).returning({ id: alerts.id });
    return authored.length + decided.length;
  }
}

function alertValues(input: NewAlert, key: string) {
  return {
    communityId: input.communityId,
    sourceGroup: input.sourceGroup,
    authorId: input.authorId,
    text: input.text,
    textKey: key,
    urgent: input.urgent,
    envelopeId: input.envelopeId,
    createdAt: new Date(input.now),
  };
}

async function lockCommunity(tx: Tx, communityId: number): Promise<void> {
  await tx.select({ id: communities.id }).from(communities).where(eq(communities.id, communityId)).for('update');
}

async function recentDuplicate(tx: Tx, communityId: number, key: string, now: number): Promise<Alert | undefined> {
  const rows = await tx
    .select()
    .from(alerts)
    .where(
      and(
        eq(alerts.communityId, communityId),
        eq(alerts.status, 'sent'),
        eq(alerts.textKey, key),
        gt(alerts.sentAt, new Date(now - DUPLICATE_WINDOW_MS)),
      ),
    )
    .limit(1);
  return rows[0];
}

/** Every other active group of the community, fixed at send time so a re-run fans out to the same set. */
async function targetsOf(tx: Tx, communityId: number, sourceGroup: QualifiedId): Promise<string[]> {
  const rows = await tx
    .select({ id: groups.id, active: groups.active })
    .from(groups)
    .where(eq(groups.communityId, communityId))
    .orderBy(groups.id);
  return rows.filter((g) => g.active && g.id !== sourceGroup).map((g) => g.id);
}
