/** Shared set-up of the integration tests: an emulator per test, and lookups pointed at it. */
import { type EmulatorOptions, type RunningEmulator, startEmulator } from "../../emulator";
import { type LookupDependencies, runLookup } from "../../provider/lookup/lookup";
import type { VisualizationJobsResult } from "../../provider/wire/result.generated";

/** Retry waits short enough for tests, with the same shape as the real ones. */
export const FAST_RETRIES = {
  baseDelayMs: 5,
  maxDelayMs: 40,
  throttleDelayMs: [5, 10] as const,
  maxRetryAfterMs: 2000,
};

/** Starts an emulator before each test of the enclosing block and closes it after. */
export function useEmulator(options: EmulatorOptions | (() => EmulatorOptions) = {}): () => RunningEmulator {
  let emulator: RunningEmulator | undefined;
  beforeEach(async () => {
    emulator = await startEmulator(typeof options === "function" ? options() : options);
  });
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });
  return () => {
    if (emulator === undefined) throw new Error("no emulator is running");
    return emulator;
  };
}

/** A lookup against `emulator`, with fast retries and no shared cache unless given. */
export function lookup(
  emulator: RunningEmulator,
  args: object = {},
  deps: LookupDependencies = {},
): Promise<VisualizationJobsResult> {
  return runLookup(args, "getVisualizationJobs", {
    env: emulator.env,
    cache: false,
    timing: FAST_RETRIES,
    ...deps,
  });
}
