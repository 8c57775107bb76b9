// Sliding-window counters, as Telegram applies them: at most `max` sends per `windowMs` per key.

export class SlidingWindow {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** Milliseconds until a send under `key` would be allowed; 0 when it is allowed now. Does not record. */
  waitFor(key: string, now: number): number {
    const recent = this.prune(key, now);
    if (recent.length < this.max) return 0;
    return recent[recent.length - this.max]! + this.windowMs - now;
  }

  record(key: string, now: number): void {
    this.prune(key, now).push(now);
  }

  private prune(key: string, now: number): number[] {
    const list = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
    this.hits.set(key, list);
    return list;
  }
}
