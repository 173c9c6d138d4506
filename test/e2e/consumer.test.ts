/**
 * The package as users meet it: packed, installed from the tarball into a fresh project laid out as
 * `pulumi new typescript` makes it (`moduleResolution: node`, `strict`, `module: commonjs`, no
 * `skipLibCheck`), with @pulumi/pulumi at the floor of our peer range (or the version in
 * CONSUMER_PULUMI_VERSION: the Node 22/24 legs use the newest), by the install command of
 * docs/installation-configuration.md as written, the tarball in place of the package's name. The
 * overview's program (docs/_index.md), the README's quick start and a test of the user's own are
 * type-checked there; the emulator is started from the installed bin; the `pulumi config set`
 * commands it prints are run; the overview's program runs with the real engine (up, refresh,
 * destroy), and the README's quick start (up). Nothing else of the repository is read.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findPulumiCli, isolatedPulumiEnv } from "../../demo/exampleStack";
import { startEmulatorProcess } from "../support/emulatorProcess";
import { fencedBlockAfter } from "../support/readme";

jest.setTimeout(600_000);

const REPO = join(__dirname, "../..");
const repoPackage = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8"));
/** The floor of the peer range (`>=3.141.0 <4` gives 3.141.0), unless a leg asks for another. */
const PULUMI_VERSION =
  process.env.CONSUMER_PULUMI_VERSION ?? /^>=(\S+)/.exec(repoPackage.peerDependencies["@pulumi/pulumi"])![1]!;
const cli = findPulumiCli();

/** The tsconfig `pulumi new typescript` writes. */
const PULUMI_NEW_TSCONFIG = {
  compilerOptions: {
    strict: true,
    outDir: "bin",
    target: "es2020",
    module: "commonjs",
    moduleResolution: "node",
    sourceMap: true,
    experimentalDecorators: true,
    pretty: true,
    noFallthroughCasesInSwitch: true,
    noImplicitReturns: true,
    forceConsistentCasingInFileNames: true,
  },
  files: ["index.ts", "quickStart.ts", "userTest.ts"],
};

/** A test of the user's own, against the emulator, as the README shows it. */
const USER_TEST = `import { getVisualizationJobs, resetSharedState, ModelArtsNoMatchError, getVisualizationJob } from "pulumi-modelarts";
import { demoJobs, startEmulator } from "pulumi-modelarts/emulator";

async function main(): Promise<void> {
  const emulator = await startEmulator({ jobs: demoJobs() });
  Object.assign(process.env, emulator.env);
  try {
    const running = await getVisualizationJobs({ status: "RUNNING", nameRegex: "^vision-" });
    const urls: string[] = running.serviceUrls; // mutable arrays, as Pulumi inputs want them
    if (urls.length !== 3) throw new Error("expected 3 running vision jobs, got " + urls.length);
    emulator.updateJob(1001, { status: 10 });
    resetSharedState();
    const after = await getVisualizationJobs({ status: "RUNNING", nameRegex: "^vision-" });
    if (after.ids.length !== 2) throw new Error("expected 2 after a job stopped, got " + after.ids.length);
    await getVisualizationJob({ name: "no-such-job" }).then(
      () => { throw new Error("expected no match"); },
      (e: unknown) => { if (!ModelArtsNoMatchError.isInstance(e)) throw e; },
    );
    process.stdout.write("USER TEST PASSED\\n");
  } finally {
    await emulator.close();
  }
}
main().catch((e) => { console.error(e); process.exitCode = 1; });
`;

/** Runs the quick start through the Automation API of the project's own @pulumi/pulumi. */
const DRIVER = `const { LocalWorkspace } = require("@pulumi/pulumi/automation");
const { execSync } = require("node:child_process");
(async () => {
  const configCommands = JSON.parse(process.env.CONFIG_COMMANDS);
  // An inline program (no language host is needed): the compiled quick start.
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: "dev", projectName: "consumer", program: () => require("./bin/index.js")() },
    { workDir: __dirname },
  );
  for (const command of configCommands) execSync(command + " --stack dev", { cwd: __dirname, stdio: "inherit" });
  execSync("pulumi config set team vision --stack dev", { cwd: __dirname, stdio: "inherit" });
  const up = await stack.up();
  const refresh = await stack.refresh();
  const destroy = await stack.destroy();
  // The README's quick start: a module whose exports are the stack's outputs.
  const quick = await LocalWorkspace.createOrSelectStack(
    { stackName: "quick", projectName: "consumer", program: async () => ({ ...require("./bin/quickStart.js") }) },
    { workDir: __dirname },
  );
  for (const command of configCommands) execSync(command + " --stack quick", { cwd: __dirname, stdio: "inherit" });
  const quickUp = await quick.up();
  await quick.destroy();
  process.stdout.write("RESULT " + JSON.stringify({
    quickOutputs: Object.fromEntries(Object.entries(quickUp.outputs).map(([k, v]) => [k, v.value])),
    outputs: Object.fromEntries(Object.entries(up.outputs).map(([k, v]) => [k, v.value])),
    upChanges: up.summary.resourceChanges,
    refreshChanges: refresh.summary.resourceChanges,
    destroyChanges: destroy.summary.resourceChanges,
  }) + "\\n");
})().catch((e) => { console.error(String(e && e.message || e)); process.exit(1); });
`;

describe("the packed package in a fresh `pulumi new typescript` project", () => {
  let root: string;
  let project: string;
  let tarball: string;
  let packed: string[];

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "modelarts-consumer-"));
    project = join(root, "project");
    mkdirSync(project);
    // The package is built by Jest's global set-up; the lifecycle scripts would rebuild it in
    // place while other suites run it.
    const [pack] = JSON.parse(
      execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", root], {
        cwd: REPO,
        encoding: "utf8",
      }),
    );
    tarball = join(root, pack.filename);
    packed = pack.files.map((f: { path: string }) => f.path);

    writeFileSync(
      join(project, "Pulumi.yaml"),
      "name: consumer\nruntime:\n  name: nodejs\n  options:\n    typescript: false\n",
    );
    writeFileSync(join(project, "tsconfig.json"), JSON.stringify(PULUMI_NEW_TSCONFIG, null, 2));
    writeFileSync(
      join(project, "package.json"),
      JSON.stringify({ name: "consumer", main: "bin/index.js", private: true }, null, 2),
    );
    // What `pulumi new typescript` installs, then the installation page's command as written.
    execFileSync(
      "npm",
      [
        "install",
        "--no-audit",
        "--no-fund",
        "--prefer-offline",
        `@pulumi/pulumi@${PULUMI_VERSION}`,
        "typescript@~5.9",
        `@types/node@${process.versions.node.split(".")[0]}`,
      ],
      { cwd: project, stdio: "pipe" },
    );
    const install = fencedBlockAfter("docs/installation-configuration.md", "<!-- run: install-npm").trim();
    expect(install).toBe("npm install pulumi-modelarts");
    execFileSync("/bin/sh", ["-c", install.replace(/pulumi-modelarts$/, tarball)], {
      cwd: project,
      stdio: "pipe",
    });
    writeFileSync(
      join(project, "index.ts"),
      fencedBlockAfter("docs/_index.md", "<!-- run: overview-typescript"),
    );
    writeFileSync(join(project, "quickStart.ts"), fencedBlockAfter("README.md", "<!-- run: quick-start"));
    writeFileSync(join(project, "userTest.ts"), USER_TEST);
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it("holds the package only: built code, types, maps, sources, the bins; no demo, examples or tests", () => {
    for (const path of [
      "dist/sdk/nodejs/index.js",
      "dist/sdk/nodejs/index.d.ts",
      "dist/sdk/nodejs/index.d.ts.map",
      "dist/cli/main.js",
      "dist/emulator/index.d.ts",
      "sdk/nodejs/index.ts",
      "LICENSE",
      "README.md",
      "CHANGELOG.md",
    ]) {
      expect(packed).toContain(path);
    }
    expect(packed.filter((p) => /^(dist\/)?(demo|examples|test)\//.test(p))).toEqual([]);
    expect(packed.filter((p) => p.endsWith(".tsbuildinfo"))).toEqual([]);
  });

  it("type-checks the overview's program, the README's quick start and a test of the user's own, under moduleResolution node and strict", () => {
    const tsc = join(project, "node_modules", "typescript", "bin", "tsc");
    const output = (() => {
      try {
        return execFileSync(process.execPath, [tsc, "-p", "tsconfig.json"], {
          cwd: project,
          encoding: "utf8",
        });
      } catch (e) {
        return String((e as { stdout?: string }).stdout ?? e);
      }
    })();
    expect(output).toBe("");
  });

  it("runs the user's own test against the emulator imported from pulumi-modelarts/emulator", () => {
    const output = execFileSync(process.execPath, [join(project, "bin", "userTest.js")], {
      cwd: project,
      encoding: "utf8",
    });
    expect(output).toContain("USER TEST PASSED");
  });

  (cli === undefined ? it.skip : it)(
    "starts the emulator from the installed bin, applies the config it prints, and runs the quick start: up, refresh, destroy",
    async () => {
      const bin = join(project, "node_modules", ".bin", "pulumi-modelarts");
      const { child: emulator, printed } = await startEmulatorProcess(bin, ["emulator", "--port", "0"], {
        cwd: project,
      });
      try {
        // The lines printed for a TypeScript program (huaweicloud:*); those for the plugin (modelarts:*) follow.
        const printedCommands = printed.split("\n").filter((line) => line.startsWith("pulumi config set"));
        const configCommands = printedCommands.filter((line) => line.includes(" huaweicloud:"));
        expect(configCommands.filter((c) => c.includes("--secret"))).toHaveLength(2);
        expect(printedCommands.filter((c) => c.includes("--secret modelarts:"))).toHaveLength(2);
        writeFileSync(join(project, "driver.js"), DRIVER);
        const output = execFileSync(process.execPath, [join(project, "driver.js")], {
          cwd: project,
          encoding: "utf8",
          env: {
            PATH: process.env.PATH ?? "",
            HOME: process.env.HOME ?? root,
            ...isolatedPulumiEnv(root),
            CONFIG_COMMANDS: JSON.stringify(configCommands),
          },
        });
        const result = JSON.parse(/^RESULT (.*)$/m.exec(output)![1]!);
        const url = /listening on (\S+) /.exec(printed)![1]!;
        expect(result.outputs.urls).toEqual([1001, 1003, 1007].map((id) => `${url}/visualization/${id}/`));
        expect(result.outputs.mainUrl).toBe(`${url}/visualization/1001/`);
        expect(result.outputs.teamUrls).toHaveLength(4);
        expect(result.outputs.trackedUrls).toEqual(result.outputs.urls);
        expect(result.quickOutputs.urls).toEqual(result.outputs.urls);
        expect(result.upChanges).toMatchObject({ create: 2 });
        expect(result.refreshChanges).not.toHaveProperty("update");
        expect(result.destroyChanges).toMatchObject({ delete: 2 });
        const state = readFileSync(join(root, ".pulumi", "stacks", "consumer", "dev.json"), "utf8");
        const secretKey = /--secret huaweicloud:secretKey (\S+)/.exec(printed)![1]!;
        expect(state).not.toContain(secretKey);
      } finally {
        emulator.kill("SIGTERM");
      }
    },
  );
});
