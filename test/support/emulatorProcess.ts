/**
 * The emulator as a user starts it, in a process of its own (`pulumi-modelarts emulator`, from the
 * npm bin or the release): started, waited for until it has printed its settings, and those
 * settings read back as a user copies them.
 */
import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";

/** A running emulator process and what it printed: stdout's settings, stderr's warnings. */
export interface EmulatorProcess {
  readonly child: ChildProcess;
  /** stdout once it had printed its settings. */
  readonly printed: string;
  readonly stderr: string;
  /** stdout up to now (what it prints as it stops, too). */
  output(): string;
}

/** Starts `command ...args` and resolves once it has printed its settings (the line naming Ctrl-C). */
export async function startEmulatorProcess(
  command: string,
  args: readonly string[],
  options: SpawnOptions = {},
): Promise<EmulatorProcess> {
  const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
  let printed = "";
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      printed += chunk.toString();
      if (printed.includes("Ctrl-C")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the emulator exited (${code}): ${printed}${stderr}`)));
  });
  return { child, printed, stderr, output: () => printed };
}

/** The `export NAME=value` lines it printed, as an environment. */
export function printedEnv(printed: string): Record<string, string> {
  return Object.fromEntries([...printed.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
}

/** The control API's header, key and address, from the `curl` line it printed. */
export function printedControl(printed: string): { header: string; key: string; url: string } | undefined {
  const match = /^curl -H '([^:]+): ([^']+)' (\S+)$/m.exec(printed);
  return match === null ? undefined : { header: match[1]!, key: match[2]!, url: match[3]! };
}
