/**
 * `npm run release`: writes into `release/` one standalone executable of the provider per platform,
 * packed as `pulumi plugin install` fetches it, and the checksums. `--platform linux-amd64` (again
 * for more) builds only those. A platform whose inputs (the bundle, Node.js, this code) have not
 * changed since its last build is kept, so a second run takes seconds.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeChecksums, writeTarball } from "./archives";
import { bundleProvider } from "./bundle";
import { NODE_VERSION, PLATFORMS, type Platform, platformName } from "./platforms";
import { type ArchiveEntry, platformExecutable, seaBlob } from "./seaExecutable";

/** The Pulumi plugin's executable, as the engine looks for it. */
export const PLUGIN_EXECUTABLE = "pulumi-resource-modelarts";

/** The release's own folder of what it built from: each platform's input hash, and the SEA blob. */
export const BUILD_STATE = ".build";
/** The SEA blob every SEA executable carries, kept in BUILD_STATE. */
export const SEA_BLOB = "sea-prep.blob";

/** `pulumi-resource-modelarts-v<version>-<os>-<arch>.tar.gz`, the name Pulumi's installer asks for. */
export function pluginTarballName(version: string, platform: Platform): string {
  return `${PLUGIN_EXECUTABLE}-v${version}-${platformName(platform)}.tar.gz`;
}

/** What a platform's build depends on: if this has not changed, neither has its archive. */
function inputsHash(blob: Buffer, platform: Platform, version: string): string {
  const hash = createHash("sha256")
    .update(blob)
    .update(`${NODE_VERSION} ${version} ${JSON.stringify(platform)}`);
  for (const file of readdirSync(__dirname)
    .filter((f) => f.endsWith(".js"))
    .sort()) {
    hash.update(readFileSync(join(__dirname, file)));
  }
  return hash.digest("hex");
}

/** The README and LICENSE that every archive carries beside the executable. */
function documents(repo: string): ArchiveEntry[] {
  return ["README.md", "LICENSE"].map((name) => ({ name, source: join(repo, name), mode: 0o644 }));
}

/** Builds one platform's tarball into `outDir` unless its stamp says it is current. */
async function releasePlatform(
  context: {
    repo: string;
    outDir: string;
    work: string;
    version: string;
    blob: Buffer;
    bundle: ReturnType<typeof bundleProvider>;
  },
  platform: Platform,
): Promise<string> {
  const { repo, outDir, work, version, blob, bundle } = context;
  const tarball = pluginTarballName(version, platform);
  const stamp = join(outDir, BUILD_STATE, `${platformName(platform)}.sha256`);
  const inputs = inputsHash(blob, platform, version);
  if (existsSync(join(outDir, tarball)) && existsSync(stamp) && readFileSync(stamp, "utf8") === inputs) {
    process.stdout.write(`kept   ${tarball} (unchanged)\n`);
    return tarball;
  }
  const dir = join(work, platformName(platform));
  const files = await platformExecutable(platform, bundle, blob, dir, PLUGIN_EXECUTABLE);
  writeTarball([...files, ...documents(repo)], join(outDir, tarball), join(work, "staging"));
  writeFileSync(stamp, inputs);
  process.stdout.write(`wrote  ${tarball}\n`);
  return tarball;
}

/** Builds the release of the repository at `repo` into `outDir` for the given platforms. */
export async function release(
  repo: string,
  outDir: string,
  platforms: readonly Platform[],
): Promise<string[]> {
  const { version } = JSON.parse(readFileSync(join(repo, "package.json"), "utf8")) as { version: string };
  // One work folder per build, so that two builds at once (parallel test files) do not collide.
  const work = join(outDir, `.work-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  mkdirSync(join(outDir, BUILD_STATE), { recursive: true });
  // At a fixed path: the SEA blob records the path of its main script, and a blob that changed with
  // the work folder would make every build look new.
  const bundle = bundleProvider(repo, join(outDir, BUILD_STATE, "provider.js"));
  const blob = seaBlob(bundle, work);
  // Kept for the checks that every platform's executable carries this same blob.
  writeFileSync(join(outDir, BUILD_STATE, SEA_BLOB), blob);
  const context = { repo, outDir, work, version, blob, bundle };
  const written: string[] = [];
  for (const platform of platforms) written.push(await releasePlatform(context, platform));
  const tarballs = readdirSync(outDir).filter(
    (f) => f.startsWith(`${PLUGIN_EXECUTABLE}-v${version}-`) && f.endsWith(".tar.gz"),
  );
  writeChecksums(outDir, tarballs, "SHA256SUMS");
  rmSync(work, { recursive: true, force: true });
  return written;
}

/** The platforms named by `--platform` arguments, or all of them. */
export function chosenPlatforms(args: readonly string[]): Platform[] {
  const names = args.flatMap((arg, i) => (args[i - 1] === "--platform" ? [arg] : []));
  if (names.length === 0) return [...PLATFORMS];
  return names.map((name) => {
    const platform = PLATFORMS.find((p) => platformName(p) === name);
    if (platform === undefined) {
      throw new Error(`unknown platform ${name}; the release has ${PLATFORMS.map(platformName).join(", ")}`);
    }
    return platform;
  });
}

if (require.main === module) {
  const repo = join(__dirname, "..", "..");
  const started = Date.now();
  release(repo, join(repo, "release"), chosenPlatforms(process.argv.slice(2))).then(
    () => process.stdout.write(`release/ written in ${((Date.now() - started) / 1000).toFixed(1)} s\n`),
    (error: Error) => {
      process.stderr.write(`release: ${error.message}\n`);
      process.exit(1);
    },
  );
}
