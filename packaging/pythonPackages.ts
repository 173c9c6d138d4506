/**
 * The Python SDK as PyPI takes it: a wheel and an sdist of `pulumi_modelarts`, built by `python -m
 * build` from sdk/python with pinned build tools in a virtual environment kept in
 * ~/.cache/pulumi-modelarts. Reproducible: the sources are copied with the release's time on every
 * file, `SOURCE_DATE_EPOCH` dates the wheel's entries, and the sdist is re-packed in name order with
 * fixed owners and times (setuptools records the files' times and the gzip header's).
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, utimesSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { create as createTar, extract as extractTar } from "tar";
import { filesBelow, sourceFiles } from "./sourceFiles";

/** The build tools, pinned: the same tools give the same bytes. */
const BUILD_TOOLS = ["build==1.3.0", "setuptools==80.9.0", "wheel==0.45.1"];

/** The Python to build with: `PYTHON`, else `python3`. */
function python(env: NodeJS.ProcessEnv): string {
  return env.PYTHON || "python3";
}

/** A virtual environment holding the pinned build tools, made once per set of pins. */
function buildEnvironment(env: NodeJS.ProcessEnv): string {
  const key = createHash("sha256").update(BUILD_TOOLS.join(" ")).digest("hex").slice(0, 12);
  const venv = join(
    env.XDG_CACHE_HOME || join(homedir(), ".cache"),
    "pulumi-modelarts",
    `python-build-${key}`,
  );
  const bin = join(venv, process.platform === "win32" ? "Scripts" : "bin", "python");
  if (existsSync(bin)) return bin;
  try {
    execFileSync(python(env), ["-m", "venv", venv], { stdio: ["ignore", "ignore", "pipe"] });
    execFileSync(bin, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", ...BUILD_TOOLS], {
      stdio: ["ignore", "ignore", "pipe"],
    });
  } catch (error) {
    rmSync(venv, { recursive: true, force: true });
    const e = error as NodeJS.ErrnoException & { stderr?: Buffer };
    const why =
      e.code === "ENOENT"
        ? `${python(env)} is not on PATH (set PYTHON)`
        : (e.stderr?.toString().trim() ?? e.message);
    throw new Error(`could not make the Python build environment: ${why}`);
  }
  return bin;
}

/**
 * A copy of the sources with every file's times set to the release's and its mode 0644: the sdist
 * records each file's mode, which a checkout's umask (0664 under 002) would otherwise decide.
 */
function stagedSources(source: string, staging: string, time: Date): void {
  rmSync(staging, { recursive: true, force: true });
  // Not the stub go.mod that keeps the folder out of the Go module of sdk/: it is no Python source.
  for (const path of sourceFiles(source).filter((file) => file !== "go.mod")) {
    const target = join(staging, path);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(source, path), target);
    chmodSync(target, 0o644);
    utimesSync(target, time, time);
  }
}

/**
 * The wheel re-written with every entry's mode 0644: the wheel tool writes its RECORD as 0664
 * whatever the sources' modes. Python's zipfile copies each entry as it was (name, time, order,
 * compression), so the wheel stays reproducible.
 */
function repackWheel(python: string, built: string, target: string): void {
  const script = [
    "import sys, zipfile",
    "with zipfile.ZipFile(sys.argv[1]) as src, zipfile.ZipFile(sys.argv[2], 'w') as dst:",
    "    for info in src.infolist():",
    "        data = src.read(info)",
    "        info.external_attr = 0o100644 << 16",
    "        dst.writestr(info, data, compress_type=info.compress_type)",
  ].join("\n");
  execFileSync(python, ["-c", script, built, target], { stdio: ["ignore", "ignore", "pipe"] });
}

/** The sdist re-packed: its files in name order, owned by root, at the release's time, no gzip time. */
function repackSdist(built: string, target: string, work: string, time: Date): void {
  const unpacked = join(work, "sdist");
  rmSync(unpacked, { recursive: true, force: true });
  mkdirSync(unpacked, { recursive: true });
  extractTar({ file: built, cwd: unpacked, sync: true });
  // An sdist's own files: nothing to leave out, its egg-info and dot-files included.
  const files = filesBelow(unpacked);
  createTar({ gzip: true, file: target, cwd: unpacked, sync: true, portable: true, mtime: time }, files);
}

/**
 * Builds `pulumi_modelarts-<version>-py3-none-any.whl` and `pulumi_modelarts-<version>.tar.gz` into
 * `outDir`; returns their names.
 *
 * @throws Error saying what is missing when Python or its build tools cannot be had.
 */
export function writePythonPackages(repo: string, outDir: string, work: string, time: Date): string[] {
  const env = process.env;
  const bin = buildEnvironment(env);
  const staging = join(work, "python-sdk");
  const built = join(work, "python-dist");
  stagedSources(join(repo, "sdk", "python"), staging, time);
  rmSync(built, { recursive: true, force: true });
  execFileSync(bin, ["-m", "build", "--no-isolation", "--sdist", "--wheel", "--outdir", built, staging], {
    env: { ...env, SOURCE_DATE_EPOCH: String(Math.floor(time.getTime() / 1000)) },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const names = readdirSync(built).sort();
  for (const name of names) {
    if (name.endsWith(".whl")) repackWheel(bin, join(built, name), join(outDir, name));
    else repackSdist(join(built, name), join(outDir, name), work, time);
  }
  rmSync(staging, { recursive: true, force: true });
  return names;
}
