/** The README's own code, as the tests run it: a fenced block found by the marker comment before it. */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const REPO = join(__dirname, "../..");

/**
 * The body of the first fenced block after `marker` in the Markdown file `path` (relative to the
 * repository): what a user copies. Throws when the marker or the block is missing, so that a README
 * that lost its quick start fails the test that runs it.
 */
export function fencedBlockAfter(path: string, marker: string): string {
  const text = readFileSync(join(REPO, path), "utf8");
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`${path} has no "${marker}"`);
  const block = /```[\w-]*\n([\s\S]*?)```/.exec(text.slice(at));
  if (block === null) throw new Error(`${path} has no fenced block after "${marker}"`);
  return block[1]!;
}
