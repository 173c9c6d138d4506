/**
 * The committed SDKs (sdk/go/modelarts, sdk/python) are what Pulumi's code generators make of the
 * committed schema: regenerating into a temporary folder gives the same files, byte for byte. The
 * committed side is what git sees (tracked, or new and not ignored), so that what `pip install
 * ./sdk/python` leaves behind (build/, *.egg-info) does not count. The regeneration (minutes, cold)
 * runs only when sdkgen/codegen.sha256 says the schema or sdkgen/ changed since the SDKs were made, or
 * with FULL_SDK_REGENERATION=1 (a release); otherwise the stamp also proves the SDKs untouched.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { findCommand } from "../../demo/exampleStack";
import { SDK_STAMP, sdkStamp } from "../../generate/sdkStamp";

jest.setTimeout(900_000);

const REPO = join(__dirname, "../..");
const go = findCommand("go");

/** The files of a folder of this repository that git sees, by path relative to it, with content. */
function committedTree(dir: string): Record<string, string> {
  const listed = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "."], {
    cwd: dir,
    encoding: "utf8",
  });
  const files: Record<string, string> = {};
  for (const path of listed.split("\n").filter(Boolean)) files[path] = readFileSync(join(dir, path), "utf8");
  return files;
}

/** Every file under a folder, by its path relative to it, with its content. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path, "utf8");
    }
  };
  walk(dir);
  return files;
}

/** Regenerates both SDKs into a temporary folder and compares them, file by file, with the committed ones. */
function regenerateAndCompare(): void {
  const out = mkdtempSync(join(tmpdir(), "modelarts-sdkgen-"));
  try {
    execFileSync("go", ["run", ".", join(REPO, "plugin", "schema.json"), out], {
      cwd: join(REPO, "sdkgen"),
      stdio: "pipe",
    });
    for (const sdk of [join("go", "modelarts"), "python"]) {
      const regenerated = tree(join(out, sdk));
      const committed = committedTree(join(REPO, "sdk", sdk));
      expect([sdk, Object.keys(regenerated).sort()]).toEqual([sdk, Object.keys(committed).sort()]);
      for (const [path, content] of Object.entries(regenerated))
        expect([sdk, path, committed[path]]).toEqual([sdk, path, content]);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

it("the committed SDKs are what the stamp says they were made from and are, or are regenerated and compared", () => {
  const [stampInputs, stampOutputs] = readFileSync(join(REPO, SDK_STAMP), "utf8").split("\n");
  const [inputs, outputs] = sdkStamp(REPO).split("\n");
  // An SDK edited by hand, with its inputs unchanged, is a mistake whatever the generators would say.
  if (inputs === stampInputs) expect(outputs).toBe(stampOutputs);
  const full = process.env.FULL_SDK_REGENERATION === "1" || inputs !== stampInputs;
  if (!full) {
    process.stdout.write(
      "SDK regeneration skipped: its inputs match sdkgen/codegen.sha256 (FULL_SDK_REGENERATION=1 forces it)\n",
    );
    return;
  }
  if (go === undefined) {
    process.stdout.write("SDK regeneration skipped: no Go toolchain on PATH\n");
    return;
  }
  regenerateAndCompare();
  // Generated, but the stamp not written: `npm run plugin:sdk` writes both.
  expect([inputs, outputs]).toEqual([stampInputs, stampOutputs]);
});
