// Fixed-window limits like Discord's: a per-channel bucket for posting messages and a global per-bot limit.

export interface Limit {
  limit: number;
  windowMs: number;
}

export interface Verdict {
  ok: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets (what X-RateLimit-Reset-After and retry_after carry). */
  resetAfter: number;
}

export class Windows {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly config: Limit) {}

  take(key: string, now = Date.now()): Verdict {
    let w = this.windows.get(key);
    if (!w || now >= w.resetAt) {
      w = { count: 0, resetAt: now + this.config.windowMs };
      this.windows.set(key, w);
    }
    const resetAfter = Math.max(0.001, (w.resetAt - now) / 1000);
    if (w.count >= this.config.limit) return { ok: false, limit: this.config.limit, remaining: 0, resetAfter };
    w.count += 1;
    return { ok: true, limit: this.config.limit, remaining: this.config.limit - w.count, resetAfter };
  }
}
