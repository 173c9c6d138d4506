/**
 * Runs an example of examples/ as a stack of the real Pulumi engine, through the Automation API,
 * against an emulator: a file backend and a Pulumi home in a temporary folder (no account, no
 * network), the stack config pointing at the emulator with the secret key as a secret. Shared by
 * `npm run demo` and the end-to-end tests.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { LocalWorkspace, type Stack } from "@pulumi/pulumi/automation";
import type { RunningEmulator } from "../emulator";

/** The repository's root, through the package's link to itself (node_modules/pulumi-modelarts). */
const REPO = dirname(require.resolve("pulumi-modelarts/package.json"));
const PULUMI_SDK = dirname(require.resolve("@pulumi/pulumi/package.json"));

/** The examples, by folder name. */
const EXAMPLES = ["tensorboard-urls", "single-job", "state-tracked"] as const;
export type ExampleName = (typeof EXAMPLES)[number];

/** The path of the `pulumi` CLI on PATH, or undefined. */
export function findPulumiCli(): string | undefined {
  return findCommand("pulumi");
}

/** The path of a command on PATH (`go`, `pulumi-language-yaml`), or undefined. */
export function findCommand(name: string): string | undefined {
  try {
    return execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The environment of an engine run that touches nothing outside `root`: a file backend, a Pulumi
 * home and a temporary folder there, a passphrase for its throwaway secrets, no update check and no plugin download (none
 * can be had on a machine without network, and a missing plugin must fail, not be fetched).
 */
export function isolatedPulumiEnv(root: string): Record<string, string> {
  // The CLI leaves each plugin it downloads in the temporary folder (pulumi-plugin-tar*, 43 MB for
  // ours): in one under `root`, it goes when `root` does.
  const tmp = join(root, "tmp");
  mkdirSync(tmp, { recursive: true });
  return {
    TMPDIR: tmp,
    PULUMI_BACKEND_URL: `file://${root}`,
    PULUMI_HOME: join(root, "home"),
    PULUMI_CONFIG_PASSPHRASE: "pulumi-modelarts-local",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
  };
}

/** How to get the CLI when there is none, for messages. */
export const HOW_TO_GET_PULUMI =
  "No `pulumi` CLI on PATH. Install it (https://www.pulumi.com/docs/install/, or `PulumiCommand.install()` of the Automation API on a connected machine), " +
  "or build it from its Go module (`go build github.com/pulumi/pulumi/pkg/v3/cmd/pulumi`), and put it on PATH.";

/** An example stack and what to remove when done with it. */
export interface ExampleStack {
  readonly stack: Stack;
  /** The stack's working folder: the dynamic-provider host runs there. */
  readonly workDir: string;
  /** The stack's state file, as the file backend stores it (secrets encrypted). */
  readonly stateFile: string;
  /** Destroys nothing: removes the temporary folders only. */
  cleanup(): void;
}

function link(target: string, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path, "dir");
}

/**
 * Creates (or selects) a stack running `example` against `emulator`.
 *
 * @param config extra stack config of the example (`team`, `jobName`, ...), project-scoped keys.
 */
export async function createExampleStack(
  example: ExampleName,
  emulator: RunningEmulator,
  config: Record<string, string> = {},
): Promise<ExampleStack> {
  const root = mkdtempSync(join(tmpdir(), `modelarts-${example}-`));
  const workDir = join(root, "work");
  // The dynamic-provider host runs in workDir: it must find @pulumi/pulumi and this package there.
  link(PULUMI_SDK, join(workDir, "node_modules", "@pulumi", "pulumi"));
  link(REPO, join(workDir, "node_modules", "pulumi-modelarts"));

  const programPath = join(REPO, "dist", "examples", example, "index.js");
  const program = () => require(programPath)();
  const envVars: Record<string, string> = {
    ...isolatedPulumiEnv(root),
    // The engine finds the dynamic-provider plugin (pulumi-resource-pulumi-nodejs) on PATH.
    PATH: [PULUMI_SDK, process.env.PATH ?? ""].join(delimiter),
  };
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: "demo", projectName: `modelarts-${example}`, program },
    { workDir, envVars },
  );
  const s = emulator.settings;
  await stack.setAllConfig({
    "huaweicloud:region": { value: s.region },
    "huaweicloud:projectId": { value: s.projectId },
    // Both keys as secrets: the engine records the stack config as the inputs of the default
    // pulumi-nodejs provider in the state, so a key in plain config would be stored in plain text.
    "huaweicloud:accessKey": { value: s.accessKey, secret: true },
    "huaweicloud:secretKey": { value: s.secretKey, secret: true },
    "huaweicloud:endpoints": { value: JSON.stringify({ modelarts: s.endpoint }) },
    "huaweicloud:authUrl": { value: s.authUrl },
    ...Object.fromEntries(
      Object.entries(config).map(([k, v]) => [`modelarts-${example}:${k}`, { value: v }]),
    ),
  });
  return {
    stack,
    workDir,
    stateFile: join(root, ".pulumi", "stacks", `modelarts-${example}`, "demo.json"),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
