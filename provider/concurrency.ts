/**
 * A bound on how many requests a lookup has in flight, shared by all its listings, that adapts to
 * throttling: a 429 halves it (at most once per cool-down, so that a burst of 429s from requests
 * sent together counts once), and successes raise it again one at a time up to the maximum. A
 * throttled account thus still finishes, at the pace it is allowed.
 */
import type { AttemptGate } from "./client";

/** The number of requests a lookup sends at once, unless told otherwise. */
export const DEFAULT_CONCURRENCY = 4;

/**
 * The default cool-down between two decreases: shorter than the 2 to 5 s a throttled request
 * waits before its retry, so that the retry's 429 counts again while a burst counts once.
 */
export const DEFAULT_COOL_DOWN_MS = 1_000;

/** Runs tasks with at most `limit` at a time; `limit` follows throttling between 1 and the maximum. */
export class AdaptiveLimiter implements AttemptGate {
  private current: number;
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private successesSinceChange = 0;
  private lastDecrease = Number.NEGATIVE_INFINITY;

  private readonly now: () => number;
  private readonly coolDownMs: number;

  constructor(
    readonly maximum: number = DEFAULT_CONCURRENCY,
    options: { readonly now?: () => number; readonly coolDownMs?: number } = {},
  ) {
    this.now = options.now ?? (() => performance.now());
    this.coolDownMs = options.coolDownMs ?? DEFAULT_COOL_DOWN_MS;
    if (!Number.isInteger(maximum) || maximum < 1) {
      throw new RangeError(`concurrency must be an integer of at least 1, got ${maximum}`);
    }
    this.current = maximum;
  }

  /** How many tasks may run at once now. */
  get limit(): number {
    return this.current;
  }

  /** Runs `task` once a place is free. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < this.current) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve)); // wakeUp() counted us in
    try {
      return await task();
    } finally {
      this.active--;
      this.wakeUp();
    }
  }

  /** A request was throttled: halve the limit, unless it was halved within the cool-down. */
  onThrottle(): void {
    const now = this.now();
    if (now - this.lastDecrease < this.coolDownMs) return;
    this.lastDecrease = now;
    this.current = Math.max(1, Math.floor(this.current / 2));
    this.successesSinceChange = 0;
  }

  /** A request succeeded: after `limit` successes since the last change, allow one more at a time. */
  onSuccess(): void {
    if (this.current >= this.maximum) return;
    if (++this.successesSinceChange >= this.current) {
      this.current++;
      this.successesSinceChange = 0;
      this.wakeUp();
    }
  }

  private wakeUp(): void {
    while (this.active < this.current && this.waiting.length > 0) {
      this.active++;
      this.waiting.shift()!();
    }
  }
}
