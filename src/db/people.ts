// What Quartier keeps about a person, and how it forgets them. Features that store personal data register an eraser
// so /forgetme reaches everything.
import { eq } from 'drizzle-orm';
import type { Person, QualifiedId } from '../core/envelope.js';
import type { Db } from './client.js';
import { auditLog, people } from './schema/index.js';

export type Eraser = (db: Db, personId: QualifiedId) => Promise<number>;

export class PeopleRepository {
  private readonly erasers: Eraser[] = [
    async (db, id) => (await db.delete(people).where(eq(people.id, id)).returning()).length,
    // The audit log keeps what changed, but no longer who changed it.
    async (db, id) => (await db.update(auditLog).set({ actorId: null }).where(eq(auditLog.actorId, id)).returning()).length,
  ];

  constructor(private readonly db: Db) {}

  addEraser(eraser: Eraser): void {
    this.erasers.push(eraser);
  }

  async remember(person: Person): Promise<void> {
    await this.db
      .insert(people)
      .values({ id: person.id, name: person.name, language: person.language ?? null })
      .onConflictDoUpdate({
        target: people.id,
        set: { name: person.name, language: person.language ?? null, lastSeenAt: new Date() },
      });
  }

  async find(id: QualifiedId) {
    const rows = await this.db.select().from(people).where(eq(people.id, id)).limit(1);
    return rows[0];
  }

  /** Erases everything stored about the person; returns how many records were removed or anonymised. */
  async forget(id: QualifiedId): Promise<number> {
    let total = 0;
    await this.db.transaction(async (tx) => {
      for (const erase of this.erasers) total += await erase(tx as unknown as Db, id);
    });
    return total;
  }
}
