/**
 * The provider plugin's figures for `npm run bench` (or alone: `node test/bench/pluginBench.js`):
 *
 * - cold start: from launching `pulumi-resource-modelarts` to its first invoke answered (Configure,
 *   then getVisualizationJobs against the emulator over gRPC, as the engine calls it);
 * - an invoke through the engine against the in-process function, for the same lookup, timed inside
 *   one Automation API program (needs the `pulumi` CLI on PATH; skipped without it).
 *
 * Targets (issue: every Pulumi language): cold start at most 1 s; the invoke path at most 50 ms over
 * the in-process call. Each figure is the median of several runs, with min and max.
 */
const { spawn, execFileSync } = require("node:child_process");
const { mkdtempSync, rmSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { dirname, join } = require("node:path");

const REPO = join(__dirname, "../..");
const PLUGIN_DIR = join(REPO, "plugin", "bin");
const pulumiDir = dirname(require.resolve("@pulumi/pulumi/package.json"));
const fromPulumi = (id) => require(require.resolve(id, { paths: [pulumiDir] }));
const grpc = fromPulumi("@grpc/grpc-js");
const { Struct } = fromPulumi("google-protobuf/google/protobuf/struct_pb");
const providerPb = require("@pulumi/pulumi/proto/provider_pb");
const { ResourceProviderClient } = require("@pulumi/pulumi/proto/provider_grpc_pb");
const { startEmulator, demoJobs } = require("../../dist/emulator");
const { lookupVisualizationJobs } = require("../../dist/sdk");
const { isolatedPulumiEnv } = require("../../dist/demo/exampleStack");
const { stats } = require("./stats");

const figure = (s) => `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}-${s.max.toFixed(0)})`;

/** Launch to first invoke answered, once. */
async function coldStart(env) {
  const started = performance.now();
  const child = spawn(join(PLUGIN_DIR, "pulumi-resource-modelarts"), [], {
    env: { PATH: process.env.PATH, ...env },
  });
  try {
    const port = await new Promise((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (chunk) => {
        out += chunk;
        if (out.includes("\n")) resolve(out.split("\n")[0].trim());
      });
      child.once("exit", (code) => reject(new Error(`the plugin exited (${code})`)));
    });
    const client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    const call = (method, request) =>
      new Promise((resolve, reject) => client[method](request, (e, r) => (e ? reject(e) : resolve(r))));
    const configure = new providerPb.ConfigureRequest();
    configure.setArgs(Struct.fromJavaScript({}));
    configure.setAcceptsecrets(true);
    await call("configure", configure);
    const invoke = new providerPb.InvokeRequest();
    invoke.setTok("modelarts:index:getVisualizationJobs");
    invoke.setArgs(Struct.fromJavaScript({ status: "RUNNING" }));
    const response = await call("invoke", invoke);
    const ids = response.getReturn().toJavaScript().ids;
    const elapsed = performance.now() - started;
    client.close();
    if (!Array.isArray(ids) || ids.length !== 13)
      throw new Error(`unexpected answer: ${JSON.stringify(ids)}`);
    return elapsed;
  } finally {
    child.kill("SIGKILL");
  }
}

/** Invokes through the engine against in-process lookups, inside one program. */
async function throughEngine(emulator) {
  const { LocalWorkspace } = require("@pulumi/pulumi/automation");
  const pulumi = require("@pulumi/pulumi");
  const root = mkdtempSync(join(tmpdir(), "modelarts-bench-"));
  const RUNS = 9;
  try {
    const stack = await LocalWorkspace.createOrSelectStack(
      {
        stackName: "bench",
        projectName: "modelarts-invoke-bench",
        program: async () => {
          const engine = [];
          const inProcess = [];
          // Distinct page sizes: each lookup lists afresh on both paths (the plugin shares listings
          // between identical invokes of one run, as the in-process functions do).
          for (let i = 0; i <= RUNS; i++) {
            const args = { status: "RUNNING", pageSize: 1000 - i };
            let t = performance.now();
            await pulumi.runtime.invoke("modelarts:index:getVisualizationJobs", args);
            if (i > 0) engine.push(performance.now() - t); // the first includes the plugin's start
            t = performance.now();
            await lookupVisualizationJobs(args, { env: emulator.env, cache: false });
            if (i > 0) inProcess.push(performance.now() - t);
          }
          return { engine, inProcess };
        },
      },
      {
        workDir: root,
        envVars: { ...isolatedPulumiEnv(root), ...emulator.env },
        projectSettings: {
          name: "modelarts-invoke-bench",
          runtime: "nodejs",
          plugins: { providers: [{ name: "modelarts", path: PLUGIN_DIR }] },
        },
      },
    );
    const up = await stack.up();
    await stack.destroy();
    return { engine: stats(up.outputs.engine.value), inProcess: stats(up.outputs.inProcess.value) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function hasPulumi() {
  try {
    execFileSync("sh", ["-c", "command -v pulumi"], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
}

/** Measures and prints; resolves to the figures (for bench-results.json). */
async function pluginFigures() {
  const emulator = await startEmulator({ jobs: demoJobs(), latencyMs: 5 });
  try {
    await coldStart(emulator.env); // warm the file cache
    const cold = [];
    for (let i = 0; i < 5; i++) cold.push(await coldStart(emulator.env));
    const coldStats = stats(cold);
    console.log(
      `\nplugin cold start, launch to first invoke answered: ${figure(coldStats)} (target <= 1000 ms)`,
    );
    if (!hasPulumi()) {
      console.log("invoke through the engine: skipped, no `pulumi` CLI on PATH");
      return { coldStart: coldStats };
    }
    const invoke = await throughEngine(emulator);
    const added = invoke.engine.median - invoke.inProcess.median;
    console.log(
      `invoke through the engine ${figure(invoke.engine)} against in-process ${figure(invoke.inProcess)}: +${added.toFixed(0)} ms (target <= 50 ms)`,
    );
    return { coldStart: coldStats, invoke: { ...invoke, addedMs: added } };
  } finally {
    await emulator.close();
  }
}

module.exports = { pluginFigures };

if (require.main === module) {
  pluginFigures().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
