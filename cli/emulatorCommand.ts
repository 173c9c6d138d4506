/**
 * `pulumi-modelarts emulator`: starts an emulator and prints what points a program (`export HW_...`),
 * a stack (`pulumi config set ...`, secrets with `--secret`: `huaweicloud:*` for the TypeScript
 * functions, `modelarts:*` for the plugin) or a test (the control API) at it. Stops on Ctrl-C or SIGTERM.
 */

import { MAX_CONTROL_BODY_BYTES } from "../emulator/controlApi";
import { demoJobs, generateJobs } from "../emulator/dataGen";
import { parseJobInputs } from "../emulator/jobInput";
import type { EmulatorJobInput } from "../emulator/jobStore";
import { MAX_LATENCY_MS } from "../emulator/latency";
import { CONTROL_KEY_HEADER, isUsableSecretKey, SECRET_KEY_RULE } from "../emulator/secretKey";
import { type RunningEmulator, startEmulator } from "../emulator/server";
import { readUserFile } from "../provider/support/userFile";
import type { CommandIo } from "./jobsCommand";
import { parseCommandOptions, wholeNumberOption } from "./options";
import { EMULATOR_USAGE } from "./usage";
import { UsageError } from "./usageError";

/** A value quoted for a POSIX shell. */
function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `pulumi config set` lines: `[key, value, secret]` each. */
function configLines(entries: ReadonlyArray<readonly [string, string, boolean?]>): string[] {
  return entries.map(
    ([key, value, secret]) => `pulumi config set ${secret ? "--secret " : ""}${key} ${shellQuote(value)}`,
  );
}

/** The lines that point a shell, a stack (TypeScript functions or the plugin) and a test at the emulator. */
function emulatorInstructions(emulator: RunningEmulator, jobCount: number): string {
  const s = emulator.settings;
  const exports = Object.entries(emulator.env).map(([k, v]) => `export ${k}=${shellQuote(v)}`);
  const typescript = configLines([
    ["huaweicloud:region", s.region],
    ["huaweicloud:projectId", s.projectId],
    ["huaweicloud:accessKey", s.accessKey, true],
    ["huaweicloud:secretKey", s.secretKey, true],
    // Every endpoint of the map, STS's too: one left out would be Huawei's real host.
    ["huaweicloud:endpoints", JSON.stringify({ modelarts: s.endpoint, sts: s.stsEndpoint })],
    ["huaweicloud:authUrl", s.authUrl],
  ]);
  const plugin = configLines([
    ["modelarts:region", s.region],
    ["modelarts:projectId", s.projectId],
    ["modelarts:accessKey", s.accessKey, true],
    ["modelarts:secretKey", s.secretKey, true],
    ["modelarts:endpoint", s.endpoint],
    ["modelarts:stsEndpoint", s.stsEndpoint],
    ["modelarts:authUrl", s.authUrl],
  ]);
  return [
    `ModelArts emulator listening on ${emulator.url} with ${jobCount} visualization jobs.`,
    "",
    "Point a program, a script or Terraform at it:",
    "",
    ...exports,
    "",
    "Or a Pulumi stack (in the project folder). A TypeScript program using the package's functions:",
    "",
    ...typescript,
    "",
    "A YAML, Go or Python program using the modelarts provider plugin:",
    "",
    ...plugin,
    "",
    `Tests in any language drive it through its control API at ${s.controlUrl} (docs/emulator.md):`,
    "",
    `curl -H '${CONTROL_KEY_HEADER}: ${s.secretKey}' ${s.controlUrl}jobs`,
    "",
    "Press Ctrl-C to stop.",
    "",
  ].join("\n");
}

/** `--jobs`: a number of generated jobs, or a JSON file of jobs; the demonstration set without it. */
function jobsOption(value: string | undefined): EmulatorJobInput[] {
  if (value === undefined) return demoJobs();
  if (/^\d+$/.test(value)) return generateJobs(wholeNumberOption("jobs", value) ?? 0);
  const read = readUserFile(value, MAX_CONTROL_BODY_BYTES);
  if (!read.ok)
    throw new UsageError(`--jobs takes a number or a JSON file of jobs; ${value} ${read.problem}`);
  try {
    return parseJobInputs(JSON.parse(read.text), value);
  } catch (error) {
    throw new UsageError(`--jobs ${value}: ${(error as Error).message}`);
  }
}

/** `--latency`: at most what a timer can wait, instead of Node's silent 1 ms. */
function latencyOption(value: string | undefined): number {
  const ms = wholeNumberOption("latency", value) ?? 0;
  if (ms > MAX_LATENCY_MS) throw new UsageError(`--latency is at most ${MAX_LATENCY_MS} ms, got ${value}`);
  return ms;
}

/** `--key`: the secret key (also the control API's), at least 8 printable characters; random without it. */
function keyOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isUsableSecretKey(value)) throw new UsageError(`--key takes ${SECRET_KEY_RULE}`);
  return value;
}

/** Starts the emulator; resolves to the exit status once a signal stops it. */
export async function emulatorCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parseCommandOptions(argv, {
    port: { type: "string" },
    host: { type: "string" },
    jobs: { type: "string" },
    latency: { type: "string" },
    key: { type: "string" },
    help: { type: "boolean" },
  });
  if (values.help) {
    io.stdout.write(`${EMULATOR_USAGE}\n`);
    return 0;
  }
  const jobs = jobsOption(values.jobs);
  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator({
      host: values.host,
      port: wholeNumberOption("port", values.port) ?? 8787,
      jobs,
      // Random for each run unless --key fixes it: a key printed in docs would let any local
      // process (or, before the Host check, any web page) drive the control API.
      secretKey: keyOption(values.key),
      latencyMs: latencyOption(values.latency),
    });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    io.stderr.write(`pulumi-modelarts: ${(error as Error).message}\n`);
    return 1;
  }
  if (emulator.warning !== undefined) io.stderr.write(`${emulator.warning}\n`);
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
