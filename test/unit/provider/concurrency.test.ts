import { AdaptiveLimiter } from "../../../provider/concurrency";

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

  it("halves on throttling once per cool-down, and climbs back with successes", () => {
    let now = 0;
    const limiter = new AdaptiveLimiter(8, { now: () => now });
    limiter.onThrottle();
    limiter.onThrottle(); // same burst
    expect(limiter.limit).toBe(4);
    now += 1500;
    limiter.onThrottle();
    expect(limiter.limit).toBe(2);
    now += 1500;
    limiter.onThrottle();
    limiter.onThrottle();
    expect(limiter.limit).toBe(1);
    for (let i = 0; i < 1 + 2 + 3; i++) limiter.onSuccess();
    expect(limiter.limit).toBe(4);
    for (let i = 0; i < 100; i++) limiter.onSuccess();
    expect(limiter.limit).toBe(8);
  });

  it("lets a waiting task start when the limit rises", async () => {
    let now = 0;
    const limiter = new AdaptiveLimiter(2, { now: () => now });
    limiter.onThrottle();
    const gate = deferred();
    let secondStarted = false;
    const first = limiter.run(() => gate.promise);
    const second = limiter.run(async () => {
      secondStarted = true;
    });
    await Promise.resolve();
    expect(secondStarted).toBe(false);
    now += 2000;
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
