/**
 * The release's archives and their checksums, in the formats the tools that fetch them expect:
 * gzip tarballs for `pulumi plugin install`, and a `SHA256SUMS` in `sha256sum -c` format. Written by
 * node-tar, not a `tar` command: bsdtar (`tar` on macOS and Windows) lacks GNU tar's `--sort`, and
 * the same inputs must give the same bytes on any machine.
 */
import { createHash } from "node:crypto";
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { create as createTar } from "tar";
import type { ArchiveEntry } from "./seaExecutable";

/** A fixed time for every archived file, so that the same inputs give the same archive. */
const ARCHIVE_MTIME = new Date(0);

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

/**
 * Writes a gzip tarball holding the entries at its root, in name order, owned by root (portable: no
 * user or group names, ids 0), every time the same fixed one; the gzip header carries no time.
 */
export function writeTarball(entries: readonly ArchiveEntry[], tarball: string, staging: string): void {
  stage(entries, staging);
  const names = entries.map((e) => e.name).sort();
  createTar(
    { gzip: true, file: tarball, cwd: staging, sync: true, portable: true, mtime: ARCHIVE_MTIME },
    names,
  );
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
