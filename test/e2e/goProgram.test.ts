/**
 * Go users, with no Node.js on PATH. The Go example (examples/go-tensorboard-urls), with the
 * generated Go SDK, run by `go test` as a Go Automation API inline program against the emulator: the
 * engine downloads the release's plugin itself through the SDK's pluginDownloadURL (redirected to a
 * loopback server of the release); credentials from provider config in one test, from the
 * environment in the other; up, refresh, destroy; afterwards the whole backend is searched for the
 * credentials. And the overview's Go program (docs/_index.md), its go.mod and main.go as written, the
 * SDK module installed by docs/installation-configuration.md's offline command as written, from the
 * release's module proxy archive; the plugin installed from the release's tarball with `--file`; and
the same program with `Status: "RUNING"` failing to compile. Skipped, saying why, without Go or the `pulumi` CLI.
 */
import { execFile, execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findCommand, findPulumiCli, isolatedPulumiEnv } from "../../demo/exampleStack";
import { demoJobs, startEmulator } from "../../emulator";
import { GO_MODULE, goProxyArchiveName } from "../../packaging/goModuleProxy";
import { textUnder } from "../support/backendText";
import { fencedBlockAfter } from "../support/readme";
import { pathWithOnly, pluginDownloadsFrom, RELEASE_DIR, serveRelease, VERSION } from "../support/release";
import { scriptOutput } from "../support/shellScript";

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

/**
 * A Go user's shell: go, the pulumi CLI and git (which go may run) only, through their real paths, so
 * no Node.js; cgo off, as Go turns it off where no C compiler is found, stated so that every Go test
 * here shares one build cache whatever compilers the machine has.
 */
function goUserEnv(root: string, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: pathWithOnly([realpathSync(go!), cli!, findCommand("git")!], root),
    ...isolatedPulumiEnv(root),
    GOFLAGS: "-mod=mod",
    CGO_ENABLED: "0",
    ...extra,
  };
}

(why === undefined ? it : it.skip)(
  "the Go example, with the generated Go SDK and the plugin the engine downloads through its pluginDownloadURL: up, refresh, destroy",
  async () => {
    const emulator = await startEmulator({ jobs: demoJobs() });
    const server = await serveRelease();
    const root = mkdtempSync(join(tmpdir(), "modelarts-go-"));
    try {
      const env = goUserEnv(root, { ...emulator.env, ...pluginDownloadsFrom(server) });
      const output = await goRun(
        ["test", "-count=1", "-v", "./..."],
        join(REPO, "examples", "go-tensorboard-urls"),
        env,
      );
      expect(output).toMatch(/--- PASS: TestCredentialsFromProviderConfig/);
      expect(output).toMatch(/--- PASS: TestCredentialsFromTheEnvironment/);
      expect(server.requested).toContain(`/pulumi-resource-modelarts-v${VERSION}-linux-amd64.tar.gz`);
      expect(readdirSync(join(root, "home", "plugins"))).toContain(`resource-modelarts-v${VERSION}`);
      const stored = textUnder(join(root, ".pulumi"));
      expect(stored).toContain("modelarts:index:VisualizationJobsLookup");
      for (const credential of [emulator.settings.accessKey, emulator.settings.secretKey]) {
        expect(stored).not.toContain(credential);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
      await server.close();
      await emulator.close();
    }
  },
);

(why === undefined ? it : it.skip)(
  "the overview's Go program, its go.mod and main.go as written, installed by the installation page's command from the release's module proxy archive, runs against the emulator",
  async () => {
    const emulator = await startEmulator({ jobs: demoJobs() });
    const root = mkdtempSync(join(tmpdir(), "modelarts-go-quickstart-"));
    try {
      const project = join(root, "tensorboard-urls");
      mkdirSync(project);
      for (const file of ["go.mod", "main.go"]) {
        writeFileSync(join(project, file), fencedBlockAfter("docs/_index.md", `<!-- file: ${file}`));
      }
      copyFileSync(
        join(__dirname, "../fixtures/go-quickstart/quickstart_test.go"),
        join(project, "quickstart_test.go"),
      );
      // The installation page's offline command as written, with the release's archive downloaded
      // into the project: the SDK module from the archive's proxy, the rest from proxy.golang.org,
      // and the checksum database not asked about a module it cannot know yet.
      forgetCachedSdkModule();
      copyFileSync(
        join(RELEASE_DIR, goProxyArchiveName(VERSION)),
        join(project, goProxyArchiveName(VERSION)),
      );
      const install = fencedBlockAfter("docs/installation-configuration.md", "<!-- run: install-go");
      // The go command indexes a module in its cache once per path and version, as if it could
      // never change; this machine's earlier builds of v0.1.0 may differ from this one.
      const env = goUserEnv(root, { ...emulator.env, GODEBUG: "goindex=0" });
      // A user's shell has tar and gzip too (no Node.js still).
      const tools = pathWithOnly([findCommand("tar")!, findCommand("gzip")!], join(root, "tools"));
      await scriptOutput(install, project, { ...env, PATH: `${env.PATH}:${tools}` });
      // What the block exported, for the commands that follow in the same shell.
      Object.assign(env, {
        GOPROXY: `file://${project}/goproxy,https://proxy.golang.org,direct`,
        GONOSUMDB: "github.com/pulumi-modelarts",
      });
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
      // A misspelt status is a compile error, for the invoke's plain args and the resource's inputs.
      const main = readFileSync(join(project, "main.go"), "utf8");
      const misspelt = main
        .replace("Statuses:  []modelarts.JobStatus{modelarts.JobStatusRunning},", 'Status: "RUNING",')
        .replace("Status:    modelarts.JobStatusRunning,", 'Status: "RUNING",');
      expect(misspelt.match(/"RUNING"/g)).toHaveLength(2);
      writeFileSync(join(project, "main.go"), misspelt);
      const build = goRun(["build", "-o", join(root, "misspelt"), "."], project, env);
      await expect(build).rejects.toThrow(/"RUNING" \(untyped string constant\).*\*modelarts\.JobStatus/);
      await expect(build).rejects.toThrow(
        /"RUNING" \(constant of type string\) as modelarts\.JobStatusPtrInput/,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
      await emulator.close();
    }
  },
);
