// Reminders to members, each at most once per window, remembered in Redis (so a restart or a second worker does not
// repeat them): quiet-hours reminders once per member per quiet night, flood reminders once per flood window.
import type { Redis } from 'ioredis';

export class ReminderLedger {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /** True the first time it is asked for this member and quiet stretch (identified by its end); false afterwards. */
  async firstQuietReminder(chatId: string, memberId: string, periodEnd: number, now: number): Promise<boolean> {
    const key = `${this.prefix}:quiet:reminded:${chatId}:${periodEnd}:${memberId}`;
    // Kept a little past the end of the night, then forgotten.
    const ttl = Math.max(60_000, periodEnd - now + 3_600_000);
    return (await this.redis.set(key, '1', 'PX', ttl, 'NX')) === 'OK';
  }

  /**
   * True once per flood window for this member. The window's end is stored as a value (not only as the key's
   * expiry) so it follows the app's clock, which tests drive.
   */
  async firstFloodReminder(chatId: string, memberId: string, now: number, windowMs: number): Promise<boolean> {
    const key = `${this.prefix}:flood:reminded:${chatId}:${memberId}`;
    const until = Number(await this.redis.get(key));
    if (Number.isFinite(until) && until > now) return false;
    await this.redis.set(key, String(now + windowMs), 'PX', Math.max(60_000, windowMs * 2));
    return true;
  }
}
