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
 * - first lookup:  in fresh processes, the first lookup (loading undici on demand) against
 *                  the second (warm), at 1,000 and 20,000 jobs and 100 ms of latency
 *
 * and, for 100,000 jobs, validation + mapping against bare JSON.parse, peak memory against the JSON
 * size (in a child process, apart from the emulator), the time to require the package, and the
 * provider plugin's cold start and invoke path (pluginBench.js), and a `tofu plan` reading the
 * Terraform data source against the same lookup in process (terraformBench.js). Each
 * figure is the median of several runs, with min and max. Prints a table and writes
 * bench-results.json; exits 1 if any figure is not a finite number. Not part of `npm test`.
 *
 *   npm run bench [-- --quick]
 */
const { execFile, execFileSync } = require("node:child_process");
const { promisify } = require("node:util");
const { writeFileSync } = require("node:fs");
const { join } = require("node:path");
const { Agent, request } = require("undici");
const { startEmulator, generateJobs } = require("../../dist/emulator");
const { lookupVisualizationJobs } = require("../../dist/sdk");
const { startEmulatorProcess } = require("./emulatorProcess");
const { pluginFigures } = require("./pluginBench");
const { terraformFigures } = require("./terraformBench");
const { stats } = require("./stats");
const { parseJobsPage } = require("../../dist/provider/boundary/schemas");
const { WIRE_JOBS_PAGE } = require("../../dist/provider/wire/description");
const { authorizationHeader, formatSdkDate } = require("../../dist/provider/wire/signer");
const { DEFAULT_MAX_CONCURRENCY } = require("../../dist/provider/settings/settings");

const LATENCY_MS = 50;
/** The default cap on requests in flight: the floor assumes the network would allow that many. */
const CAP = DEFAULT_MAX_CONCURRENCY;
const quick = process.argv.includes("--quick");
const SIZES = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
const RUNS = quick ? 3 : 5;

async function timed(action) {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

async function sample(runs, action, { warmUp = true } = {}) {
  if (warmUp) await action(); // connections, JIT
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await timed(action));
  return stats(samples);
}

/** Plain signed GETs of the list pages, as a straightforward client would send them. */
function pageFetcher(emulator, dispatcher) {
  const s = emulator.settings;
  const origin = new URL(s.endpoint);
  const path = `/v1/${s.projectId}/visualization-jobs`;
  return async (page, perPage) => {
    const query = [
      ["page", String(page)],
      ["per_page", String(perPage)],
    ];
    const headers = {
      host: origin.host,
      "x-sdk-date": formatSdkDate(new Date()),
      "x-project-id": s.projectId,
    };
    headers.authorization = authorizationHeader({ method: "GET", path, query, headers }, s);
    const response = await request(`${s.endpoint}${path}?page=${page}&per_page=${perPage}`, {
      headers,
      dispatcher,
    });
    if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}`);
    return response.body.text();
  };
}

async function sequential(fetchPage, total, perPage) {
  const pages = Math.ceil(total / perPage);
  let count = 0;
  for (let page = 1; page <= pages; page++) count += JSON.parse(await fetchPage(page, perPage)).jobs.length;
  if (count !== total) throw new Error(`sequential listed ${count} of ${total}`);
}

/** Transfer + JSON.parse of every page at per_page=1000, CAP at a time, without latency. */
async function transferAndParse(fetchPage, total) {
  const pages = Math.ceil(total / 1000);
  const bodies = [];
  let next = 1;
  const worker = async () => {
    while (next <= pages) {
      const page = next++;
      bodies.push(JSON.parse(await fetchPage(page, 1000)));
    }
  };
  await Promise.all(Array.from({ length: CAP }, worker));
}

/**
 * Our lookup at the bench's latency and the floor's transfer + parse without latency, run in turn
 * against the same emulator, so that a slow spell of the machine weighs on both sides of the ratio.
 */
async function oursAndTransfer(emulator, ours, transfer) {
  await ours(); // connections, JIT
  await emulator.setLatency(0);
  await transfer();
  const oursSamples = [];
  const transferSamples = [];
  for (let i = 0; i < RUNS; i++) {
    await emulator.setLatency(LATENCY_MS);
    oursSamples.push(await timed(ours));
    await emulator.setLatency(0);
    transferSamples.push(await timed(transfer));
  }
  await emulator.setLatency(LATENCY_MS);
  return { ours: stats(oursSamples), transfer: stats(transferSamples) };
}

async function measureSize(total) {
  const emulator = await startEmulatorProcess({ jobs: total, latencyMs: LATENCY_MS });
  const dispatcher = new Agent({ keepAliveTimeout: 30_000 });
  const fetchPage = pageFetcher(emulator, dispatcher);
  const pages = Math.ceil(total / 1000);
  const ours = (concurrency) => async () => {
    const result = await lookupVisualizationJobs(
      {},
      { context: "bench", env: emulator.env, cache: false, concurrency },
    );
    if (result.ids.length !== total) throw new Error(`listed ${result.ids.length} of ${total}`);
  };
  const row = { jobs: total, pages };
  const paired = await oursAndTransfer(emulator, ours(undefined), () => transferAndParse(fetchPage, total));
  row.ours = paired.ours;
  row.ours4 = await sample(RUNS, ours(4));
  row.sequential = await sample(RUNS, () => sequential(fetchPage, total, 1000));
  // 2,000 requests one after another at 100,000 jobs: one run, without warm-up, makes the point.
  const huge = total >= 100_000;
  row.sequential50 = await sample(huge ? 1 : RUNS, () => sequential(fetchPage, total, 50), { warmUp: !huge });
  const transfer = paired.transfer;
  const rounds = 1 + Math.ceil((pages - 1) / CAP);
  row.floor = { median: LATENCY_MS * rounds + transfer.median, transferAndParse: transfer, rounds };
  // Cold: the first lookup of fresh processes (loading undici, cold JIT), at the same latency.
  const cold = await runProbe("firstLookupProbe.js", emulator.env);
  row.cold = stats(cold.map((r) => r.firstMs));
  row.multiStatus = await multiStatus(emulator, total);
  row.oursOverFloor = row.ours.median / row.floor.median;
  row.coldOverFloor = row.cold.median / row.floor.median;
  row.sequentialOverOurs = row.sequential.median / row.ours.median;
  row.sequential50OverOurs = row.sequential50.median / row.ours.median;
  if (total >= 100_000) row.parsing = await parsingCost(fetchPage, pages);
  await dispatcher.close();
  await emulator.close();
  return row;
}

/**
 * A lookup of three statuses against each status alone: the listings run in parallel under the one
 * shared bound, so the three together cost the slowest alone as long as their pages fit the bound.
 */
async function multiStatus(emulator, total) {
  const timeOf = (status) =>
    sample(RUNS, async () => {
      await lookupVisualizationJobs({ status }, { context: "bench", env: emulator.env, cache: false });
    });
  const single = {};
  for (const status of ["RUNNING", "COMPLETED", "CANCELED"]) single[status] = await timeOf(status);
  const together = await timeOf(["RUNNING", "COMPLETED", "CANCELED"]);
  const slowest = Math.max(...Object.values(single).map((s) => s.median));
  return { single, together, slowestSingle: slowest, ratio: together.median / slowest, jobs: total };
}

/** Validation + mapping of the same bodies against bare JSON.parse. */
async function parsingCost(fetchPage, pages) {
  const bodies = [];
  for (let page = 1; page <= pages; page++) bodies.push(await fetchPage(page, 1000));
  const context = { operation: "bench" };
  const bare = await sample(RUNS, async () => {
    for (const body of bodies) JSON.parse(body);
  });
  const full = await sample(RUNS, async () => {
    for (const body of bodies) parseJobsPage(JSON.parse(body), context);
  });
  // The description's zod schema of a page, validating only (no mapping): what the fast path saves.
  const zod = await sample(RUNS, async () => {
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

/** Runs a probe script in `runs` fresh processes with `env`; resolves to their JSON. */
async function runProbe(script, env, { runs = RUNS, nodeArgs = [] } = {}) {
  const outputs = [];
  for (let i = 0; i < runs; i++) {
    // Asynchronously: an emulator answering the child may run on this process's event loop.
    const { stdout } = await promisify(execFile)(process.execPath, [...nodeArgs, join(__dirname, script)], {
      env: { ...process.env, ...env },
      encoding: "utf8",
    });
    outputs.push(JSON.parse(stdout));
  }
  return outputs;
}

/** Runs a probe script in fresh processes against an emulator of `jobs`; resolves to their JSON. */
async function probe(script, jobs, { latencyMs = 0, runs = RUNS, nodeArgs = [] } = {}) {
  const emulator = await startEmulator({ jobs: generateJobs(jobs), latencyMs });
  try {
    return await runProbe(script, emulator.env, { runs, nodeArgs });
  } finally {
    await emulator.close();
  }
}

/** Peak memory of a 100,000-job lookup, each run in a process of its own (the kernel's maxRSS). */
async function peakMemory() {
  const runs = await probe("memoryProbe.js", 100_000, { nodeArgs: ["--expose-gc"] });
  return { peakBytes: stats(runs.map((r) => r.peakBytes)), jobs: runs[0].jobs };
}

/** The first lookup of fresh processes against their second, at 100 ms of latency. */
async function firstLookup() {
  const rows = {};
  for (const jobs of [1_000, 20_000]) {
    const runs = await probe("firstLookupProbe.js", jobs, { latencyMs: 100 });
    const first = stats(runs.map((r) => r.firstMs));
    const warm = stats(runs.map((r) => r.warmMs));
    rows[jobs] = { first, warm, extraMs: first.median - warm.median };
  }
  return rows;
}

/** Every number in the results, with its path: NaN, an infinity or a missing row fails the bench. */
function nonFinite(value, path = "results") {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (value === undefined || value === null) return [`${path} is missing`];
  if (typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
}

/** Time to require the package, with and without @pulumi/pulumi already loaded (fresh processes). */
function requireTime() {
  const script = (preload) =>
    `${preload ? 'require("@pulumi/pulumi");' : ""}const t=process.hrtime.bigint();require("pulumi-modelarts");process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const measure = (preload) =>
    stats(
      Array.from({ length: RUNS }, () =>
        Number(execFileSync(process.execPath, ["-e", script(preload)], { encoding: "utf8" })),
      ),
    );
  return { withPulumiLoaded: measure(true), cold: measure(false) };
}

const ms = (n) => `${n.toFixed(0)} ms`;
const figure = (s) => `${ms(s.median)} (${s.min.toFixed(0)}-${s.max.toFixed(0)})`;

async function main() {
  const rows = [];
  for (const size of SIZES) {
    process.stderr.write(`measuring ${size} jobs...\n`);
    rows.push(await measureSize(size));
  }
  process.stderr.write("measuring peak memory, the first lookup and require time...\n");
  const memory = quick ? undefined : await peakMemory();
  const first = await firstLookup();
  const load = requireTime();
  process.stderr.write("measuring the provider plugin...\n");
  const plugin = await pluginFigures();
  process.stderr.write("measuring the Terraform provider...\n");
  const terraform = await terraformFigures();
  const results = {
    machine: `${require("node:os").cpus().length} cores, Node ${process.version}`,
    latencyMs: LATENCY_MS,
    cap: CAP,
    rows,
    ...(memory && { memory }),
    firstLookup: first,
    load,
    plugin,
    ...(terraform && { terraform }),
  };
  const bad = nonFinite(results);
  writeFileSync("bench-results.json", `${JSON.stringify(results, null, 2)}\n`);

  console.log(
    `\nLatency ${LATENCY_MS} ms per request; median (min-max) of ${RUNS} runs; ${results.machine}\n`,
  );
  console.log(
    `| jobs | pages | ours (4 rising to ${CAP}) | ours, cold | ours-4 | sequential | sequential-50 | floor | ours/floor | cold/floor | sequential/ours | sequential-50/ours |`,
  );
  console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    console.log(
      `| ${r.jobs} | ${r.pages} | ${figure(r.ours)} | ${figure(r.cold)} | ${figure(r.ours4)} | ${figure(r.sequential)} | ${figure(r.sequential50)} | ${ms(r.floor.median)} | ${r.oursOverFloor.toFixed(2)} | ${r.coldOverFloor.toFixed(2)} | ${r.sequentialOverOurs.toFixed(2)} | ${r.sequential50OverOurs.toFixed(1)} |`,
    );
  }
  console.log("\nThree statuses (RUNNING, COMPLETED, CANCELED) in one lookup against the slowest alone:");
  for (const r of rows) {
    const m = r.multiStatus;
    console.log(
      `  ${r.jobs} jobs: together ${figure(m.together)}, slowest alone ${ms(m.slowestSingle)} (${Object.entries(
        m.single,
      )
        .map(([k, v]) => `${k} ${ms(v.median)}`)
        .join(", ")}): ratio ${m.ratio.toFixed(2)}`,
    );
  }
  const parsing = rows.find((r) => r.parsing)?.parsing;
  if (parsing) {
    console.log(
      `\nparse + validate + map of ${(parsing.bytes / 1e6).toFixed(1)} MB (100 pages): ${figure(parsing.parseValidateMap)} against JSON.parse ${figure(parsing.jsonParse)}: ratio ${parsing.ratio.toFixed(2)}`,
    );
    console.log(
      `the same pages through the description's zod schema (parse + validate, no mapping): ${figure(parsing.zodValidate)}; the hand-written fast path saves ${ms(parsing.zodValidate.median - parsing.parseValidateMap.median)}`,
    );
  }
  if (memory && parsing) {
    memory.jsonBytes = parsing.bytes;
    console.log(
      `peak memory of a 100,000-job lookup: ${(memory.peakBytes.median / 1e6).toFixed(1)} MB (${(memory.peakBytes.min / 1e6).toFixed(0)}-${(memory.peakBytes.max / 1e6).toFixed(0)}) above the process's baseline for ${(parsing.bytes / 1e6).toFixed(1)} MB of JSON: ratio ${(memory.peakBytes.median / parsing.bytes).toFixed(2)}`,
    );
  }
  console.log(
    `require("pulumi-modelarts"): ${figure(load.withPulumiLoaded)} with @pulumi/pulumi already loaded, ${figure(load.cold)} cold`,
  );
  for (const [jobs, f] of Object.entries(first)) {
    console.log(
      `first lookup of a process, ${jobs} jobs at 100 ms: ${figure(f.first)} against warm ${figure(f.warm)}: +${ms(f.extraMs)} (goal <= +100 ms)`,
    );
  }
  const hundred = rows.find((r) => r.pages === 100);
  if (hundred) {
    console.log(
      `goals at 100 pages: ours/floor ${hundred.oursOverFloor.toFixed(2)} (<= 1.3), sequential/ours ${hundred.sequentialOverOurs.toFixed(2)} (>= 5)`,
    );
  }
  console.log("\nwritten: bench-results.json");
  if (bad.length > 0) {
    console.error(`bench: figures that are not finite numbers:\n  ${bad.join("\n  ")}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
