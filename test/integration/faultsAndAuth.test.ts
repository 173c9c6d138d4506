/**
 * The core query against the emulator when things go wrong: every fault kind on the first, a
 * middle and the last page, authentication failures, temporary credentials and IAM tokens, and
 * project-id discovery.
 *
 * | fault (twice on one page of 4)                    | outcome                                    |
 * |---------------------------------------------------|--------------------------------------------|
 * | 429 with / without Retry-After                    | complete list, 3 requests for that page    |
 * | 500, 502 with a proxy's HTML page, 503, 504       | complete list, 3 requests for that page    |
 * | connection reset, body cut off mid-way            | complete list, 3 requests for that page    |
 * | response stalled past the timeout                 | complete list, 3 requests for that page    |
 * | is_success: false with a ModelArts busy code, 200 | complete list, 3 requests for that page    |
 * | 503 on every attempt                              | ModelArtsApiError, "after 3 attempts"      |
 * | reset on every attempt                            | ModelArtsNetworkError, "after 2 attempts"  |
 * | 200 with a body that is not JSON                  | ModelArtsResponseError, not retried        |
 * | is_success: false in a 400                        | ModelArtsApiError with code and message    |
 *
 * Each case must end within a bound it states: (retries + 1) x (timeout + the longest backoff)
 * plus the rest of the listing; a hang fails the case instead of the whole run.
 */

import { generateJobs, type RunningEmulator, startEmulator } from "../../emulator";
import type { Fault } from "../../emulator/fault";
import { ProjectIdCache } from "../../provider/listing/projectDiscovery";
import {
  ModelArtsApiError,
  ModelArtsConfigError,
  ModelArtsNetworkError,
  ModelArtsResponseError,
} from "../../provider/support/errors";
import { failure } from "../support/failure";
import { FAST_RETRIES, lookup, useEmulator } from "./helpers";

const JOBS = generateJobs(1_000, { seed: 3 });
const ALL_IDS = JOBS.map((j) => j.jobId);
const onPage = (page: number) => (r: { path: string; query: Record<string, string> }) =>
  r.query.page === String(page);

describe("faults on a page: the lookup ends with the complete list", () => {
  const emulator = useEmulator({ jobs: JOBS });

  const recoverable: Array<[string, Fault]> = [
    ["429 with Retry-After", { kind: "status", status: 429, retryAfter: 0 }],
    ["429 without Retry-After", { kind: "status", status: 429 }],
    ["500", { kind: "status", status: 500 }],
    [
      "502 with a proxy's HTML page",
      { kind: "status", status: 502, body: "<html><h1>502 Bad Gateway</h1></html>" },
    ],
    ["503", { kind: "status", status: 503, retryAfter: "0" }],
    ["504", { kind: "status", status: 504 }],
    ["a connection reset", { kind: "reset" }],
    ["a body cut off mid-way", { kind: "truncate" }],
    ["a response stalled past the timeout (undici times out to the second)", { kind: "delay", ms: 1500 }],
    ["ModelArts busy (is_success: false in a 200)", { kind: "apiFailure", errorCode: "ModelArts.6101" }],
  ];

  /** Fails when `promise` takes longer than `ms`: a lookup must end, in success or error. */
  const within = <T>(ms: number, promise: Promise<T>): Promise<T> =>
    Promise.race([
      promise,
      new Promise<T>((_, reject) =>
        setTimeout(() => reject(new Error(`the lookup did not end within ${ms} ms`)), ms).unref(),
      ),
    ]);
  // A hang guard, not a timing: 3 attempts of a page take about 3 s (undici's ~1 s timeout
  // granularity + 40 ms backoff); a loaded machine may take several times that.
  const BOUND_MS = 20_000;

  describe.each([1, 2, 4])("on page %i of 4", (page) => {
    it.each(recoverable)("%s", async (_, fault) => {
      emulator().injectFault(fault, { count: 2, when: onPage(page) });
      const result = await within(
        BOUND_MS,
        lookup(emulator(), { pageSize: 250 }, { timeouts: { headersMs: 200, bodyMs: 200 } }),
      );
      expect(result.ids).toEqual(ALL_IDS);
      const hits = emulator()
        .listRequests()
        .filter((r) => r.query.page === String(page));
      expect(hits).toHaveLength(3);
    });
  });

  it("fails with the API error, the request id and the attempts when a status persists", async () => {
    emulator().injectFault({ kind: "status", status: 503 }, { count: 10, when: onPage(2) });
    const error = await failure(
      lookup(emulator(), { pageSize: 250 }, { env: { ...emulator().env, HW_MAX_RETRIES: "2" } }),
    );
    expect(error).toBeInstanceOf(ModelArtsApiError);
    expect(error.message).toMatch(
      /^ModelArts GET \/v1\/\{project_id\}\/visualization-jobs failed: HTTP 503 APIGW\.0201 Injected HTTP 503 \(request id emu-[0-9a-f-]+\), after 3 attempts/,
    );
  });

  it("fails with a network error when the connection keeps dropping", async () => {
    emulator().injectFault({ kind: "reset" }, { count: 10 });
    const error = await failure(lookup(emulator(), {}, { env: { ...emulator().env, HW_MAX_RETRIES: "1" } }));
    expect(error).toBeInstanceOf(ModelArtsNetworkError);
    expect(error.message).toMatch(
      /could not get a response from http:\/\/127\.0\.0\.1:\d+: .*after 2 attempts/,
    );
  });

  it("fails with a response error on a malformed body, without retrying it", async () => {
    emulator().injectFault({ kind: "malformed" }, { when: onPage(3) });
    const error = await failure(lookup(emulator(), { pageSize: 250 }));
    expect(error).toBeInstanceOf(ModelArtsResponseError);
    expect(error.message).toMatch(/returned HTTP 200 with a body that is not JSON/);
  });

  it("fails on is_success: false in a 4xx with the ModelArts error", async () => {
    emulator().injectFault({
      kind: "apiFailure",
      status: 400,
      errorCode: "ModelArts.0104",
      errorMessage: "bad workspace_id",
    });
    const error = await failure(lookup(emulator()));
    expect(error).toMatchObject({
      status: 400,
      errorCode: "ModelArts.0104",
      errorMessage: "bad workspace_id",
    });
  });
});

describe("authentication", () => {
  let other: RunningEmulator | undefined;
  afterEach(async () => {
    await other?.close();
    other = undefined;
  });

  it("refuses a wrong secret key with the gateway's 401 APIGW.0301, once, with the request id", async () => {
    other = await startEmulator({ jobs: JOBS });
    const env = { ...other.env, HW_SECRET_KEY: "not-the-right-secret" };
    const error = await failure(lookup(other, {}, { env }));
    expect(error).toBeInstanceOf(ModelArtsApiError);
    expect(error.message).toMatch(
      /HTTP 401 APIGW\.0301 Incorrect IAM authentication information: verify aksk signature fail/,
    );
    expect(error.message).toMatch(/\(request id emu-/);
    expect(error.message).toContain("this machine's clock");
    expect(error.message).not.toContain("not-the-right-secret");
    expect(other.requests).toHaveLength(1);
  });

  it("refuses an unknown access key", async () => {
    other = await startEmulator({ jobs: JOBS });
    const error = await failure(lookup(other, {}, { env: { ...other.env, HW_ACCESS_KEY: "NOSUCHKEY" } }));
    expect(error.message).toMatch(/401 APIGW\.0301 .*ak NOSUCHKEY not exist/);
  });

  it("refuses a signature dated more than 15 minutes off the server clock", async () => {
    other = await startEmulator({ jobs: JOBS, clock: () => new Date(Date.now() + 16 * 60_000) });
    const error = await failure(lookup(other));
    expect(error.message).toMatch(/401 APIGW\.0301 .*expired/);
  });

  it("accepts a signature within the window", async () => {
    other = await startEmulator({ jobs: JOBS, clock: () => new Date(Date.now() + 14 * 60_000) });
    expect((await lookup(other)).ids).toHaveLength(1_000);
  });

  it("signs X-Security-Token with temporary credentials", async () => {
    other = await startEmulator({ jobs: JOBS, securityToken: "temporary-security-token-xyz" });
    expect((await lookup(other, { status: 8 })).ids.length).toBeGreaterThan(0);
    const error = await failure(
      lookup(other, {}, { env: { ...other.env, HW_SECURITY_TOKEN: "stale-token-value" } }),
    );
    expect(error.message).toMatch(/security token is missing, unsigned or wrong/);
    expect(error.message).not.toContain("stale-token-value");
  });

  it("sends an IAM token when there are no keys", async () => {
    other = await startEmulator({ jobs: JOBS, token: "iam-token-for-tests-123" });
    const env = {
      HW_AUTH_TOKEN: "iam-token-for-tests-123",
      HW_REGION_NAME: other.settings.region,
      HW_PROJECT_ID: other.settings.projectId,
      HW_MODELARTS_ENDPOINT: other.url,
    };
    expect((await lookup(other, {}, { env })).ids).toHaveLength(1_000);
    const error = await failure(lookup(other, {}, { env: { ...env, HW_AUTH_TOKEN: "expired-token-456" } }));
    expect(error.message).toMatch(/401 APIGW\.0301 .*verify token failed/);
    expect(error.message).not.toContain("expired-token-456");
  });

  it("reports a project id the credentials do not own", async () => {
    other = await startEmulator({ jobs: JOBS });
    const error = await failure(lookup(other, { projectId: "ffffffffffffffffffffffffffffffff" }));
    expect(error).toMatchObject({ status: 403, errorCode: "ModelArts.0210" });
    expect(error.message).toContain("check huaweicloud:projectId, HW_PROJECT_ID, HUAWEICLOUD_SDK_PROJECT_ID");
  });
});

describe("project-id discovery through IAM", () => {
  let other: RunningEmulator | undefined;
  afterEach(async () => {
    await other?.close();
    other = undefined;
  });

  const withoutProject = (emulator: RunningEmulator) => {
    const { HW_PROJECT_ID: _, ...env } = emulator.env;
    return env;
  };

  it("finds the project of the region when none is configured", async () => {
    other = await startEmulator({
      jobs: JOBS,
      region: "ap-southeast-3",
      projectId: "abcdef0123456789abcdef0123456789",
    });
    const result = await lookup(other, { status: 8 }, { env: withoutProject(other) });
    expect(result.ids.length).toBeGreaterThan(0);
    expect(other.requests[0]).toMatchObject({
      path: "/v3/projects",
      query: { name: "ap-southeast-3" },
      status: 200,
    });
    expect(other.requests[1]!.path).toBe("/v1/abcdef0123456789abcdef0123456789/visualization-jobs");
  });

  it("finds a sub-project's id by HW_PROJECT_NAME (cn-north-4_sub), not the region's, and names it when IAM lists none", async () => {
    // The emulator serves its jobs under the sub-project's id; the region's project is another.
    other = await startEmulator({
      jobs: JOBS,
      region: "cn-north-4",
      projectId: "abcdef0123456789abcdef0123456789",
      iamProjects: [
        { id: "0000000000000000000000000000000a", name: "cn-north-4" },
        { id: "abcdef0123456789abcdef0123456789", name: "cn-north-4_sub" },
      ],
    });
    const env = { ...withoutProject(other), HW_PROJECT_NAME: "cn-north-4_sub" };
    const result = await lookup(other, { status: 8 }, { env });
    expect(result.ids.length).toBeGreaterThan(0);
    expect(other.requests[0]).toMatchObject({ path: "/v3/projects", query: { name: "cn-north-4_sub" } });
    expect(other.requests[1]!.path).toBe("/v1/abcdef0123456789abcdef0123456789/visualization-jobs");
    const missing = await failure(
      lookup(
        other,
        {},
        { env: { ...env, HW_PROJECT_NAME: "cn-north-4_other" }, projectIds: new ProjectIdCache() },
      ),
    );
    expect(missing.message).toMatch(/lists no project named "cn-north-4_other".*HW_PROJECT_NAME/);
    const bad = await failure(lookup(other, {}, { env: { ...env, HW_PROJECT_NAME: "a/b" } }));
    expect(bad.message).toContain(
      "The project name from environment variable HW_PROJECT_NAME must be 1 to 64 letters",
    );
  });

  it("fails when IAM lists no project, or several, for the region", async () => {
    other = await startEmulator({ jobs: JOBS, region: "cn-east-3", iamProjects: [] });
    const none = await failure(lookup(other, {}, { env: withoutProject(other) }));
    expect(none).toBeInstanceOf(ModelArtsConfigError);
    expect(none.message).toMatch(/lists no project named "cn-east-3".*huaweicloud:projectId/);
    await other.close();

    other = await startEmulator({
      jobs: JOBS,
      region: "cn-east-4",
      iamProjects: [
        { id: "p-one", name: "cn-east-4" },
        { id: "p-two", name: "cn-east-4" },
      ],
    });
    const several = await failure(lookup(other, {}, { env: withoutProject(other) }));
    expect(several.message).toMatch(/lists 2 projects named "cn-east-4" \(p-one, p-two\)/);
  });
});

describe("connection failures", () => {
  it("reports an endpoint where nothing listens, after the retries", async () => {
    const emulator = await startEmulator();
    const env = emulator.env;
    await emulator.close();
    const error = await failure(
      lookup(emulator, {}, { env: { ...env, HW_MAX_RETRIES: "1" }, timing: FAST_RETRIES }),
    );
    expect(error).toBeInstanceOf(ModelArtsNetworkError);
    expect(error.message).toMatch(/ECONNREFUSED.*after 2 attempts\. Check the endpoint/);
  });
});
