/**
 * The release's standalone plugin as a user without Node.js meets it. The release folder is served
 * from a loopback HTTP server; PATH holds only the Pulumi CLI and the YAML language host: no node, no
 * npm. `pulumi plugin install --server` into a fresh PULUMI_HOME, then the YAML example: up, refresh
 * after a job stopped, destroy, with credentials from provider config set as secrets. The state is
 * searched for the credentials. The other install paths: the engine downloading the plugin through
 * the SDK's pluginDownloadURL (goProgram.test.ts, pythonSdk.test.ts), `--file` (the Go quick start,
 * the examples' READMEs). Skipped, saying why, without the tools.
 */
import { execFile, execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { findCommand, findPulumiCli, isolatedPulumiEnv } from "../../demo/exampleStack";
import { demoJobs, type RunningEmulator, startEmulator } from "../../emulator";
import { textUnder } from "../support/backendText";
import { fencedBlockAfter } from "../support/readme";
import { pathWithOnly, type ReleaseServer, serveRelease, VERSION } from "../support/release";
import { scriptOutput } from "../support/shellScript";

jest.setTimeout(900_000);

const REPO = join(__dirname, "../..");
const run = promisify(execFile);
const cli = findPulumiCli();
const yamlHost = findCommand("pulumi-language-yaml");
/** Where the docs say the release is published: this repository's GitHub releases. */
const GITHUB_RELEASE = `https://github.com/pulumi-modelarts/pulumi-modelarts/releases/download/v${VERSION}`;
if (cli === undefined) process.stdout.write("standalone plugin tests skipped: no `pulumi` CLI on PATH\n");

describe("the standalone plugin from the release, with no Node.js on PATH", () => {
  let emulator: RunningEmulator;
  let server: ReleaseServer;
  let root: string;
  beforeAll(async () => {
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
    "YAML: installed by the installation page's command from the release host; up, refresh after a job stopped, destroy",
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

      // The installation page's command as written, the release host in place of GitHub's.
      const install = fencedBlockAfter(
        "docs/installation-configuration.md",
        "<!-- run: install-plugin",
      ).trim();
      expect(install).toContain(`modelarts ${VERSION} --server ${GITHUB_RELEASE}`);
      await scriptOutput(install.replace(GITHUB_RELEASE, server.url), root, env);
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
      expect(outputs.newestJob).toBe("vision-dino-tb");
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
});
