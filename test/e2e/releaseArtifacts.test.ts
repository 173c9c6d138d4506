/**
 * What the release writes, checked as a user's tools would check it. `npm test` builds this machine's
 * platform (jest's set-up): its tarballs' layout and modes, the checksums (`sha256sum -c`, which
 * refuses a damaged download), its Terraform zip, its executable run by hand with no Node.js anywhere
 * in its environment. The platforms that cannot run here are made by the release's own code
 * (`platformExecutable`, from the same bundle and blob) into a folder of this test and checked from
 * their headers: each executable's format and architecture, the same SEA blob injected in every one,
 * the macOS launcher beside the Apple-signed binary, the Windows signature removed.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sha256File } from "../../packaging/archives";
import { GO_MODULE, GO_PROXY_FOLDER, goProxyArchiveName } from "../../packaging/goModuleProxy";
import { nodeBinary } from "../../packaging/nodeBinaries";
import { environmentReadsOf, LAUNCHER_UNSET, NEUTRALISED_VARIABLES } from "../../packaging/nodeEnvironment";
import { certificateTable } from "../../packaging/peSignature";
import {
  buildingPlatform,
  executableSuffix,
  PLATFORMS,
  type Platform,
  platformName,
} from "../../packaging/platforms";
import {
  BUILD_STATE,
  BUNDLE_FILE,
  commandLineTarballName,
  PLUGIN_EXECUTABLE,
  pluginTarballName,
  SEA_BLOB,
  terraformSumsName,
  terraformZipName,
} from "../../packaging/release";
import { type ArchiveEntry, platformExecutable } from "../../packaging/seaExecutable";
import { terraformMirrorName } from "../../packaging/terraformMirror";
import { terraformManifestName } from "../../packaging/terraformRegistry";
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from "../../terraform/handshake";
import { printedControl, printedEnv, startEmulatorProcess } from "../support/emulatorProcess";
import { RELEASE_DIR, sumsOf, VERSION, zipMember } from "../support/release";

jest.setTimeout(900_000);

const SEA_FUSE_SET = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2:1";
const byName = (name: string) => PLATFORMS.find((p) => platformName(p) === name)!;
const HOST = buildingPlatform();
const sea = PLATFORMS.filter((p) => p.packaging === "sea");

/** The release's bundle and SEA blob, from which every platform's executable is made. */
function releaseInputs(): { bundle: { path: string; sha256: string }; blob: Buffer } {
  const path = join(RELEASE_DIR, BUILD_STATE, BUNDLE_FILE);
  return {
    bundle: { path, sha256: sha256File(path) },
    blob: readFileSync(join(RELEASE_DIR, BUILD_STATE, SEA_BLOB)),
  };
}

/**
 * Another platform's executable files, as the release makes them, under `work/<platform>/<name>`,
 * with the modes its archives record (as unpacking them gives).
 */
async function otherPlatform(platform: Platform, name = PLUGIN_EXECUTABLE): Promise<ArchiveEntry[]> {
  const { bundle, blob } = releaseInputs();
  const warn = jest.spyOn(console, "warn").mockImplementation((text: unknown) => {
    // postject's warning per ELF note it cannot name, which the release itself hides.
    if (!String(text).startsWith("warning: Can't find string offset")) process.stderr.write(`${text}\n`);
  });
  try {
    const entries = await platformExecutable(
      platform,
      bundle,
      blob,
      join(work, platformName(platform), name),
      name,
    );
    for (const entry of entries) chmodSync(entry.source, entry.mode);
    return entries;
  } finally {
    warn.mockRestore();
  }
}

let work: string;
/** The files of each platform other than this machine's, by platform name. */
const others = new Map<string, ArchiveEntry[]>();
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "modelarts-release-"));
  for (const platform of PLATFORMS.filter((p) => p !== HOST)) {
    others.set(platformName(platform), await otherPlatform(platform));
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

type TarballName = (version: string, platform: Platform) => string;
const tarball = (name: TarballName = pluginTarballName) => join(RELEASE_DIR, name(VERSION, HOST));
/** One file of this machine's tarball (the plugin's unless another is named). */
const member = (name: string, of: TarballName = pluginTarballName): Buffer =>
  execFileSync("tar", ["-xzOf", tarball(of), name], { maxBuffer: 512 << 20 });

/** `tar -tv` rows of this machine's tarball: mode, owner, name. */
function listing(of: TarballName = pluginTarballName): Array<{ mode: string; owner: string; name: string }> {
  return execFileSync("tar", ["-tvzf", tarball(of), "--numeric-owner"], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((row) => row.split(/\s+/))
    .map((cols) => ({ mode: cols[0]!, owner: cols[1]!, name: cols[cols.length - 1]! }));
}

/** A platform's plugin executable: this machine's from its tarball, another's as the release made it. */
function executableOf(platform: Platform): Buffer {
  const name = `${PLUGIN_EXECUTABLE}${executableSuffix(platform)}`;
  if (platform === HOST) return member(name);
  const entry = others.get(platformName(platform))!.find((e) => e.name === name)!;
  return readFileSync(entry.source);
}

/** The release folder's files whose names match, sorted. */
const releaseFiles = (match: (name: string) => boolean) => readdirSync(RELEASE_DIR).filter(match).sort();

describe(`this machine's tarballs (${platformName(HOST)})`, () => {
  it("the plugin's holds the executable (0755, owned by root), README.md and LICENSE", () => {
    const executable = `${PLUGIN_EXECUTABLE}${executableSuffix(HOST)}`;
    const rows = listing();
    expect(rows.map((r) => r.name).sort()).toEqual(["LICENSE", "README.md", executable].sort());
    expect(rows.find((r) => r.name === executable)).toMatchObject({ mode: "-rwxr-xr-x", owner: "0/0" });
    expect(rows.find((r) => r.name === "README.md")!.mode).toBe("-rw-r--r--");
    // A README for this file, not the repository's 100 KB one: what it is and the command to install it.
    const readme = member("README.md").toString();
    expect(readme.length).toBeLessThan(2048);
    expect(readme).toContain(
      `pulumi plugin install resource modelarts ${VERSION} --file ${pluginTarballName(VERSION, HOST)}`,
    );
  });

  it("the command line's holds pulumi-modelarts (0755), README.md and LICENSE", () => {
    const executable = `pulumi-modelarts${executableSuffix(HOST)}`;
    const rows = listing(commandLineTarballName);
    expect(rows.map((r) => r.name).sort()).toEqual(["LICENSE", "README.md", executable].sort());
    expect(rows.find((r) => r.name === executable)).toMatchObject({ mode: "-rwxr-xr-x", owner: "0/0" });
    const readme = member("README.md", commandLineTarballName).toString();
    expect(readme.length).toBeLessThan(2048);
    expect(readme).toContain(`./${executable} jobs --status RUNNING`);
  });

  it("SHA256SUMS covers every tarball and the SDKs' files; sha256sum -c passes, and refuses a damaged download", () => {
    const tarballs = releaseFiles(
      (f) =>
        /^pulumi-(resource-)?modelarts-v/.test(f) && f.endsWith(".tar.gz") && f.includes(`-v${VERSION}-`),
    );
    expect(tarballs).toEqual(
      expect.arrayContaining(
        [tarball(), tarball(commandLineTarballName)].map((t) => t.slice(RELEASE_DIR.length + 1)),
      ),
    );
    expect([...sumsOf(RELEASE_DIR, "SHA256SUMS").keys()].sort()).toEqual(
      [...tarballs, ...SDK_FILES, terraformMirrorName(VERSION)].sort(),
    );
    expect(execFileSync("sha256sum", ["-c", "SHA256SUMS"], { cwd: RELEASE_DIR, encoding: "utf8" })).toMatch(
      /: OK/,
    );

    const damaged = join(work, "damaged");
    execFileSync("mkdir", ["-p", damaged]);
    const name = pluginTarballName(VERSION, HOST);
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

describe("the other platforms' executables, as the release makes them", () => {
  it.each(sea.filter((p) => p !== HOST).map(platformName))("%s is one executable, 0755", (name) => {
    const platform = byName(name);
    expect(others.get(name)!.map((e) => [e.name, e.mode])).toEqual([
      [`${PLUGIN_EXECUTABLE}${executableSuffix(platform)}`, 0o755],
    ]);
  });

  it.each(["darwin-amd64", "darwin-arm64"])(
    "%s is a launcher (0755), the official Apple-signed Node.js binary byte for byte (0755), and the bundle (0644)",
    (name) => {
      const platform = byName(name);
      const entries = others.get(name)!;
      expect(entries.map((e) => [e.name, e.mode])).toEqual([
        [PLUGIN_EXECUTABLE, 0o755],
        ["runtime/node", 0o755],
        ["runtime/provider.js", 0o644],
      ]);
      const file = (n: string) => readFileSync(entries.find((e) => e.name === n)!.source);
      expect(file(PLUGIN_EXECUTABLE).toString()).toMatch(
        /^#!\/bin\/sh\n[\s\S]*exec "\$here\/runtime\/node" "\$here\/runtime\/provider.js" "\$@"/,
      );
      const node = file("runtime/node");
      expect(node.equals(readFileSync(nodeBinary(platform)))).toBe(true);
      // Mach-O for the platform's processor: x86_64 (0x01000007) or arm64 (0x0100000c).
      expect(node.readUInt32LE(0)).toBe(0xfeedfacf);
      expect(node.readUInt32LE(4)).toBe(name === "darwin-arm64" ? 0x0100000c : 0x01000007);
      expect(
        file("runtime/provider.js").equals(readFileSync(join(RELEASE_DIR, BUILD_STATE, BUNDLE_FILE))),
      ).toBe(true);
    },
  );
});

/** The SDKs' files in the release, as PyPI and a Go module proxy take them. */
const GO_AT = `${GO_PROXY_FOLDER}/${GO_MODULE}/@v`;
const SDK_FILES = [
  `pulumi_modelarts-${VERSION}-py3-none-any.whl`,
  `pulumi_modelarts-${VERSION}.tar.gz`,
  goProxyArchiveName(VERSION),
];

describe("the SDKs' packages", () => {
  it("the wheel is a whole wheel of pulumi_modelarts at this version, naming the plugin it needs", () => {
    const wheel = join(RELEASE_DIR, SDK_FILES[0]!);
    const entries = zipEntries(wheel);
    expect(entries.every((e) => e.crcOk)).toBe(true);
    // Every file 0644, whatever the building checkout's umask made of the sources.
    expect(entries.filter((e) => e.mode !== "-rw-r--r--")).toEqual([]);
    const names = entries.map((e) => e.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "pulumi_modelarts/__init__.py",
        "pulumi_modelarts/pulumi-plugin.json",
        `pulumi_modelarts-${VERSION}.dist-info/METADATA`,
        `pulumi_modelarts-${VERSION}.dist-info/RECORD`,
      ]),
    );
    expect(zipMember(wheel, `pulumi_modelarts-${VERSION}.dist-info/METADATA`).toString()).toContain(
      `Version: ${VERSION}`,
    );
    expect(JSON.parse(zipMember(wheel, "pulumi_modelarts/pulumi-plugin.json").toString())).toMatchObject({
      resource: true,
      name: "modelarts",
      version: VERSION,
    });
  });

  it("the Go module proxy archive unpacks, with tar, to goproxy/ holding the module zip of sdk/ (Go files only) under <module>@v<version>/, its go.mod as the .mod", () => {
    const unpacked = mkdtempSync(join(work, "goproxy-"));
    execFileSync("tar", ["-xzf", join(RELEASE_DIR, goProxyArchiveName(VERSION)), "-C", unpacked]);
    const at = join(unpacked, GO_AT);
    expect(readdirSync(at).sort()).toEqual([
      "list",
      `v${VERSION}.info`,
      `v${VERSION}.mod`,
      `v${VERSION}.zip`,
    ]);
    const zip = join(at, `v${VERSION}.zip`);
    const names = zipEntries(zip).map((e) => e.name);
    expect(names.every((name) => name.startsWith(`${GO_MODULE}@v${VERSION}/`))).toBe(true);
    expect(names).toEqual(
      expect.arrayContaining([
        `${GO_MODULE}@v${VERSION}/go.mod`,
        `${GO_MODULE}@v${VERSION}/go/modelarts/getVisualizationJobs.go`,
        `${GO_MODULE}@v${VERSION}/LICENSE`,
      ]),
    );
    // Only Go: the TypeScript and Python SDKs are modules of their own (stub go.mod files), so
    // none of their files is in it. pulumi-plugin.json is the Go SDK's own (the plugin it needs).
    const notGo = names
      .map((name) => name.slice(`${GO_MODULE}@v${VERSION}/`.length))
      .filter(
        (path) => !path.endsWith(".go") && !["go.mod", "go.sum", "LICENSE", "README.md"].includes(path),
      );
    expect(notGo).toEqual(["go/modelarts/pulumi-plugin.json"]);
    const mod = readFileSync(join(at, `v${VERSION}.mod`), "utf8");
    expect(zipMember(zip, `${GO_MODULE}@v${VERSION}/go.mod`).toString()).toBe(mod);
    expect(readFileSync(join(at, "list"), "utf8")).toBe(`v${VERSION}\n`);
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

describe("the Terraform provider zips", () => {
  const zipOf = (platform: Platform) => join(RELEASE_DIR, terraformZipName(VERSION, platform));
  const executable = (platform: Platform) =>
    `terraform-provider-modelarts_v${VERSION}${platform.os === "windows" ? ".exe" : ""}`;

  it(`${platformName(HOST)}'s holds terraform-provider-modelarts_v<version> (0755) beside README.md and LICENSE, every CRC right`, () => {
    const entries = zipEntries(zipOf(HOST));
    expect(entries.every((e) => e.crcOk)).toBe(true);
    expect(entries.find((e) => e.name === executable(HOST))?.mode).toBe("-rwxr-xr-x");
    expect(entries.find((e) => e.name === "README.md")?.mode).toBe("-rw-r--r--");
    expect(entries.map((e) => e.name).sort()).toEqual(["LICENSE", "README.md", executable(HOST)].sort());
  });

  it("its executable is the tarball's, byte for byte: one executable serves both tools", () => {
    expect(zipMember(zipOf(HOST), executable(HOST)).equals(executableOf(HOST))).toBe(true);
  });

  it("the network mirror's page names every zip, relative, with the zip's SHA-256 as its zh: hash", () => {
    const page = JSON.parse(readFileSync(join(RELEASE_DIR, terraformMirrorName(VERSION)), "utf8"));
    const zips = releaseFiles((f) => PLATFORMS.some((p) => f === terraformZipName(VERSION, p)));
    expect(Object.values(page.archives).map((a) => (a as { url: string }).url)).toEqual(zips);
    expect(page.archives.linux_amd64).toEqual({
      url: terraformZipName(VERSION, HOST),
      hashes: [`zh:${sha256File(join(RELEASE_DIR, terraformZipName(VERSION, HOST)))}`],
    });
  });

  it("terraform-provider-modelarts_<version>_SHA256SUMS covers every zip and the registries' manifest, and sha256sum -c passes", () => {
    const names = [...sumsOf(RELEASE_DIR, terraformSumsName(VERSION)).keys()];
    expect(names).toContain(terraformZipName(VERSION, HOST));
    expect(names.sort()).toEqual(
      [
        ...releaseFiles((f) => PLATFORMS.some((p) => f === terraformZipName(VERSION, p))),
        terraformManifestName(VERSION),
      ].sort(),
    );
    expect(JSON.parse(readFileSync(join(RELEASE_DIR, terraformManifestName(VERSION)), "utf8"))).toEqual({
      version: 1,
      metadata: { protocol_versions: ["6.0"] },
    });
    expect(
      execFileSync("sha256sum", ["-c", terraformSumsName(VERSION)], { cwd: RELEASE_DIR, encoding: "utf8" }),
    ).not.toContain("FAILED");
  });

  it("run by hand under Terraform's name it prints Terraform's usage; a wrong cookie or protocol is refused, stdout empty", () => {
    const file = join(work, executable(HOST));
    writeFileSync(file, zipMember(zipOf(HOST), executable(HOST)), { mode: 0o755 });
    for (const stray of [[], ["emulator"], ["127.0.0.1:1234"]]) {
      const byHand = spawnSync(file, stray, { env: {}, encoding: "utf8", timeout: 30_000 });
      expect([byHand.status, byHand.stdout]).toEqual([2, ""]);
      expect(byHand.stderr.trim().split("\n")).toEqual([
        expect.stringContaining(
          `terraform-provider-modelarts ${VERSION}: the modelarts provider for Terraform and OpenTofu.`,
        ),
      ]);
      // The reference it names is one a user can open: the repository's docs, not a file it lacks.
      expect(byHand.stderr).toContain(
        "https://github.com/pulumi-modelarts/pulumi-modelarts/blob/main/docs/terraform/index.md",
      );
    }
    expect(existsSync(join(__dirname, "../../docs/terraform/index.md"))).toBe(true);
    const version = spawnSync(file, ["--version"], { env: {}, encoding: "utf8", timeout: 30_000 });
    expect([version.status, version.stdout]).toEqual([0, `${VERSION}\n`]);
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
  it.each([
    ["linux-amd64", 0x3e],
    ["linux-arm64", 0xb7],
  ])("%s is an ELF executable for its machine (e_machine 0x%s)", (name, machine) => {
    const file = executableOf(byName(name));
    expect(file.subarray(0, 4).toString("latin1")).toBe("\x7fELF");
    expect(file.readUInt16LE(18)).toBe(machine);
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

  it("run by hand with no Node.js in its environment, linux-amd64 says what it is and exits 2, whatever the stray argument; --version exits 0", () => {
    const file = join(work, "pulumi-resource-modelarts");
    writeFileSync(file, executableOf(HOST), { mode: 0o755 });
    for (const stray of [[], ["emulator"], ["jobs", "--status", "running"], ["-v=9"]]) {
      const run = spawnSync(file, stray, { env: {}, encoding: "utf8", timeout: 30_000 });
      expect([run.status, run.stdout]).toEqual([2, ""]);
      expect(run.stderr.trim().split("\n")).toEqual([
        expect.stringContaining(
          `pulumi-resource-modelarts ${VERSION}: the modelarts Pulumi provider plugin.`,
        ),
      ]);
    }
    const help = spawnSync(file, ["--help"], { env: {}, encoding: "utf8", timeout: 30_000 });
    expect([help.status, help.stderr]).toEqual([0, ""]);
    expect(help.stdout).toContain("install it with `pulumi plugin install resource modelarts");
    const version = spawnSync(file, ["--version"], { env: {}, encoding: "utf8", timeout: 30_000 });
    expect([version.status, version.stdout]).toEqual([0, `${VERSION}\n`]);
  });
});

describe("the command line from the release, with no Node.js anywhere", () => {
  /** This machine's command line tarball, unpacked into a folder of its own. */
  function unpacked(): string {
    const dir = mkdtempSync(join(work, "cli-"));
    execFileSync("tar", ["-xzf", tarball(commandLineTarballName), "-C", dir]);
    return dir;
  }

  it("starts the emulator, whose control API answers with the key it printed; jobs finds its running jobs", async () => {
    const dir = unpacked();
    const bin = join(dir, "pulumi-modelarts");
    const version = spawnSync(bin, ["--version"], { env: {}, encoding: "utf8", timeout: 30_000 });
    expect([version.status, version.stdout]).toEqual([0, `${VERSION}\n`]);
    const { child: emulator, printed } = await startEmulatorProcess(bin, ["emulator", "--port", "0"], {
      env: {},
    });
    try {
      const env = printedEnv(printed);
      const control = printedControl(printed)!;
      const jobs = (await (
        await fetch(control.url, { headers: { [control.header]: control.key } })
      ).json()) as unknown[];
      expect(jobs).toHaveLength(30);
      const found = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const child = spawn(bin, ["jobs", "--status", "running", "--output", "json"], { env });
        let stdout = "";
        child.stdout.on("data", (chunk: Buffer) => {
          stdout += chunk.toString();
        });
        child.once("exit", (code) => resolve({ code, stdout }));
      });
      expect(found.code).toBe(0);
      expect(JSON.parse(found.stdout).names).toContain("vision-resnet50-tb");
    } finally {
      emulator.kill("SIGTERM");
    }
  });

  it("darwin-amd64's launcher passes its own name, so that the bundle behind it is the command line", async () => {
    // The launcher and the bundle as the release makes them under the command line's name; the
    // Node.js binary is this machine's, to run them here.
    const [launcher] = await otherPlatform(byName("darwin-amd64"), "pulumi-modelarts");
    const dir = join(launcher!.source, "..");
    copyFileSync(nodeBinary(HOST), join(dir, "runtime", "node"));
    const help = spawnSync(join(dir, "pulumi-modelarts"), ["--help"], {
      env: { PATH: "/usr/bin:/bin" },
      encoding: "utf8",
    });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("pulumi-modelarts jobs");
  });
});

describe("no code from the environment", () => {
  /** A NODE_OPTIONS that would load a file writing a marker, and the marker's path. */
  function trap(name: string): { env: NodeJS.ProcessEnv; marker: string } {
    const marker = join(work, `${name}.marker`);
    const script = join(work, `${name}.js`);
    writeFileSync(script, `require("fs").writeFileSync(${JSON.stringify(marker)}, "loaded")`);
    return { env: { NODE_OPTIONS: `--require ${script}` }, marker };
  }

  it("the linux-amd64 executable ignores NODE_OPTIONS as the plugin, the command line and Terraform's provider", async () => {
    const file = join(work, "pulumi-resource-modelarts-trap");
    writeFileSync(file, executableOf(HOST), { mode: 0o755 });
    const plugin = trap("plugin");
    expect(spawnSync(file, ["--version"], { env: plugin.env, encoding: "utf8" }).stdout).toBe(`${VERSION}\n`);
    expect(existsSync(plugin.marker)).toBe(false);
    // The same NODE_OPTIONS does load code into a plain node: the trap is real.
    spawnSync(process.execPath, ["-e", "0"], { env: plugin.env });
    expect(existsSync(plugin.marker)).toBe(true);

    const terraform = trap("terraform");
    const provider = spawn(file, [], {
      env: { ...terraform.env, [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: "6" },
      stdio: ["ignore", "pipe", "ignore"],
    });
    try {
      const line = await new Promise<string>((resolve) => {
        let out = "";
        provider.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes("\n")) resolve(out);
        });
      });
      expect(line).toMatch(/^1\|6\|tcp\|127\.0\.0\.1:\d+\|grpc/);
      expect(existsSync(terraform.marker)).toBe(false);
    } finally {
      provider.kill("SIGKILL");
    }
  });

  it("no single executable reads a variable that nodeEnvironment.ts neutralises; the launcher unsets them", () => {
    for (const platform of PLATFORMS.filter((p) => p.packaging === "sea")) {
      const binary = executableOf(platform);
      for (const name of NEUTRALISED_VARIABLES) {
        expect({ platform: platformName(platform), name, reads: environmentReadsOf(binary, name) }).toEqual({
          platform: platformName(platform),
          name,
          reads: [],
        });
      }
    }
    // The same Node.js binaries do read them: the check looks where the reads are.
    expect(environmentReadsOf(readFileSync(nodeBinary(HOST)), "NODE_COMPILE_CACHE")).not.toEqual([]);
    const [launcher] = others.get("darwin-amd64")!;
    const unset = readFileSync(launcher!.source, "utf8")
      .match(/^unset (.*)$/m)?.[1]
      ?.split(" ");
    expect(unset).toEqual([...LAUNCHER_UNSET]);
  });

  it("darwin-amd64's launcher works through a link to it, as Homebrew and ~/bin install it", () => {
    const [launcher] = others.get("darwin-amd64")!;
    const dir = join(work, "launcher-linked");
    cpSync(join(launcher!.source, ".."), dir, { recursive: true });
    copyFileSync(nodeBinary(HOST), join(dir, "runtime", "node"));
    const bin = join(work, "bin");
    mkdirSync(bin, { recursive: true });
    // A relative link, as Homebrew makes them, to a relative link.
    symlinkSync(join("..", "launcher-linked", "pulumi-resource-modelarts"), join(bin, "inner-link"));
    symlinkSync("inner-link", join(bin, "pulumi-resource-modelarts"));
    const run = spawnSync(join(bin, "pulumi-resource-modelarts"), ["--version"], {
      env: { PATH: "/usr/bin:/bin" },
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(`${VERSION}\n`);
  });

  it("darwin-amd64's launcher clears NODE_OPTIONS before it runs node", () => {
    // A copy: the release's files stay as made for the other tests.
    const [launcher] = others.get("darwin-amd64")!;
    const dir = join(work, "launcher-trap");
    cpSync(join(launcher!.source, ".."), dir, { recursive: true });
    copyFileSync(nodeBinary(HOST), join(dir, "runtime", "node"));
    const { env, marker } = trap("launcher");
    const run = spawnSync(join(dir, "pulumi-resource-modelarts"), ["--version"], {
      env: { ...env, PATH: "/usr/bin:/bin" },
      encoding: "utf8",
    });
    expect(run.stdout).toBe(`${VERSION}\n`);
    expect(existsSync(marker)).toBe(false);
  });
});
