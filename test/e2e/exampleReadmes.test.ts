/**
 * The examples' READMEs, run as a new user runs them: the shell steps under the README's `e2e`
 * marker, as they are written, in a copy of the example's folder, with a PATH holding the shell's
 * tools, `pulumi`, the YAML host and `tofu`, and no `node` or `npm`. The release comes from the
 * `release/` folder through `MODELARTS_RELEASE` (the variable the READMEs name), and the emulator
 * from the release's `pulumi-modelarts`, as the steps start it.
 */
import { execFile, execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findCommand, isolatedPulumiEnv } from "../../demo/exampleStack";
import { fencedBlockAfter } from "../support/readme";
import { pathWithOnly, RELEASE_DIR } from "../support/release";

jest.setTimeout(600_000);

const REPO = join(__dirname, "../..");
const MARKER = "<!-- e2e: test/e2e/exampleReadmes.test.ts runs these steps as they are";
/** What the steps use besides the tools under test: a shell's commands. */
const SHELL_TOOLS = ["bash", "sh", "curl", "tar", "gzip", "mkdir", "cat", "sleep", "dirname", "basename"];

/** The shell block that follows the README's marker. */
const readmeSteps = (example: string): string => fencedBlockAfter(`examples/${example}/README.md`, MARKER);

/** Runs an example's steps in a copy of its folder; its exit code and output. */
async function runSteps(
  example: string,
  tools: string[],
): Promise<{ code: number; output: string; root: string }> {
  const root = mkdtempSync(join(tmpdir(), `readme-${example}-`));
  const dir = join(root, example);
  cpSync(join(REPO, "examples", example), dir, { recursive: true });
  const PATH = pathWithOnly([...tools, ...SHELL_TOOLS.map((tool) => findCommand(tool)!)], root);
  expect(() =>
    execFileSync("/bin/sh", ["-c", "command -v node || command -v npm"], { env: { PATH } }),
  ).toThrow();
  // The steps as written; the shell ends the emulator they started in the background when they end.
  const script = `set -euo pipefail\ntrap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n${readmeSteps(example)}`;
  const env = {
    PATH,
    HOME: root,
    MODELARTS_RELEASE: `file://${RELEASE_DIR}`,
    ...isolatedPulumiEnv(root),
    TF_IN_AUTOMATION: "1",
    CHECKPOINT_DISABLE: "1",
  };
  return new Promise((resolve) => {
    execFile(
      "bash",
      ["-c", script],
      { cwd: dir, env, encoding: "utf8", maxBuffer: 64 << 20 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}\n${stderr}`, root }),
    );
  });
}

const pulumi = findCommand("pulumi");
const yamlHost = findCommand("pulumi-language-yaml");
const tofu = findCommand("tofu");
const EMULATOR = "http://127.0.0.1:8787";
let roots: string[] = [];

afterEach(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
  roots = [];
});

(pulumi && yamlHost ? it : it.skip)(
  "yaml-tensorboard-urls: the release's emulator and plugin; up, the outputs, refresh, destroy",
  async () => {
    const run = await runSteps("yaml-tensorboard-urls", [pulumi!, yamlHost!]);
    roots.push(run.root);
    expect(run.output).not.toMatch(/error:/);
    expect(run.code).toBe(0);
    for (const id of [1001, 1003, 1007]) expect(run.output).toContain(`${EMULATOR}/visualization/${id}/`);
    expect(run.output).toMatch(/- 2 deleted/);
  },
);

(tofu ? it : it.skip)(
  "terraform-tensorboard-urls: the release's emulator and provider from a mirror; init, apply, the output",
  async () => {
    const run = await runSteps("terraform-tensorboard-urls", [tofu!]);
    roots.push(run.root);
    expect(run.output).not.toMatch(/Error:/);
    expect(run.code).toBe(0);
    // `tofu output -json` prints the map last, as one JSON text.
    const outputs = /^\{.*\}$|^\{[\s\S]*?^\}$/m.exec(
      run.output.slice(run.output.lastIndexOf("Apply complete!")),
    );
    expect(JSON.parse(outputs![0])).toEqual({
      "vision-resnet50-tb": `${EMULATOR}/visualization/1001/`,
      "vision-vit-b16-tb": `${EMULATOR}/visualization/1003/`,
      "vision-dino-tb": `${EMULATOR}/visualization/1007/`,
      "vision-segformer-tb": `${EMULATOR}/visualization/1005/`,
    });
  },
);
