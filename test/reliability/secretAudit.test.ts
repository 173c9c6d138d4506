/**
 * One audit of everything that leaves a lookup: error messages (with their stacks and cause
 * chains), log lines of the program-side functions (pulumi.log), the serialized dynamic provider and
 * the properties it returns for the state. Lookups run with temporary credentials through faults,
 * retries, validation failures, refused signatures and the dynamic provider; none of the secret key,
 * the security token, the IAM token or any signature that was sent may appear anywhere.
 */
import * as pulumi from "@pulumi/pulumi";
import { Agent, type Dispatcher } from "undici";
import { demoJobs, type RunningEmulator, startEmulator } from "../../emulator";
import { runLookup } from "../../provider/lookup/lookup";
import { getVisualizationJobs } from "../../sdk/nodejs";
import { providerShim } from "../../sdk/nodejs/visualizationJobsLookup";
import { FAST_RETRIES } from "../integration/helpers";
import { serializeProvider, stackConfigFor, startHost } from "../support/dynamicProviderHost";

const SECRET_KEY = "audit-secret-key-7f3a9c1e5b";
const SECURITY_TOKEN = "audit-security-token-4d8e2b6f0a";
const IAM_TOKEN = "audit-iam-token-9c5e1a7d3f";

/** Everything an error exposes: message, stack, own fields, and the same of each cause. */
function describeError(error: unknown, depth = 0): string {
  if (!(error instanceof Error) || depth > 5) return String(error);
  const fields = JSON.stringify(Object.fromEntries(Object.entries(error)));
  return [error.message, error.stack, fields, describeError(error.cause, depth + 1)].join("\n");
}

/**
 * Fails when any of the secrets, or any signature that was sent, appears in what a test gathered.
 * Each test gathers and checks its own output, so that each can run alone or in any order.
 */
function expectNoSecretIn(gathered: readonly string[], signatures: ReadonlySet<string> = new Set()): void {
  const everything = gathered.join("\n");
  expect(everything.length).toBeGreaterThan(500);
  for (const secretValue of [SECRET_KEY, SECURITY_TOKEN, IAM_TOKEN, ...signatures]) {
    expect(everything).not.toContain(secretValue);
  }
}

describe("no secret leaves a lookup", () => {
  let emulator: RunningEmulator;
  let gathered: string[];
  let signatures: Set<string>;

  /** A dispatcher that records every Authorization header it sends. */
  const recording: Dispatcher = new Agent().compose((dispatch) => (options, handler) => {
    const headers = options.headers as Record<string, string> | undefined;
    const signature = /Signature=([0-9a-f]+)/.exec(headers?.authorization ?? "")?.[1];
    if (signature) signatures.add(signature);
    return dispatch(options, handler);
  });

  beforeEach(() => {
    gathered = [];
    signatures = new Set();
  });

  beforeAll(async () => {
    emulator = await startEmulator({
      jobs: demoJobs(),
      secretKey: SECRET_KEY,
      securityToken: SECURITY_TOKEN,
      token: IAM_TOKEN,
    });
  });
  afterAll(async () => {
    await emulator.close();
  });

  const logger = { debug: (m: string) => gathered.push(m), warn: (m: string) => gathered.push(m) };
  const run = (args: object, env: Record<string, string> = {}) =>
    runLookup(args, "audit", {
      env: { ...emulator.env, ...env },
      dispatcher: recording,
      logger,
      cache: false,
      timing: FAST_RETRIES,
    }).then(
      (result) => gathered.push(JSON.stringify(result)),
      (error: unknown) => gathered.push(describeError(error)),
    );

  it("leaves none in the errors, causes and log lines of lookups through faults, retries and failures", async () => {
    await run({ status: "RUNNING" });
    emulator.injectFault({ kind: "status", status: 503 }, { count: 2 });
    emulator.injectFault({ kind: "reset" });
    emulator.injectFault({ kind: "status", status: 429, retryAfter: 0 });
    await run({});
    emulator.injectFault({ kind: "reset" }, { count: 10 });
    await run({}, { HW_MAX_RETRIES: "2" });
    emulator.clearFaults();
    emulator.injectFault({ kind: "truncate" }, { count: 10 });
    await run({}, { HW_MAX_RETRIES: "1" });
    emulator.clearFaults();
    await run({ pageSize: 0, status: "NAPPING" });
    await run({}, { HW_SECRET_KEY: `${SECRET_KEY}-wrong` }); // refused: the gateway echoes its canonical request
    await run({}, { HW_SECURITY_TOKEN: `${SECURITY_TOKEN}-stale` });
    await run(
      {},
      { HW_ACCESS_KEY: "", HW_SECRET_KEY: "", HW_SECURITY_TOKEN: "", HW_AUTH_TOKEN: `${IAM_TOKEN}-expired` },
    );
    // Identical requests signed within the same second carry the same signature.
    expect(signatures.size).toBeGreaterThanOrEqual(3);
    expect(gathered.some((line) => line.includes("verify aksk signature fail"))).toBe(true);
    expect(gathered.some((line) => line.includes("retrying"))).toBe(true);
    expectNoSecretIn(gathered, signatures);
  });

  it("leaves none in the program-side functions' pulumi.log lines and errors", async () => {
    const spies = (["debug", "info", "warn", "error"] as const).map((level) =>
      jest.spyOn(pulumi.log, level).mockImplementation(((message: string) => {
        gathered.push(message);
        return Promise.resolve();
      }) as typeof pulumi.log.debug),
    );
    const saved = { ...process.env };
    Object.assign(process.env, emulator.env, { HW_SECRET_KEY: `${SECRET_KEY}-wrong` });
    await getVisualizationJobs({ status: "RUNNING" }).catch((e: unknown) => gathered.push(describeError(e)));
    process.env = saved;
    expect(spies[0]!.mock.calls.length).toBeGreaterThan(0);
    for (const spy of spies) spy.mockRestore();
    expectNoSecretIn(gathered);
  });

  it("leaves none in the serialized provider, what the dynamic provider returns for the state, or its errors", async () => {
    const provider = await serializeProvider(providerShim);
    gathered.push(provider);
    const host = await startHost();
    try {
      await host.configure(
        stackConfigFor(emulator.settings, { secretKey: SECRET_KEY, securityToken: SECURITY_TOKEN }),
      );
      const created = await host.create({ __provider: provider, status: "RUNNING" });
      gathered.push(JSON.stringify(created));
      emulator.injectFault({
        kind: "status",
        status: 403,
        body: `{"error_code":"APIGW.0302","error_msg":"x-security-token:${SECURITY_TOKEN}"}`,
        contentType: "application/json",
      });
      await host.read(created.id, created.properties).catch((e: unknown) => gathered.push(describeError(e)));
      gathered.push(host.stderr());
    } finally {
      await host.close();
    }
    expectNoSecretIn(gathered);
  });
});
