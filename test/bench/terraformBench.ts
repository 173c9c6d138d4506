/**
 * The Terraform provider's figures for `npm run bench`: the time of a `tofu plan` that reads
 * `modelarts_visualization_jobs` (tofu starting, the release's executable starting and doing the
 * handshake, the schema, the read), against the same lookup in process, and against a `tofu plan`
 * of the same provider with no data source (what tofu and the provider's start cost on their own).
 * Needs `tofu` on PATH; skipped, saying so, without it.
 */
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { version } from "pulumi-modelarts/package.json";
import { findCommand } from "../../demo/exampleStack";
import { demoJobs, startEmulator } from "../../emulator";
import { buildingPlatform } from "../../packaging/platforms";
import { terraformZipName } from "../../packaging/release";
import { lookupVisualizationJobs } from "../../sdk/nodejs";
import type { BenchProfile } from "./profile";
import { buildRelease, REPO } from "./releaseExecutable";
import { figure, type Stats, stats, timed } from "./stats";

const ADDRESS = "registry.opentofu.org/pulumi-modelarts/modelarts";
const run = promisify(execFile);

/** The Terraform figures in bench-results.json. */
export interface TerraformFigures {
  readonly planReading: Stats;
  readonly planWithoutRead: Stats;
  readonly inProcess: Stats;
  /** planReading over planWithoutRead, measured side by side. */
  readonly readingOverEmpty: number;
}

/** A mirror holding this machine's zip, and the CLI config that uses only it. */
function mirror(root: string): string {
  buildRelease(false);
  const zip = terraformZipName(version, buildingPlatform());
  const dir = join(root, "mirror", ...ADDRESS.split("/"));
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(REPO, "release", zip), join(dir, zip));
  const config = join(root, "cli.tfrc");
  writeFileSync(
    config,
    `provider_installation {\n  filesystem_mirror {\n    path = "${join(root, "mirror")}"\n    include = ["${ADDRESS}"]\n  }\n}\n`,
  );
  return config;
}

/** A configuration folder, initialised. */
async function project(root: string, name: string, body: string, env: NodeJS.ProcessEnv): Promise<string> {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "main.tf"),
    `terraform {\n  required_providers {\n    modelarts = { source = "pulumi-modelarts/modelarts" }\n  }\n}\nprovider "modelarts" {}\n${body}`,
  );
  await run("tofu", ["init", "-input=false", "-no-color"], { cwd: dir, env });
  return dir;
}

/** `tofu plan` in each folder in turn, a warm-up then `runs` timed, so a slow spell weighs on both. */
async function plans(dirs: readonly string[], env: NodeJS.ProcessEnv, runs: number): Promise<Stats[]> {
  const plan = (dir: string) => () =>
    run("tofu", ["plan", "-input=false", "-no-color", "-lock=false"], { cwd: dir, env });
  for (const dir of dirs) await plan(dir)();
  const times = dirs.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    for (const [j, dir] of dirs.entries()) times[j]!.push(await timed(plan(dir)));
  }
  return times.map(stats);
}

/** Measures and prints; resolves to the figures (for bench-results.json), or undefined without tofu. */
export async function terraformFigures(profile: BenchProfile): Promise<TerraformFigures | undefined> {
  if (findCommand("tofu") === undefined) {
    console.log("\ntofu plan: skipped, no `tofu` on PATH");
    return undefined;
  }
  const emulator = await startEmulator({ jobs: demoJobs(), latencyMs: 5 });
  const root = mkdtempSync(join(tmpdir(), "modelarts-tofu-bench-"));
  try {
    const env = { ...process.env, ...emulator.env, TF_CLI_CONFIG_FILE: mirror(root), TF_IN_AUTOMATION: "1" };
    const reading = await project(
      root,
      "reading",
      `data "modelarts_visualization_jobs" "running" { status = "RUNNING" }\noutput "urls" { value = data.modelarts_visualization_jobs.running.service_urls }\n`,
      env,
    );
    const empty = await project(root, "empty", "", env);
    const [withRead, withoutRead] = (await plans([reading, empty], env, profile.runs)) as [Stats, Stats];
    const lookup = () => lookupVisualizationJobs({ status: "RUNNING" }, { env: emulator.env, cache: false });
    await lookup();
    const inProcess: number[] = [];
    for (let i = 0; i < profile.runs; i++) inProcess.push(await timed(lookup));
    const figures = {
      planReading: withRead,
      planWithoutRead: withoutRead,
      inProcess: stats(inProcess),
      readingOverEmpty: withRead.median / withoutRead.median,
    };
    console.log(
      `\ntofu plan reading modelarts_visualization_jobs (13 of 30 jobs): ${figure(withRead)}; with the provider and no data source ${figure(withoutRead)}: ratio ${figures.readingOverEmpty.toFixed(2)}; the same lookup in process ${figure(figures.inProcess)}`,
    );
    return figures;
  } finally {
    rmSync(root, { recursive: true, force: true });
    await emulator.close();
  }
}
