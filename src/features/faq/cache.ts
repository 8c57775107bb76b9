// One FAQ index per group (or community), built on first use from the entries the storage layer loads and dropped
// when an entry changes. The caller calls invalidate() after /faq add, translate or remove; the index itself never
// reads storage, so it stays a pure, testable value.
import { FaqIndex, type FaqEntry } from './match.js';

export class FaqIndexCache {
  private readonly indexes = new Map<string, Promise<FaqIndex>>();

  /** @param maxGroups how many indexes to keep; the least recently used goes first. */
  constructor(
    private readonly load: (scope: string) => Promise<readonly FaqEntry[]>,
    private readonly maxGroups = 500,
  ) {}

  /** The index of `scope` (a qualified chat id or a community key), built once until invalidated. */
  get(scope: string): Promise<FaqIndex> {
    const cached = this.indexes.get(scope);
    if (cached) {
      // Re-insert to mark it recently used (a Map keeps insertion order).
      this.indexes.delete(scope);
      this.indexes.set(scope, cached);
      return cached;
    }
    const building = this.load(scope).then((entries) => new FaqIndex(entries));
    // A failed load must not stay cached: the next question tries again.
    building.catch(() => {
      if (this.indexes.get(scope) === building) this.indexes.delete(scope);
    });
    this.indexes.set(scope, building);
    while (this.indexes.size > this.maxGroups) {
      const oldest = this.indexes.keys().next().value as string;
      this.indexes.delete(oldest);
    }
    return building;
  }

  /** Forget the index of `scope`; the next get() rebuilds it from storage. */
  invalidate(scope: string): void {
    this.indexes.delete(scope);
  }
}
