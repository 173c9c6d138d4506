/**
 * `npm run bench`: where a lookup stands against the physical floor and the obvious alternatives.
 * Against the emulator with 50 ms of latency per request, run in a process of its own (so that it
 * shares no event loop with the client), for 1,000, 10,000 and 100,000 jobs:
 *
 * - ours:          lookupVisualizationJobs with default settings (no shared cache, so each run lists):
 *                  it starts at 4 requests at once and doubles up to the cap (16)
 * - ours-4:        the same with the cap at 4 (the old fixed bound)
 * - sequential:    the same pages at per_page=1000, one after another, plain signed undici requests
 * - sequential-50: pages of 50 one after another (the Terraform provider's ModelArts page size)
 * - floor:         latency x (1 + ceil((pages - 1) / cap)) + the time to transfer and JSON.parse
 *                  the same bytes without latency, measured in turn with ours (one of each, then
 *                  again), so that a slow spell of the machine weighs on both
 * - ours, cold:    the first lookup of fresh processes (loading undici on demand, cold JIT)
 * - bare, cold:    the bare client's first fetch-and-parse of the same pages in fresh processes
 *                  (bareClientProbe.ts), in turn with ours: the cost of everything of ours
 *
 * and the first lookup of a process against its second, validation + mapping against bare
 * JSON.parse, peak memory against the JSON size, the time to require the package, the provider
 * plugin's cold start and invoke path (pluginBench.ts), the executable's start to its handshake in
 * both roles against Node.js's own (startupBench.ts), and `tofu plan` with the data source against
 * one without (terraformBench.ts), and each signing algorithm's cost, a signature and a whole lookup
 * (signingBench.ts). Each figure is the median of several runs, with min and max.
 * Prints a table and writes the results (bench-results.json); exits 1 if any figure is missing or
 * not a finite number. `--quick` and `--smoke` measure less (profile.ts); `npm test` runs `--smoke`.
 *
 *   npm run bench [-- --quick | --smoke] [-- --out FILE]
 */
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { Agent } from "undici";
import { generateJobs, startEmulator } from "../../emulator";
import { parseJobsPage } from "../../provider/boundary/responseBodies";
import { DEFAULT_MAX_CONCURRENCY } from "../../provider/settings/settings";
import { WIRE_JOBS_PAGE } from "../../provider/wire/description";
import { type JobStatusInput, lookupVisualizationJobs } from "../../sdk/nodejs";
import type { BareClientFigures } from "./bareClientProbe";
import { startEmulatorProcess } from "./emulatorProcess";
import type { FirstLookupFigures } from "./firstLookupProbe";
import type { MemoryFigures } from "./memoryProbe";
import { pluginFigures } from "./pluginBench";
import { requireTime, runProbe } from "./probes";
import { type BenchProfile, benchProfile } from "./profile";
import { printResults } from "./report";
import { BENCH_LATENCY_MS, type BenchResults, missingFigures, type SizeRow } from "./results";
import { type PageFetcher, pageFetcher, sequential, transferAndParse } from "./sequentialClient";
import { signingFigures } from "./signingBench";
import { startupFigures } from "./startupBench";
import { type Stats, stats, timed } from "./stats";
import { terraformFigures } from "./terraformBench";

/** The default cap on requests in flight: the floor assumes the network would allow that many. */
const CAP = DEFAULT_MAX_CONCURRENCY;

/** `runs` timings of `action`, after one not counted (connections, JIT) unless told otherwise. */
async function sample(runs: number, action: () => Promise<unknown>, warmUp = true): Promise<Stats> {
  if (warmUp) await action();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await timed(action));
  return stats(samples);
}

/**
 * Our lookup at the bench's latency and the floor's transfer + parse without latency, run in turn
 * against the same emulator, so that a slow spell of the machine weighs on both sides of the ratio.
 */
async function oursAndTransfer(
  emulator: Awaited<ReturnType<typeof startEmulatorProcess>>,
  ours: () => Promise<void>,
  transfer: () => Promise<void>,
  runs: number,
): Promise<{ ours: Stats; transfer: Stats }> {
  await ours(); // connections, JIT
  await emulator.setLatency(0);
  await transfer();
  const oursSamples: number[] = [];
  const transferSamples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await emulator.setLatency(BENCH_LATENCY_MS);
    oursSamples.push(await timed(ours));
    await emulator.setLatency(0);
    transferSamples.push(await timed(transfer));
  }
  await emulator.setLatency(BENCH_LATENCY_MS);
  return { ours: stats(oursSamples), transfer: stats(transferSamples) };
}

/** One row of the main table: every client against the emulator holding `total` jobs. */
async function measureSize(total: number, profile: BenchProfile): Promise<SizeRow> {
  const { runs } = profile;
  const emulator = await startEmulatorProcess({ jobs: total, latencyMs: BENCH_LATENCY_MS });
  const dispatcher = new Agent({ keepAliveTimeout: 30_000 });
  const fetchPage = pageFetcher(emulator.settings, dispatcher);
  const pages = Math.ceil(total / 1000);
  const ours = (concurrency?: number) => async () => {
    const result = await lookupVisualizationJobs(
      {},
      { context: "bench", env: emulator.env, cache: false, concurrency },
    );
    if (result.ids.length !== total) throw new Error(`listed ${result.ids.length} of ${total}`);
  };
  const paired = await oursAndTransfer(emulator, ours(), () => transferAndParse(fetchPage, total, CAP), runs);
  const ours4 = await sample(runs, ours(4));
  const seq = await sample(runs, () => sequential(fetchPage, total, 1000));
  // 2,000 requests one after another at 100,000 jobs: one run, without warm-up, makes the point.
  const huge = total >= profile.sequential50OneRunFrom;
  const seq50 = await sample(huge ? 1 : runs, () => sequential(fetchPage, total, 50), !huge);
  const rounds = 1 + Math.ceil((pages - 1) / CAP);
  const floor = {
    median: BENCH_LATENCY_MS * rounds + paired.transfer.median,
    transferAndParse: paired.transfer,
    rounds,
  };
  // Cold: the first lookup of fresh processes (loading undici, cold JIT), at the same latency.
  // Fresh processes in turn: ours, then the bare client's first fetch-and-parse of the same pages.
  const coldSamples: number[] = [];
  const bareSamples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const [ours] = await runProbe<FirstLookupFigures>("firstLookupProbe.js", emulator.env, { runs: 1 });
    const bareEnv = { ...emulator.env, BENCH_JOBS: String(total) };
    const [bare] = await runProbe<BareClientFigures>("bareClientProbe.js", bareEnv, { runs: 1 });
    coldSamples.push(ours!.firstMs);
    bareSamples.push(bare!.firstMs);
  }
  const cold = stats(coldSamples);
  const coldBare = stats(bareSamples);
  const row: SizeRow = {
    jobs: total,
    pages,
    ours: paired.ours,
    ours4,
    sequential: seq,
    sequential50: seq50,
    floor,
    cold,
    coldBare,
    multiStatus: await multiStatus(emulator.env, total, runs),
    oursOverFloor: paired.ours.median / floor.median,
    coldOverFloor: cold.median / floor.median,
    coldOverBare: cold.median / coldBare.median,
    sequentialOverOurs: seq.median / paired.ours.median,
    sequential50OverOurs: seq50.median / paired.ours.median,
    ...(pages >= 100 && { parsing: await parsingCost(fetchPage, pages, runs) }),
  };
  await dispatcher.close();
  await emulator.close();
  return row;
}

/**
 * A lookup of three statuses against each status alone: the listings run in parallel under the one
 * shared bound, so the three together cost the slowest alone as long as their pages fit the bound.
 */
async function multiStatus(
  env: Record<string, string>,
  total: number,
  runs: number,
): Promise<SizeRow["multiStatus"]> {
  const timeOf = (status: JobStatusInput | JobStatusInput[]) =>
    sample(runs, () => lookupVisualizationJobs({ status }, { context: "bench", env, cache: false }));
  const single: Record<string, Stats> = {};
  for (const status of ["RUNNING", "COMPLETED", "CANCELED"] as const) single[status] = await timeOf(status);
  const together = await timeOf(["RUNNING", "COMPLETED", "CANCELED"]);
  const slowest = Math.max(...Object.values(single).map((s) => s.median));
  return { single, together, slowestSingle: slowest, ratio: together.median / slowest, jobs: total };
}

/** Validation + mapping of the same bodies against bare JSON.parse, and against the zod schema. */
async function parsingCost(
  fetchPage: PageFetcher,
  pages: number,
  runs: number,
): Promise<NonNullable<SizeRow["parsing"]>> {
  const bodies: string[] = [];
  for (let page = 1; page <= pages; page++) bodies.push(await fetchPage(page, 1000));
  const context = { operation: "bench" };
  const bare = await sample(runs, async () => {
    for (const body of bodies) JSON.parse(body);
  });
  const full = await sample(runs, async () => {
    for (const body of bodies) parseJobsPage(JSON.parse(body), context);
  });
  // The description's zod schema of a page, validating only (no mapping): what the fast path saves.
  const zod = await sample(runs, async () => {
    for (const body of bodies) WIRE_JOBS_PAGE.parse(JSON.parse(body));
  });
  return {
    jsonParse: bare,
    parseValidateMap: full,
    zodValidate: zod,
    ratio: full.median / bare.median,
    bytes: bodies.reduce((n, b) => n + b.length, 0),
  };
}

/** Runs a probe in fresh processes against an in-process emulator of `jobs`. */
async function probe<T>(
  script: string,
  jobs: number,
  runs: number,
  latencyMs = 0,
  nodeArgs: string[] = [],
): Promise<T[]> {
  const emulator = await startEmulator({ jobs: generateJobs(jobs), latencyMs });
  try {
    return await runProbe<T>(script, emulator.env, { runs, nodeArgs });
  } finally {
    await emulator.close();
  }
}

/** Peak memory of a lookup of `jobs`, each run in a process of its own (the kernel's maxRSS). */
async function peakMemory(profile: BenchProfile): Promise<BenchResults["memory"]> {
  const runs = await probe<MemoryFigures>("memoryProbe.js", profile.memoryJobs, profile.runs, 0, [
    "--expose-gc",
  ]);
  return { peakBytes: stats(runs.map((r) => r.peakBytes)), jobs: runs[0]!.jobs };
}

/** The first lookup of fresh processes against their second, at 100 ms of latency. */
async function firstLookup(profile: BenchProfile): Promise<BenchResults["firstLookup"]> {
  const rows: BenchResults["firstLookup"] = {};
  for (const jobs of profile.firstLookupSizes) {
    const runs = await probe<FirstLookupFigures>("firstLookupProbe.js", jobs, profile.runs, 100);
    const first = stats(runs.map((r) => r.firstMs));
    const warm = stats(runs.map((r) => r.warmMs));
    rows[jobs] = {
      first,
      warm,
      extraMs: first.median - warm.median,
      firstOverWarm: first.median / warm.median,
    };
  }
  return rows;
}

async function main(): Promise<void> {
  const profile = benchProfile(process.argv.slice(2));
  const rows: SizeRow[] = [];
  for (const size of profile.sizes) {
    process.stderr.write(`measuring ${size} jobs...\n`);
    rows.push(await measureSize(size, profile));
  }
  process.stderr.write("measuring peak memory, the first lookup and require time...\n");
  const memory = await peakMemory(profile);
  const first = await firstLookup(profile);
  const load = requireTime(profile.runs);
  process.stderr.write("measuring the provider plugin and the executable's start...\n");
  const plugin = await pluginFigures(profile);
  const startup = await startupFigures(profile);
  process.stderr.write("measuring the signing algorithms...\n");
  const signing = await signingFigures(profile, BENCH_LATENCY_MS);
  process.stderr.write("measuring the Terraform provider...\n");
  const terraform = await terraformFigures(profile);
  const results: BenchResults = {
    profile: profile.name,
    machine: `${cpus().length} cores, ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}`,
    latencyMs: BENCH_LATENCY_MS,
    cap: CAP,
    runs: profile.runs,
    rows,
    memory,
    firstLookup: first,
    load,
    plugin,
    startup,
    signing,
    ...(terraform && { terraform }),
  };
  writeFileSync(profile.out, `${JSON.stringify(results, null, 2)}\n`);
  printResults(results);
  console.log(`\nwritten: ${profile.out}`);
  const bad = missingFigures(results);
  if (bad.length > 0) {
    console.error(`bench: figures that are missing or not finite numbers:\n  ${bad.join("\n  ")}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
