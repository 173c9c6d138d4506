/**
 * The provider plugin's figures for `npm run bench`:
 *
 * - cold start: from launching `pulumi-resource-modelarts` to its first invoke answered (Configure,
 *   then getVisualizationJobs against the emulator over gRPC, as the engine calls it), for the npm
 *   package's bin (run by Node.js) and for the release's standalone executable of this machine;
 * - an invoke through the engine against the in-process function, for the same lookup, timed inside
 *   one Automation API program, with the standalone executable (needs the `pulumi` CLI on PATH);
 * - the size of each platform's executable and tarball in release/.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { LocalWorkspace, type ProjectSettings } from "@pulumi/pulumi/automation";
import * as providerPb from "@pulumi/pulumi/proto/provider_pb";
import { findCommand, isolatedPulumiEnv } from "../../demo/exampleStack";
import { demoJobs, type RunningEmulator, startEmulator } from "../../emulator";
import { lookupVisualizationJobs } from "../../sdk/nodejs";
import { firstLine } from "./probes";
import type { BenchProfile } from "./profile";
import {
  buildRelease,
  extractedExecutable,
  REPO,
  type ReleaseSizes,
  releaseSizes,
} from "./releaseExecutable";
import { figure, type Stats, stats } from "./stats";

const pulumiDir = dirname(require.resolve("@pulumi/pulumi/package.json"));
/** @pulumi/pulumi's own copies: its generated gRPC client takes them, not ours. */
const fromPulumi = (id: string) => require(require.resolve(id, { paths: [pulumiDir] }));
const grpc = fromPulumi("@grpc/grpc-js");
const { Struct } = fromPulumi("google-protobuf/google/protobuf/struct_pb");
const { ResourceProviderClient } = require("@pulumi/pulumi/proto/provider_grpc_pb");

/** The plugin's figures in bench-results.json. */
export interface PluginFigures {
  readonly coldStart: { readonly npmBin: Stats; readonly standalone: Stats };
  readonly sizes: ReleaseSizes;
  readonly invoke?: { readonly engine: Stats; readonly inProcess: Stats; readonly addedMs: number };
}

/** Launch to first invoke answered, once. */
async function coldStart(executable: string, env: Record<string, string>): Promise<number> {
  const started = performance.now();
  // The engine passes its address; the plugin serves only when given one.
  const child = spawn(executable, ["127.0.0.1:1"], { env: { PATH: process.env.PATH ?? "", ...env } });
  try {
    // The engine reads the port the plugin prints first, once it serves.
    const port = await firstLine(child, "the plugin");
    const client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    const call = <T>(method: string, request: unknown) =>
      new Promise<T>((resolve, reject) =>
        client[method](request, (e: Error | null, r: T) => (e ? reject(e) : resolve(r))),
      );
    const configure = new providerPb.ConfigureRequest();
    configure.setArgs(Struct.fromJavaScript({}));
    configure.setAcceptsecrets(true);
    await call("configure", configure);
    const invoke = new providerPb.InvokeRequest();
    invoke.setTok("modelarts:index:getVisualizationJobs");
    invoke.setArgs(Struct.fromJavaScript({ status: "RUNNING" }));
    const response = await call<providerPb.InvokeResponse>("invoke", invoke);
    const ids = response.getReturn()?.toJavaScript().ids;
    const elapsed = performance.now() - started;
    client.close();
    if (!Array.isArray(ids) || ids.length !== 13)
      throw new Error(`unexpected answer: ${JSON.stringify(ids)}`);
    return elapsed;
  } finally {
    child.kill("SIGKILL");
  }
}

/** Cold starts of one executable: a warm-up (the file cache), then `runs` measured. */
async function coldStarts(executable: string, env: Record<string, string>, runs: number): Promise<Stats> {
  await coldStart(executable, env);
  const cold: number[] = [];
  for (let i = 0; i < runs; i++) cold.push(await coldStart(executable, env));
  return stats(cold);
}

/** Invokes through the engine against in-process lookups, inside one program. */
async function throughEngine(emulator: RunningEmulator, pluginDir: string, runs: number) {
  const root = mkdtempSync(join(tmpdir(), "modelarts-bench-"));
  try {
    const stack = await LocalWorkspace.createOrSelectStack(
      {
        stackName: "bench",
        projectName: "modelarts-invoke-bench",
        program: async () => {
          const engine: number[] = [];
          const inProcess: number[] = [];
          // Distinct page sizes: each lookup lists afresh on both paths (the plugin shares listings
          // between identical invokes of one run, as the in-process functions do).
          for (let i = 0; i <= runs; i++) {
            const args = { status: "RUNNING" as const, pageSize: 1000 - i };
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
        // `plugins` is honoured by the CLI; the ProjectSettings type of @pulumi/pulumi 3.248 lacks it.
        projectSettings: {
          name: "modelarts-invoke-bench",
          runtime: "nodejs",
          plugins: { providers: [{ name: "modelarts", path: pluginDir }] },
        } as ProjectSettings,
      },
    );
    const up = await stack.up();
    await stack.destroy();
    return { engine: stats(up.outputs.engine!.value), inProcess: stats(up.outputs.inProcess!.value) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Measures and prints; resolves to the figures (for bench-results.json). */
export async function pluginFigures(profile: BenchProfile): Promise<PluginFigures> {
  const emulator = await startEmulator({ jobs: demoJobs(), latencyMs: 5 });
  const root = mkdtempSync(join(tmpdir(), "modelarts-plugin-bench-"));
  const runs = profile.runs;
  try {
    const npmBin = await coldStarts(
      join(REPO, "plugin", "bin", "pulumi-resource-modelarts"),
      emulator.env,
      runs,
    );
    console.log(
      `\nplugin cold start, launch to first invoke answered, npm bin (node on PATH): ${figure(npmBin)}`,
    );
    const built = buildRelease(profile.allPlatforms);
    const executable = extractedExecutable(join(root, "standalone"));
    // The standalone executable gets no PATH at all: it must need nothing from the machine.
    const alone = await coldStarts(executable, { ...emulator.env, PATH: "" }, runs);
    console.log(`plugin cold start, standalone executable (no PATH): ${figure(alone)} (target <= 400 ms)`);
    const sizes = releaseSizes(built);
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
    const invoke = await throughEngine(emulator, dirname(executable), Math.max(runs, 3));
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
