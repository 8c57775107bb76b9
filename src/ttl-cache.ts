// A small in-process cache with a time limit, for lookups the pipeline makes on every message (a group's settings,
// its bridge partners). Changes made in this process clear the entry at once; the time limit bounds how long a
// change made by another process can go unseen. A chat's messages are all processed by the process holding its
// partition, and most changes come from commands in that same chat, so that window rarely matters.
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 50_000,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V): void {
    // Oldest first out: a Map iterates in insertion order.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.delete(key);
    // Each entry lives between 80 % and 100 % of the limit, at random: entries loaded together (every active chat's
    // group, just after a start) would otherwise all expire together, and their reloads land in the same instant
    // (a latency spike every few seconds). The limit itself still bounds how stale an entry can be.
    this.entries.set(key, { value, expires: Date.now() + this.ttlMs * (1 - 0.2 * Math.random()) });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
