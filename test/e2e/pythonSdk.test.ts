/**
 * The generated Python SDK (sdk/python) in a Python Pulumi program, as a Python user runs it: a
 * fresh virtual environment with `pulumi` from the package index and the SDK installed with pip, the
 * plugin installed from the release into a fresh PULUMI_HOME, and examples/python-tensorboard-urls
 * run as an Automation API inline program (no Python language host exists here) against the
 * emulator: the plain and Output invokes, the resource through up, refresh after a job stopped and
 * destroy, credentials from provider config (secrets) and from the environment, a misspelt argument,
 * and the state searched for credentials; and the README's quick start, its files as written, its
 * requirements.txt installed with the example's into the one fresh environment. Skipped, saying why,
 * without Python or the `pulumi` CLI.
 */
import { execFile, execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { findCommand, findPulumiCli, isolatedPulumiEnv } from "../../demo/exampleStack";
import { demoJobs, type RunningEmulator, startEmulator } from "../../emulator";
import { textUnder } from "../support/backendText";
import { type PackageIndex, servePackageIndex } from "../support/packageIndex";
import { fencedBlockAfter } from "../support/readme";
import { pluginDownloadsFrom, RELEASE_DIR, serveRelease, VERSION } from "../support/release";

jest.setTimeout(900_000);

const REPO = join(__dirname, "../..");
const run = promisify(execFile);
const python = findCommand("python3");
const cli = findPulumiCli();
const why =
  python === undefined ? "no python3 on PATH" : cli === undefined ? "no `pulumi` CLI on PATH" : undefined;
if (why !== undefined) process.stdout.write(`Python SDK tests skipped: ${why}\n`);

(why === undefined ? describe : describe.skip)("the Python SDK in a Python program", () => {
  let root: string;
  let venvBin: string;
  let index: PackageIndex;
  let emulator: RunningEmulator;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "modelarts-python-"));
    index = await servePackageIndex([join(RELEASE_DIR, `pulumi_modelarts-${VERSION}-py3-none-any.whl`)]);
    // A fresh virtual environment, as a user makes one; pip's own cache (~/.cache/pip) spares the downloads.
    execFileSync(python!, ["-m", "venv", join(root, "venv")]);
    venvBin = join(root, "venv", "bin");
    const example = join(REPO, "examples", "python-tensorboard-urls");
    // The README's quick start's requirements.txt as written, and the example's, in one install.
    const quickStart = join(root, "quickstart");
    mkdirSync(quickStart);
    for (const file of ["requirements.txt", "__main__.py"]) {
      writeFileSync(join(quickStart, file), fencedBlockAfter("README.md", `<!-- file: ${file}`));
    }
    // The SDK from a package index holding the release's wheel, as from PyPI once it is there.
    // Not a synchronous child: this process serves the index pip asks.
    await run(
      join(venvBin, "pip"),
      [
        "install",
        "--disable-pip-version-check",
        "-q",
        "--index-url",
        index.url,
        "-r",
        join(quickStart, "requirements.txt"),
        "-r",
        join(example, "requirements.txt"),
      ],
      { timeout: 600_000 },
    );
    cpSync(example, join(root, "project"), { recursive: true });
    const tarball = join(RELEASE_DIR, `pulumi-resource-modelarts-v${VERSION}-linux-amd64.tar.gz`);
    execFileSync(cli!, ["plugin", "install", "resource", "modelarts", VERSION, "--file", tarball], {
      env: { ...process.env, ...isolatedPulumiEnv(root) },
      stdio: "pipe",
    });
  });
  afterAll(async () => {
    await index.close();
    rmSync(root, { recursive: true, force: true });
  });
  beforeEach(async () => {
    emulator = await startEmulator({ jobs: demoJobs() });
  });
  afterEach(() => emulator.close());

  /** A user's shell: the venv's python first, the pulumi CLI, an isolated home and backend. */
  const userEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
    HOME: process.env.HOME,
    PATH: `${venvBin}:${dirname(cli!)}`,
    ...isolatedPulumiEnv(root),
    ...extra,
  });
  const inProject = () => ({ cwd: join(root, "project"), encoding: "utf8" as const, maxBuffer: 64 << 20 });
  const pulumi = async (env: NodeJS.ProcessEnv, ...args: string[]) =>
    (await run(cli!, args, { ...inProject(), env })).stdout;
  const inline = async (env: NodeJS.ProcessEnv, ...args: string[]) =>
    JSON.parse((await run(join(venvBin, "python"), ["inline.py", ...args], { ...inProject(), env })).stdout);

  it("credentials from provider config: invokes (plain and Output), up, refresh after a job stopped, destroy", async () => {
    const env = userEnv();
    const s = emulator.settings;
    await pulumi(env, "stack", "init", "dev");
    await pulumi(env, "config", "set", "modelarts:region", s.region);
    await pulumi(env, "config", "set", "modelarts:projectId", s.projectId);
    await pulumi(env, "config", "set", "--secret", "modelarts:accessKey", s.accessKey);
    await pulumi(env, "config", "set", "--secret", "modelarts:secretKey", s.secretKey);
    await pulumi(env, "config", "set", "modelarts:endpoint", s.endpoint);

    const outputs = await inline(env, "up");
    const running = emulator
      .jobs()
      .filter((j) => j.status === 8 && j.jobName.startsWith("vision-"))
      .sort((a, b) => a.jobId - b.jobId);
    expect(outputs.jobNames).toEqual(running.map((j) => j.jobName));
    expect(outputs.jobNames).toEqual(["vision-resnet50-tb", "vision-vit-b16-tb", "vision-dino-tb"]);
    expect(outputs.serviceUrls).toEqual(running.map((j) => `${s.endpoint}/visualization/${j.jobId}/`));
    expect(outputs.newestJob).toBe("vision-dino-tb");
    expect(outputs.trackedIds).toEqual([1001, 1003, 1007]);

    emulator.updateJob(1003, { status: 10 });
    expect(await inline(env, "refresh")).toMatchObject({ update: 1 });
    expect((await inline(env, "up")).trackedIds).toEqual([1001, 1007]);

    const state = textUnder(join(root, ".pulumi"));
    expect(state).toContain("modelarts:index:VisualizationJobsLookup");
    for (const credential of [s.accessKey, s.secretKey]) expect(state).not.toContain(credential);
    // The lookup and the stack resource itself.
    expect(await inline(env, "destroy")).toMatchObject({ delete: 2 });
  });

  it("credentials from the environment; a bad argument value fails naming the field", async () => {
    const env = userEnv(emulator.env);
    await pulumi(env, "stack", "init", "envcreds");
    await pulumi(env, "config", "set", "--stack", "envcreds", "team", "speech");
    expect((await inline(env, "up", "envcreds")).jobNames).toEqual(["speech-whisper-tb", "speech-tts-mi"]);
    expect(textUnder(join(root, ".pulumi"))).not.toContain(emulator.settings.secretKey);
    await inline(env, "destroy", "envcreds");

    await pulumi(env, "config", "set", "--stack", "envcreds", "team", "(");
    const failed = await inline(env, "preview", "envcreds").then(
      () => "UNEXPECTED SUCCESS",
      (error: { stderr: string }) => error.stderr,
    );
    expect(failed).toContain("nameRegex must be a valid RE2");
    expect(failed).not.toContain(emulator.settings.secretKey);
  });

  it("a misspelt argument is a Python TypeError naming it, and no request is sent", async () => {
    const before = emulator.requests.length;
    const failed = await run(
      join(venvBin, "python"),
      ["-c", "import pulumi_modelarts as m; m.get_visualization_jobs(nam_regex='^vision-')"],
      { env: userEnv(emulator.env), encoding: "utf8" },
    ).then(
      () => "UNEXPECTED SUCCESS",
      (error: { stderr: string }) => error.stderr,
    );
    expect(failed).toMatch(/TypeError: .*unexpected keyword argument 'nam_regex'/);
    expect(emulator.requests.length).toBe(before);
  });

  it("the README's quick start, its requirements.txt and __main__.py as written, runs against the emulator", async () => {
    const project = join(root, "quickstart");
    // The suite's fresh environment took its requirements.txt: pip asked the index for the SDK. A
    // fresh Pulumi home holds no plugin: the engine downloads it itself through the SDK's
    // pluginDownloadURL, here pointed at a server of the release.
    expect(index.asked).toContain("pulumi-modelarts");
    const releaseServer = await serveRelease();
    const home = isolatedPulumiEnv(join(project, "pulumi"));
    const quickEnv = {
      ...emulator.env,
      PATH: `${venvBin}:${dirname(cli!)}`,
      HOME: process.env.HOME ?? root,
      ...home,
      ...pluginDownloadsFrom(releaseServer),
    };
    // `pulumi up` would run __main__.py with the Python language host; here it runs inline, as is.
    const harness = `import json, runpy
from pulumi import automation as auto
stack = auto.create_or_select_stack(stack_name="quickstart", project_name="tensorboard-urls",
    program=lambda: runpy.run_path("__main__.py"), opts=auto.LocalWorkspaceOptions(work_dir="."))
up = stack.up(on_output=lambda _line: None)
print(json.dumps({name: output.value for name, output in up.outputs.items()}))
stack.destroy(on_output=lambda _line: None)`;
    const { stdout } = await run(join(venvBin, "python"), ["-c", harness], {
      cwd: project,
      env: quickEnv,
      encoding: "utf8",
    }).finally(() => releaseServer.close());
    expect(releaseServer.requested).toContain(`/pulumi-resource-modelarts-v${VERSION}-linux-amd64.tar.gz`);
    const outputs = JSON.parse(stdout.trim().split("\n").pop()!);
    expect(outputs.serviceUrls).toEqual(
      [1001, 1003, 1007].map((id) => `${emulator.url}/visualization/${id}/`),
    );
    expect(outputs.newestJob).toBe("vision-dino-tb");
    expect(outputs.trackedIds).toEqual([1001, 1003, 1007]);
  });
});
