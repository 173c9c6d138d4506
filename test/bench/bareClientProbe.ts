/**
 * Child process of bench.ts: the bare client's first listing of a fresh process against the
 * emulator named by the HW_* environment, every page of 1,000 fetched 16 at a time and parsed, with
 * undici loaded on the clock as the lookup loads it on its first call. The other side of "ours,
 * cold": what a fresh process pays with nothing of ours in it. Prints JSON.
 */
import { DEFAULT_MAX_CONCURRENCY } from "../../provider/settings/settings";

/** What the probe prints. */
export interface BareClientFigures {
  readonly firstMs: number;
}

async function main(): Promise<void> {
  const env = process.env;
  const total = Number(env.BENCH_JOBS);
  const started = performance.now();
  const { Agent } = await import("undici");
  const { pageFetcher, transferAndParse } = await import("./sequentialClient");
  const settings = {
    endpoint: env.HW_MODELARTS_ENDPOINT ?? "",
    projectId: env.HW_PROJECT_ID ?? "",
    accessKey: env.HW_ACCESS_KEY ?? "",
    secretKey: env.HW_SECRET_KEY ?? "",
  };
  await transferAndParse(pageFetcher(settings, new Agent()), total, DEFAULT_MAX_CONCURRENCY);
  const figures: BareClientFigures = { firstMs: performance.now() - started };
  process.stdout.write(JSON.stringify(figures));
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
