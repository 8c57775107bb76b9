// Reports and their votes in the database. A message has one report per group; each member counts once.
import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { QualifiedId } from '../../core/envelope.js';
import type { Db } from '../../db/client.js';
import { moderationReports, moderationReportVotes, type ReportStatus } from './schema.js';

export type Report = typeof moderationReports.$inferSelect;

export interface ReportedMessage {
  groupId: QualifiedId;
  messageId: QualifiedId;
  authorId?: QualifiedId;
  authorName?: string;
  text?: string;
}

export interface VoteOutcome {
  report: Report;
  /** This vote opened the report: the moderators are told now. */
  first: boolean;
  /** This reporter had not reported the message before. */
  counted: boolean;
  /** Different members who reported it within the window. */
  recentVoters: number;
}

export class ReportRepository {
  constructor(private readonly db: Db) {}

  /** Records one member's report of a message, opening the report if it is the first. */
  async vote(message: ReportedMessage, reporterId: QualifiedId, reason: string | undefined, now: number, windowMs: number): Promise<VoteOutcome> {
    return this.db.transaction(async (tx) => {
      const inserted = await tx
        .insert(moderationReports)
        .values({
          groupId: message.groupId,
          messageId: message.messageId,
          authorId: message.authorId ?? null,
          authorName: message.authorName ?? null,
          text: message.text ?? null,
          reason: reason ?? null,
          createdAt: new Date(now),
        })
        .onConflictDoNothing()
        .returning();
      const report =
        inserted[0] ??
        (await tx
          .select()
          .from(moderationReports)
          .where(and(eq(moderationReports.groupId, message.groupId), eq(moderationReports.messageId, message.messageId)))
          .for('update'))[0]!;
      const vote = await tx.insert(moderationReportVotes).values({ reportId: report.id, reporterId, at: new Date(now) }).onConflictDoNothing().returning();
      const [recent] = await tx
        .select({ n: count() })
        .from(moderationReportVotes)
        .where(and(eq(moderationReportVotes.reportId, report.id), gt(moderationReportVotes.at, new Date(now - windowMs))));
      return { report, first: inserted.length > 0, counted: vote.length > 0, recentVoters: recent?.n ?? 0 };
    });
  }

  async byId(id: number): Promise<Report | undefined> {
    const rows = await this.db.select().from(moderationReports).where(eq(moderationReports.id, id));
    return rows[0];
  }

  async reporters(id: number): Promise<QualifiedId[]> {
    const rows = await this.db.select({ id: moderationReportVotes.reporterId }).from(moderationReportVotes).where(eq(moderationReportVotes.reportId, id));
    return rows.map((row) => row.id);
  }

  async postedTo(id: number, places: string[]): Promise<void> {
    await this.db.update(moderationReports).set({ postedTo: places }).where(eq(moderationReports.id, id));
  }

  /** Marks the report hidden; true for the one caller that did it. */
  async hide(id: number, now: number): Promise<boolean> {
    const rows = await this.db
      .update(moderationReports)
      .set({ hiddenAt: new Date(now) })
      .where(and(eq(moderationReports.id, id), isNull(moderationReports.hiddenAt), eq(moderationReports.status, 'open')))
      .returning();
    return rows.length > 0;
  }

  /** Records a decision; undefined when another moderator decided first. */
  async decide(id: number, status: Exclude<ReportStatus, 'open'>, by: QualifiedId, now: number): Promise<Report | undefined> {
    const rows = await this.db
      .update(moderationReports)
      .set({ status, decidedBy: by, decidedAt: new Date(now) })
      .where(and(eq(moderationReports.id, id), eq(moderationReports.status, 'open')))
      .returning();
    return rows[0];
  }

  /**
   * /forgetme: the person's reports are withdrawn (a report nobody else made goes with them), and reports about their
   * messages lose their name and words.
   */
  async forget(tx: Db, personId: QualifiedId): Promise<number> {
    const votes = await tx.delete(moderationReportVotes).where(eq(moderationReportVotes.reporterId, personId)).returning();
    const orphans = await tx
      .delete(moderationReports)
      .where(sql`not exists (select 1 from ${moderationReportVotes} v where v.report_id = ${moderationReports.id})`)
      .returning();
    const decided = await tx.update(moderationReports).set({ decidedBy: null }).where(eq(moderationReports.decidedBy, personId)).returning();
    // A moderator's private chat among the places a report went: its buttons there stop working, as their chat is gone.
    const place = `person:${personId}`;
    const posted = await tx
      .update(moderationReports)
      .set({ postedTo: sql`${moderationReports.postedTo} - ${place}::text` })
      .where(sql`${moderationReports.postedTo} ? ${place}`)
      .returning();
    const authored = await tx
      .update(moderationReports)
      .set({ authorId: null, authorName: null, text: null })
      .where(eq(moderationReports.authorId, personId))
      .returning();
    return votes.length + orphans.length + decided.length + posted.length + authored.length;
  }
}
