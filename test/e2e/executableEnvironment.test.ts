/**
 * The release's executable runs only its shipped code, whatever Node.js variables the environment
 * holds (packaging/nodeEnvironment.ts lists every one and what the executable does with it). Each
 * attack is first shown to work against the same Node.js binary the executable is made from (a
 * control: the trap is real), then shown not to work against this machine's executable from
 * release/, which jest's set-up builds.
 */
import { execFile, execFileSync, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { demoJobs, startEmulator } from "../../emulator";
import { nodeBinary } from "../../packaging/nodeBinaries";
import { NODE_ENVIRONMENT } from "../../packaging/nodeEnvironment";
import { buildingPlatform } from "../../packaging/platforms";
import { BUILD_STATE, BUNDLE_FILE, commandLineTarballName } from "../../packaging/release";
import { RELEASE_DIR, VERSION } from "../support/release";

jest.setTimeout(120_000);

const NODE = nodeBinary(buildingPlatform());
const BUNDLE = join(RELEASE_DIR, BUILD_STATE, BUNDLE_FILE);
let work: string;
let executable: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "modelarts-environment-"));
  const tarball = join(RELEASE_DIR, commandLineTarballName(VERSION, buildingPlatform()));
  execFileSync("tar", ["-xzf", tarball, "-C", work, "pulumi-modelarts"]);
  executable = join(work, "pulumi-modelarts");
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs a program with only `env` (no PATH), and a bound that only a hang would reach. */
function run(file: string, args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync(file, args, { env, encoding: "utf8", timeout: 60_000 });
}

/**
 * A compile-cache entry, as Node 22 writes it (src/compile_cache.cc): five little-endian words
 * (magic, source bytes, cache bytes, the source's CRC32, the cache's CRC32) and V8's code cache.
 * Forged: V8 code compiled from `hostile`, filed under `filename` with the CRC32 of `genuine`.
 */
function forgeCacheEntry(cacheDir: string, filename: string, genuine: Buffer, hostile: string): void {
  // Node writes the hostile script's entry itself, under the key of the path it ran from.
  const scratch = join(work, "scratch-cache");
  const forge = join(work, "forge");
  mkdirSync(forge, { recursive: true });
  writeFileSync(join(forge, "provider.js"), hostile);
  execFileSync(NODE, [join(forge, "provider.js")], { env: { NODE_COMPILE_CACHE: scratch } });
  const [tag] = readdirSync(scratch);
  const key = (name: string) =>
    crc32(Buffer.concat([Buffer.from([0]), Buffer.from(name)]))
      .toString(16)
      .padStart(8, "0");
  const written = readFileSync(join(scratch, tag!, key(join(forge, "provider.js"))));
  const payload = written.subarray(20);
  const header = Buffer.alloc(20);
  header.writeUInt32LE(written.readUInt32LE(0), 0);
  header.writeUInt32LE(genuine.length, 4);
  header.writeUInt32LE(payload.length, 8);
  header.writeUInt32LE(crc32(genuine), 12);
  header.writeUInt32LE(crc32(payload), 16);
  mkdirSync(join(cacheDir, tag!), { recursive: true });
  writeFileSync(join(cacheDir, tag!, key(filename)), Buffer.concat([header, payload]));
  rmSync(scratch, { recursive: true, force: true });
}

/** A script of the same length as `genuine` in UTF-16 units (all V8 checks), printing the secret. */
function hostileTwin(genuine: Buffer): string {
  const length = genuine.toString("utf8").length;
  const code = 'process.stdout.write("HOSTILE " + process.env.HW_SECRET_KEY + "\\n");process.exit(0);\n//';
  return code.padEnd(length, "x");
}

it("nodeEnvironment.ts says what the executable does with every variable the pinned Node.js lists", () => {
  const help = execFileSync(NODE, ["--help"], { encoding: "utf8" });
  const listed = help
    .slice(help.indexOf("Environment variables:"))
    .split("\n")
    .map((line) => /^([A-Z][A-Z0-9_]+)\s/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
  expect(listed.length).toBeGreaterThan(10);
  const described = NODE_ENVIRONMENT.map((v) => v.name);
  expect(listed.filter((name) => !described.includes(name))).toEqual([]);
});

it("a forged NODE_COMPILE_CACHE entry for the bundle is never read, nor any cache written", () => {
  const genuine = readFileSync(BUNDLE);
  // Control: a plain node running the genuine bundle from a path runs the forged entry for that path.
  const control = join(work, "control");
  mkdirSync(control, { recursive: true });
  copyFileSync(BUNDLE, join(control, "provider.js"));
  const controlCache = join(work, "control-cache");
  forgeCacheEntry(controlCache, join(control, "provider.js"), genuine, hostileTwin(genuine));
  const controlled = run(NODE, [join(control, "provider.js"), "--version"], {
    NODE_COMPILE_CACHE: controlCache,
    HW_SECRET_KEY: "control-secret",
    MODELARTS_EXECUTABLE: "pulumi-modelarts",
  });
  expect(controlled.stdout).toBe("HOSTILE control-secret\n");

  // The executable's SEA main is compiled under its configured name, provider.js.
  const cache = join(work, "cache");
  forgeCacheEntry(cache, "provider.js", genuine, hostileTwin(genuine));
  const before = readdirSync(cache, { recursive: true }).length;
  const attacked = run(executable, ["--version"], {
    NODE_COMPILE_CACHE: cache,
    HW_SECRET_KEY: "real-secret",
  });
  expect(attacked.stdout).toBe(`${VERSION}\n`);
  expect(attacked.stdout + attacked.stderr).not.toContain("real-secret");
  expect(readdirSync(cache, { recursive: true })).toHaveLength(before);
});

it("OPENSSL_CONF cannot load an OpenSSL engine (native code) into the executable", () => {
  const config = join(work, "openssl.cnf");
  const library = join(work, "engine.so");
  writeFileSync(
    config,
    `nodejs_conf = c\n[c]\nengines = e\n[e]\nx = x\n[x]\ndynamic_path = ${library}\ninit = 1\n`,
  );
  const controlled = run(NODE, ["-e", "0"], { OPENSSL_CONF: config });
  expect(controlled.stderr).toContain(library); // plain node tried to load it
  const ours = run(executable, ["--version"], { OPENSSL_CONF: config });
  expect(ours.stdout).toBe(`${VERSION}\n`);
  expect(ours.stderr).toBe("");
});

it("NODE_V8_COVERAGE makes the executable write nothing", () => {
  const controlDir = join(work, "coverage-control");
  run(NODE, ["-e", "0"], { NODE_V8_COVERAGE: controlDir });
  expect(readdirSync(controlDir).length).toBeGreaterThan(0);
  const dir = join(work, "coverage");
  expect(run(executable, ["--version"], { NODE_V8_COVERAGE: dir }).stdout).toBe(`${VERSION}\n`);
  expect(existsSync(dir)).toBe(false);
});

it("NODE_REPL_EXTERNAL_MODULE, NODE_ICU_DATA and a FIFO in NODE_EXTRA_CA_CERTS neither load, block nor stop it", () => {
  const fifo = join(work, "fifo");
  execFileSync("mkfifo", [fifo]);
  const marker = join(work, "repl.marker");
  const module = join(work, "repl.js");
  writeFileSync(module, `require("fs").writeFileSync(${JSON.stringify(marker)}, "loaded")`);
  const ours = run(executable, ["--version"], {
    NODE_REPL_EXTERNAL_MODULE: module,
    NODE_ICU_DATA: fifo,
    NODE_EXTRA_CA_CERTS: fifo,
  });
  expect(ours.error).toBeUndefined(); // not killed by the bound
  expect(ours.stdout).toBe(`${VERSION}\n`);
  expect(existsSync(marker)).toBe(false);
  // The CA file is the provider's to read, and a FIFO is not a file it reads.
  expect(ours.stderr).toContain(
    `Ignoring extra certs from \`${fifo}\`, load failed: it is a FIFO (named pipe), not a regular file`,
  );
});

it("a private CA in NODE_EXTRA_CA_CERTS is still trusted by the executable's own connections", async () => {
  const tlsDir = join(__dirname, "../fixtures/tls");
  const tls = {
    key: readFileSync(join(tlsDir, "key.pem"), "utf8"),
    cert: readFileSync(join(tlsDir, "cert.pem"), "utf8"),
  };
  const emulator = await startEmulator({ jobs: demoJobs(), tls });
  try {
    const jobs = (env: NodeJS.ProcessEnv) =>
      // Asynchronously: the emulator answering the child runs on this process's event loop.
      new Promise<{ failed: boolean; stdout: string; stderr: string }>((resolve) => {
        const args = ["jobs", "--status", "RUNNING", "--output", "json"];
        execFile(
          executable,
          args,
          { env: { ...emulator.env, ...env }, encoding: "utf8" },
          (error, stdout, stderr) => resolve({ failed: error !== null, stdout, stderr }),
        );
      });
    const refused = await jobs({});
    expect(refused.failed).toBe(true);
    expect(refused.stderr).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/);
    const trusted = await jobs({ NODE_EXTRA_CA_CERTS: join(tlsDir, "cert.pem") });
    expect(trusted.stderr).toBe("");
    expect(JSON.parse(trusted.stdout).ids).toHaveLength(13);
  } finally {
    await emulator.close();
  }
});
