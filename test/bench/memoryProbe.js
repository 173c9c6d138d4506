/**
 * Child process of bench.js: one 100,000-job lookup against the emulator named by the HW_*
 * environment, and how far the resident set grew above its level before the lookup (the
 * high-water mark the kernel keeps, so no peak between two samples is missed). Prints JSON.
 */
const { lookupVisualizationJobs } = require("../../dist/sdk");

async function main() {
  // The package's lazily loaded dependency is code, not the lookup's data: load it first.
  require("undici");
  global.gc();
  const baseline = process.memoryUsage().rss;
  const result = await lookupVisualizationJobs({}, { context: "bench", cache: false });
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    JSON.stringify({ jobs: result.ids.length, baselineBytes: baseline, peakBytes: peak - baseline }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
