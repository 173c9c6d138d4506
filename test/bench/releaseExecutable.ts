/**
 * The release the benches measure: `npm run release`'s own code, run for this machine's platform
 * (or all five, for the sizes), and this machine's plugin executable extracted from its tarball.
 * The benches run compiled, from dist/test/bench, so the repository is three folders up.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { version } from "pulumi-modelarts/package.json";
import { buildingPlatform, PLATFORMS, type Platform, platformName } from "../../packaging/platforms";
import { PLUGIN_EXECUTABLE, pluginTarballName } from "../../packaging/release";

/** The repository: dist/test/bench is three folders below it. */
export const REPO = join(__dirname, "../../..");

/** Each platform's executable (with a launcher's runtime) and tarball size, in MB. */
export type ReleaseSizes = Record<string, { executableMB: number; tarballMB: number }>;

/**
 * Builds the release (kept when unchanged) for this machine's platform, or for all five; returns the
 * platforms built, which are the ones to measure (release/ may hold others from an earlier build).
 */
export function buildRelease(allPlatforms: boolean): readonly Platform[] {
  const platforms = allPlatforms ? PLATFORMS : [buildingPlatform()];
  const args = platforms.flatMap((p) => ["--platform", platformName(p)]);
  execFileSync(process.execPath, [join(REPO, "dist", "packaging", "release.js"), ...args], {
    stdio: "ignore",
  });
  return platforms;
}

/** The size of each platform's plugin tarball in release/ and of the executable inside it. */
export function releaseSizes(platforms: readonly Platform[]): ReleaseSizes {
  const sizes: ReleaseSizes = {};
  for (const platform of platforms) {
    const tarball = join(REPO, "release", pluginTarballName(version, platform));
    const rows = execFileSync("tar", ["-tvzf", tarball], { encoding: "utf8" }).split("\n");
    const executable = rows.filter((row) => /pulumi-resource-modelarts(\.exe)?$|runtime\//.test(row));
    const bytes = executable.reduce((sum, row) => sum + Number(row.split(/\s+/)[2]), 0);
    sizes[platformName(platform)] = { executableMB: bytes / 1e6, tarballMB: statSync(tarball).size / 1e6 };
  }
  return sizes;
}

/** This machine's plugin executable, extracted into `dir`; resolves to its path. */
export function extractedExecutable(dir: string): string {
  const tarball = join(REPO, "release", pluginTarballName(version, buildingPlatform()));
  mkdirSync(dir, { recursive: true });
  execFileSync("tar", ["-xzf", tarball, "-C", dir, PLUGIN_EXECUTABLE]);
  return join(dir, PLUGIN_EXECUTABLE);
}
