/**
 * Paging benchmark: 20,000 jobs behind 100 ms of server latency per request, listed with the
 * default bounded concurrency (4) and with pages fetched one after another (concurrency 1), over
 * real sockets against the emulator. Prints the median, min and max of several runs.
 *
 *   npm run build && node test/bench/paging.js [jobs] [latencyMs] [runs]
 */
const { startEmulator, generateJobs } = require("../../dist/emulator");
const { lookupVisualizationJobs } = require("../../dist/sdk");

async function main() {
  const [jobs = 20_000, latencyMs = 100, runs = 5] = process.argv.slice(2).map(Number);
  const emulator = await startEmulator({ jobs: generateJobs(jobs), latencyMs });
  const timeOf = async (concurrency) => {
    const started = performance.now();
    const result = await lookupVisualizationJobs({}, "bench", {
      env: emulator.env,
      cache: false,
      concurrency,
    });
    if (result.ids.length !== jobs) throw new Error(`listed ${result.ids.length} of ${jobs} jobs`);
    return performance.now() - started;
  };
  const stats = (samples) => {
    const sorted = [...samples].sort((a, b) => a - b);
    return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1) };
  };
  const rows = {};
  for (const [label, concurrency] of [
    ["concurrent (4)", 4],
    ["sequential (1)", 1],
  ]) {
    await timeOf(concurrency); // warm-up: connections, JIT
    const samples = [];
    for (let i = 0; i < runs; i++) samples.push(await timeOf(concurrency));
    rows[label] = stats(samples);
  }
  await emulator.close();
  console.log(`${jobs} jobs, ${Math.ceil(jobs / 1000)} pages of 1000, ${latencyMs} ms latency, ${runs} runs`);
  for (const [label, s] of Object.entries(rows)) {
    console.log(
      `${label.padEnd(16)} median ${s.median.toFixed(0)} ms (min ${s.min.toFixed(0)}, max ${s.max.toFixed(0)})`,
    );
  }
  const ratio = rows["concurrent (4)"].median / rows["sequential (1)"].median;
  console.log(`concurrent / sequential = ${ratio.toFixed(2)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
