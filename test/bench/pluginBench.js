/**
 * The provider plugin's figures for `npm run bench` (or alone: `node test/bench/pluginBench.js`):
 *
 * - cold start: from launching `pulumi-resource-modelarts` to its first invoke answered (Configure,
 *   then getVisualizationJobs against the emulator over gRPC, as the engine calls it), for the npm
 *   package's bin (run by Node.js) and for the release's standalone linux-amd64 executable;
 * - an invoke through the engine against the in-process function, for the same lookup, timed inside
 *   one Automation API program, with the standalone executable (needs the `pulumi` CLI on PATH);
 * - the size of each platform's executable and tarball in release/ (built first if needed).
 *
 * Targets: standalone cold start at most 0.4 s; the invoke path at most 25 ms over the in-process
 * call; executables at most 130 MB and tarballs at most 50 MB. Each time is the median of several
 * runs, with min and max.
 */
const { spawn, execFileSync } = require("node:child_process");
const { mkdtempSync, readdirSync, rmSync, statSync } = require("node:fs");
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
const { findCommand, isolatedPulumiEnv } = require("../../dist/demo/exampleStack");
const { stats } = require("./stats");

const figure = (s) => `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}-${s.max.toFixed(0)})`;

/** Launch to first invoke answered, once. */
async function coldStart(pluginDir, env) {
  const started = performance.now();
  // The engine passes its address; the plugin serves only when given one.
  const child = spawn(join(pluginDir, "pulumi-resource-modelarts"), ["127.0.0.1:1"], {
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
async function throughEngine(emulator, pluginDir) {
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
          plugins: { providers: [{ name: "modelarts", path: pluginDir }] },
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

/** The release's linux-amd64 executable, extracted into a temporary folder; and every file's size. */
function standalone(root) {
  execFileSync(process.execPath, [join(REPO, "dist", "packaging", "release.js")], { stdio: "ignore" });
  const release = join(REPO, "release");
  const { version } = require(join(REPO, "package.json"));
  const tarballs = readdirSync(release).filter((f) => f.startsWith(`pulumi-resource-modelarts-v${version}-`));
  const sizes = {};
  for (const tarball of tarballs) {
    const platform = tarball.replace(/^.*-v[^-]+-/, "").replace(".tar.gz", "");
    const listing = execFileSync("tar", ["-tvzf", join(release, tarball)], { encoding: "utf8" });
    const executable = listing.split("\n").find((row) => /pulumi-resource-modelarts(\.exe)?$/.test(row));
    const launcherTotal = listing.split("\n").filter((row) => /runtime\//.test(row));
    const bytes = [executable, ...launcherTotal].reduce((sum, row) => sum + Number(row.split(/\s+/)[2]), 0);
    sizes[platform] = { executableMB: bytes / 1e6, tarballMB: statSync(join(release, tarball)).size / 1e6 };
  }
  const dir = join(root, "standalone");
  execFileSync("mkdir", ["-p", dir]);
  const linux = join(release, `pulumi-resource-modelarts-v${version}-linux-amd64.tar.gz`);
  execFileSync("tar", ["-xzf", linux, "-C", dir, "pulumi-resource-modelarts"]);
  return { dir, sizes };
}

/** Cold starts of one plugin folder: a warm-up, then five measured. */
async function coldStarts(pluginDir, env) {
  await coldStart(pluginDir, env); // warm the file cache
  const cold = [];
  for (let i = 0; i < 5; i++) cold.push(await coldStart(pluginDir, env));
  return stats(cold);
}

/** Measures and prints; resolves to the figures (for bench-results.json). */
async function pluginFigures() {
  const emulator = await startEmulator({ jobs: demoJobs(), latencyMs: 5 });
  const root = mkdtempSync(join(tmpdir(), "modelarts-plugin-bench-"));
  try {
    const npmBin = await coldStarts(PLUGIN_DIR, emulator.env);
    console.log(
      `\nplugin cold start, launch to first invoke answered, npm bin (node on PATH): ${figure(npmBin)}`,
    );
    const { dir, sizes } = standalone(root);
    // The standalone executable gets no PATH at all: it must need nothing from the machine.
    const alone = await coldStarts(dir, { ...emulator.env, PATH: "" });
    console.log(`plugin cold start, standalone executable (no PATH): ${figure(alone)} (target <= 400 ms)`);
    for (const [platform, size] of Object.entries(sizes)) {
      console.log(
        `  ${platform.padEnd(14)} executable ${size.executableMB.toFixed(1)} MB (target <= 130), tarball ${size.tarballMB.toFixed(1)} MB (target <= 50)`,
      );
    }
    const figures = { coldStart: { npmBin, standalone: alone }, sizes };
    if (findCommand("pulumi") === undefined) {
      console.log("invoke through the engine: skipped, no `pulumi` CLI on PATH");
      return figures;
    }
    const invoke = await throughEngine(emulator, dir);
    const added = invoke.engine.median - invoke.inProcess.median;
    console.log(
      `invoke through the engine (standalone) ${figure(invoke.engine)} against in-process ${figure(invoke.inProcess)}: +${added.toFixed(0)} ms (target <= 25 ms)`,
    );
    return { ...figures, invoke: { ...invoke, addedMs: added } };
  } finally {
    rmSync(root, { recursive: true, force: true });
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
