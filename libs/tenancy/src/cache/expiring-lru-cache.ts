/**
 * A bounded in-process cache with least-recently-used eviction (the second-chance approximation: an entry
 * read since it was last passed over is kept, the oldest unread one goes) and a lifetime per entry.
 * Hand-written rather than the `lru-cache` package: that package is present in node_modules only as a
 * transitive dependency of build tools (an old major), not as a dependency of this project, and what is
 * needed here fits in a Map, which keeps insertion order.
 */
export class ExpiringLruCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number = () => Date.now(),
  ) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1)
      throw new Error('maxEntries must be a positive integer');
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * A hit only marks its entry used; the entry moves to the newest end when eviction reaches it (second
   * chance), not on every read. Reads far outnumber writes here (each request reads several entries), and a
   * Map re-insertion per read cost more than the read.
   */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    entry.used = true;
    return entry.value;
  }

  set(key: string, value: V, ttlMs: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs, used: false });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.entries().next();
      if (oldest.done === true) break;
      const [oldestKey, entry] = oldest.value;
      this.entries.delete(oldestKey);
      // Read since it was last moved, or just written: newest again, unmarked. Each pass unmarks one entry,
      // so the loop ends.
      if (entry.used || oldestKey === key) {
        entry.used = false;
        this.entries.set(oldestKey, entry);
      }
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

interface Entry<V> {
  readonly value: V;
  readonly expiresAt: number;
  /** Read since it was written or last moved to the newest end. */
  used: boolean;
}
