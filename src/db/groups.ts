// Groups and their settings. Every change goes through here so it is audited in the same transaction.
import { eq, sql } from 'drizzle-orm';
import type { Group } from '../core/context.js';
import type { QualifiedId } from '../core/envelope.js';
import type { Db } from './client.js';
import { auditLog, groups } from './schema/index.js';
import { TtlCache } from '../ttl-cache.js';
import type { AuditEntry, AuditRepository } from './audit.js';

export interface GroupDefaults {
  language: string;
  timezone: string;
}

type GroupRow = typeof groups.$inferSelect;

function toGroup(row: GroupRow): Group {
  return {
    id: row.id,
    platform: row.platform,
    title: row.title,
    language: row.language,
    timezone: row.timezone,
    rules: row.rules,
    active: row.active,
    settings: row.settings ?? {},
    communityId: row.communityId,
  };
}

/** The fields an admin can change by command; each change is one audit entry. */
export type GroupChange = Partial<Pick<Group, 'language' | 'timezone' | 'rules' | 'title'>> & {
  settings?: Record<string, unknown>;
};

export class GroupRepository {
  /** The pipeline loads the group of every message: a few seconds of caching spares the database most of them. */
  private readonly cache = new TtlCache<Group>(5_000);

  constructor(
    private readonly db: Db,
    /** Told of each audit entry once its change is committed. */
    private readonly audit?: Pick<AuditRepository, 'committed'>,
  ) {}

  async find(id: QualifiedId): Promise<Group | undefined> {
    const rows = await this.db.select().from(groups).where(eq(groups.id, id)).limit(1);
    return rows[0] ? toGroup(rows[0]) : undefined;
  }

  /**
   * The group as the pipeline sees it: this process's copy of the last few seconds when there is one (changes made here
   * drop it at once), else read and kept. For the paths every message takes (the hold check of each outbound message,
   * the language of each bridged copy), where a read per message would cost more than the message.
   */
  async findRecent(id: QualifiedId): Promise<Group | undefined> {
    const cached = this.cache.get(id);
    if (cached) return structuredClone(cached);
    const group = await this.find(id);
    if (group) this.cache.set(id, structuredClone(group));
    return group;
  }

  /** Forget this process's copy of a group that was changed outside this repository (community membership...). */
  forgetCached(id: QualifiedId): void {
    this.cache.delete(id);
  }

  /** Loads the group, creating it with the defaults the first time Quartier hears from it. */
  async ensure(id: QualifiedId, platform: string, title: string | undefined, defaults: GroupDefaults): Promise<Group> {
    const cached = this.cache.get(id);
    if (cached && cached.active && (!title || title === cached.title)) return structuredClone(cached);
    const group = await this.ensureStored(id, platform, title, defaults);
    this.cache.set(id, structuredClone(group));
    return group;
  }

  private async ensureStored(id: QualifiedId, platform: string, title: string | undefined, defaults: GroupDefaults): Promise<Group> {
    const existing = await this.find(id);
    if (existing) {
      if (title && title !== existing.title) {
        await this.db.update(groups).set({ title }).where(eq(groups.id, id));
        existing.title = title;
      }
      if (!existing.active) {
        // A message from a group we had marked gone means we are back in it.
        await this.db.update(groups).set({ active: true, inactiveReason: null }).where(eq(groups.id, id));
        existing.active = true;
      }
      return existing;
    }
    await this.db
      .insert(groups)
      .values({ id, platform, title: title ?? null, language: defaults.language, timezone: defaults.timezone })
      .onConflictDoNothing();
    return (await this.find(id))!;
  }

  /**
   * Applies a change and records it in the audit log, in one transaction. `settings` keys are merged into the
   * settings document; a key set to undefined is removed.
   */
  async change(id: QualifiedId, actorId: QualifiedId, action: string, change: GroupChange): Promise<Group> {
    let entry: AuditEntry | undefined;
    const group = await this.db.transaction(async (tx) => {
      const rows = await tx.select().from(groups).where(eq(groups.id, id)).for('update');
      const row = rows[0];
      if (!row) throw new Error(`unknown group ${id}`);
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const update: Partial<typeof groups.$inferInsert> = { updatedAt: new Date() };
      for (const key of ['language', 'timezone', 'rules', 'title'] as const) {
        if (key in change) {
          before[key] = row[key];
          after[key] = change[key] ?? null;
          update[key] = (change[key] ?? null) as never;
        }
      }
      if (change.settings) {
        const settings = { ...(row.settings ?? {}) };
        for (const [key, value] of Object.entries(change.settings)) {
          before[key] = settings[key] ?? null;
          after[key] = value ?? null;
          if (value === undefined) delete settings[key];
          else settings[key] = value;
        }
        update.settings = settings;
      }
      await tx.update(groups).set(update).where(eq(groups.id, id));
      [entry] = await tx.insert(auditLog).values({ groupId: id, actorId, action, before, after }).returning();
      const updated = await tx.select().from(groups).where(eq(groups.id, id));
      return toGroup(updated[0]!);
    });
    this.cache.delete(id);
    if (entry) await this.audit?.committed(entry);
    return group;
  }

  async markInactive(id: QualifiedId, reason: string): Promise<void> {
    this.cache.delete(id);
    await this.db.update(groups).set({ active: false, inactiveReason: reason }).where(eq(groups.id, id));
  }

  async count(): Promise<number> {
    const rows = await this.db.select({ n: sql<number>`count(*)::int` }).from(groups);
    return rows[0]?.n ?? 0;
  }
}
