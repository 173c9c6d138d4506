/**
 * How much `npm run bench` measures, from its arguments: the full run (the figures the docs quote),
 * `--quick` (fewer sizes and runs), or `--smoke` (every bench at its smallest, once: what `npm test`
 * runs to prove the benches still work, never to judge a figure). `--out FILE` names the results
 * file (default bench-results.json in the working folder).
 */
export interface BenchProfile {
  readonly name: "full" | "quick" | "smoke";
  /** Job counts of the main table: 1,000 jobs is one page. */
  readonly sizes: readonly number[];
  /** Counted runs of each figure. */
  readonly runs: number;
  /** Job counts of the first-lookup figure. */
  readonly firstLookupSizes: readonly number[];
  /** Jobs of the peak-memory figure. */
  readonly memoryJobs: number;
  /** Sequential requests of 50 jobs are slow: at or above this many jobs, one run without warm-up. */
  readonly sequential50OneRunFrom: number;
  /** The release platforms built for the sizes figure: all five, or this machine's only. */
  readonly allPlatforms: boolean;
  readonly out: string;
}

/** The profile named by `argv` (process.argv.slice(2)). */
export function benchProfile(argv: readonly string[]): BenchProfile {
  const at = argv.indexOf("--out");
  const out = at >= 0 && argv[at + 1] !== undefined ? argv[at + 1]! : "bench-results.json";
  if (argv.includes("--smoke")) {
    return {
      name: "smoke",
      sizes: [1_000],
      runs: 1,
      firstLookupSizes: [1_000],
      memoryJobs: 1_000,
      sequential50OneRunFrom: 0,
      allPlatforms: false,
      out,
    };
  }
  const quick = argv.includes("--quick");
  return {
    name: quick ? "quick" : "full",
    sizes: quick ? [1_000, 10_000] : [1_000, 10_000, 100_000],
    runs: quick ? 3 : 5,
    firstLookupSizes: [1_000, 20_000],
    memoryJobs: 100_000,
    sequential50OneRunFrom: 100_000,
    allPlatforms: !quick,
    out,
  };
}
