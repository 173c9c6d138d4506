/**
 * The docs' command blocks as a user's shell runs them: `/bin/sh -e`, stopping at the first failing
 * command. Asynchronous, since the servers a script reaches (a release host, an index, a mirror)
 * answer from the test's own process.
 */
import { execFile } from "node:child_process";

/** What a script printed, and how it ended. */
export interface ScriptRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `script` in `cwd` with exactly `env`. */
export function runScript(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<ScriptRun> {
  return new Promise((resolve) => {
    execFile("/bin/sh", ["-ec", script], { cwd, env, encoding: "utf8" }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Runs `script`, and fails with what it printed when it fails; resolves to its output. */
export async function scriptOutput(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  const run = await runScript(script, cwd, env);
  if (run.code !== 0) throw new Error(`${script}\nexited ${run.code}:\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}
