/**
 * The plugin's start: the engine launches it for every operation, and its cold start is what an
 * invoke from YAML or Go waits for. Loading the provider must not load the TypeScript SDK (and with
 * it all of @pulumi/pulumi: it once doubled the cold start, `npm run bench`). The module graph is
 * checked here in a fresh process; the time is measured by the bench.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

it("loads the plugin's provider without the TypeScript SDK or the root of @pulumi/pulumi", () => {
  const script = `require(${JSON.stringify(join(__dirname, "../../dist/plugin/modelartsProvider.js"))});
process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
  const loaded: string[] = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
  expect(loaded.filter((path) => /dist\/sdk\//.test(path))).toEqual([]);
  expect(loaded.filter((path) => /@pulumi\/pulumi\/index\.js$/.test(path))).toEqual([]);
  expect(loaded.some((path) => path.endsWith("dist/provider/lookup/lookup.js"))).toBe(true);
});

it("the repository's plugin launcher says it needs Node.js when there is none on PATH", () => {
  const bin = mkdtempSync(join(tmpdir(), "modelarts-no-node-"));
  try {
    // A PATH with the shell's own tools and no node.
    for (const tool of ["/bin/sh", "/usr/bin/dirname"]) symlinkSync(tool, join(bin, tool.split("/").pop()!));
    const run = spawnSync(
      "/bin/sh",
      [join(__dirname, "../../plugin/bin/pulumi-resource-modelarts"), "127.0.0.1:1"],
      {
        env: { PATH: bin },
        encoding: "utf8",
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'pulumi-resource-modelarts needs Node.js >= 20.18.1 on PATH; or install the standalone plugin, which needs none (docs/plugin.md, "Installing the plugin").\n',
    );
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
});
