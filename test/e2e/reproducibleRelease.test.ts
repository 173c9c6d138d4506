/**
 * The release is reproducible and portable: two builds of this commit into folders at different
 * paths, one after the other, with no `tar` and no `zip` on PATH (bsdtar, macOS's and Windows's
 * `tar`, lacks GNU tar's flags), give byte-identical archives, so anyone can check a registry's
 * SHA256SUMS against a rebuild. One platform is built twice here, to keep the suite short.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findCommand } from "../../demo/exampleStack";
import { terraformSumsName } from "../../packaging/release";
import { pathWithOnly, VERSION } from "../support/release";

jest.setTimeout(600_000);

const REPO = join(__dirname, "../..");

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "modelarts-reproducible-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Builds linux-amd64 into `outDir` in a process whose PATH holds only node and npm. */
function build(outDir: string, PATH: string): void {
  mkdirSync(outDir, { recursive: true });
  const script = `const { release } = require(${JSON.stringify(join(REPO, "dist", "packaging", "release.js"))});
const { PLATFORMS } = require(${JSON.stringify(join(REPO, "dist", "packaging", "platforms.js"))});
release(${JSON.stringify(REPO)}, ${JSON.stringify(outDir)}, PLATFORMS.filter((p) => p.os === "linux" && p.arch === "amd64"))
  .catch((e) => { console.error(e.message); process.exit(1); });`;
  execFileSync(process.execPath, ["-e", script], {
    env: { PATH, HOME: process.env.HOME, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME ?? "" },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

it("two builds at different paths, with no tar or zip on PATH, write identical checksum files", () => {
  const PATH = pathWithOnly([process.execPath, findCommand("npm")!], root);
  for (const command of ["tar", "zip"]) {
    expect(() => execFileSync("/bin/sh", ["-c", `command -v ${command}`], { env: { PATH } })).toThrow();
  }
  const first = join(root, "a");
  const second = join(root, "somewhere", "else", "entirely");
  build(first, PATH);
  build(second, PATH);
  for (const sums of ["SHA256SUMS", terraformSumsName(VERSION)]) {
    const text = readFileSync(join(first, sums), "utf8");
    expect(text.trim().split("\n").length).toBeGreaterThan(0);
    expect(readFileSync(join(second, sums), "utf8")).toBe(text);
  }
  expect(readFileSync(join(first, "SHA256SUMS"), "utf8")).toContain(
    `pulumi-resource-modelarts-v${VERSION}-linux-amd64.tar.gz`,
  );
});
