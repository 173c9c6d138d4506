/** The figures the benchmarks quote: median, min and max of several runs. */
export interface Stats {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

/** Median, min and max of the samples (at least one). */
export function stats(samples: readonly number[]): Stats {
  if (samples.length === 0) throw new Error("stats of no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)]!,
    min: sorted[0]!,
    max: sorted.at(-1)!,
    runs: sorted.length,
  };
}

/** `median ms (min-max)`, as every table of the benches prints a time. */
export function figure(s: Stats): string {
  return `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}-${s.max.toFixed(0)})`;
}

/** The milliseconds `action` takes. */
export async function timed(action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}
