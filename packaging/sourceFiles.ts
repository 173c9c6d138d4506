/**
 * The files of a source folder as a release packs them: every file below it, in name order, without
 * what a build or an editor leaves behind (caches, build folders, dot-files) and without nested Go
 * modules, which are modules of their own. The release time is the commit's, so that two builds of
 * one commit write the same bytes.
 */
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

/** Names a build or a tool leaves in a source folder; never released. */
const LEFT_BEHIND = /^(\..*|__pycache__|node_modules|build|dist|.*\.egg-info|.*\.pyc)$/;

/**
 * Every file below `dir`, as paths relative to it with `/`, sorted; entries `left` names (a file, or
 * a folder and all below it) left out, and a folder `ownModule` says is another module's skipped.
 */
export function filesBelow(
  dir: string,
  left: (name: string) => boolean = () => false,
  ownModule: (names: readonly string[]) => boolean = () => false,
  relative = "",
): string[] {
  const entries = readdirSync(join(dir, relative), { withFileTypes: true }).filter(
    (entry) => !left(entry.name),
  );
  if (relative !== "" && ownModule(entries.filter((entry) => entry.isFile()).map((entry) => entry.name)))
    return [];
  return entries
    .flatMap((entry) => {
      const path = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) return filesBelow(dir, left, ownModule, path);
      return entry.isFile() ? [path] : [];
    })
    .sort();
}

/** A source folder's files as the release packs them: no leftovers, and no folder holding a go.mod. */
export function sourceFiles(dir: string): string[] {
  return filesBelow(
    dir,
    (name) => LEFT_BEHIND.test(name),
    (names) => names.includes("go.mod"),
  );
}

/**
 * The release's time: `SOURCE_DATE_EPOCH` when set (the reproducible-builds convention), else the
 * commit's time, else 1980-01-01 (the earliest a zip can hold).
 */
export function releaseTime(repo: string, env: NodeJS.ProcessEnv = process.env): Date {
  const given = env.SOURCE_DATE_EPOCH;
  if (given !== undefined && /^\d+$/.test(given)) return new Date(Number(given) * 1000);
  try {
    const seconds = execFileSync("git", ["-C", repo, "log", "-1", "--format=%ct"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    if (/^\d+$/.test(seconds)) return new Date(Number(seconds) * 1000);
  } catch {}
  // Said, not silent: a build dated so differs from the same commit's built in a checkout.
  process.stderr.write(
    "release: no commit time (no git on PATH, or not a checkout) and no SOURCE_DATE_EPOCH: the SDK packages are dated 1980-01-01\n",
  );
  return new Date(Date.UTC(1980, 0, 1));
}
