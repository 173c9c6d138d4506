/**
 * Child process of bench.ts: the first lookup of a fresh process against the emulator named by the
 * HW_* environment, then the same lookup again (warm: modules loaded, connections open). The
 * package is required before the clock starts, as a program has it loaded before it looks up; what
 * the first lookup loads on demand (undici) is part of its cost. Prints JSON.
 */
import { lookupVisualizationJobs } from "../../sdk/nodejs";
import { timed } from "./stats";

/** What the probe prints. */
export interface FirstLookupFigures {
  readonly firstMs: number;
  readonly warmMs: number;
  readonly jobs: number;
}

async function main(): Promise<void> {
  let jobs = 0;
  const lookup = async () => {
    jobs = (await lookupVisualizationJobs({}, { context: "bench", cache: false })).ids.length;
  };
  const firstMs = await timed(lookup);
  const warmMs = await timed(lookup);
  const figures: FirstLookupFigures = { firstMs, warmMs, jobs };
  process.stdout.write(JSON.stringify(figures));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
