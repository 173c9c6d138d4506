/**
 * Work shared between lookups by key: the first caller starts it, later callers get the same
 * promise (in flight or settled) until it expires; a failure is forgotten at once, so the next
 * caller tries again. Bounded: the least recently started entry goes first. The listing cache and
 * the project-id cache are both this.
 */
import { BoundedMap } from "./boundedMap";

/** Promises shared by key for `ttlMs` (for ever by default). */
export class SharedPromises<T> {
  private readonly entries: BoundedMap<string, { readonly expires: number; readonly promise: Promise<T> }>;

  constructor(
    capacity: number,
    private readonly ttlMs: number = Number.POSITIVE_INFINITY,
    private readonly now: () => number = Date.now,
  ) {
    this.entries = new BoundedMap(capacity);
  }

  /** The shared promise for `key`, or the one `start` makes, shared from now on. */
  get(key: string, start: () => Promise<T>): Promise<T> {
    const now = this.now();
    const entry = this.entries.get(key);
    if (entry && entry.expires > now) return entry.promise;
    const promise = start();
    this.entries.set(key, { expires: now + this.ttlMs, promise });
    promise.catch(() => {
      if (this.entries.get(key)?.promise === promise) this.entries.delete(key);
    });
    return promise;
  }

  /** Forgets every entry. */
  clear(): void {
    this.entries.clear();
  }
}
