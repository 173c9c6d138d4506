/**
 * Throttling and load against the emulator over real sockets: a throttled account still finishes
 * (the concurrency drops on 429s and the request count stays bounded), and 200 distinct lookups at
 * once all succeed with a bounded number of connections and bounded memory.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { generateJobs } from "../../emulator";
import { MAX_CONNECTIONS_PER_ORIGIN } from "../../provider/transport/dispatcher";
import { lookup, useEmulator } from "../integration/helpers";

const JOBS = generateJobs(20_000, { seed: 11 });

/** The garbage collector, exposed for this test's memory figures. */
function collectGarbage(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc");
}

describe("a throttled account", () => {
  const emulator = useEmulator({ jobs: JOBS, latencyMs: 20 });

  it("still gets every job when the gateway allows 2 requests at a time, with the concurrency halved", async () => {
    emulator().setConcurrencyLimit(2);
    const result = await lookup(emulator(), {}, { concurrency: 8 });
    expect(result.ids).toEqual(JOBS.map((j) => j.jobId));
    const { throttled } = emulator().stats();
    const requests = emulator().listRequests();
    // 20 pages; each 429 is one more request. Halving from 8 to 2 takes two bursts, so the 429s stay
    // few (about 10 here); without the halving, pages would run out of their 6 attempts and fail.
    expect(throttled).toBeGreaterThan(0);
    expect(throttled).toBeLessThanOrEqual(30);
    expect(requests).toHaveLength(20 + throttled);
    expect(requests.filter((r) => r.status === 200)).toHaveLength(20);
  });

  it("stays unharmed by a gateway that allows 3 at a time: every job, and at most max(8, pages / 2) 429s", async () => {
    emulator().setConcurrencyLimit(3);
    // 100 pages at the default cap (16): slow start meets the gateway's limit and backs off.
    const result = await lookup(emulator(), { pageSize: 200 });
    expect(result.ids).toEqual(JOBS.map((j) => j.jobId));
    const { throttled } = emulator().stats();
    expect(throttled).toBeGreaterThan(0);
    expect(throttled).toBeLessThanOrEqual(Math.max(8, 100 / 2));
    expect(
      emulator()
        .listRequests()
        .filter((r) => r.status === 200),
    ).toHaveLength(100);
  });

  it("sends each page once when not throttled", async () => {
    const result = await lookup(emulator(), {}, { concurrency: 8 });
    expect(result.ids).toHaveLength(20_000);
    expect(emulator().listRequests()).toHaveLength(20);
    expect(emulator().stats().throttled).toBe(0);
  });
});

describe("load", () => {
  const emulator = useEmulator({ jobs: generateJobs(5_000, { seed: 12 }), latencyMs: 5 });

  // Its bound is a hang guard, not a timing: 200 lookups of 5,000 jobs are CPU work that took over
  // 30 s (jest's default) on a 2-core machine kept busy by another process.
  it("answers 200 distinct lookups at once, over a bounded number of connections and in bounded memory", async () => {
    const gc = collectGarbage();
    gc();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 5);
    // Cleared whatever happens: a failed assertion must not leave it keeping Jest alive.
    try {
      const lookups = Array.from({ length: 200 }, (_, i) =>
        // The shared keep-alive dispatcher (no injected one), as programs use it; distinct filters.
        lookup(emulator(), { nameRegex: `-tb-${i}$`, pageSize: 500 }, { dispatcher: undefined }),
      );
      const results = await Promise.all(lookups);
      results.forEach((result, i) => {
        expect(result.names.every((n) => n.endsWith(`-tb-${i}`))).toBe(true);
        expect(result.totalCount).toBe(5_000);
      });
      expect(emulator().listRequests()).toHaveLength(200 * 10);
      expect(emulator().stats().maxOpenConnections).toBeLessThanOrEqual(MAX_CONNECTIONS_PER_ORIGIN);
    } finally {
      clearInterval(sampler);
    }
    gc();
    const retainedMb = (process.memoryUsage().heapUsed - before) / 1e6;
    const peakMb = (peak - before) / 1e6;
    process.stdout.write(
      `200 lookups at once: heap peak +${peakMb.toFixed(0)} MB, retained +${retainedMb.toFixed(1)} MB\n`,
    );
    // 200 listings of 5,000 jobs are in memory at once at worst (~1M job objects); nothing stays.
    expect(peakMb).toBeLessThan(1_500);
    expect(retainedMb).toBeLessThan(50);
  }, 120_000);
});
