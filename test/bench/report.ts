/** The bench's printed summary: the main table, then one line per other figure. */
import type { BenchResults, SizeRow } from "./results";
import { figure, type Stats } from "./stats";

const ms = (n: number) => `${n.toFixed(0)} ms`;
const micro = (s: Stats) => `${s.median.toFixed(0)} µs (${s.min.toFixed(0)}-${s.max.toFixed(0)})`;

/** The main table, as Markdown. */
function printTable(results: BenchResults): void {
  console.log(
    `\nLatency ${results.latencyMs} ms per request; median (min-max) of ${results.runs} runs; ${results.machine}\n`,
  );
  console.log(
    `| jobs | pages | ours (4 rising to ${results.cap}) | ours, cold | ours-4 | sequential | sequential-50 | floor | ours/floor | cold/floor | sequential/ours | sequential-50/ours |`,
  );
  console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of results.rows) {
    console.log(
      `| ${r.jobs} | ${r.pages} | ${figure(r.ours)} | ${figure(r.cold)} | ${figure(r.ours4)} | ${figure(r.sequential)} | ${figure(r.sequential50)} | ${ms(r.floor.median)} | ${r.oursOverFloor.toFixed(2)} | ${r.coldOverFloor.toFixed(2)} | ${r.sequentialOverOurs.toFixed(2)} | ${r.sequential50OverOurs.toFixed(1)} |`,
    );
  }
  console.log("\nThe first lookup of a fresh process against the bare client's first listing, in turn:");
  for (const r of results.rows) {
    console.log(
      `  ${r.jobs} jobs: ${figure(r.cold)} against ${figure(r.coldBare)}: ratio ${r.coldOverBare.toFixed(2)}`,
    );
  }
  console.log("\nThree statuses (RUNNING, COMPLETED, CANCELED) in one lookup against the slowest alone:");
  for (const r of results.rows) {
    const m = r.multiStatus;
    const single = Object.entries(m.single).map(([k, v]) => `${k} ${ms(v.median)}`);
    console.log(
      `  ${r.jobs} jobs: together ${figure(m.together)}, slowest alone ${ms(m.slowestSingle)} (${single.join(", ")}): ratio ${m.ratio.toFixed(2)}`,
    );
  }
}

/** The page parser's cost and the peak memory, where the run measured them. */
function printParsingAndMemory(results: BenchResults, parsing: SizeRow["parsing"]): void {
  if (parsing) {
    console.log(
      `\nparse + validate + map of ${(parsing.bytes / 1e6).toFixed(1)} MB: ${figure(parsing.parseValidateMap)} against JSON.parse ${figure(parsing.jsonParse)}: ratio ${parsing.ratio.toFixed(2)}`,
    );
    console.log(
      `the same pages through the description's zod schema (parse + validate, no mapping): ${figure(parsing.zodValidate)}; the hand-written fast path saves ${ms(parsing.zodValidate.median - parsing.parseValidateMap.median)}`,
    );
  }
  const { peakBytes, jobs } = results.memory;
  const json = parsing
    ? ` for ${(parsing.bytes / 1e6).toFixed(1)} MB of JSON: ratio ${(peakBytes.median / parsing.bytes).toFixed(2)}`
    : "";
  console.log(
    `peak memory of a ${jobs}-job lookup: ${(peakBytes.median / 1e6).toFixed(1)} MB (${(peakBytes.min / 1e6).toFixed(0)}-${(peakBytes.max / 1e6).toFixed(0)}) above the process's baseline${json}`,
  );
}

/** Prints every figure of the results. */
export function printResults(results: BenchResults): void {
  printTable(results);
  printParsingAndMemory(results, results.rows.find((r) => r.parsing)?.parsing);
  const { load } = results;
  console.log(
    `require("pulumi-modelarts"): ${figure(load.withPulumiLoaded)} with @pulumi/pulumi already loaded, ${figure(load.cold)} cold`,
  );
  for (const [jobs, f] of Object.entries(results.firstLookup)) {
    console.log(
      `first lookup of a process, ${jobs} jobs at 100 ms: ${figure(f.first)} against warm ${figure(f.warm)}: +${ms(f.extraMs)}, ratio ${f.firstOverWarm.toFixed(2)}`,
    );
  }
  const { signing } = results;
  for (const [algorithm, lookup] of Object.entries(signing.lookup)) {
    console.log(
      `signing ${algorithm}: ${micro(signing.signatureUs[algorithm]!)} a signature; a lookup of ${signing.jobs} jobs ${figure(lookup)}`,
    );
  }
  console.log(
    `signing: the slowest algorithm's lookup over HmacSHA256's: ${signing.slowestOverDefault.toFixed(2)}`,
  );
  const hundred = results.rows.find((r) => r.pages === 100);
  if (hundred) {
    console.log(
      `at 100 pages: ours/floor ${hundred.oursOverFloor.toFixed(2)} (goal <= 1.3), sequential/ours ${hundred.sequentialOverOurs.toFixed(2)} (goal >= 5)`,
    );
  }
}
