/**
 * The plugin's start: the engine launches it for every operation, and its cold start is what an
 * invoke from YAML or Go waits for. Loading the provider must not load the TypeScript SDK (and with
 * it all of @pulumi/pulumi: it once doubled the cold start, `npm run bench`). The module graph is
 * checked here in a fresh process; the time is measured by the bench.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";

it("loads the plugin's provider without the TypeScript SDK or the root of @pulumi/pulumi", () => {
  const script = `require(${JSON.stringify(join(__dirname, "../../dist/plugin/modelartsProvider.js"))});
process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
  const loaded: string[] = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
  expect(loaded.filter((path) => /dist\/sdk\//.test(path))).toEqual([]);
  expect(loaded.filter((path) => /@pulumi\/pulumi\/index\.js$/.test(path))).toEqual([]);
  expect(loaded.some((path) => path.endsWith("dist/provider/lookup.js"))).toBe(true);
});
