/**
 * The emulator's control API over real HTTP, as a test in Python or Go drives it: jobs put, changed
 * and removed (and a lookup sees each change), faults and latency injected, the request log read;
 * nothing without the emulator's key; bad bodies refused saying what is wrong. Also its bounds: the
 * sorted views it keeps, the headers it records, and the latency a timer can wait.
 */

import { demoJobs, type RunningEmulator, startEmulator } from "../../emulator";
import { JobStore, MAX_VIEWS } from "../../emulator/jobStore";
import { recordedHeaders } from "../../emulator/requestLog";
import { lookupVisualizationJobs, resetSharedState } from "../../provider/lookup/lookup";
import { ModelArtsEmulatorError, ModelArtsError } from "../../provider/support/errors";

let emulator: RunningEmulator;
beforeEach(async () => {
  emulator = await startEmulator({ jobs: demoJobs() });
  resetSharedState();
});
afterEach(() => emulator.close());

/** One control call; the JSON answer and status. */
async function control(method: string, path: string, body?: unknown, key = emulator.settings.secretKey) {
  const response = await fetch(`${emulator.settings.controlUrl}${path}`, {
    method,
    headers: { "x-emulator-key": key, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

const lookup = (args = {}) => lookupVisualizationJobs(args, { env: emulator.env, cache: false });

describe("the control API", () => {
  it("answers nothing without the emulator's key, and is not in the API's request log", async () => {
    const refused = await control("GET", "jobs", undefined, "wrong");
    expect(refused).toEqual({ status: 401, body: { error: expect.stringContaining("x-emulator-key") } });
    expect(emulator.requests).toEqual([]);
  });

  it("puts, changes and removes jobs, and a lookup sees each change", async () => {
    expect(
      (
        await control("PUT", "jobs", [
          { jobId: 1, jobName: "a-tb", status: 8 },
          { jobId: 2, jobName: "b-tb" },
        ])
      ).body,
    ).toEqual({ count: 2 });
    expect((await lookup()).names).toEqual(["a-tb", "b-tb"]);
    await control("POST", "jobs", { jobId: 3, jobName: "c-tb", status: 7 });
    expect((await control("PATCH", "jobs/1", { status: 10 })).body).toMatchObject({ jobId: 1, status: 10 });
    expect((await lookup({ status: "RUNNING" })).names).toEqual(["b-tb"]);
    expect((await control("DELETE", "jobs/2")).status).toBe(200);
    expect((await control("GET", "jobs")).body).toEqual([
      expect.objectContaining({ jobId: 1, status: 10 }),
      expect.objectContaining({ jobId: 3, status: 7 }),
    ]);
    expect(await control("DELETE", "jobs/99")).toEqual({
      status: 404,
      body: { error: "the emulator has no job 99" },
    });
  });

  it("injects faults and latency, and shows the request log", async () => {
    await control("POST", "faults", {
      fault: { kind: "status", status: 503 },
      count: 1,
      when: { pathContains: "visualization-jobs" },
    });
    expect((await lookup()).ids).toHaveLength(30);
    const log = (await control("GET", "requests")).body as Array<{ status: number; fault?: string }>;
    expect(log.map((r) => [r.status, r.fault])).toEqual([
      [503, "status"],
      [200, undefined],
    ]);
    await control("PUT", "latency", { ms: 300 });
    const started = Date.now();
    await lookup({ limit: 1, pageSize: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect((await control("DELETE", "requests")).status).toBe(200);
    expect(emulator.requests).toEqual([]);
  });

  it("registers an identity provider, whose id tokens a keyless lookup then exchanges; bad ones are refused", async () => {
    const given = await control("POST", "identity-providers", { id: "ci", tokens: ["token-of-the-job"] });
    expect(given).toEqual({ status: 200, body: { id: "ci", tokens: ["token-of-the-job"] } });
    const issued = await control("POST", "identity-providers", { id: "ci" });
    const [token] = (issued.body as { tokens: string[] }).tokens;
    expect(token).toMatch(/^emulator-id-token-/);
    const { HW_ACCESS_KEY: _, HW_SECRET_KEY: __, ...place } = emulator.env;
    const found = await lookupVisualizationJobs(
      {},
      { env: { ...place, HW_ASSUME_ROLE_IDP_ID: "ci", HW_ASSUME_ROLE_ID_TOKEN: token! }, cache: false },
    );
    expect(found.ids).toHaveLength(30);
    expect((await control("POST", "identity-providers", { id: "" })).body).toEqual({
      error: "id must be a non-empty string of at most 128 characters",
    });
    expect((await control("POST", "identity-providers", { id: "ci", tokens: "one" })).body).toEqual({
      error: "tokens must be a list of at most 1000 id tokens",
    });
  });

  it("refuses bad bodies, saying what is wrong", async () => {
    expect(
      await control("PUT", "jobs", [
        { jobId: "x", jobName: "" },
        { jobId: 2, jobName: "b", status: "8" },
      ]),
    ).toEqual({
      status: 400,
      body: {
        error:
          "body: job 0.jobId must be a whole number; job 0.jobName must be a non-empty string; job 1.status must be a number, got string",
      },
    });
    expect((await control("POST", "faults", { fault: { kind: "explode" } })).body).toEqual({
      error: "body.fault.kind must be one of status, apiFailure, reset, truncate, malformed, delay",
    });
    expect((await control("PUT", "latency", { ms: 3_000_000_000 })).body).toEqual({
      error: "latency must be a whole number of ms from 0 to 2147483647, got 3000000000",
    });
    expect((await control("PATCH", "jobs/1001", { jobId: 5 })).status).toBe(400);
    expect((await control("GET", "nothing-here")).status).toBe(404);
    expect(emulator.jobs()).toHaveLength(30);
  });

  it("a program's bad call is a ModelArtsEmulatorError with its code: a missing job (404 over HTTP), a bad fault, a port in use", async () => {
    const thrown = (call: () => unknown) => {
      try {
        call();
      } catch (error) {
        return error;
      }
      return "UNEXPECTED SUCCESS";
    };
    const missing = thrown(() => emulator.updateJob(99_999, { status: 10 }));
    expect(missing).toBeInstanceOf(ModelArtsError);
    expect(missing).toMatchObject({
      code: "MODELARTS_EMULATOR",
      notFound: true,
      message: "the emulator has no job 99999",
    });
    expect((await control("DELETE", "jobs/99999")).status).toBe(404);
    const badFault = thrown(() => emulator.injectFault({ kind: "status", status: 503 }, { count: 0 }));
    expect(badFault).toBeInstanceOf(ModelArtsEmulatorError);
    expect(badFault).toMatchObject({ code: "MODELARTS_EMULATOR", notFound: false });
    const port = Number(new URL(emulator.url).port);
    const taken = await startEmulator({ port }).then(
      () => "UNEXPECTED SUCCESS",
      (error: unknown) => error,
    );
    expect(taken).toBeInstanceOf(ModelArtsEmulatorError);
    expect((taken as Error).message).toBe(
      `port ${port} is in use: pass --port 0 for any free port (or port: 0 to startEmulator)`,
    );
    // The rule the command line's --key states holds for a program's secretKey too.
    await expect(startEmulator({ secretKey: "short" })).rejects.toMatchObject({
      code: "MODELARTS_EMULATOR",
      message: "secretKey takes 8 to 128 printable characters without spaces",
    });
  });
});

describe("the emulator's bounds", () => {
  it(`keeps at most ${MAX_VIEWS} sorted views, however many distinct searches come`, () => {
    const store = new JobStore(demoJobs());
    for (let i = 0; i < 250; i++) {
      store.query({ workspaceId: "0", searchContent: `tb-${i}`, sortBy: "job_id", order: "asc" });
    }
    expect((store as unknown as { views: Map<string, unknown> }).views.size).toBe(MAX_VIEWS);
    expect(store.query({ workspaceId: "0", sortBy: "job_name", order: "desc" })).toHaveLength(30);
  });

  it("records at most 32 headers of a request, each cut to 256 characters, and never a credential", () => {
    const headers = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`x-h${i}`, "v".repeat(1000)]));
    const kept = recordedHeaders({ authorization: "SDK-HMAC-SHA256 secret", ...headers });
    expect(Object.keys(kept)).toHaveLength(32);
    expect(kept["x-h0"]).toBe(`${"v".repeat(256)}...`);
    expect(kept).not.toHaveProperty("authorization");
  });
});
