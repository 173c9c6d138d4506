/**
 * The Terraform provider's figures for `npm run bench` (or alone: `node test/bench/terraformBench.js`):
 * the time of a `tofu plan` that reads `modelarts_visualization_jobs` (tofu starting, the release's
 * linux-amd64 executable starting and doing the handshake, the schema, the read), against the same
 * lookup in process, and against a `tofu plan` of the same provider with no data source (what tofu
 * and the provider's start cost on their own). Needs `tofu` on PATH; skipped, saying so, without it.
 * Each time is the median of five runs after a warm-up, with min and max.
 */
const { execFile, execFileSync } = require("node:child_process");
const { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { promisify } = require("node:util");
const { startEmulator, demoJobs } = require("../../dist/emulator");
const { findCommand } = require("../../dist/demo/exampleStack");
const { lookupVisualizationJobs } = require("../../dist/sdk");
const { stats } = require("./stats");

const REPO = join(__dirname, "../..");
const ADDRESS = "registry.opentofu.org/pulumi-modelarts/modelarts";
const RUNS = 5;
const run = promisify(execFile);
const figure = (s) => `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}-${s.max.toFixed(0)})`;

/** A mirror holding the linux-amd64 zip, and the CLI config that uses only it. */
function mirror(root) {
  execFileSync(
    process.execPath,
    [join(REPO, "dist", "packaging", "release.js"), "--platform", "linux-amd64"],
    {
      stdio: "ignore",
    },
  );
  const { version } = require(join(REPO, "package.json"));
  const zip = `terraform-provider-modelarts_${version}_linux_amd64.zip`;
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
async function project(root, name, body, env) {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "main.tf"),
    `terraform {\n  required_providers {\n    modelarts = { source = "pulumi-modelarts/modelarts" }\n  }\n}\nprovider "modelarts" {}\n${body}`,
  );
  await run("tofu", ["init", "-input=false", "-no-color"], { cwd: dir, env });
  return dir;
}

/** `tofu plan` in `dir`: a warm-up, then RUNS timed. */
async function plans(dir, env) {
  const times = [];
  for (let i = 0; i <= RUNS; i++) {
    const started = performance.now();
    await run("tofu", ["plan", "-input=false", "-no-color", "-lock=false"], { cwd: dir, env });
    if (i > 0) times.push(performance.now() - started);
  }
  return stats(times);
}

/** Measures and prints; resolves to the figures (for bench-results.json), or undefined without tofu. */
async function terraformFigures() {
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
    const withRead = await plans(reading, env);
    const withoutRead = await plans(empty, env);
    const inProcess = [];
    for (let i = 0; i <= RUNS; i++) {
      const started = performance.now();
      await lookupVisualizationJobs({ status: "RUNNING" }, { env: emulator.env, cache: false });
      if (i > 0) inProcess.push(performance.now() - started);
    }
    const lookup = stats(inProcess);
    console.log(
      `\ntofu plan reading modelarts_visualization_jobs (13 of 30 jobs): ${figure(withRead)}; the same lookup in process ${figure(lookup)}; tofu plan with the provider and no data source ${figure(withoutRead)}`,
    );
    return { planReading: withRead, planWithoutRead: withoutRead, inProcess: lookup };
  } finally {
    rmSync(root, { recursive: true, force: true });
    await emulator.close();
  }
}

module.exports = { terraformFigures };

if (require.main === module) {
  terraformFigures().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
