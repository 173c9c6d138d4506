/**
 * The release is reproducible and portable: two builds of this commit at different paths, one after
 * the other, the second in a clone with no `tar` and no `zip` on PATH (bsdtar, macOS's and Windows's
 * `tar`, lacks GNU tar's flags), give byte-identical archives, so anyone can check a registry's
 * SHA256SUMS against a rebuild. The first is the release npm test's set-up built in this repository
 * when the tree is exactly the commit (as in CI), else another clone's. One platform is built here;
 * the second build is given a throwaway GPG key and signs the Terraform sums, as the registries want.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findCommand } from "../../demo/exampleStack";
import { terraformSumsName } from "../../packaging/release";
import { throwawayKey } from "../support/gpg";
import { pathWithOnly, RELEASE_DIR, sumsOf, VERSION } from "../support/release";

jest.setTimeout(600_000);

const REPO = join(__dirname, "../..");

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "modelarts-reproducible-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * A clone of this repository's commit at `path`, with this tree's installed packages (a clone has
 * none, and installing them again would only cost time).
 */
function clone(path: string): string {
  execFileSync("git", ["clone", "-q", REPO, path]);
  symlinkSync(join(REPO, "node_modules"), join(path, "node_modules"));
  return path;
}

/**
 * Builds `repo`'s linux-amd64 release into `outDir` in a process whose PATH is `PATH` (and `extra`).
 */
function build(repo: string, outDir: string, PATH: string, extra: NodeJS.ProcessEnv = {}): void {
  mkdirSync(outDir, { recursive: true });
  const script = `const { release } = require(${JSON.stringify(join(REPO, "dist", "packaging", "release.js"))});
const { PLATFORMS } = require(${JSON.stringify(join(REPO, "dist", "packaging", "platforms.js"))});
release(${JSON.stringify(repo)}, ${JSON.stringify(outDir)}, PLATFORMS.filter((p) => p.os === "linux" && p.arch === "amd64"))
  .catch((e) => { console.error(e.message); process.exit(1); });`;
  execFileSync(process.execPath, ["-e", script], {
    env: { PATH, HOME: process.env.HOME, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME ?? "", ...extra },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/**
 * The first build: the one npm test's set-up made in this repository, when the tree is exactly the
 * commit (no change, no untracked file); else a clone's, built here. Either way it is the commit,
 * built at another path and another time than the second.
 */
function firstBuild(root: string, PATH: string, PYTHON: string): string {
  if (execFileSync("git", ["status", "--porcelain"], { cwd: REPO, encoding: "utf8" }) === "")
    return RELEASE_DIR;
  const first = join(root, "a");
  build(clone(join(root, "clone-a")), first, PATH, { PYTHON });
  // Given no key, a build writes no signature.
  expect(existsSync(join(first, `${terraformSumsName(VERSION)}.sig`))).toBe(false);
  return first;
}

it("two builds of the commit at different paths, one with no tar or zip on PATH, write identical files; a given key signs the sums", () => {
  // git too: the release dates its files by the commit (without git, or SOURCE_DATE_EPOCH, 1980-01-01).
  const PATH = pathWithOnly(
    [process.execPath, findCommand("npm")!, findCommand("gpg")!, findCommand("git")!],
    root,
  );
  for (const command of ["tar", "zip"]) {
    expect(() => execFileSync("/bin/sh", ["-c", `command -v ${command}`], { env: { PATH } })).toThrow();
  }
  const second = join(root, "somewhere", "else", "entirely");
  const key = throwawayKey(root);
  // Python builds the wheel and sdist: named by its real path, since a pyenv shim needs pyenv on PATH.
  const PYTHON = execFileSync("python3", ["-c", "import sys; print(sys.executable)"], {
    encoding: "utf8",
  }).trim();
  const first = firstBuild(root, PATH, PYTHON);
  build(clone(join(root, "elsewhere", "clone-b")), second, PATH, {
    PYTHON,
    RELEASE_GPG_KEY_FILE: key.keyFile,
  });
  // The signature is over the sums as a registry serves them, checked with the public key alone.
  const sums = join(second, terraformSumsName(VERSION));
  const verified = spawnSync("gpg", ["--homedir", key.home, "--batch", "--verify", `${sums}.sig`, sums], {
    encoding: "utf8",
  });
  expect(verified.status).toBe(0);
  expect(verified.stderr).toContain('Good signature from "Release Test <release-test@example.invalid>"');
  // Every file the second build lists, the first lists with the same hash (the repository's release
  // may hold more platforms than the one built here).
  for (const sumsFile of ["SHA256SUMS", terraformSumsName(VERSION)]) {
    const [a, b] = [sumsOf(first, sumsFile), sumsOf(second, sumsFile)];
    expect(b.size).toBeGreaterThan(0);
    for (const [file, hash] of b) expect([file, a.get(file)]).toEqual([file, hash]);
  }
  const listed = [...sumsOf(second, "SHA256SUMS").keys()];
  expect(listed).toEqual(
    expect.arrayContaining([
      `pulumi-resource-modelarts-v${VERSION}-linux-amd64.tar.gz`,
      `pulumi-modelarts-v${VERSION}-linux-amd64.tar.gz`,
      `pulumi_modelarts-${VERSION}-py3-none-any.whl`,
      `pulumi_modelarts-${VERSION}.tar.gz`,
      `pulumi-modelarts-goproxy-v${VERSION}.tar.gz`,
      `terraform-provider-modelarts_${VERSION}_mirror.json`,
    ]),
  );
  expect([...sumsOf(second, terraformSumsName(VERSION)).keys()]).toContain(
    `terraform-provider-modelarts_${VERSION}_linux_amd64.zip`,
  );
});
