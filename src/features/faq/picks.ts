// Storage of "did you mean" picks and the phrasings learned from them. A phrasing (one normalised question, one
// entry) is learned once `pickers` distinct members picked that entry for it, or at once when a moderator did. Caps
// keep one member, or one busy group, from filling the FAQ with phrasings: picks per member per group, picks per
// group, learned phrasings per entry.
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { QualifiedId } from '../../core/envelope.js';
import type { Db } from '../../db/client.js';
import { faqPicks } from '../../db/schema/index.js';
import { fold } from '../../text/fold.js';
import { analyze } from './analyze.js';
import { OFFER_TTL_MS } from './offers.js';

export interface LearningOptions {
  /** Distinct members who must pick the same entry for the same question before it is learned (2). */
  pickers: number;
  /** Learned phrasings an entry keeps at most (the oldest first) (20). */
  perEntry: number;
  /** Picks a group keeps at most (500). */
  perGroup: number;
  /** Picks one member makes count in a group at most (30). */
  perMember: number;
  /** How long after the question a pick still counts (offers.ts; 6 hours). */
  offerTtlMs: number;
}

export const DEFAULT_LEARNING: LearningOptions = { pickers: 2, perEntry: 20, perGroup: 500, perMember: 30, offerTtlMs: OFFER_TTL_MS };

/** Longer questions are cut, as the unanswered list cuts them. */
export const QUESTION_MAX = 300;

/** The form picks of the same question are compared in: case, accents, punctuation and spacing do not count. */
export function normaliseQuestion(text: string): string {
  return fold(text.slice(0, QUESTION_MAX))
    .replace(/['’-]/g, ' ')
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A question longer than this many terms (words of substance, as the matcher reads them) is not learned: a long message
 * carries its story (the move, the sofa, the neighbours) with its question, is seldom asked again in the same words,
 * and would keep more of what someone said than the FAQ needs.
 */
export const PHRASING_MAX_TERMS = 10;

/** Whether a question is short enough to become a phrasing (PHRASING_MAX_TERMS). */
export function learnable(question: string, lang: string): boolean {
  const terms = analyze(question.slice(0, QUESTION_MAX), lang).length;
  return terms > 0 && terms <= PHRASING_MAX_TERMS;
}

export interface Pick {
  entryId: number;
  groupId: QualifiedId;
  askerId: QualifiedId;
  lang: string;
  question: string;
  /** The asker is a moderator or admin of the group, as the platform says. */
  moderator: boolean;
}

/** What became of a pick: learned (the phrasing answers from now on), counted (waiting for more members), or not. */
export type PickOutcome = 'learned' | 'counted' | 'repeated' | 'capped' | 'too long';

export interface Phrasing {
  lang: string;
  question: string;
}

export class FaqPicks {
  readonly options: LearningOptions;

  constructor(
    private readonly db: Db,
    options: Partial<LearningOptions> = {},
  ) {
    this.options = { ...DEFAULT_LEARNING, ...options };
  }

  async record(pick: Pick): Promise<PickOutcome> {
    const normalised = normaliseQuestion(pick.question);
    if (normalised === '' || !learnable(pick.question, pick.lang)) return 'too long';
    const [mine] = await this.db
      .select({ n: count() })
      .from(faqPicks)
      .where(and(eq(faqPicks.groupId, pick.groupId), eq(faqPicks.askerId, pick.askerId)));
    if (mine!.n >= this.options.perMember) return 'capped';
    const [all] = await this.db.select({ n: count() }).from(faqPicks).where(eq(faqPicks.groupId, pick.groupId));
    if (all!.n >= this.options.perGroup) return 'capped';
    const before = (await this.phrasingsOf([pick.entryId])).get(pick.entryId) ?? [];
    const wasLearned = before.some((p) => p.normalised === normalised);
    if (!wasLearned && before.length >= this.options.perEntry) return 'capped';
    const inserted = await this.db
      .insert(faqPicks)
      .values({ ...pick, question: pick.question.slice(0, QUESTION_MAX), normalised })
      .onConflictDoNothing()
      .returning({ id: faqPicks.id });
    if (inserted.length === 0) return 'repeated';
    if (wasLearned) return 'counted';
    const after = (await this.phrasingsOf([pick.entryId])).get(pick.entryId) ?? [];
    return after.some((p) => p.normalised === normalised) ? 'learned' : 'counted';
  }

  /** The learned phrasings of these entries, oldest first, at most perEntry each. */
  async learned(entryIds: readonly number[]): Promise<Map<number, Phrasing[]>> {
    const found = await this.phrasingsOf(entryIds);
    return new Map([...found].map(([id, list]) => [id, list.map(({ lang, question }) => ({ lang, question }))]));
  }

  private async phrasingsOf(entryIds: readonly number[]): Promise<Map<number, (Phrasing & { normalised: string })[]>> {
    const result = new Map<number, (Phrasing & { normalised: string })[]>();
    if (entryIds.length === 0) return result;
    const rows = await this.db
      .select({
        entryId: faqPicks.entryId,
        normalised: faqPicks.normalised,
        lang: faqPicks.lang,
        question: faqPicks.question,
        askerId: faqPicks.askerId,
        moderator: faqPicks.moderator,
      })
      .from(faqPicks)
      .where(inArray(faqPicks.entryId, [...entryIds]))
      .orderBy(asc(faqPicks.id));
    // Per entry and question: who picked it, whether a moderator did, and the first asker's words.
    const groups = new Map<string, { entryId: number; first: (typeof rows)[number]; askers: Set<string>; moderator: boolean }>();
    for (const row of rows) {
      const key = `${row.entryId}\n${row.normalised}`;
      const group = groups.get(key) ?? { entryId: row.entryId, first: row, askers: new Set<string>(), moderator: false };
      group.askers.add(row.askerId);
      group.moderator ||= row.moderator;
      groups.set(key, group);
    }
    // In the order first asked (a Map keeps insertion order), so the cap keeps the oldest.
    const learned = [...groups.values()].filter((g) => g.moderator || g.askers.size >= this.options.pickers);
    for (const g of learned) {
      const list = result.get(g.entryId) ?? [];
      if (list.length >= this.options.perEntry) continue;
      list.push({ lang: g.first.lang, question: g.first.question, normalised: g.first.normalised });
      result.set(g.entryId, list);
    }
    return result;
  }

  /** /forgetme: the person's picks go (a phrasing they alone made learned is no longer). Returns the entries each removed pick was of. */
  async forget(db: Db, personId: QualifiedId): Promise<number[]> {
    const removed = await db.delete(faqPicks).where(eq(faqPicks.askerId, personId)).returning({ entryId: faqPicks.entryId });
    return removed.map((r) => r.entryId);
  }
}
