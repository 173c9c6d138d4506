/**
 * Child process of bench.js: the first lookup of a fresh process against the emulator named by the
 * HW_* environment, then the same lookup again (warm: modules loaded, connections open). The
 * package is required before the clock starts, as a program has it loaded before it looks up; what
 * the first lookup loads on demand (undici) is part of its cost. Prints JSON.
 */
const { lookupVisualizationJobs } = require("../../dist/sdk");

async function main() {
  const time = async () => {
    const started = performance.now();
    const result = await lookupVisualizationJobs({}, { context: "bench", cache: false });
    return { ms: performance.now() - started, jobs: result.ids.length };
  };
  const first = await time();
  const warm = await time();
  process.stdout.write(JSON.stringify({ firstMs: first.ms, warmMs: warm.ms, jobs: first.jobs }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
