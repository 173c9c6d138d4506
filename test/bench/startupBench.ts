/**
 * The release executable's start, for `npm run bench`: from launch to the line that says where to
 * connect, in the Pulumi plugin role (given an engine's address) and in the Terraform provider role
 * (Terraform's cookie and a client certificate, as AutoMTLS gives one), against the same Node.js
 * binary the executable is made from running an empty script: what the provider's own start costs
 * over Node.js's. The three run in turn, so a slow spell of the machine weighs on all.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nodeBinary } from "../../packaging/nodeBinaries";
import { buildingPlatform } from "../../packaging/platforms";
import { selfSignedCertificate } from "../../terraform/certificate";
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from "../../terraform/handshake";
import { firstLine } from "./probes";
import type { BenchProfile } from "./profile";
import { buildRelease, extractedExecutable } from "./releaseExecutable";
import { figure, type Stats, stats } from "./stats";

/** The start figures in bench-results.json. */
export interface StartupFigures {
  readonly bareNode: Stats;
  readonly pluginRole: Stats;
  readonly terraformRole: Stats;
  readonly pluginOverNode: number;
  readonly terraformOverNode: number;
}

/** Milliseconds from launching `command` to its first line on stdout; the process is then killed. */
async function untilFirstLine(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const started = performance.now();
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "ignore"] });
  try {
    await firstLine(child, command);
    return performance.now() - started;
  } finally {
    child.kill("SIGKILL");
  }
}

/** Measures and prints; resolves to the figures. */
export async function startupFigures(profile: BenchProfile): Promise<StartupFigures> {
  const root = mkdtempSync(join(tmpdir(), "modelarts-start-bench-"));
  try {
    buildRelease(false);
    const executable = extractedExecutable(root);
    const node = nodeBinary(buildingPlatform());
    const { certificatePem } = selfSignedCertificate();
    const starts = {
      bareNode: () => untilFirstLine(node, ["-e", "console.log(1)"], { PATH: "" }),
      pluginRole: () => untilFirstLine(executable, ["127.0.0.1:1"], { PATH: "" }),
      terraformRole: () =>
        untilFirstLine(executable, [], {
          PATH: "",
          [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
          PLUGIN_PROTOCOL_VERSIONS: "6",
          PLUGIN_CLIENT_CERT: certificatePem,
        }),
    };
    const samples: Record<keyof typeof starts, number[]> = {
      bareNode: [],
      pluginRole: [],
      terraformRole: [],
    };
    for (let i = 0; i <= profile.runs; i++) {
      for (const [name, start] of Object.entries(starts) as Array<
        [keyof typeof starts, () => Promise<number>]
      >) {
        const ms = await start();
        if (i > 0) samples[name].push(ms); // the first warms the file cache
      }
    }
    const bareNode = stats(samples.bareNode);
    const pluginRole = stats(samples.pluginRole);
    const terraformRole = stats(samples.terraformRole);
    const figures = {
      bareNode,
      pluginRole,
      terraformRole,
      pluginOverNode: pluginRole.median / bareNode.median,
      terraformOverNode: terraformRole.median / bareNode.median,
    };
    console.log(
      `\nexecutable start to its handshake line: plugin ${figure(pluginRole)} (${figures.pluginOverNode.toFixed(2)} x), Terraform ${figure(terraformRole)} (${figures.terraformOverNode.toFixed(2)} x), against Node.js ${figure(bareNode)} starting an empty script`,
    );
    return figures;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
