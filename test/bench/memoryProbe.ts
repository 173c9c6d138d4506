/**
 * Child process of bench.ts (run with --expose-gc): one lookup of every job of the emulator named
 * by the HW_* environment, and how far the resident set grew above its level before the lookup
 * (the high-water mark the kernel keeps, so no peak between two samples is missed). Prints JSON.
 */
import { lookupVisualizationJobs } from "../../sdk/nodejs";

/** What the probe prints. */
export interface MemoryFigures {
  readonly jobs: number;
  readonly baselineBytes: number;
  readonly peakBytes: number;
}

async function main(): Promise<void> {
  // The package's lazily loaded dependency is code, not the lookup's data: load it first.
  require("undici");
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("run the memory probe with --expose-gc");
  gc();
  const baseline = process.memoryUsage().rss;
  const result = await lookupVisualizationJobs({}, { context: "bench", cache: false });
  const peak = process.resourceUsage().maxRSS * 1024;
  const figures: MemoryFigures = {
    jobs: result.ids.length,
    baselineBytes: baseline,
    peakBytes: peak - baseline,
  };
  process.stdout.write(JSON.stringify(figures));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
