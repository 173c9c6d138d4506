/**
 * What `npm run bench` writes: every figure it promises, typed, so that the smoke run in `npm test`
 * and the bench itself agree on what a complete result is.
 */
import type { PluginFigures } from "./pluginBench";
import type { SigningFigures } from "./signingBench";
import type { StartupFigures } from "./startupBench";
import type { Stats } from "./stats";
import type { TerraformFigures } from "./terraformBench";

/** The latency the emulator adds to every request in the main table. */
export const BENCH_LATENCY_MS = 50;

/** One row of the main table: every client against one emulator size. */
export interface SizeRow {
  readonly jobs: number;
  readonly pages: number;
  readonly ours: Stats;
  readonly ours4: Stats;
  readonly sequential: Stats;
  readonly sequential50: Stats;
  readonly floor: { readonly median: number; readonly transferAndParse: Stats; readonly rounds: number };
  readonly cold: Stats;
  /** The bare client's first fetch-and-parse in fresh processes, in turn with `cold`. */
  readonly coldBare: Stats;
  readonly multiStatus: {
    readonly single: Record<string, Stats>;
    readonly together: Stats;
    readonly slowestSingle: number;
    readonly ratio: number;
    readonly jobs: number;
  };
  readonly oursOverFloor: number;
  readonly coldOverFloor: number;
  readonly coldOverBare: number;
  readonly sequentialOverOurs: number;
  readonly sequential50OverOurs: number;
  /** At 100 pages and more: the page parser against bare JSON.parse and the zod schema. */
  readonly parsing?: {
    readonly jsonParse: Stats;
    readonly parseValidateMap: Stats;
    readonly zodValidate: Stats;
    readonly ratio: number;
    readonly bytes: number;
  };
}

/** bench-results.json. */
export interface BenchResults {
  readonly profile: string;
  readonly machine: string;
  readonly latencyMs: number;
  readonly cap: number;
  readonly runs: number;
  readonly rows: readonly SizeRow[];
  readonly memory: { readonly peakBytes: Stats; readonly jobs: number };
  readonly firstLookup: Record<
    number,
    { readonly first: Stats; readonly warm: Stats; readonly extraMs: number; readonly firstOverWarm: number }
  >;
  readonly load: { readonly withPulumiLoaded: Stats; readonly cold: Stats };
  readonly plugin: PluginFigures;
  readonly startup: StartupFigures;
  readonly signing: SigningFigures;
  /** Absent only without `tofu` on PATH, which the bench says. */
  readonly terraform?: TerraformFigures;
}

/** Every number in the results that is not finite, and every value that is missing, with its path. */
export function missingFigures(value: unknown, path = "results"): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (value === undefined || value === null) return [`${path} is missing`];
  if (typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => missingFigures(v, `${path}.${k}`));
}
