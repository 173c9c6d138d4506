/**
 * `pulumi-modelarts emulator`: starts an emulator and prints what points a program (`export HW_...`)
 * or a stack (`pulumi config set ...`, secrets with `--secret`) at it. Stops on Ctrl-C or SIGTERM.
 */
import { parseArgs } from "node:util";
import { demoJobs, generateJobs } from "../emulator/dataGen";
import { type RunningEmulator, startEmulator } from "../emulator/server";
import type { CommandIo } from "./jobsCommand";
import { wholeNumberOption } from "./options";
import { EMULATOR_USAGE } from "./usage";

/** A value quoted for a POSIX shell. */
function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The lines that point a shell and a stack at the emulator. */
export function emulatorInstructions(emulator: RunningEmulator, jobCount: number): string {
  const s = emulator.settings;
  const exports = Object.entries(emulator.env).map(([k, v]) => `export ${k}=${shellQuote(v)}`);
  const config = [
    `pulumi config set huaweicloud:region ${shellQuote(s.region)}`,
    `pulumi config set huaweicloud:projectId ${shellQuote(s.projectId)}`,
    `pulumi config set --secret huaweicloud:accessKey ${shellQuote(s.accessKey)}`,
    `pulumi config set --secret huaweicloud:secretKey ${shellQuote(s.secretKey)}`,
    `pulumi config set huaweicloud:endpoints ${shellQuote(JSON.stringify({ modelarts: s.endpoint }))}`,
    `pulumi config set huaweicloud:authUrl ${shellQuote(s.authUrl)}`,
  ];
  return [
    `ModelArts emulator listening on ${emulator.url} with ${jobCount} visualization jobs.`,
    "",
    "Point a program or script at it:",
    "",
    ...exports,
    "",
    "Or point a Pulumi stack at it (in the project folder):",
    "",
    ...config,
    "",
    "Press Ctrl-C to stop.",
    "",
  ].join("\n");
}

/** Starts the emulator; resolves to the exit status once a signal stops it. */
export async function emulatorCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: "string" },
      host: { type: "string" },
      jobs: { type: "string" },
      latency: { type: "string" },
      help: { type: "boolean" },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.stdout.write(`${EMULATOR_USAGE}\n`);
    return 0;
  }
  const jobs =
    values.jobs === undefined ? demoJobs() : generateJobs(wholeNumberOption("jobs", values.jobs) ?? 0);
  const emulator = await startEmulator({
    host: values.host,
    port: wholeNumberOption("port", values.port) ?? 8787,
    jobs,
    // A fixed secret key, so that the commands printed stay right across restarts.
    secretKey: "emulator-secret-key",
    latencyMs: wholeNumberOption("latency", values.latency) ?? 0,
  });
  io.stdout.write(emulatorInstructions(emulator, jobs.length));
  return new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      io.stdout.write(`\n${signal}: stopping the emulator.\n`);
      emulator.close().then(
        () => resolve(0),
        () => resolve(1),
      );
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
  });
}
