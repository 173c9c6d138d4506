/**
 * `npm run emulator`: starts an emulator with the demonstration data and prints the environment
 * variables that point a program at it. Stops cleanly on Ctrl-C or SIGTERM.
 *
 * Options: `--port N` (default 8787; 0 for any free port), `--jobs N` (generated jobs instead of
 * the demonstration set), `--latency MS`.
 */
import { parseArgs } from "node:util";
import { demoJobs, generateJobs } from "./dataGen";
import { startEmulator } from "./server";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "8787" },
      jobs: { type: "string" },
      latency: { type: "string", default: "0" },
    },
  });
  const numberOption = (name: string, text: string | undefined) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got "${text}"`);
    return n;
  };
  const jobs = values.jobs === undefined ? demoJobs() : generateJobs(numberOption("jobs", values.jobs));
  const emulator = await startEmulator({
    port: numberOption("port", values.port),
    jobs,
    secretKey: "emulator-secret-key",
    latencyMs: numberOption("latency", values.latency),
  });
  const lines = Object.entries(emulator.env).map(([k, v]) => `export ${k}=${v}`);
  process.stdout.write(
    `ModelArts emulator listening on ${emulator.url} with ${jobs.length} visualization jobs.\n\n` +
      `Point a Pulumi program or script at it with:\n\n${lines.join("\n")}\n\nPress Ctrl-C to stop.\n`,
  );
  const stop = (signal: string) => {
    process.stdout.write(`\n${signal}: stopping the emulator.\n`);
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
