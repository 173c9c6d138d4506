/**
 * A bound on how many requests a lookup has in flight, shared by all its listings, that finds what
 * the server allows as TCP finds a path's capacity: it starts at INITIAL_CONCURRENCY and doubles
 * after each round of successes (slow start) up to the maximum; a 429 halves it and ends slow start.
 * A 429 for a request sent before the last halving is part of the burst that caused it and counts
 * no more (TCP's fast recovery), while one sent after it says the lowered bound is still too high,
 * after which successes raise it one at a time (additive increase, multiplicative decrease). A
 * throttled account thus still finishes, at the pace it is allowed, and an unthrottled one soon
 * runs at the maximum.
 */
import type { AttemptGate } from "./apiRequest";

/** How many requests a lookup starts with, before it has seen how the server copes. */
const INITIAL_CONCURRENCY = 4;

/** Runs tasks with at most `limit` at a time; `limit` follows throttling between 1 and the maximum. */
export class AdaptiveLimiter implements AttemptGate {
  private current: number;
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private successesSinceChange = 0;
  private decreases = 0;
  /** Doubling per round until the first throttle; one more per round after it. */
  private slowStart = true;

  constructor(
    readonly maximum: number,
    options: { readonly initial?: number } = {},
  ) {
    if (!Number.isInteger(maximum) || maximum < 1) {
      throw new RangeError(`concurrency must be an integer of at least 1, got ${maximum}`);
    }
    this.current = Math.min(options.initial ?? INITIAL_CONCURRENCY, maximum);
  }

  /** Changes each time the limit is lowered: an attempt notes it when it starts. */
  get epoch(): number {
    return this.decreases;
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

  /**
   * A request was throttled: halve the limit, unless the request was sent before the last halving
   * (`sentInEpoch`, the epoch when it started), so that a burst sent together counts once.
   */
  onThrottle(sentInEpoch: number): void {
    if (sentInEpoch < this.decreases) return;
    this.decreases++;
    this.current = Math.max(1, Math.floor(this.current / 2));
    this.successesSinceChange = 0;
    this.slowStart = false;
  }

  /**
   * A request succeeded. After a round (`limit` successes since the last change), the limit doubles
   * while in slow start, and grows by one after a throttle; never past the maximum.
   */
  onSuccess(): void {
    if (this.current >= this.maximum) return;
    if (++this.successesSinceChange >= this.current) {
      this.current = Math.min(this.maximum, this.slowStart ? this.current * 2 : this.current + 1);
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
