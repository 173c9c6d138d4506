import { AdaptiveLimiter } from "../../../provider/transport/concurrency";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("AdaptiveLimiter", () => {
  it("never runs more tasks at once than its limit, and runs them all", async () => {
    const limiter = new AdaptiveLimiter(3);
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limiter.run(async () => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 2));
          running--;
          return i;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it("starts at 4 and doubles after each round of successes (slow start), up to the maximum", () => {
    const limiter = new AdaptiveLimiter(16);
    expect(limiter.limit).toBe(4);
    for (let i = 0; i < 4; i++) limiter.onSuccess();
    expect(limiter.limit).toBe(8);
    for (let i = 0; i < 7; i++) limiter.onSuccess();
    expect(limiter.limit).toBe(8); // a round is `limit` successes
    limiter.onSuccess();
    expect(limiter.limit).toBe(16);
    for (let i = 0; i < 100; i++) limiter.onSuccess();
    expect(limiter.limit).toBe(16);
    expect(new AdaptiveLimiter(3).limit).toBe(3); // never starts above the maximum
  });

  it("halves on a throttle once per burst (requests sent before the halving), then climbs one per round (AIMD)", () => {
    const limiter = new AdaptiveLimiter(8, { initial: 8 });
    const burst = limiter.epoch;
    limiter.onThrottle(burst);
    limiter.onThrottle(burst); // sent with the first: the same burst
    expect(limiter.limit).toBe(4);
    limiter.onThrottle(limiter.epoch); // sent after the halving: 4 is still too many
    expect(limiter.limit).toBe(2);
    limiter.onThrottle(limiter.epoch);
    limiter.onThrottle(limiter.epoch);
    expect(limiter.limit).toBe(1);
    // After a throttle, no more doubling: 1 -> 2 -> 3 -> 4 over 1 + 2 + 3 successes.
    for (let i = 0; i < 1 + 2 + 3; i++) limiter.onSuccess();
    expect(limiter.limit).toBe(4);
    for (let i = 0; i < 100; i++) limiter.onSuccess();
    expect(limiter.limit).toBe(8);
  });

  it("lets a waiting task start when the limit rises", async () => {
    const limiter = new AdaptiveLimiter(2, { initial: 2 });
    limiter.onThrottle(limiter.epoch);
    const gate = deferred();
    let secondStarted = false;
    const first = limiter.run(() => gate.promise);
    const second = limiter.run(async () => {
      secondStarted = true;
    });
    await Promise.resolve();
    expect(secondStarted).toBe(false);
    limiter.onSuccess();
    await Promise.resolve();
    expect(secondStarted).toBe(true);
    gate.resolve();
    await Promise.all([first, second]);
  });

  it("refuses a limit below 1", () => {
    expect(() => new AdaptiveLimiter(0)).toThrow(RangeError);
  });
});
