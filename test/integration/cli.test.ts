/**
 * `pulumi-modelarts jobs`, run as a user runs it (the built bin in a child process) against the
 * emulator: the table and JSON outputs, progress on stderr, exit codes, and our messages instead of
 * stack traces.
 */
import { execFile, spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { demoJobs, generateJobs } from "../../emulator";
import { useEmulator } from "./helpers";

const BIN = join(__dirname, "../../dist/cli/main.js");

/** Runs the bin; resolves with its exit code and output, whatever the code. */
async function run(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? "", ...env },
      encoding: "utf8",
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("pulumi-modelarts jobs | head -1", () => {
  const emulator = useEmulator({ jobs: generateJobs(5_000, { seed: 3 }) });

  it("exits quietly when the reader closes the pipe early, with no EPIPE stack trace", async () => {
    const script = `"${process.execPath}" "${BIN}" jobs | head -1; echo "exit $\{PIPESTATUS[0]}" >&2`;
    const { stdout, stderr } = await promisify(execFile)("bash", ["-c", script], {
      env: { PATH: process.env.PATH ?? "", ...emulator().env },
      encoding: "utf8",
    });
    expect(stdout).toMatch(/^ID\s+NAME/);
    expect(stdout.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/exit 0\n$/);
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
  });
});

describe("pulumi-modelarts jobs", () => {
  const emulator = useEmulator({ jobs: demoJobs() });

  it("says in one line that it could not write its output to a full disk, and exits 1", async () => {
    const full = openSync("/dev/full", "w");
    try {
      const exited = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, "jobs", "--output", "json"], {
          env: { PATH: process.env.PATH ?? "", ...emulator().env },
          stdio: ["ignore", full, "pipe"],
        });
        let stderr = "";
        child.stderr?.on("data", (chunk) => {
          stderr += chunk;
        });
        child.once("close", (code) => resolve({ code, stderr }));
      });
      expect(exited).toEqual({ code: 1, stderr: "pulumi-modelarts: could not write the output (ENOSPC)\n" });
    } finally {
      closeSync(full);
    }
  });

  it("prints a table of the jobs a query finds", async () => {
    const { code, stdout } = await run(
      ["jobs", "--status", "running", "--name-regex", "^vision-"],
      emulator().env,
    );
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^ID\s+NAME\s+STATUS\s+CREATED \(UTC\)\s+SERVICE URL$/);
    expect(lines.slice(1, -1).map((l) => l.split(/\s+/)[1])).toEqual([
      "vision-resnet50-tb",
      "vision-vit-b16-tb",
      "vision-dino-tb",
    ]);
    expect(lines.at(-1)).toBe("3 jobs (job_total_count 13)");
  });

  it("prints JSON for scripts: the lookup's result", async () => {
    const { code, stdout } = await run(
      [
        "jobs",
        "--status",
        "8",
        "--status",
        "WAITING",
        "--sort-by",
        "create_time",
        "--order",
        "desc",
        "--limit",
        "2",
        "--output",
        "json",
      ],
      emulator().env,
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.jobs).toHaveLength(2);
    expect(
      result.jobs.every((j: { statusName: string }) => ["RUNNING", "WAITING"].includes(j.statusName)),
    ).toBe(true);
    expect(result.jobs[0].createTime).toBeGreaterThan(result.jobs[1].createTime);
  });

  it("reports progress on stderr when a listing takes more than a second, keeping stdout clean", async () => {
    emulator().setLatency(1_500);
    const { code, stdout, stderr } = await run(["jobs", "--output", "json"], {
      ...emulator().env,
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).ids).toHaveLength(30);
    expect(stderr).toMatch(/^pulumi-modelarts: still listing, \d+ requests in \d+ s$/m);
  });

  it("exits 1 with our message, not a stack trace, when the lookup fails", async () => {
    const { code, stderr } = await run(["jobs"], {
      ...emulator().env,
      HW_SECRET_KEY: "wrong-secret-key-xyz",
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^pulumi-modelarts: ModelArts GET \/v1\/\{project_id\}\/visualization-jobs failed: HTTP 401 APIGW\.0301/,
    );
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr).not.toContain("wrong-secret-key-xyz");
  });

  it("exits 2 on a usage error, and 0 with --help and --version", async () => {
    const unknown = await run(["jobs", "--colour"], emulator().env);
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.stderr).toContain("unknown option --colour\n");
    const typo = await run(["jobs", "--name-regx", "^a"], emulator().env);
    expect(typo).toMatchObject({ code: 2 });
    expect(typo.stderr).toContain("unknown option --name-regx; did you mean --name-regex?");
    // What the user typed is echoed with its control characters escaped.
    const escaped = await run(["jobs", "--limit", "1\u001b[2J"], emulator().env);
    expect(escaped.stderr).toContain('--limit takes a whole number, got "1\\x1b[2J"');
    expect(escaped.stderr).not.toContain("\u001b");
    expect((await run(["jobs", "--output", "yaml"], emulator().env)).code).toBe(2);
    expect((await run(["frobnicate"], {})).code).toBe(2);
    const badValues = await run(
      ["jobs", "--limit", "0", "--status", "runing", "--name-regex", "("],
      emulator().env,
    );
    expect(badValues).toMatchObject({ code: 2 });
    expect(badValues.stderr).toContain('--status must be a status name such as "RUNNING"');
    expect(badValues.stderr).toContain('got "runing"');
    expect(badValues.stderr).toContain("--limit must be an integer of at least 1, got 0");
    expect(badValues.stderr).toContain("--name-regex must be a non-empty, valid RE2");
    expect(emulator().requests).toHaveLength(0);
    const tooMany = await run(["jobs", "--max-concurrency", "0"], emulator().env);
    expect(tooMany).toMatchObject({ code: 2 });
    expect(tooMany.stderr).toContain(
      'The setting from the --max-concurrency option must be an integer from 1 to 32, got "0".',
    );
    const help = await run(["jobs", "--help"], {});
    expect(help).toMatchObject({ code: 0 });
    expect(help.stdout).toContain("Usage: pulumi-modelarts jobs");
    const { version } = require("../../package.json");
    expect((await run(["--version"], {})).stdout.trim()).toBe(version);
    expect((await run(["emulator", "--version"], {})).stdout.trim()).toBe(version);
  });
});

describe("pulumi-modelarts jobs, keyless, by its options", () => {
  const emulator = useEmulator({ jobs: demoJobs() });

  it("--idp-id, --id-token-file, --agency-name, --agency-domain-id and --signing-algorithm stand for their variables", async () => {
    const dir = mkdtempSync(join(tmpdir(), "modelarts-cli-oidc-"));
    try {
      const [token] = emulator().identityProvider("ci");
      writeFileSync(join(dir, "token"), token!);
      const { HW_ACCESS_KEY: _, HW_SECRET_KEY: __, ...place } = emulator().env;
      const { agencyName, domainId } = emulator().settings.agencies[0]!;
      const options = ["--idp-id", "ci", "--id-token-file", join(dir, "token")];
      const agency = ["--agency-name", agencyName, "--agency-domain-id", domainId];
      const found = await run(
        ["jobs", "--output", "json", ...options, ...agency, "--signing-algorithm", "SM2SM3"],
        { ...place, HOME: dir },
      );
      expect([found.code, found.stderr]).toEqual([0, ""]);
      expect(JSON.parse(found.stdout).ids).toHaveLength(30);
      expect(
        emulator()
          .issuedKeys()
          .map((k) => k.issuedFor),
      ).toEqual(["federated@ci", "modelarts-reader@emulator-account"]);
      expect(
        new Set(
          emulator()
            .listRequests()
            .map((r) => r.signedWith),
        ),
      ).toEqual(new Set(["SM2SM3"]));
      const bad = await run(["jobs", ...options, "--signing-algorithm", "HmacSHA1"], { ...place, HOME: dir });
      expect(bad).toMatchObject({ code: 2 });
      expect(bad.stderr).toContain(
        '--signing-algorithm must be one of HmacSHA256, HmacSM3, EcdsaP256SHA256, SM2SM3, got "HmacSHA1"',
      );
      expect(found.stdout + found.stderr + bad.stderr).not.toContain(token!);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("pulumi-modelarts emulator's options", () => {
  it("loads jobs from a JSON file, refusing a bad one by name; refuses a latency no timer can wait", async () => {
    const dir = mkdtempSync(join(tmpdir(), "modelarts-jobs-"));
    try {
      writeFileSync(join(dir, "bad.json"), JSON.stringify([{ jobId: 1 }]));
      const bad = await run(["emulator", "--port", "0", "--jobs", join(dir, "bad.json")], {});
      expect(bad).toMatchObject({ code: 2 });
      expect(bad.stderr).toContain("bad.json: job 0.jobName must be a non-empty string");
      const missing = await run(["emulator", "--jobs", join(dir, "none.json")], {});
      expect(missing.stderr).toContain("cannot be read (ENOENT)");
      const latency = await run(["emulator", "--latency", "3000000000"], {});
      expect(latency).toMatchObject({ code: 2 });
      expect(latency.stderr).toContain("--latency is at most 2147483647 ms, got 3000000000");
      const typo = await run(["emulator", "--prot", "0"], {});
      expect(typo.stderr).toContain("unknown option --prot; did you mean --port?");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says a busy port is busy, and what to pass instead", async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    try {
      const port = String((busy.address() as AddressInfo).port);
      const result = await run(["emulator", "--port", port], {});
      expect(result).toMatchObject({ code: 1 });
      expect(result.stderr).toBe(
        `pulumi-modelarts: port ${port} is in use: pass --port 0 for any free port (or port: 0 to startEmulator)\n`,
      );
    } finally {
      busy.close();
    }
  });
});
