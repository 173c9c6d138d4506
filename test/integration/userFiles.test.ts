/**
 * Files a user names in a setting, read as the probe attacked them: a KooCLI profile file that is a
 * FIFO, `/dev/zero`, a link to a FIFO in KooCLI's default place, or far too large; and `~` in the
 * file's name. Each runs the real `pulumi-modelarts jobs` in a child process, which reports its peak
 * memory: a clear error, quickly, in little memory, never a hang or gigabytes read.
 */
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { demoJobs } from "../../emulator";
import { useEmulator } from "./helpers";

const BIN = join(__dirname, "../../dist/cli/main.js");
const MB = 1024 * 1024;

let dir: string;
let probe: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "user-files-"));
  // Loaded before the bin: prints the process's peak memory (kB) as it exits. VmHWM, not getrusage's
  // maxrss, which Linux carries over from the forking parent (the test runner) across exec.
  probe = join(dir, "peak.js");
  writeFileSync(
    probe,
    "process.on('exit', () => process.stderr.write('peak-rss-kb ' + /VmHWM:\\s+(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1] + '\\n'));",
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `pulumi-modelarts jobs` with only `env` (and PATH); its exit code, stderr and peak memory in bytes. */
async function jobs(env: Record<string, string>, cwd = dir) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ["--require", probe, BIN, "jobs", "--output", "json"],
      { env: { PATH: process.env.PATH ?? "", ...env }, cwd, encoding: "utf8", timeout: 20_000 },
    );
    return { code: 0, stdout, stderr, peak: peakOf(stderr) };
  } catch (e) {
    const failed = e as { code: number | null; signal?: string; stdout: string; stderr: string };
    if (failed.signal) throw new Error(`the lookup hung and was killed (${failed.signal}): ${failed.stderr}`);
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr, peak: peakOf(failed.stderr) };
  }
}

const peakOf = (stderr: string) => Number(/peak-rss-kb (\d+)/.exec(stderr)?.[1] ?? Number.NaN) * 1024;

describe("a KooCLI profile file that is not a regular file", () => {
  const emulator = useEmulator({ jobs: demoJobs() });
  /** The emulator's settings without its keys: the keys must come from the profile file. */
  const withoutKeys = () => {
    const { HW_ACCESS_KEY, HW_SECRET_KEY, ...rest } = emulator().env;
    return { ...rest, HOME: join(dir, "nobody") };
  };

  it("refuses a FIFO at once, naming it, instead of waiting for a writer forever", async () => {
    const fifo = join(dir, "config-fifo");
    execFileSync("mkfifo", [fifo]);
    const result = await jobs({ ...withoutKeys(), HW_SHARED_CONFIG_FILE: fifo });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `The shared config file ${fifo} is a FIFO (named pipe), not a regular file.`,
    );
    expect(result.peak).toBeLessThan(200 * MB);
    expect(emulator().requests).toHaveLength(0);
  });

  it("refuses /dev/zero and /dev/urandom without reading them", async () => {
    for (const device of ["/dev/zero", "/dev/urandom"]) {
      const result = await jobs({ ...withoutKeys(), HW_SHARED_CONFIG_FILE: device });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${device} is a character device, not a regular file`);
      expect(result.peak).toBeLessThan(200 * MB);
    }
  });

  it("refuses KooCLI's default file when it links to a FIFO", async () => {
    const home = join(dir, "home-with-fifo");
    mkdirSync(join(home, ".hcloud"), { recursive: true });
    execFileSync("mkfifo", [join(home, "pipe")]);
    symlinkSync(join(home, "pipe"), join(home, ".hcloud", "config.json"));
    const result = await jobs({ ...withoutKeys(), HOME: home });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("config.json is a FIFO (named pipe), not a regular file");
  });

  it("refuses a regular file over 1 MiB, reading no more than that", async () => {
    const large = join(dir, "large.json");
    writeFileSync(large, `{"current": "x", "pad": "${"x".repeat(2 * MB)}"}`);
    const result = await jobs({ ...withoutKeys(), HW_SHARED_CONFIG_FILE: large });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${large} is over 1048576 bytes`);
  });

  it("reads ~/ in the file's name from the home folder, never a ./~ folder in the working directory", async () => {
    const home = join(dir, "home-tilde");
    const profile = (accessKeyId: string, secretAccessKey: string) =>
      JSON.stringify({
        current: "emu",
        profiles: [{ name: "emu", mode: "AKSK", accessKeyId, secretAccessKey }],
      });
    mkdirSync(join(home, ".hcloud"), { recursive: true });
    writeFileSync(
      join(home, ".hcloud", "other.json"),
      profile(emulator().settings.accessKey, emulator().settings.secretKey),
      {
        mode: 0o600,
      },
    );
    // A cloned repository could hold this decoy: its keys are wrong, so using it fails the lookup.
    const work = join(dir, "checkout");
    mkdirSync(join(work, "~", ".hcloud"), { recursive: true });
    writeFileSync(join(work, "~", ".hcloud", "other.json"), profile("DECOYACCESSKEY", "decoy-secret"), {
      mode: 0o600,
    });
    const result = await jobs(
      { ...withoutKeys(), HOME: home, HW_SHARED_CONFIG_FILE: "~/.hcloud/other.json" },
      work,
    );
    expect(result.stderr.replace(/peak-rss-kb \d+\n/, "")).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).ids).toHaveLength(30);
  });
});
