/**
 * Arguments, answers and callers a third probe threw at the Terraform provider, the plugin and the
 * functions: a job time no date can hold, megabytes of pattern and a million statuses, a NaN
 * setting, a profile file others can read, and a Terraform killed under its provider. Each ends in a
 * clear, bounded answer on every surface, never an internal error, gigabytes or a lingering process.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { demoJobs, type RunningEmulator, startEmulator } from "../../emulator";
import { ModelArtsProvider } from "../../plugin/modelartsProvider";
import { TOKENS } from "../../plugin/schema";
import { resetSharedState } from "../../provider/lookup/lookup";
import { ModelArtsResponseError, ModelArtsValidationError } from "../../provider/support/errors";
import { type CtyObject, encodeCty } from "../../terraform/ctyCodec";
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from "../../terraform/handshake";
import { providerService } from "../../terraform/protocol";
import { providerLog } from "../../terraform/providerLog";
import { blockType, JOBS_DATA_SOURCE, PROVIDER_BLOCK } from "../../terraform/schema";
import { SERVED_METHODS, TerraformProvider } from "../../terraform/terraformProvider";
import { lookup } from "./helpers";

const JOBS = "modelarts_visualization_jobs";
const READ_RESPONSE = providerService(SERVED_METHODS).ReadDataSource!;

let emulator: RunningEmulator;
let dir: string;
beforeEach(async () => {
  emulator = await startEmulator({ jobs: demoJobs() });
  dir = mkdtempSync(join(tmpdir(), "hostile-"));
  resetSharedState();
});
afterEach(async () => {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A Terraform provider configured with `block` (and the emulator's environment); its log lines kept. */
async function terraform(block: CtyObject = {}, env: NodeJS.ProcessEnv = emulator.env) {
  const lines: string[] = [];
  const provider = new TerraformProvider(
    env,
    providerLog(env, (line) => lines.push(line)),
  );
  const configured = await provider.ConfigureProvider({
    config: { msgpack: encodeCty(blockType(PROVIDER_BLOCK), block) },
  });
  expect(configured.diagnostics).toEqual([]);
  const read = (config: CtyObject) =>
    provider.ReadDataSource({
      typeName: JOBS,
      config: { msgpack: encodeCty(blockType(JOBS_DATA_SOURCE), config) },
    });
  return { provider, read, lines };
}

describe("a job's create_time that no date can hold (9e15 ms)", () => {
  beforeEach(() => emulator.putJobs({ jobId: 4242, jobName: "far-future-tb", status: 8, createTime: 9e15 }));

  it("is refused where the page is parsed, naming the job, by the functions", async () => {
    const failure = lookup(emulator, { status: "RUNNING" });
    await expect(failure).rejects.toBeInstanceOf(ModelArtsResponseError);
    await expect(failure).rejects.toThrow(
      /jobs\[\d+\]\.create_time must be a time in epoch milliseconds from 0 to 8640000000000000, got 9000000000000000 \(job_id 4242\)/,
    );
  });

  it("is the same diagnostic in Terraform, not an internal error", async () => {
    const { read } = await terraform();
    const { diagnostics, state } = await read({ status: "RUNNING" });
    expect(state).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 1,
        summary: "The ModelArts API answered with something unreadable (MODELARTS_RESPONSE)",
        detail: expect.stringContaining("create_time must be a time in epoch milliseconds"),
      }),
    ]);
  });
});

describe("unbounded work from one argument", () => {
  it("refuses a pattern of megabytes by its length, before compiling it", async () => {
    const huge = `^(${Array.from({ length: 200_000 }, (_, i) => `job${i}`).join("|")})$`;
    expect(huge.length).toBeGreaterThan(1_400_000);
    const failure = lookup(emulator, { nameRegex: huge });
    await expect(failure).rejects.toBeInstanceOf(ModelArtsValidationError);
    await expect(failure).rejects.toThrow(
      /nameRegex must be a non-empty, valid RE2 regular expression of at most 4096 characters/,
    );
    const ok = "a".repeat(4_096);
    expect((await lookup(emulator, { nameRegex: ok })).ids).toEqual([]);
    expect(emulator.requests.length).toBeGreaterThan(0);
  });

  it("answers a million bad statuses with one small diagnostic, and a repeated status as a repeat", async () => {
    const { read } = await terraform();
    const response = await read({ statuses: Array.from({ length: 1_300_000 }, (_, i) => `bad-${i}`) });
    expect(response.diagnostics).toEqual([
      expect.objectContaining({
        detail: "statuses must list each status at most once: at most 22, got 1300000",
      }),
    ]);
    expect(READ_RESPONSE.responseSerialize(response).length).toBeLessThan(4096);
    const repeated = await read({ status: "RUNNING", statuses: ["waiting", "8"] });
    expect(repeated.diagnostics).toEqual([
      expect.objectContaining({
        detail: 'statuses[1] repeats "RUNNING" (RUNNING): give each status once, got "8"',
        attribute: { steps: [{ attributeName: "statuses" }, { elementKeyInt: 1 }] },
      }),
    ]);
    expect(emulator.requests).toEqual([]);
  });

  it("lists the first 20 problems and counts the rest", async () => {
    const args = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`unknown${i}`, i]));
    const failure = (await lookup(emulator, args).catch((e: unknown) => e)) as ModelArtsValidationError;
    expect(failure.issues).toHaveLength(20);
    expect(failure.moreIssues).toBe(30);
    expect(failure.message).toMatch(/unknown argument "unknown19"; .*; and 30 more problems$/);
  });
});

describe("a NaN", () => {
  it("is shown as NaN, not null: an argument, and a plugin setting", async () => {
    await expect(lookup(emulator, { pageSize: Number.NaN })).rejects.toThrow(
      "pageSize must be an integer from 1 to 1000, got NaN",
    );
    const plugin = new ModelArtsProvider("0.1.0", () => ({ maxRetries: Number.NaN }), emulator.env);
    await expect(plugin.invoke(TOKENS.getVisualizationJobs, {})).rejects.toThrow(
      'must be an integer from 0 to 20, got "NaN"',
    );
  });
});

describe("warnings", () => {
  /** A KooCLI profile file with the emulator's keys that others can read. */
  function readableProfile(): string {
    const file = join(dir, "koo.json");
    const { accessKey, secretKey } = emulator.settings;
    writeFileSync(
      file,
      JSON.stringify({
        current: "emu",
        profiles: [{ name: "emu", accessKeyId: accessKey, secretAccessKey: secretKey }],
      }),
    );
    chmodSync(file, 0o644);
    return file;
  }

  it("reach Terraform as WARNING diagnostics, and the request log reaches its log under TF_LOG", async () => {
    const { HW_ACCESS_KEY, HW_SECRET_KEY, ...env } = emulator.env;
    const file = readableProfile();
    const { read, lines } = await terraform({ shared_config_file: file }, { ...env, TF_LOG: "DEBUG" });
    const { diagnostics, state } = await read({ status: "RUNNING" });
    expect(state).toBeDefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 2,
        detail: `The shared config file ${file} holds keys and can be read by others (mode 644): chmod 600 it.`,
      }),
    ]);
    const entries = lines.map((line) => JSON.parse(line) as Record<string, string>);
    expect(
      entries.some((e) => e["@level"] === "debug" && /GET .*visualization-jobs.* 200/.test(e["@message"]!)),
    ).toBe(true);
    expect(entries.find((e) => e["@level"] === "warn")?.["@message"]).toContain("can be read by others");
    expect(entries[0]!["@timestamp"]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(lines.join("")).not.toContain(emulator.settings.secretKey);
  });

  it("are written once per plugin process, however many lookups it runs", async () => {
    const { HW_ACCESS_KEY, HW_SECRET_KEY, ...env } = emulator.env;
    const warnings: string[] = [];
    const logger = { debug: () => {}, warn: (m: string) => warnings.push(m) };
    const plugin = new ModelArtsProvider(
      "0.1.0",
      () => ({ sharedConfigFile: readableProfile() }),
      env,
      logger,
    );
    await plugin.invoke(TOKENS.getVisualizationJobs, { status: "RUNNING" });
    await plugin.invoke(TOKENS.getVisualizationJobs, { status: "WAITING" });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("can be read by others");
  });
});

describe("a Terraform killed under its provider", () => {
  let shell: ChildProcess | undefined;
  afterEach(() => shell?.kill("SIGKILL"));

  it("leaves no provider behind: it exits once its parent has gone", async () => {
    const bin = join(__dirname, "../../dist/plugin/main.js");
    // The shell stands for Terraform: it starts the provider, prints its pid, and is then killed.
    shell = spawn("sh", ["-c", `"${process.execPath}" "${bin}" & echo "pid $!"; wait`], {
      env: {
        PATH: process.env.PATH ?? "",
        [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
        PLUGIN_PROTOCOL_VERSIONS: "6",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const started = new Promise<number>((resolve) =>
      shell!.stdout!.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const pid = /pid (\d+)/.exec(output);
        if (pid && /\|grpc/.test(output)) resolve(Number(pid[1]));
      }),
    );
    const pid = await started;
    expect(alive(pid)).toBe(true);
    shell.kill("SIGKILL");
    await waitFor(() => !alive(pid), 10_000);
    expect(alive(pid)).toBe(false);
  });
});

/** Whether `pid` runs: a zombie (exited, not yet reaped by a new parent that is slow to) does not. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

async function waitFor(done: () => boolean, limitMs: number): Promise<void> {
  for (const until = Date.now() + limitMs; !done() && Date.now() < until; ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
