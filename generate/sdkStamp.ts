/**
 * The Go and Python SDKs are made by Pulumi's code generators (sdkgen/, Go: about four minutes to
 * compile cold). sdkgen/codegen.sha256 records what they were made from (plugin/schema.json and sdkgen/)
 * and what they are (every file of sdk/go/modelarts and sdk/python that git sees), so that a test
 * can tell, in milliseconds, whether they could have changed: only then does it regenerate them.
 * `npm run plugin:sdk` writes it after generating.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The stamp's path in the repository. */
export const SDK_STAMP = join("sdkgen", "codegen.sha256");

/** What the generators read. */
const INPUTS = ["plugin/schema.json", "sdkgen/main.go", "sdkgen/go.mod", "sdkgen/go.sum"];
/** Where they write. */
export const SDK_FOLDERS = [join("sdk", "go", "modelarts"), join("sdk", "python")];

/** The files of a folder that git sees (tracked, or new and not ignored), relative to the repository. */
export function visibleFiles(repo: string, folder: string): string[] {
  const listed = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", folder], {
    cwd: repo,
    encoding: "utf8",
  });
  return listed.split("\n").filter(Boolean).sort();
}

/** One hash of files: each path and its content. */
function hashOf(repo: string, paths: readonly string[]): string {
  const hash = createHash("sha256");
  for (const path of paths)
    hash
      .update(`${path}\0`)
      .update(readFileSync(join(repo, path)))
      .update("\0");
  return hash.digest("hex");
}

/** The stamp's text for the repository as it is now. */
export function sdkStamp(repo: string): string {
  const outputs = SDK_FOLDERS.flatMap((folder) => visibleFiles(repo, folder));
  return `inputs ${hashOf(repo, INPUTS)}\noutputs ${hashOf(repo, outputs)}\n`;
}

if (require.main === module) {
  const repo = join(__dirname, "..", "..");
  writeFileSync(join(repo, SDK_STAMP), sdkStamp(repo));
  process.stdout.write(`wrote ${SDK_STAMP}\n`);
}
