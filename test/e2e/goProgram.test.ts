/**
 * The Go example (examples/go-tensorboard-urls), with the generated Go SDK, run by `go test` as a Go
 * Automation API inline program against the emulator and this repository's build of the plugin:
 * credentials from provider config in one test, from the environment in the other; up, refresh,
 * destroy. Afterwards the whole backend is searched for the credentials. Also the README's Go quick
 * start, its go.mod and main.go as written: the SDK module through `GOPROXY=file://` from the
 * release's module proxy folder, the plugin installed from the release. Skipped,
 * saying why, without Go or the `pulumi` CLI.
 */
import { execFile, execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findCommand, findPulumiCli, isolatedPulumiEnv } from "../../demo/exampleStack";
import { demoJobs, startEmulator } from "../../emulator";
import { GO_MODULE, GO_PROXY_FOLDER } from "../../packaging/goModuleProxy";
import { textUnder } from "../support/backendText";
import { fencedBlockAfter } from "../support/readme";
import { buildRelease, pathWithOnly, RELEASE_DIR, VERSION } from "../support/release";

jest.setTimeout(900_000);

const REPO = join(__dirname, "../..");
const go = findCommand("go");
const cli = findPulumiCli();
const why =
  go === undefined ? "no Go toolchain on PATH" : cli === undefined ? "no `pulumi` CLI on PATH" : undefined;
if (why !== undefined) process.stdout.write(`Go example test skipped: ${why}\n`);

/** A `go env` value. */
function goEnv(name: string): string {
  return execFileSync("go", ["env", name], { encoding: "utf8" }).trim();
}

/**
 * Removes the SDK module from Go's module cache: a build of the same version made earlier would be
 * taken from there, not from the release's proxy (the cache's files are read-only).
 */
function forgetCachedSdkModule(): void {
  const cache = goEnv("GOMODCACHE");
  for (const dir of [
    join(cache, "github.com", "pulumi-modelarts"),
    join(cache, "cache", "download", "github.com", "pulumi-modelarts"),
  ]) {
    if (!existsSync(dir)) continue;
    execFileSync("chmod", ["-R", "u+w", dir]);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `go` with `args` in `cwd`; its output, or a failure carrying it. */
function goRun(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile("go", args, { cwd, env, encoding: "utf8", maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${stdout}\n${stderr}`)) : resolve(stdout),
    ),
  );
}

(why === undefined ? it : it.skip)(
  "the Go example runs with the generated Go SDK: up, refresh, destroy",
  async () => {
    const emulator = await startEmulator({ jobs: demoJobs() });
    const backend = mkdtempSync(join(tmpdir(), "modelarts-go-"));
    try {
      const output = await goRun(
        ["test", "-count=1", "-v", "./..."],
        join(REPO, "examples", "go-tensorboard-urls"),
        {
          ...process.env,
          ...emulator.env,
          MODELARTS_PLUGIN_DIR: join(REPO, "plugin", "bin"),
          ...isolatedPulumiEnv(backend),
        },
      );
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

(why === undefined ? it : it.skip)(
  "the README's Go quick start, its go.mod and main.go as written, runs against the emulator",
  async () => {
    const emulator = await startEmulator({ jobs: demoJobs() });
    const root = mkdtempSync(join(tmpdir(), "modelarts-go-quickstart-"));
    try {
      const project = join(root, "tensorboard-urls");
      mkdirSync(project);
      for (const file of ["go.mod", "main.go"]) {
        writeFileSync(join(project, file), fencedBlockAfter("README.md", `<!-- file: ${file}`));
      }
      copyFileSync(
        join(__dirname, "../fixtures/go-quickstart/quickstart_test.go"),
        join(project, "quickstart_test.go"),
      );
      buildRelease();
      // The SDK module from the release's Go module proxy, the rest from the machine's proxy; the
      // checksum database is not asked about a module it cannot know yet.
      forgetCachedSdkModule();
      // No Node.js: go, the pulumi CLI and git (which go may run) only, through their real paths.
      const PATH = pathWithOnly([realpathSync(go!), cli!, findCommand("git")!], root);
      const env = {
        ...process.env,
        PATH,
        ...emulator.env,
        ...isolatedPulumiEnv(root),
        GOFLAGS: "-mod=mod",
        GOPROXY: `file://${join(RELEASE_DIR, GO_PROXY_FOLDER)},${goEnv("GOPROXY")}`,
        GONOSUMDB: "github.com/pulumi-modelarts",
      };
      const tarball = join(RELEASE_DIR, `pulumi-resource-modelarts-v${VERSION}-linux-amd64.tar.gz`);
      execFileSync(cli!, ["plugin", "install", "resource", "modelarts", VERSION, "--file", tarball], {
        env,
        stdio: "pipe",
      });
      await goRun(["mod", "tidy"], project, env);
      // Installed from the module proxy's zip, at its version: what `go get` of the tag will give.
      const sdk = JSON.parse(await goRun(["list", "-m", "-json", GO_MODULE], project, env));
      expect(sdk).toMatchObject({ Version: `v${VERSION}` });
      expect(sdk.Replace).toBeUndefined();
      expect(readFileSync(join(project, "go.sum"), "utf8")).toContain(`${GO_MODULE} v${VERSION} h1:`);
      const output = await goRun(["test", "-count=1", "-v", "./..."], project, env);
      expect(output).toMatch(/--- PASS: TestQuickStart/);
    } finally {
      rmSync(root, { recursive: true, force: true });
      await emulator.close();
    }
  },
);
