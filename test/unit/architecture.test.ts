/**
 * The layout tells the architecture (ARCHITECTURE.md, "Layers"), and this keeps it so: each folder
 * of provider/ imports only itself and the folders below it, and has its README index.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const REPO = join(__dirname, "../..");
/** provider/'s folders, lowest first. */
const LAYERS = ["wire", "support", "boundary", "settings", "transport", "listing", "lookup"];

/** Every relative import of a TypeScript file, resolved to a repository path. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(REPO, file), "utf8");
  return [...text.matchAll(/(?:from|import|require)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)].map((m) =>
    relative(REPO, resolve(dirname(join(REPO, file)), m[1]!)),
  );
}

const folderOf = (path: string) => /^provider\/([^/]+)\//.exec(path)?.[1];

describe("the layers of provider/", () => {
  it("has exactly the folders ARCHITECTURE.md names, each with its README index", () => {
    const folders = readdirSync(join(REPO, "provider"), { withFileTypes: true }).filter((d) =>
      d.isDirectory(),
    );
    expect(folders.map((d) => d.name).sort()).toEqual([...LAYERS].sort());
    for (const layer of LAYERS) expect(readdirSync(join(REPO, "provider", layer))).toContain("README.md");
    expect(readdirSync(join(REPO, "provider")).filter((f) => f.endsWith(".ts"))).toEqual([]);
  });

  it.each(LAYERS)("provider/%s imports only itself and the folders below it", (layer) => {
    const level = LAYERS.indexOf(layer);
    const upward = readdirSync(join(REPO, "provider", layer))
      .filter((f) => f.endsWith(".ts"))
      .flatMap((f) => importsOf(`provider/${layer}/${f}`).map((target) => [f, target] as const))
      .filter(([, target]) => {
        const folder = folderOf(target);
        return folder === undefined || LAYERS.indexOf(folder) > level;
      });
    expect(upward).toEqual([]);
  });
});
