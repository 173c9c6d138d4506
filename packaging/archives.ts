/**
 * The release's archives and their checksums, in the formats the tools that fetch them expect:
 * gzip tarballs for `pulumi plugin install`, and a `SHA256SUMS` in `sha256sum -c` format.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { ArchiveEntry } from "./seaExecutable";

/** A fixed time for every archived file, so that the same inputs give the same archive. */
const ARCHIVE_MTIME = "@0";

/** Copies the entries into `staging` under their names and modes (what tar then records). */
function stage(entries: readonly ArchiveEntry[], staging: string): void {
  rmSync(staging, { recursive: true, force: true });
  for (const entry of entries) {
    const target = join(staging, entry.name);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(entry.source, target);
    chmodSync(target, entry.mode);
  }
}

/** Writes a gzip tarball holding the entries at its root, owned by root, with fixed times. */
export function writeTarball(entries: readonly ArchiveEntry[], tarball: string, staging: string): void {
  stage(entries, staging);
  execFileSync("tar", [
    "--create",
    "--gzip",
    "--file",
    tarball,
    "--owner=0",
    "--group=0",
    "--numeric-owner",
    `--mtime=${ARCHIVE_MTIME}`,
    "--sort=name",
    "-C",
    staging,
    ...entries.map((e) => e.name),
  ]);
  rmSync(staging, { recursive: true, force: true });
}

/** The SHA-256 of a file, in hex. */
export function sha256File(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/** Writes `sums` for the files, one `<hex>  <name>` line each, as `sha256sum` prints. */
export function writeChecksums(dir: string, files: readonly string[], sums: string): void {
  const lines = [...files].sort().map((name) => `${sha256File(join(dir, name))}  ${name}\n`);
  writeFileSync(join(dir, sums), lines.join(""));
}
