/** The bench's measurements in fresh processes: a probe script, and the time to require the package. */
import { type ChildProcess, execFile, execFileSync } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { REPO } from "./releaseExecutable";
import { type Stats, stats } from "./stats";

/** Runs a compiled probe script of this folder in `runs` fresh processes with `env`; resolves to their JSON. */
export async function runProbe<T>(
  script: string,
  env: Record<string, string>,
  options: { runs: number; nodeArgs?: readonly string[] },
): Promise<T[]> {
  const outputs: T[] = [];
  for (let i = 0; i < options.runs; i++) {
    // Asynchronously: an emulator answering the child may run on this process's event loop.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [...(options.nodeArgs ?? []), join(__dirname, script)],
      { env: { ...process.env, ...env }, encoding: "utf8" },
    );
    outputs.push(JSON.parse(stdout) as T);
  }
  return outputs;
}

/**
 * Time to require the package by name, with and without @pulumi/pulumi already loaded (fresh
 * processes, in the repository, whose node_modules holds the package as a user's would).
 */
export function requireTime(runs: number): { withPulumiLoaded: Stats; cold: Stats } {
  const script = (preload: boolean) =>
    `${preload ? 'require("@pulumi/pulumi");' : ""}const t=process.hrtime.bigint();require("pulumi-modelarts");process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const measure = (preload: boolean) =>
    stats(
      Array.from({ length: runs }, () =>
        Number(execFileSync(process.execPath, ["-e", script(preload)], { cwd: REPO, encoding: "utf8" })),
      ),
    );
  return { withPulumiLoaded: measure(true), cold: measure(false) };
}

/**
 * The first line a child process writes on stdout (a plugin's port, a provider's handshake); an
 * error naming `what` if its output closes before one.
 */
export function firstLine(child: ChildProcess, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk) => {
      out += chunk;
      if (out.includes("\n")) resolve(out.split("\n")[0]!.trim());
    });
    // "close", not "exit": a line written just before exiting arrives before the output closes.
    child.once("close", (code) => reject(new Error(`${what} exited (${code}) before writing a line`)));
  });
}
