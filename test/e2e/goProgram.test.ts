/**
 * The Go example (examples/go-tensorboard-urls), with the generated Go SDK, run by `go test` as a Go
 * Automation API inline program against the emulator and this repository's build of the plugin:
 * credentials from provider config in one test, from the environment in the other; up, refresh,
 * destroy. Afterwards the whole backend is searched for the credentials. Skipped, saying why,
 * without Go or the `pulumi` CLI.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findCommand, findPulumiCli, isolatedPulumiEnv } from "../../demo/exampleStack";
import { demoJobs, startEmulator } from "../../emulator";
import { textUnder } from "../support/backendText";

jest.setTimeout(900_000);

const REPO = join(__dirname, "../..");
const go = findCommand("go");
const cli = findPulumiCli();
const why =
  go === undefined ? "no Go toolchain on PATH" : cli === undefined ? "no `pulumi` CLI on PATH" : undefined;
if (why !== undefined) process.stdout.write(`Go example test skipped: ${why}\n`);

(why === undefined ? it : it.skip)(
  "the Go example runs with the generated Go SDK: up, refresh, destroy",
  async () => {
    const emulator = await startEmulator({ jobs: demoJobs() });
    const backend = mkdtempSync(join(tmpdir(), "modelarts-go-"));
    try {
      const output = await new Promise<string>((resolve, reject) => {
        execFile(
          "go",
          ["test", "-count=1", "-v", "./..."],
          {
            cwd: join(REPO, "examples", "go-tensorboard-urls"),
            env: {
              ...process.env,
              ...emulator.env,
              MODELARTS_PLUGIN_DIR: join(REPO, "plugin", "bin"),
              ...isolatedPulumiEnv(backend),
            },
            encoding: "utf8",
            maxBuffer: 64 * 1024 * 1024,
          },
          (error, stdout, stderr) => (error ? reject(new Error(`${stdout}\n${stderr}`)) : resolve(stdout)),
        );
      });
      expect(output).toMatch(/--- PASS: TestCredentialsFromProviderConfig/);
      expect(output).toMatch(/--- PASS: TestCredentialsFromTheEnvironment/);
      const stored = textUnder(join(backend, ".pulumi"));
      expect(stored).toContain("modelarts:index:VisualizationJobsLookup");
      for (const credential of [emulator.settings.accessKey, emulator.settings.secretKey]) {
        expect(stored).not.toContain(credential);
      }
    } finally {
      rmSync(backend, { recursive: true, force: true });
      await emulator.close();
    }
  },
);
