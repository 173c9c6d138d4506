/**
 * One platform's executable: the SEA blob injected into that platform's official Node.js binary
 * (Node's "single executable applications"), with the signature work each format needs; or, where
 * Node does not support SEA, the unmodified binary beside the bundle and a launcher.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { inject } from "postject";
import type { Bundle } from "./bundle";
import { nodeBinary } from "./nodeBinaries";
import { LAUNCHER_UNSET, neutraliseEnvironmentReads } from "./nodeEnvironment";
import { removeAuthenticode } from "./peSignature";
import { buildingPlatform, executableSuffix, type Platform, platformName } from "./platforms";

/** The fuse Node looks for to know a blob was injected (its SEA docs). */
const SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";
/**
 * Makes the SEA preparation blob of a bundle. The blob's layout belongs to the Node.js version that
 * reads it, so it is made by the pinned version (the host's binary of it), not the machine's node;
 * the code cache and the snapshot are off, since they would tie the blob to one platform.
 */
export function seaBlob(bundle: Bundle, workDir: string): Buffer {
  const host = buildingPlatform();
  const config = join(workDir, "sea-config.json");
  const output = join(workDir, "sea-prep.blob");
  writeFileSync(
    config,
    JSON.stringify({
      // Relative to the bundle's folder, where Node runs: the blob records this path, and an
      // absolute one made two checkouts of one commit build different executables.
      main: basename(bundle.path),
      output,
      disableExperimentalSEAWarning: true,
      useCodeCache: false,
      useSnapshot: false,
      // NODE_OPTIONS is ignored: a CI that sets `--require` or `--inspect` globally must not load
      // code into, or open a debugger onto, a process that holds the user's keys.
      execArgvExtension: "none",
    }),
  );
  // Its one line of output ("Wrote single executable preparation blob") says nothing; a failure
  // throws with what it wrote.
  execFileSync(nodeBinary(host), ["--experimental-sea-config", config], {
    stdio: "pipe",
    cwd: dirname(bundle.path),
  });
  return readFileSync(output);
}

/** A file of the release archive: its name in the archive, where it is now, its mode. */
export interface ArchiveEntry {
  readonly name: string;
  readonly source: string;
  readonly mode: number;
}

/** postject writes a warning per ELF note it cannot name; they say nothing about the result. */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const write = process.stderr.write;
  process.stderr.write = ((chunk: unknown, ...rest: unknown[]) =>
    String(chunk).startsWith("warning: Can't find string offset")
      ? true
      : write.call(process.stderr, chunk as string, ...(rest as []))) as typeof process.stderr.write;
  try {
    return await work();
  } finally {
    process.stderr.write = write;
  }
}

/** The blob injected into the platform's Node.js binary, written as `<dir>/<name>`. */
async function seaExecutable(
  platform: Platform,
  blob: Buffer,
  dir: string,
  name: string,
): Promise<ArchiveEntry[]> {
  const file = join(dir, `${name}${executableSuffix(platform)}`);
  // Node reads some variables before the bundle's first line (nodeEnvironment.ts): their names are
  // blanked in this copy of the binary.
  let binary: Buffer = neutraliseEnvironmentReads(readFileSync(nodeBinary(platform)), platformName(platform));
  // The signature comes off first, as `signtool remove /s` would: the injection changes the file,
  // and a broken signature is worse than none. (macOS ships the signed binary with a launcher.)
  if (platform.os === "windows") binary = removeAuthenticode(binary);
  writeFileSync(file, binary);
  chmodSync(file, 0o755);
  await quietly(() => inject(file, "NODE_SEA_BLOB", blob, { sentinelFuse: SEA_FUSE }));
  return [{ name: `${name}${executableSuffix(platform)}`, source: file, mode: 0o755 }];
}

/** Where the launcher keeps the Node.js binary and the bundle. */
const RUNTIME = "runtime";

/** The unmodified Node.js binary, the bundle, and a launcher named `<name>` that runs one with the other. */
function launcherExecutable(platform: Platform, bundle: Bundle, dir: string, name: string): ArchiveEntry[] {
  mkdirSync(join(dir, RUNTIME), { recursive: true });
  const launcher = join(dir, name);
  writeFileSync(
    launcher,
    `#!/bin/sh
# ${name}: Node.js does not run single executable applications on this platform, so its official,
# signed binary runs the provider's bundle, both kept in ${RUNTIME}/ beside this file.
# A link to this file (Homebrew's, ~/bin's) is followed to the folder that holds ${RUNTIME}/.
self=$0
while [ -L "$self" ]; do
  link=$(readlink -- "$self") || exit 1
  case $link in /*) self=$link ;; *) self=$(dirname -- "$self")/$link ;; esac
done
here=$(CDPATH= cd -- "$(dirname -- "$self")" && pwd) || exit 1
# Node's variables that load code, write files or block at start are cleared, as the single
# executables ignore them (packaging/nodeEnvironment.ts).
unset ${LAUNCHER_UNSET.join(" ")}
# Its own name tells the bundle what to be (the command line as pulumi-modelarts), as a SEA's does.
MODELARTS_EXECUTABLE=$(basename -- "$self") exec "$here/${RUNTIME}/node" "$here/${RUNTIME}/provider.js" "$@"
`,
  );
  copyFileSync(nodeBinary(platform), join(dir, RUNTIME, "node"));
  copyFileSync(bundle.path, join(dir, RUNTIME, "provider.js"));
  return [
    { name, source: launcher, mode: 0o755 },
    { name: `${RUNTIME}/node`, source: join(dir, RUNTIME, "node"), mode: 0o755 },
    { name: `${RUNTIME}/provider.js`, source: join(dir, RUNTIME, "provider.js"), mode: 0o644 },
  ];
}

/** The files that make the executable `name` for a platform, written under `dir`. */
export async function platformExecutable(
  platform: Platform,
  bundle: Bundle,
  blob: Buffer,
  dir: string,
  name: string,
): Promise<ArchiveEntry[]> {
  mkdirSync(dir, { recursive: true });
  return platform.packaging === "sea"
    ? seaExecutable(platform, blob, dir, name)
    : launcherExecutable(platform, bundle, dir, name);
}
