// Questions /faq could not answer, newest first, for the moderators of the group (and of its community) to see what
// to add. A group keeps its newest KEEP_PER_GROUP; /forgetme removes a person's questions.
import { and, desc, eq, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { QualifiedId } from '../../core/envelope.js';
import type { Db } from '../../db/client.js';
import { faqUnanswered } from '../../db/schema/index.js';
import type { FaqScope } from './repository.js';

export const KEEP_PER_GROUP = 200;
/** Longer questions are cut: the list shows what was asked, not essays. */
const QUESTION_MAX = 300;

export type UnansweredQuestion = typeof faqUnanswered.$inferSelect;

function visibleTo(scope: FaqScope): SQL {
  const own = eq(faqUnanswered.groupId, scope.groupId);
  return scope.communityId === null ? and(own, isNull(faqUnanswered.communityId))! : or(own, eq(faqUnanswered.communityId, scope.communityId))!;
}

export class UnansweredQuestions {
  constructor(private readonly db: Db) {}

  async record(scope: FaqScope, askerId: QualifiedId, question: string, at: Date): Promise<void> {
    await this.db.insert(faqUnanswered).values({
      groupId: scope.groupId,
      communityId: scope.communityId,
      askerId,
      question: question.slice(0, QUESTION_MAX),
      askedAt: at,
    });
    // Trim the group's list to its newest KEEP_PER_GROUP.
    const cutoff = await this.db
      .select({ id: faqUnanswered.id })
      .from(faqUnanswered)
      .where(eq(faqUnanswered.groupId, scope.groupId))
      .orderBy(desc(faqUnanswered.id))
      .offset(KEEP_PER_GROUP)
      .limit(1);
    if (cutoff[0]) await this.db.delete(faqUnanswered).where(and(eq(faqUnanswered.groupId, scope.groupId), lt(faqUnanswered.id, cutoff[0].id + 1)));
  }

  async latest(scope: FaqScope, limit = 20): Promise<UnansweredQuestion[]> {
    return this.db.select().from(faqUnanswered).where(visibleTo(scope)).orderBy(desc(faqUnanswered.id)).limit(limit);
  }

  /** /forgetme: the person's questions go. */
  async forget(db: Db, personId: QualifiedId): Promise<number> {
    const removed = await db.delete(faqUnanswered).where(inArray(faqUnanswered.askerId, [personId])).returning({ id: faqUnanswered.id });
    return removed.length;
  }
}
