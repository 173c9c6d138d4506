/**
 * What `npm run release` writes, checked as a user's tools would check it, for the platforms that
 * cannot run here too: each tarball's layout and modes, the checksums (`sha256sum -c`, which refuses a
 * damaged download), each executable's format and architecture from its headers, the same SEA blob
 * injected in every one, the macOS signature valid on paper, the Windows signature removed. The
 * Linux x64 executable is also run by hand, with no Node.js anywhere in its environment.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkCodeSignature, readMachO } from "../../packaging/machO";
import { nodeBinary } from "../../packaging/nodeBinaries";
import { certificateTable } from "../../packaging/peSignature";
import { PLATFORMS, type Platform, platformName } from "../../packaging/platforms";
import {
  BUILD_STATE,
  pluginTarballName,
  SEA_BLOB,
  terraformSumsName,
  terraformZipName,
} from "../../packaging/release";
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from "../../terraform/handshake";
import { buildRelease, RELEASE_DIR, VERSION } from "../support/release";

jest.setTimeout(900_000);

const SEA_FUSE_SET = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2:1";
let work: string;
beforeAll(() => {
  buildRelease();
  work = mkdtempSync(join(tmpdir(), "modelarts-release-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const tarball = (platform: Platform) => join(RELEASE_DIR, pluginTarballName(VERSION, platform));
/** One file of a platform's tarball. */
const member = (platform: Platform, name: string): Buffer =>
  execFileSync("tar", ["-xzOf", tarball(platform), name], { maxBuffer: 512 << 20 });

/** `tar -tv` rows: mode, owner, name. */
function listing(platform: Platform): Array<{ mode: string; owner: string; name: string }> {
  return execFileSync("tar", ["-tvzf", tarball(platform), "--numeric-owner"], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((row) => row.split(/\s+/))
    .map((cols) => ({ mode: cols[0]!, owner: cols[1]!, name: cols[cols.length - 1]! }));
}

const sea = PLATFORMS.filter((p) => p.packaging === "sea");
const byName = (name: string) => PLATFORMS.find((p) => platformName(p) === name)!;

describe("the release tarballs", () => {
  it.each(sea.map(platformName))(
    "%s holds the executable (0755, owned by root), README.md and LICENSE",
    (name) => {
      const executable = `pulumi-resource-modelarts${name.startsWith("windows") ? ".exe" : ""}`;
      const rows = listing(byName(name));
      expect(rows.map((r) => r.name).sort()).toEqual(["LICENSE", "README.md", executable].sort());
      expect(rows.find((r) => r.name === executable)).toMatchObject({ mode: "-rwxr-xr-x", owner: "0/0" });
      expect(rows.find((r) => r.name === "README.md")!.mode).toBe("-rw-r--r--");
    },
  );

  it("darwin-amd64 (no SEA on Intel macOS) holds a launcher, the untouched Node.js binary and the bundle", () => {
    const platform = byName("darwin-amd64");
    expect(listing(platform).map((r) => `${r.mode} ${r.name}`)).toEqual(
      expect.arrayContaining([
        "-rwxr-xr-x pulumi-resource-modelarts",
        "-rwxr-xr-x runtime/node",
        "-rw-r--r-- runtime/provider.js",
      ]),
    );
    expect(member(platform, "pulumi-resource-modelarts").toString()).toMatch(
      /^#!\/bin\/sh\n[\s\S]*exec "\$here\/runtime\/node" "\$here\/runtime\/provider.js" "\$@"/,
    );
    expect(member(platform, "runtime/node").equals(readFileSync(nodeBinary(platform)))).toBe(true);
  });

  it("SHA256SUMS covers every tarball; sha256sum -c passes, and refuses a damaged download", () => {
    const sums = readFileSync(join(RELEASE_DIR, "SHA256SUMS"), "utf8");
    expect(
      sums
        .trim()
        .split("\n")
        .map((l) => l.split("  ")[1])
        .sort(),
    ).toEqual(PLATFORMS.map((p) => pluginTarballName(VERSION, p)).sort());
    expect(execFileSync("sha256sum", ["-c", "SHA256SUMS"], { cwd: RELEASE_DIR, encoding: "utf8" })).toMatch(
      /: OK/,
    );

    const damaged = join(work, "damaged");
    execFileSync("mkdir", ["-p", damaged]);
    const name = pluginTarballName(VERSION, byName("linux-amd64"));
    copyFileSync(join(RELEASE_DIR, "SHA256SUMS"), join(damaged, "SHA256SUMS"));
    const bytes = readFileSync(join(RELEASE_DIR, name));
    bytes.writeUInt8(bytes.readUInt8(bytes.length >> 1) ^ 0xff, bytes.length >> 1);
    writeFileSync(join(damaged, name), bytes);
    const check = spawnSync("sha256sum", ["-c", "--ignore-missing", "SHA256SUMS"], {
      cwd: damaged,
      encoding: "utf8",
    });
    expect(check.status).not.toBe(0);
    expect(check.stdout).toContain(`${name}: FAILED`);
  });
});

/** A zip's entries as Python's zipfile reads them (an independent reader): name, Unix mode, CRC checked. */
function zipEntries(zip: string): Array<{ name: string; mode: string; crcOk: boolean }> {
  const script = `
import json, stat, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
bad = z.testzip()
print(json.dumps([{"name": i.filename, "mode": stat.filemode(i.external_attr >> 16), "crcOk": bad is None} for i in z.infolist()]))
`;
  return JSON.parse(execFileSync("python3", ["-c", script, zip], { encoding: "utf8", maxBuffer: 64 << 20 }));
}

/** One file of a zip, as Python's zipfile extracts it. */
function zipMember(zip: string, name: string): Buffer {
  const script =
    "import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))";
  return execFileSync("python3", ["-c", script, zip, name], { maxBuffer: 512 << 20 });
}

describe("the Terraform provider zips", () => {
  const zipOf = (platform: Platform) => join(RELEASE_DIR, terraformZipName(VERSION, platform));
  const executable = (platform: Platform) =>
    `terraform-provider-modelarts_v${VERSION}${platform.os === "windows" ? ".exe" : ""}`;

  it.each(PLATFORMS.map(platformName))(
    "%s holds terraform-provider-modelarts_v<version> (0755) beside README.md and LICENSE, every CRC right",
    (name) => {
      const platform = byName(name);
      const entries = zipEntries(zipOf(platform));
      expect(entries.every((e) => e.crcOk)).toBe(true);
      expect(entries.find((e) => e.name === executable(platform))?.mode).toBe("-rwxr-xr-x");
      expect(entries.find((e) => e.name === "README.md")?.mode).toBe("-rw-r--r--");
      const expected = ["LICENSE", "README.md", executable(platform)];
      if (platform.packaging === "launcher") expected.push("runtime/node", "runtime/provider.js");
      expect(entries.map((e) => e.name).sort()).toEqual(expected.sort());
    },
  );

  it("the linux-amd64 zip's executable is the tarball's, byte for byte: one executable serves both tools", () => {
    const platform = byName("linux-amd64");
    expect(
      zipMember(zipOf(platform), executable(platform)).equals(member(platform, "pulumi-resource-modelarts")),
    ).toBe(true);
  });

  it("terraform-provider-modelarts_<version>_SHA256SUMS covers every zip, and sha256sum -c passes", () => {
    const sums = readFileSync(join(RELEASE_DIR, terraformSumsName(VERSION)), "utf8");
    const names = sums
      .trim()
      .split("\n")
      .map((l) => l.split("  ")[1]);
    expect(names.sort()).toEqual(PLATFORMS.map((p) => terraformZipName(VERSION, p)).sort());
    expect(
      execFileSync("sha256sum", ["-c", terraformSumsName(VERSION)], { cwd: RELEASE_DIR, encoding: "utf8" }),
    ).not.toContain("FAILED");
  });

  it("run by hand under Terraform's name it prints Terraform's usage; a wrong cookie or protocol is refused, stdout empty", () => {
    const platform = byName("linux-amd64");
    const file = join(work, executable(platform));
    writeFileSync(file, zipMember(zipOf(platform), executable(platform)), { mode: 0o755 });
    const byHand = spawnSync(file, [], { env: {}, encoding: "utf8", timeout: 30_000 });
    expect([byHand.status, byHand.stdout]).toEqual([1, ""]);
    expect(byHand.stderr.trim().split("\n")).toEqual([
      expect.stringContaining(
        `terraform-provider-modelarts ${VERSION}: the modelarts provider for Terraform and OpenTofu.`,
      ),
    ]);
    const wrongCookie = spawnSync(file, [], {
      env: { [MAGIC_COOKIE_KEY]: "x" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect([wrongCookie.status, wrongCookie.stdout]).toEqual([1, ""]);
    expect(wrongCookie.stderr).toContain("started by Terraform or OpenTofu, not by hand");
    const oldProtocol = spawnSync(file, [], {
      env: { [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: "4,5" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect([oldProtocol.status, oldProtocol.stdout]).toEqual([1, ""]);
    expect(oldProtocol.stderr).toContain(
      "speaks plugin protocol 6 (Terraform 1.0 or later, or OpenTofu); this Terraform offers 4, 5",
    );
  });
});

describe("the executables, from their headers", () => {
  const executableOf = (platform: Platform) =>
    member(platform, `pulumi-resource-modelarts${platform.os === "windows" ? ".exe" : ""}`);

  it.each([
    ["linux-amd64", 0x3e],
    ["linux-arm64", 0xb7],
  ])("%s is an ELF executable for its machine (e_machine 0x%s)", (name, machine) => {
    const file = executableOf(byName(name));
    expect(file.subarray(0, 4).toString("latin1")).toBe("\x7fELF");
    expect(file.readUInt16LE(18)).toBe(machine);
  });

  it("darwin-arm64 is a Mach-O arm64 executable, signed ad hoc, its page hashes matching", () => {
    const file = executableOf(byName("darwin-arm64"));
    const macho = readMachO(file);
    expect(macho.cputype).toBe(0x0100000c);
    expect(macho.segments.map((s) => s.name)).toContain("NODE_SEA");
    const signature = checkCodeSignature(file);
    expect(signature).toMatchObject({
      adHoc: true,
      hashesMatch: true,
      hashType: 2,
      identifier: "pulumi-resource-modelarts",
    });
    expect(signature.codeLimit).toBe(macho.signature!.dataoff);
    // The check can fail: one changed byte of code breaks its page's hash.
    file.writeUInt8(file.readUInt8(0x5000) ^ 0xff, 0x5000);
    expect(checkCodeSignature(file).hashesMatch).toBe(false);
  });

  it("windows-amd64 is a PE executable for x64 with its Authenticode signature removed", () => {
    const file = executableOf(byName("windows-amd64"));
    expect(file.subarray(0, 2).toString("latin1")).toBe("MZ");
    expect(file.readUInt16LE(file.readUInt32LE(0x3c) + 4)).toBe(0x8664);
    expect(certificateTable(file)).toMatchObject({ offset: 0, size: 0 });
    expect(certificateTable(readFileSync(nodeBinary(byName("windows-amd64")))).size).toBeGreaterThan(0);
  });

  it("every SEA executable carries the same injected blob, with Node's fuse set", () => {
    const blob = readFileSync(join(RELEASE_DIR, BUILD_STATE, SEA_BLOB));
    expect(blob.length).toBeGreaterThan(1 << 20);
    for (const platform of sea) {
      const file = executableOf(platform);
      expect([platformName(platform), file.indexOf(blob) >= 0]).toEqual([platformName(platform), true]);
      expect(file.includes(SEA_FUSE_SET)).toBe(true);
    }
  });

  it("run by hand with no Node.js in its environment, linux-amd64 prints one usage line and exits 1", () => {
    const file = join(work, "pulumi-resource-modelarts");
    writeFileSync(file, executableOf(byName("linux-amd64")), { mode: 0o755 });
    const run = spawnSync(file, [], { env: {}, encoding: "utf8", timeout: 30_000 });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toEqual([
      expect.stringContaining(`pulumi-resource-modelarts ${VERSION}: the modelarts Pulumi provider plugin.`),
    ]);
  });
});
