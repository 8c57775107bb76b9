// Shared by the group-rules end-to-end tests: a clock the test moves, and "time passing" for the rules' timers.
// BullMQ delays run on the real clock, so a test that moves the app's clock past a digest or an announcement
// promotes the timers that are now due by the app's clock (and only those).
import type { Clock } from '../../src/core/context.js';
import type { TestBot } from '../helpers/app.js';
import { pgliteDatabase } from '../helpers/storage.js';

export class TestClock implements Clock {
  constructor(public ms: number) {}

  static at(iso: string): TestClock {
    return new TestClock(Date.parse(iso));
  }

  now(): number {
    return this.ms;
  }

  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
}

/** Moves the clock to `iso` and runs the group-rules timers due by then. Returns how many were promoted. */
export async function advanceTo(bot: TestBot, clock: TestClock, iso: string): Promise<number> {
  clock.set(iso);
  const queue = bot.app.services.rules.held.queue;
  let promoted = 0;
  for (const job of await queue.getDelayed()) {
    const data = job.data as { until?: number; at?: number };
    const due = data.until ?? data.at ?? Number.POSITIVE_INFINITY;
    if (due <= clock.ms) {
      await job.promote();
      promoted++;
    }
  }
  return promoted;
}

/** A non-urgent post of Quartier's own into a group (as an alert or a bridged message would be). */
export async function post(bot: TestBot, groupKey: string, id: string, text: string, extra: Record<string, unknown> = {}): Promise<void> {
  await bot.app.outbox.enqueue({ id, target: `console:${groupKey}`, action: 'send', text, ...extra });
}

/** Migrates this test worker's shared PGlite database before the first test needs it. */
export async function warmDatabase(): Promise<void> {
  await pgliteDatabase();
}
