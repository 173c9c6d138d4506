/**
 * A map that keeps at most `capacity` entries, dropping the least recently set first. The caches a
 * process keeps between lookups (listings, project ids, dispatchers, secrets to redact) use it, so
 * that a long-lived process that meets many identities or settings stays bounded.
 */
export class BoundedMap<K, V> {
  private readonly entries = new Map<K, V>();

  /**
   * @param capacity the most entries kept.
   * @param onEvict called with each entry dropped for room (to close a dispatcher, say).
   */
  constructor(
    readonly capacity: number,
    private readonly onEvict?: (value: V, key: K) => void,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`a BoundedMap's capacity must be an integer of at least 1, got ${capacity}`);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** Sets the entry as the most recent one, dropping the oldest beyond the capacity. */
  set(key: K, value: V): this {
    this.entries.delete(key);
    this.entries.set(key, value);
    for (const [oldKey, oldValue] of this.entries) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldKey);
      this.onEvict?.(oldValue, oldKey);
    }
    return this;
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  keys(): IterableIterator<K> {
    return this.entries.keys();
  }

  values(): IterableIterator<V> {
    return this.entries.values();
  }

  /** Drops every entry, calling `onEvict` for each. */
  clear(): void {
    const dropped = [...this.entries];
    this.entries.clear();
    for (const [key, value] of dropped) this.onEvict?.(value, key);
  }
}
