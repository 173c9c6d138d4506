/**
 * Everything a file backend holds, as one text: what the secret audits of the end-to-end tests
 * search (state, checkpoints, backups, history), so that no file of it is left out.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** Every file under `dir`, read as text (latin1: every byte shows), joined with newlines. */
export function textUnder(dir: string): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((path) => (statSync(path).isDirectory() ? textUnder(path) : readFileSync(path, "latin1")))
    .join("\n");
}
