/**
 * The release's standalone plugin as a user without Node.js meets it. The release folder is served
 * from a loopback HTTP server; PATH holds only the Pulumi CLI, the YAML language host and (for the Go
 * program) Go: no node, no npm. YAML: `pulumi plugin install --server` into a fresh PULUMI_HOME, then
 * up, refresh after a job stopped, destroy, with credentials from provider config. Go: the generated
 * SDK's pluginDownloadURL makes the engine download the plugin itself (redirected to the loopback
 * server). The state is searched for the credentials. Skipped, saying why, without the tools.
 */
import { execFile, execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { findCommand, findPulumiCli, isolatedPulumiEnv } from "../../demo/exampleStack";
import { demoJobs, type RunningEmulator, startEmulator } from "../../emulator";
import { PLUGIN_DOWNLOAD_URL } from "../../plugin/schema";
import { textUnder } from "../support/backendText";
import { buildRelease, pathWithOnly, type ReleaseServer, serveRelease, VERSION } from "../support/release";

jest.setTimeout(900_000);

const REPO = join(__dirname, "../..");
const run = promisify(execFile);
const cli = findPulumiCli();
const yamlHost = findCommand("pulumi-language-yaml");
const go = findCommand("go");
if (cli === undefined) process.stdout.write("standalone plugin tests skipped: no `pulumi` CLI on PATH\n");

describe("the standalone plugin from the release, with no Node.js on PATH", () => {
  let emulator: RunningEmulator;
  let server: ReleaseServer;
  let root: string;
  beforeAll(async () => {
    if (cli !== undefined) buildRelease();
    server = await serveRelease();
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    emulator = await startEmulator({ jobs: demoJobs() });
    root = mkdtempSync(join(tmpdir(), "modelarts-standalone-"));
  });
  afterEach(async () => {
    rmSync(root, { recursive: true, force: true });
    await emulator.close();
  });

  /** The environment of a user's shell: an isolated Pulumi home and backend, PATH with no node. */
  function userEnv(commands: string[], extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const PATH = pathWithOnly(commands, root);
    expect(() => execFileSync("/bin/sh", ["-c", "command -v node"], { env: { PATH } })).toThrow();
    return { HOME: process.env.HOME, PATH, ...isolatedPulumiEnv(root), ...extra };
  }

  const withYaml = cli === undefined || yamlHost === undefined ? it.skip : it;
  withYaml(
    "YAML: installed with --server from the release host; up, refresh after a job stopped, destroy",
    async () => {
      const env = userEnv([cli!, yamlHost!]);
      // Asynchronously: the release host and the emulator answer from this process's event loop.
      const pulumi = async (...args: string[]) =>
        (await run("pulumi", args, { cwd: join(root, "project"), env, encoding: "utf8" })).stdout;
      cpSync(join(REPO, "examples", "yaml-tensorboard-urls"), join(root, "project"), { recursive: true });
      // Without the plugins block, as the example's comment says for an installed plugin.
      const manifest = readFileSync(join(root, "project", "Pulumi.yaml"), "utf8");
      writeFileSync(join(root, "project", "Pulumi.yaml"), manifest.replace(/^plugins:\n(?: {2}.*\n)+/m, ""));
      expect(readFileSync(join(root, "project", "Pulumi.yaml"), "utf8")).not.toContain("plugin/bin");

      await pulumi("plugin", "install", "resource", "modelarts", VERSION, "--server", server.url);
      expect(server.requested).toContain(`/pulumi-resource-modelarts-v${VERSION}-linux-amd64.tar.gz`);
      const installed = join(root, "home", "plugins", `resource-modelarts-v${VERSION}`);
      expect(readdirSync(installed).sort()).toEqual(["LICENSE", "README.md", "pulumi-resource-modelarts"]);

      const s = emulator.settings;
      await pulumi("stack", "init", "dev");
      await pulumi("config", "set", "modelarts:region", s.region);
      await pulumi("config", "set", "modelarts:projectId", s.projectId);
      await pulumi("config", "set", "--secret", "modelarts:accessKey", s.accessKey);
      await pulumi("config", "set", "--secret", "modelarts:secretKey", s.secretKey);
      await pulumi("config", "set", "modelarts:endpoint", s.endpoint);
      await pulumi("up", "--yes", "--skip-preview");
      const outputs = JSON.parse(await pulumi("stack", "output", "--json"));
      expect(outputs.jobNames).toEqual(["vision-resnet50-tb", "vision-vit-b16-tb", "vision-dino-tb"]);
      expect(outputs.serviceUrls).toEqual(
        [1001, 1003, 1007].map((id) => `${s.endpoint}/visualization/${id}/`),
      );
      expect(outputs.trackedIds).toEqual([1001, 1003, 1007]);

      emulator.updateJob(1003, { status: 10 });
      const refresh = await pulumi("refresh", "--yes", "--skip-preview");
      expect(refresh).toMatch(/~ 1 updated/);
      await pulumi("up", "--yes", "--skip-preview");
      expect(JSON.parse(await pulumi("stack", "output", "--json")).trackedIds).toEqual([1001, 1007]);

      const state = textUnder(join(root, ".pulumi"));
      expect(state).toContain("modelarts:index:VisualizationJobsLookup");
      for (const credential of [s.accessKey, s.secretKey]) expect(state).not.toContain(credential);
      await pulumi("destroy", "--yes", "--skip-preview");
    },
  );

  (cli === undefined || go === undefined ? it.skip : it)(
    "Go: the SDK's pluginDownloadURL makes the engine download the plugin itself; the program runs",
    async () => {
      const env = userEnv([cli!, go!], {
        ...emulator.env,
        // The SDK names GitHub releases; the override sends that download to the loopback host.
        PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES: `^${PLUGIN_DOWNLOAD_URL.replaceAll(".", "\\.")}=${server.url}`,
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "false",
        GOFLAGS: "-mod=mod",
        CGO_ENABLED: "0",
        GOPATH: process.env.GOPATH ?? join(process.env.HOME!, "go"),
        GOCACHE: process.env.GOCACHE ?? join(process.env.HOME!, ".cache", "go-build"),
      });
      const { stdout: output } = await run(
        "go",
        ["test", "-count=1", "-v", "-run", "TestCredentialsFromProviderConfig", "./..."],
        { cwd: join(REPO, "examples", "go-tensorboard-urls"), env, encoding: "utf8", maxBuffer: 64 << 20 },
      );
      expect(output).toMatch(/--- PASS: TestCredentialsFromProviderConfig/);
      expect(server.requested).toContain(`/pulumi-resource-modelarts-v${VERSION}-linux-amd64.tar.gz`);
      expect(readdirSync(join(root, "home", "plugins"))).toContain(`resource-modelarts-v${VERSION}`);
      const state = textUnder(join(root, ".pulumi"));
      for (const credential of [emulator.settings.accessKey, emulator.settings.secretKey]) {
        expect(state).not.toContain(credential);
      }
    },
  );
});
