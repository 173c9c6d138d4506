/**
 * The generated Python SDK (sdk/python) in a Python Pulumi program, as a Python user runs it: a
 * fresh virtual environment with `pulumi` from the package index and the SDK installed with pip, the
 * plugin installed from the release into a fresh PULUMI_HOME, and examples/python-tensorboard-urls
 * run as an Automation API inline program (no Python language host exists here) against the
 * emulator: the plain and Output invokes, the resource through up, refresh after a job stopped and
 * destroy, credentials from provider config (secrets) and from the environment, a misspelt argument,
 * and the state searched for credentials; and the overview's program (docs/_index.md), its files as
 * written. The SDK is installed by both commands of docs/installation-configuration.md as written:
 * from a team's index with `--extra-index-url`, and from the release's wheel. mypy refuses a misspelt
`JobStatus`. Skipped, saying why,
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
import { scriptOutput } from "../support/shellScript";

jest.setTimeout(900_000);

const REPO = join(__dirname, "../..");
/** A command block of the installation page, by its marker. */
const installBlock = (marker: string) => fencedBlockAfter("docs/installation-configuration.md", marker);
/** What an installed SDK says its version is. */
const IMPORTED =
  "import importlib.metadata, pulumi_modelarts; print(importlib.metadata.version('pulumi-modelarts'))";
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
    const wheel = `pulumi_modelarts-${VERSION}-py3-none-any.whl`;
    index = await servePackageIndex([join(RELEASE_DIR, wheel)]);
    // The installation page's two commands as written, each in its own folder (a fresh virtual
    // environment); pip's own cache (~/.cache/pip) spares the downloads from PyPI. The first from a
    // team's index that holds only the wheel, in place of pypi.example.com; the second from the
    // wheel downloaded beside it.
    const fromIndex = installBlock("<!-- run: install-pip-index").replace(
      "https://pypi.example.com/simple/",
      index.url,
    );
    const byWheel = join(root, "wheel");
    mkdirSync(byWheel);
    cpSync(join(RELEASE_DIR, wheel), join(byWheel, wheel));
    // A user's shell (pip's settings kept) whose PATH holds the interpreter's own folder: no Node.js.
    const interpreter = execFileSync(python!, ["-c", "import sys; print(sys.executable)"], {
      encoding: "utf8",
    });
    const PATH = dirname(interpreter.trim());
    expect(() => execFileSync("/bin/sh", ["-c", "command -v node"], { env: { PATH } })).toThrow();
    const shell = (script: string, cwd: string) => scriptOutput(script, cwd, { ...process.env, PATH });
    await Promise.all([shell(fromIndex, root), shell(installBlock("<!-- run: install-pip-wheel"), byWheel)]);
    venvBin = join(root, "venv", "bin");
    expect(index.asked).toContain("pulumi-modelarts");
    const imported = execFileSync(join(byWheel, "venv", "bin", "python"), ["-c", IMPORTED], {
      encoding: "utf8",
    });
    expect(imported.trim()).toBe(VERSION);
    // The overview's program, its files as written, and the example's requirements, in the index's
    // environment: all satisfied already, or taken from PyPI.
    const example = join(REPO, "examples", "python-tensorboard-urls");
    const quickStart = join(root, "quickstart");
    mkdirSync(quickStart);
    for (const file of ["requirements.txt", "__main__.py"]) {
      writeFileSync(join(quickStart, file), fencedBlockAfter("docs/_index.md", `<!-- file: ${file}`));
    }
    await run(
      join(venvBin, "pip"),
      [
        ...["install", "--disable-pip-version-check", "-q", "--extra-index-url", index.url],
        ...["-r", join(quickStart, "requirements.txt"), "-r", join(example, "requirements.txt")],
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
    expect(failed).toContain("nameRegex must be a non-empty, valid RE2");
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

  it("a status is the JobStatus enum: mypy passes the examples' statuses and refuses a misspelt one", async () => {
    // mypy from PyPI, into the environment that holds the SDK, as a Python user adds it.
    await run(join(venvBin, "pip"), ["install", "--disable-pip-version-check", "-q", "mypy"], {
      timeout: 600_000,
    });
    const typed = join(root, "typed");
    mkdirSync(typed);
    const good = [
      "import pulumi_modelarts as modelarts",
      "modelarts.get_visualization_jobs(status=modelarts.JobStatus.RUNNING, statuses=[modelarts.JobStatus.SUBMIT_TRYING])",
      "",
    ].join("\n");
    writeFileSync(join(typed, "good.py"), good);
    writeFileSync(
      join(typed, "misspelt.py"),
      `${good}modelarts.get_visualization_jobs(status=modelarts.JobStatus.RUNING)\nmodelarts.get_visualization_jobs(status="RUNING")\n`,
    );
    const mypy = (file: string) =>
      run(join(venvBin, "mypy"), [file], { cwd: typed, encoding: "utf8" }).then(
        ({ stdout }) => ({ ok: true, stdout }),
        (error: { stdout: string }) => ({ ok: false, stdout: error.stdout }),
      );
    expect(await mypy("good.py")).toMatchObject({ ok: true });
    const refused = await mypy("misspelt.py");
    expect(refused.ok).toBe(false);
    expect(refused.stdout).toMatch(/misspelt\.py:3: error: "type\[JobStatus\]" has no attribute "RUNING"/);
    expect(refused.stdout).toMatch(/misspelt\.py:4: error: Argument "status" .* has incompatible type "str"/);
  });

  it("the overview's program, its requirements.txt and __main__.py as written, runs against the emulator", async () => {
    const project = join(root, "quickstart");
    // The suite's fresh environment took the SDK from the index. A fresh Pulumi home holds no plugin: the engine downloads it itself through the SDK's
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
