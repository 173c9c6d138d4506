/**
 * `npm run release`: writes into `release/` one standalone executable of the provider per platform,
 * packed three times: as `pulumi plugin install` fetches it (a tarball), as Terraform's registries
 * and mirrors hold it (a zip), and as the command line `pulumi-modelarts` (a tarball), with the
 * checksums of each, the registries' manifest and signature (terraformRegistry.ts) and the network
 * mirror's page (terraformMirror.ts); and the SDKs as their registries take them: the Python wheel and
 * sdist (pythonPackages.ts) and the Go module as a module proxy serves it, in one archive
 * (goModuleProxy.ts). `--platform linux-amd64` (again
 * for more) builds only those. A platform whose inputs (the bundle, Node.js, this code) have not
 * changed since its last build is kept, so a second run takes seconds.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type ArchiveKind, archiveReadme } from "./archiveReadme";
import { writeChecksums, writeTarball } from "./archives";
import { bundleProvider } from "./bundle";
import { writeGoModuleProxy } from "./goModuleProxy";
import { NODE_VERSION, PLATFORMS, type Platform, platformName } from "./platforms";
import { writePythonPackages } from "./pythonPackages";
import { type ArchiveEntry, platformExecutable, seaBlob } from "./seaExecutable";
import { releaseTime } from "./sourceFiles";
import { writeTerraformMirror } from "./terraformMirror";
import { signChecksums, TERRAFORM_PROVIDER, writeTerraformManifest } from "./terraformRegistry";
import { writeZip } from "./zipArchive";

/** The Pulumi plugin's executable, as the engine looks for it. */
export const PLUGIN_EXECUTABLE = "pulumi-resource-modelarts";

/** `terraform-provider-modelarts_<version>_<os>_<arch>.zip`, the name registries and mirrors use. */
export function terraformZipName(version: string, platform: Platform): string {
  return `${TERRAFORM_PROVIDER}_${version}_${platform.os}_${platform.arch}.zip`;
}

/** `terraform-provider-modelarts_<version>_SHA256SUMS`, the checksums of the zips. */
export function terraformSumsName(version: string): string {
  return `${TERRAFORM_PROVIDER}_${version}_SHA256SUMS`;
}

/** The command line's executable: `pulumi-modelarts jobs`, `pulumi-modelarts emulator`. */
const COMMAND_LINE = "pulumi-modelarts";

/**
 * The executable's files under another name: Terraform's `terraform-provider-modelarts_v<version>`,
 * or the command line's `pulumi-modelarts` (`.exe` on Windows). The same executable serves every
 * tool, telling them apart by TF_PLUGIN_MAGIC_COOKIE and by its own name.
 */
function renamed(files: readonly ArchiveEntry[], name: string): ArchiveEntry[] {
  return files.map((file) =>
    file.name.startsWith(`${PLUGIN_EXECUTABLE}`)
      ? { ...file, name: file.name.replace(PLUGIN_EXECUTABLE, name) }
      : file,
  );
}

/** `pulumi-modelarts-v<version>-<os>-<arch>.tar.gz`: the command line, for users without Node.js. */
export function commandLineTarballName(version: string, platform: Platform): string {
  return `${COMMAND_LINE}-v${version}-${platformName(platform)}.tar.gz`;
}

/** The release's own folder of what it built from: each platform's input hash, and the SEA blob. */
export const BUILD_STATE = ".build";
/** The SEA blob every SEA executable carries, kept in BUILD_STATE. */
export const SEA_BLOB = "sea-prep.blob";
/** The provider's bundle the blob was made from, kept in BUILD_STATE. */
export const BUNDLE_FILE = "provider.js";

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

/**
 * The README (short, for this archive: archiveReadme.ts) and the LICENSE that every archive carries
 * beside the executable; the README is written under `work`.
 */
function documents(repo: string, work: string, readme: Parameters<typeof archiveReadme>): ArchiveEntry[] {
  const source = join(work, `README-${readme[0]}-${platformName(readme[2])}.md`);
  writeFileSync(source, archiveReadme(...readme));
  return [
    { name: "README.md", source, mode: 0o644 },
    { name: "LICENSE", source: join(repo, "LICENSE"), mode: 0o644 },
  ];
}

/** Builds one platform's tarball and zip into `outDir` unless its stamp says they are current. */
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
  const archives = [
    pluginTarballName(version, platform),
    terraformZipName(version, platform),
    commandLineTarballName(version, platform),
  ];
  const [tarball, zip, commandLine] = archives as [string, string, string];
  const stamp = join(outDir, BUILD_STATE, `${platformName(platform)}.sha256`);
  const inputs = inputsHash(blob, platform, version);
  const current = archives.every((a) => existsSync(join(outDir, a)));
  if (current && existsSync(stamp) && readFileSync(stamp, "utf8") === inputs) {
    process.stdout.write(`kept   ${archives.join(", ")} (unchanged)\n`);
    return tarball;
  }
  const dir = join(work, platformName(platform));
  const files = await platformExecutable(platform, bundle, blob, dir, PLUGIN_EXECUTABLE);
  const docs = (kind: ArchiveKind) => documents(repo, work, [kind, version, platform]);
  writeTarball([...files, ...docs("plugin")], join(outDir, tarball), join(work, "staging"));
  writeZip([...renamed(files, `${TERRAFORM_PROVIDER}_v${version}`), ...docs("terraform")], join(outDir, zip));
  writeTarball(
    [...renamed(files, COMMAND_LINE), ...docs("commandLine")],
    join(outDir, commandLine),
    join(work, "staging"),
  );
  writeFileSync(stamp, inputs);
  process.stdout.write(`wrote  ${archives.join(", ")}\n`);
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
  const bundle = bundleProvider(repo, join(outDir, BUILD_STATE, BUNDLE_FILE));
  const blob = seaBlob(bundle, work);
  // Kept for the checks that every platform's executable carries this same blob.
  writeFileSync(join(outDir, BUILD_STATE, SEA_BLOB), blob);
  const context = { repo, outDir, work, version, blob, bundle };
  const written: string[] = [];
  for (const platform of platforms) written.push(await releasePlatform(context, platform));
  const tarballs = readdirSync(outDir).filter(
    (f) =>
      (f.startsWith(`${PLUGIN_EXECUTABLE}-v${version}-`) || f.startsWith(`${COMMAND_LINE}-v${version}-`)) &&
      f.endsWith(".tar.gz"),
  );
  const zips = readdirSync(outDir).filter(
    (f) => f.startsWith(`${TERRAFORM_PROVIDER}_${version}_`) && f.endsWith(".zip"),
  );
  // The registries' files: the manifest, listed in the zips' sums, and the sums' signature; and the
  // network mirror's page, listed in SHA256SUMS with everything else that is not a registry's.
  const manifest = writeTerraformManifest(outDir, version);
  writeChecksums(outDir, [...zips, manifest], terraformSumsName(version));
  signChecksums(outDir, terraformSumsName(version), process.env);
  const mirror = writeTerraformMirror(outDir, version, zips);
  // The SDKs as PyPI and a Go module proxy take them, dated by the commit, not the clock.
  const time = releaseTime(repo);
  const sdks = [
    ...writePythonPackages(repo, outDir, work, time),
    writeGoModuleProxy(repo, outDir, work, version, time),
  ];
  writeChecksums(outDir, [...tarballs, ...sdks, mirror], "SHA256SUMS");
  signChecksums(outDir, "SHA256SUMS", process.env);
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
