/**
 * `npm run bench` at its smallest (`--smoke`: one size of one page, one run of each figure), so that
 * a change that breaks a bench fails `npm test` instead of waiting for the next person who measures.
 * It asserts only that the bench completes and writes every figure it promises, as finite numbers;
 * never how fast anything is (the figures of a one-run smoke mean nothing). The type-check already
 * holds the benches to the package's exports; this runs them.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { findCommand } from "../../demo/exampleStack";
import { buildingPlatform, platformName } from "../../packaging/platforms";
import { type BenchResults, missingFigures } from "../bench/results";

jest.setTimeout(300_000);

const REPO = join(__dirname, "../..");

it("npm run bench --smoke completes and writes every figure it promises", async () => {
  const root = mkdtempSync(join(tmpdir(), "modelarts-bench-smoke-"));
  try {
    const out = join(root, "results.json");
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(REPO, "dist", "test", "bench", "bench.js"), "--smoke", "--out", out],
      { cwd: root, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
    );
    const results = JSON.parse(readFileSync(out, "utf8")) as BenchResults;
    expect(missingFigures(results)).toEqual([]);
    expect(results.profile).toBe("smoke");
    expect(results.rows.map((r) => r.jobs)).toEqual([1000]);
    expect(Object.keys(results.rows[0]!.multiStatus.single)).toEqual(["RUNNING", "COMPLETED", "CANCELED"]);
    expect(Object.keys(results.firstLookup)).toEqual(["1000"]);
    expect(Object.keys(results.plugin.sizes)).toEqual([platformName(buildingPlatform())]);
    expect(results.startup.pluginOverNode).toBeGreaterThan(0);
    // The engine's and tofu's rows exist exactly when their commands do, as the bench says.
    expect(results.plugin.invoke !== undefined).toBe(findCommand("pulumi") !== undefined);
    expect(results.terraform !== undefined).toBe(findCommand("tofu") !== undefined);
    expect(stdout).toContain("| 1000 | 1 |");
    expect(stdout).toContain(`written: ${out}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
