/**
 * The emulator in a process of its own, as a user runs it (`pulumi-modelarts emulator`), driven
 * through its control API: the bench's lookups then share no CPU with the server that answers them,
 * as no real client shares one with ModelArts. (In the bench's own process, serving and parsing
 * 100 MB of JSON competed for one event loop and capped every ratio.)
 */
import { spawn } from "node:child_process";
import { join } from "node:path";

/** The command line, compiled beside this file's compiled form (dist/test/bench → dist/cli). */
const CLI = join(__dirname, "../../cli/main.js");

/** A running emulator process: the HW_* environment that points a lookup at it, and its control. */
export interface EmulatorProcess {
  readonly env: Record<string, string>;
  readonly settings: {
    readonly endpoint: string;
    readonly projectId: string;
    readonly accessKey: string;
    readonly secretKey: string;
  };
  setLatency(ms: number): Promise<void>;
  close(): Promise<void>;
}

/** What the emulator printed until it said it serves. */
function outputUntilServing(child: ReturnType<typeof spawn>): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    child.stdout?.on("data", (chunk) => {
      text += chunk;
      if (text.includes("Ctrl-C")) resolve(text);
    });
    child.once("exit", (code) => reject(new Error(`the emulator exited (${code}): ${text}`)));
  });
}

/** Starts `pulumi-modelarts emulator --port 0 --jobs <jobs> --latency <ms>`; resolves once it serves. */
export async function startEmulatorProcess(options: {
  jobs: number;
  latencyMs: number;
}): Promise<EmulatorProcess> {
  const child = spawn(
    process.execPath,
    [CLI, "emulator", "--port", "0", "--jobs", String(options.jobs), "--latency", String(options.latencyMs)],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const output = await outputUntilServing(child);
  const env = Object.fromEntries(
    [...output.matchAll(/^export (\w+)=(\S+)$/gm)].map((m) => [m[1]!, m[2]!] as const),
  );
  const [, keyHeader, key, controlUrl] = /^curl -H '([^:]+): ([^']+)' (\S+)jobs$/m.exec(output) ?? [];
  const setting = (name: string): string => {
    const value = env[name];
    if (value === undefined) throw new Error(`the emulator printed no ${name}: ${output}`);
    return value;
  };
  if (controlUrl === undefined || keyHeader === undefined || key === undefined)
    throw new Error(`unexpected emulator output: ${output}`);
  const control = async (method: string, path: string, body: unknown): Promise<void> => {
    const response = await fetch(`${controlUrl}${path}`, {
      method,
      headers: { [keyHeader]: key, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`control ${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  };
  return {
    env,
    settings: {
      endpoint: setting("HW_MODELARTS_ENDPOINT"),
      projectId: setting("HW_PROJECT_ID"),
      accessKey: setting("HW_ACCESS_KEY"),
      secretKey: setting("HW_SECRET_KEY"),
    },
    setLatency: (ms) => control("PUT", "latency", { ms }),
    close: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
