/** The pages of docs/, as the tests that hold the docs read them. */
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";

const REPO = join(__dirname, "../..");

/** Every Markdown page below docs/ (its folders included), relative to the repository. */
export function docsPages(dir = join(REPO, "docs")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return docsPages(path);
    return entry.name.endsWith(".md") ? [relative(REPO, path)] : [];
  });
}
