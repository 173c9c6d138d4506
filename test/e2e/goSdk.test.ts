/**
 * The committed Go SDK (sdk/go/modelarts) is what Pulumi's Go code generator makes of the committed
 * schema: regenerating into a temporary folder gives the same files, byte for byte. Skipped, saying
 * why, without Go.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { findCommand } from "../../demo/exampleStack";

jest.setTimeout(900_000);

const REPO = join(__dirname, "../..");
const go = findCommand("go");
if (go === undefined) process.stdout.write("Go SDK regeneration test skipped: no Go toolchain on PATH\n");

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

(go === undefined ? it.skip : it)("regenerating the Go SDK from plugin/schema.json changes nothing", () => {
  const out = mkdtempSync(join(tmpdir(), "modelarts-sdkgen-"));
  try {
    execFileSync("go", ["run", ".", join(REPO, "plugin", "schema.json"), out], {
      cwd: join(REPO, "sdkgen"),
      stdio: "pipe",
    });
    const regenerated = tree(join(out, "go", "modelarts"));
    const committed = tree(join(REPO, "sdk", "go", "modelarts"));
    expect(Object.keys(regenerated).sort()).toEqual(Object.keys(committed).sort());
    for (const [path, content] of Object.entries(regenerated))
      expect([path, committed[path]]).toEqual([path, content]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
