/**
 * The emulator in a process of its own, as a user runs it (`pulumi-modelarts emulator`), driven
 * through its control API: the bench's lookups then share no CPU with the server that answers them,
 * as no real client shares one with ModelArts. (In the bench's own process, serving and parsing
 * 100 MB of JSON competed for one event loop and capped every ratio.)
 */
const { spawn } = require("node:child_process");
const { join } = require("node:path");

const CLI = join(__dirname, "../../dist/cli/main.js");

/** Starts `pulumi-modelarts emulator --port 0 --jobs <jobs> --latency <ms>`; resolves once it serves. */
async function startEmulatorProcess({ jobs, latencyMs }) {
  const child = spawn(
    process.execPath,
    [CLI, "emulator", "--port", "0", "--jobs", String(jobs), "--latency", String(latencyMs)],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const output = await new Promise((resolve, reject) => {
    let text = "";
    child.stdout.on("data", (chunk) => {
      text += chunk;
      if (text.includes("Ctrl-C")) resolve(text);
    });
    child.once("exit", (code) => reject(new Error(`the emulator exited (${code}): ${text}`)));
  });
  const env = Object.fromEntries([...output.matchAll(/^export (\w+)=(\S+)$/gm)].map((m) => [m[1], m[2]]));
  const [, keyHeader, key, controlUrl] = /^curl -H '([^:]+): ([^']+)' (\S+)jobs$/m.exec(output) ?? [];
  if (controlUrl === undefined || env.HW_MODELARTS_ENDPOINT === undefined)
    throw new Error(`unexpected emulator output: ${output}`);
  const control = async (method, path, body) => {
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
      endpoint: env.HW_MODELARTS_ENDPOINT,
      projectId: env.HW_PROJECT_ID,
      accessKey: env.HW_ACCESS_KEY,
      secretKey: env.HW_SECRET_KEY,
    },
    setLatency: (ms) => control("PUT", "latency", { ms }),
    close: () =>
      new Promise((resolve) => {
        child.once("exit", resolve);
        child.kill("SIGTERM");
      }),
  };
}

module.exports = { startEmulatorProcess };
