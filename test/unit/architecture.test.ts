/**
 * The layout tells the architecture (ARCHITECTURE.md, "Layers"), and this keeps it so: each folder
 * of provider/ imports only itself and the folders below it, and has its README index.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const REPO = join(__dirname, "../..");
/** provider/'s folders, lowest first. */
const LAYERS = ["wire", "surfaces", "support", "boundary", "settings", "transport", "listing", "lookup"];

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

/** Every TypeScript file of the tree that is ours (not dependencies, builds, or generated SDKs). */
function sourceFiles(dir = ""): string[] {
  const skipped = new Set(["node_modules", "dist", "release", ".git", "coverage", "go", "python"]);
  return readdirSync(join(REPO, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = dir === "" ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) return skipped.has(entry.name) ? [] : sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The import cycles of a graph (its strongly connected parts with more than one file; Tarjan's). */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const part = stack.splice(stack.indexOf(file));
    if (part.length > 1) cycles.push(part.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

it("no two files of the tree import each other, directly or in a loop", () => {
  const files = new Set(sourceFiles());
  const target = (path: string) => [`${path}.ts`, `${path}/index.ts`].find((f) => files.has(f));
  const graph = new Map(
    [...files].map((file) => [file, importsOf(file).flatMap((path) => target(path) ?? [])] as const),
  );
  expect(cyclesOf(graph)).toEqual([]);
});
