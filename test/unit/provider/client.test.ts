/**
 * Contract tests of the HTTP client against an injected undici MockAgent (no socket): which
 * statuses are retried and how often, the waits, signing per attempt, and the errors users see.
 */

import { deflateSync, gzipSync } from "node:zlib";
import { MockAgent } from "undici";
import type { Credentials } from "../../../provider/settings/settings";
import {
  ModelArtsApiError,
  ModelArtsNetworkError,
  ModelArtsResponseError,
} from "../../../provider/support/errors";
import { ApiClient } from "../../../provider/transport/client";
import { DEFAULT_RETRY_TIMING } from "../../../provider/transport/retryPolicy";
import { failure } from "../../support/failure";

const ORIGIN = "https://modelarts.cn-north-4.myhuaweicloud.com";
const PATH = "/v1/p1/visualization-jobs";
const SECRET = "client-test-secret-key-0123";
const TOKEN = "security-token-client-test-0123";
const AKSK: Credentials = { kind: "aksk", accessKey: "AKTEST", secretKey: SECRET, securityToken: TOKEN };
const OK = { is_success: true, job_total_count: 0, jobs: [] };

interface Harness {
  client: ApiClient;
  agent: MockAgent;
  sleeps: number[];
  seenHeaders: Array<Record<string, string>>;
  logs: string[];
}

function harness(maxRetries = 5, credentials: Credentials = AKSK): Harness {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const sleeps: number[] = [];
  const logs: string[] = [];
  let tick = Date.UTC(2026, 10, 28, 12, 0, 0);
  const client = new ApiClient({
    dispatcher: agent,
    credentials,
    maxRetries,
    clock: () => {
      tick += 1000;
      return new Date(tick);
    },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    logger: { debug: (m) => logs.push(m), warn: (m) => logs.push(m) },
  });
  return { client, agent, sleeps, seenHeaders: [], logs };
}

function reply(h: Harness, status: number, body: unknown, headers: Record<string, string> = {}, times = 1) {
  h.agent
    .get(ORIGIN)
    .intercept({ path: (p) => p.startsWith(PATH), method: "GET" })
    .reply(
      status,
      (opts) => {
        h.seenHeaders.push(opts.headers as Record<string, string>);
        return typeof body === "string" ? body : JSON.stringify(body);
      },
      { headers: { "content-type": "application/json", ...headers } },
    )
    .times(times);
}

const get = (h: Harness) =>
  h.client.getJson({
    baseUrl: ORIGIN,
    path: PATH,
    query: [["page", "1"]],
    operation: "GET /v1/{project_id}/visualization-jobs",
    projectId: "p1",
  });

describe("ApiClient", () => {
  it.each([429, 500, 502, 503, 504])("retries HTTP %i and then succeeds", async (status) => {
    const h = harness();
    reply(h, status, { error_code: "APIGW.0201", error_msg: "busy" }, {}, 2);
    reply(h, 200, OK);
    await expect(get(h)).resolves.toMatchObject({
      body: OK,
      bodyBytes: JSON.stringify(OK).length,
      requestId: undefined,
    });
    expect(h.seenHeaders).toHaveLength(3);
  });

  it.each([
    [400, "ModelArts.0104"],
    [401, "APIGW.0301"],
    [403, "APIGW.0302"],
    [404, "APIGW.0101"],
  ])("never retries HTTP %i (five failed AK/SK attempts lock the key)", async (status, code) => {
    const h = harness();
    reply(h, status, { error_code: code, error_msg: "refused", request_id: "req-42" });
    const error = await failure(get(h));
    expect(error).toBeInstanceOf(ModelArtsApiError);
    expect(error).toMatchObject({ status, errorCode: code, requestId: "req-42" });
    expect(h.seenHeaders).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
  });

  it("gives up after 1 + maxRetries attempts and says so", async () => {
    const h = harness(2);
    reply(
      h,
      503,
      { error_code: "APIGW.0201", error_msg: "backend unavailable" },
      { "x-request-id": "rid-7" },
      3,
    );
    const error = await failure(get(h));
    expect(error.message).toBe(
      "ModelArts GET /v1/{project_id}/visualization-jobs failed: HTTP 503 APIGW.0201 backend unavailable (request id rid-7), after 3 attempts. The service failed: run the lookup again later",
    );
    expect(h.seenHeaders).toHaveLength(3);
  });

  it("makes exactly one attempt when maxRetries is 0", async () => {
    const h = harness(0);
    reply(h, 500, {});
    await expect(get(h)).rejects.toThrow(ModelArtsApiError);
    expect(h.seenHeaders).toHaveLength(1);
  });

  it("honours Retry-After and backs off exponentially otherwise", async () => {
    const h = harness();
    reply(h, 429, {}, { "retry-after": "3" });
    reply(h, 503, {}, {}, 2);
    reply(h, 200, OK);
    await get(h);
    // 3 s from Retry-After; then backoff with random 0.5: 3/4 of 500 ms << attempt
    expect(h.sleeps).toEqual([3000, 750, 1500]);
  });

  it("waits 2 to 5 seconds when throttled without Retry-After, each attempt through the gate, which hears of it", async () => {
    const h = harness();
    reply(h, 429, { error_code: "APIGW.0308", error_msg: "throttled" });
    reply(h, 200, OK);
    const events: string[] = [];
    await h.client.getJson({
      baseUrl: ORIGIN,
      path: PATH,
      query: [],
      operation: "op",
      gate: {
        epoch: 7,
        run: (attempt) => {
          events.push("attempt");
          return attempt();
        },
        onThrottle: (sentInEpoch) => events.push(`throttle in epoch ${sentInEpoch}`),
        onSuccess: () => events.push("success"),
      },
    });
    expect(h.sleeps[0]).toBeGreaterThanOrEqual(DEFAULT_RETRY_TIMING.throttleDelayMs[0]);
    expect(h.sleeps[0]).toBeLessThanOrEqual(DEFAULT_RETRY_TIMING.throttleDelayMs[1]);
    expect(events).toEqual(["attempt", "throttle in epoch 7", "attempt", "success"]);
  });

  it("retries a ModelArts busy code that comes with HTTP 200, and fails on another is_success: false", async () => {
    const h = harness();
    reply(h, 200, { is_success: false, error_code: "ModelArts.6101", error_message: "system busy" });
    reply(h, 200, OK);
    await expect(get(h)).resolves.toMatchObject({ body: OK });
    reply(h, 200, { is_success: false, error_code: "ModelArts.0104", error_msg: "bad parameter" });
    const error = await failure(get(h));
    expect(error).toMatchObject({ status: 200, errorCode: "ModelArts.0104", errorMessage: "bad parameter" });
  });

  it("signs every attempt afresh, with host, x-sdk-date, x-project-id and x-security-token", async () => {
    const h = harness();
    reply(h, 502, "<html>Bad Gateway</html>");
    reply(h, 200, OK);
    await get(h);
    const [first, second] = h.seenHeaders as [Record<string, string>, Record<string, string>];
    expect(first["x-sdk-date"]).not.toBe(second["x-sdk-date"]);
    expect(first.authorization).not.toBe(second.authorization);
    expect(second.authorization).toMatch(
      /^SDK-HMAC-SHA256 Access=AKTEST, SignedHeaders=host;x-project-id;x-sdk-date;x-security-token, Signature=[0-9a-f]{64}$/,
    );
    expect(second["x-project-id"]).toBe("p1");
    expect(second.host).toBe("modelarts.cn-north-4.myhuaweicloud.com");
  });

  it("sends an IAM token as X-Auth-Token, unsigned", async () => {
    const h = harness(5, { kind: "token", token: "iam-token-abcdef" });
    reply(h, 200, OK);
    await get(h);
    expect(h.seenHeaders[0]).toMatchObject({ "x-auth-token": "iam-token-abcdef" });
    expect(h.seenHeaders[0]!.authorization).toBeUndefined();
  });

  it("shows the text of a proxy's HTML error page", async () => {
    const h = harness(0);
    reply(h, 502, "<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>");
    const error = await failure(get(h));
    expect(error.message).toContain("HTTP 502 502 Bad Gateway nginx");
  });

  it("reports a 200 body that is not JSON as a response error, without retrying", async () => {
    const h = harness();
    reply(h, 200, '{"is_success": true, "jobs": [');
    const error = await failure(get(h));
    expect(error).toBeInstanceOf(ModelArtsResponseError);
    expect(error.message).toMatch(/returned HTTP 200 with a body that is not JSON/);
    expect(h.seenHeaders).toHaveLength(1);
  });

  it("retries connection errors, then reports a network error with the cause and the attempts", async () => {
    const h = harness(1);
    const intercept = () =>
      h.agent
        .get(ORIGIN)
        .intercept({ path: (p) => p.startsWith(PATH) })
        .replyWithError(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }));
    intercept();
    intercept();
    const error = await failure(get(h));
    expect(error).toBeInstanceOf(ModelArtsNetworkError);
    expect(error.message).toMatch(
      /could not get a response from https:\/\/modelarts\.cn-north-4\.myhuaweicloud\.com: ECONNRESET socket hang up, after 2 attempts/,
    );
    expect((error.cause as Error).message).toBe("socket hang up");
    expect(h.sleeps).toHaveLength(1);
  });

  describe("bodies as their headers say to read them", () => {
    const raw = (h: Harness, body: Buffer, headers: Record<string, string>) =>
      h.agent
        .get(ORIGIN)
        .intercept({ path: (p) => p.startsWith(PATH) })
        .reply(200, body, { headers });

    it("decodes a gzip or deflate body sent unasked, and honours a Latin-1 charset", async () => {
      const h = harness(0);
      const json = JSON.stringify({ ...OK, name: "café" });
      raw(h, gzipSync(json), { "content-type": "application/json", "content-encoding": "gzip" });
      raw(h, deflateSync(json), { "content-type": "application/json", "content-encoding": "deflate" });
      raw(h, Buffer.from(json, "latin1"), { "content-type": "application/json; charset=ISO-8859-1" });
      for (let i = 0; i < 3; i++) expect((await get(h)).body).toMatchObject({ name: "café" });
    });

    it.each([
      [
        { "content-encoding": "compress" },
        Buffer.from("{}"),
        'its Content-Encoding is "compress", which this client cannot read',
      ],
      [{ "content-encoding": "gzip" }, Buffer.from("not gzip"), "its gzip body is corrupt"],
      [
        { "content-type": "application/json; charset=klingon" },
        Buffer.from("{}"),
        'its charset "klingon" is not one this client can read',
      ],
      [
        { "content-type": "application/json" },
        Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]),
        "its bytes are not valid utf-8 text",
      ],
    ])("refuses by name a body it cannot read (%j), never mangling it", async (headers, body, problem) => {
      const h = harness(0);
      raw(h, body, headers);
      const error = await failure(get(h));
      expect(error).toBeInstanceOf(ModelArtsResponseError);
      expect(error.message).toContain(`returned HTTP 200 with a body that cannot be read: ${problem}`);
    });

    it("takes error_code 0 on a successful body as no error", async () => {
      const h = harness(0);
      reply(h, 200, { ...OK, error_code: 0 });
      reply(h, 200, { ...OK, is_success: true, error_code: "0", error_msg: "" });
      await expect(get(h)).resolves.toMatchObject({ body: { error_code: 0 } });
      await expect(get(h)).resolves.toMatchObject({ body: { error_code: "0" } });
    });
  });

  it("names the region as the likely cause when the host does not exist (ENOTFOUND)", async () => {
    const h = harness(0);
    h.agent
      .get("https://modelarts.cn-nort-4.myhuaweicloud.com")
      .intercept({ path: (p) => p.startsWith(PATH) })
      .replyWithError(Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" }));
    const error = await failure(
      h.client.getJson({
        baseUrl: "https://modelarts.cn-nort-4.myhuaweicloud.com",
        path: PATH,
        query: [],
        operation: "GET /v1/{project_id}/visualization-jobs",
      }),
    );
    expect(error.message).toContain(
      "No host modelarts.cn-nort-4.myhuaweicloud.com exists: check the region it is built from (huaweicloud:region, HW_REGION_NAME, such as cn-north-4)",
    );
  });

  it("names the service a request went to: IAM for its calls, ModelArts by default", async () => {
    const h = harness(0);
    h.agent
      .get(ORIGIN)
      .intercept({ path: (p) => p.startsWith("/v3/projects") })
      .reply(
        403,
        { error_code: "IAM.0001", error_msg: "denied" },
        { headers: { "content-type": "application/json" } },
      );
    const error = await failure(
      h.client.getJson({
        baseUrl: ORIGIN,
        path: "/v3/projects",
        query: [],
        operation: "GET /v3/projects",
        service: "IAM",
      }),
    );
    expect(error.message).toMatch(/^IAM GET \/v3\/projects failed: HTTP 403 IAM.0001/);
  });

  it("keeps secrets out of a network error, its cause chain and the debug log", async () => {
    const h = harness(0);
    const inner = new Error(`inner ${SECRET}`);
    h.agent
      .get(ORIGIN)
      .intercept({ path: (p) => p.startsWith(PATH) })
      .replyWithError(
        Object.assign(new Error(`refused with ${SECRET} and ${TOKEN}`, { cause: inner }), {
          code: "ECONNRESET",
        }),
      );
    const error = await failure(get(h));
    const cause = error.cause as Error;
    const everything = [
      error.message,
      cause.message,
      String(cause.stack),
      (cause.cause as Error).message,
      ...h.logs,
    ].join("\n");
    expect(everything).toContain("[REDACTED]");
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(SECRET);
  });

  it("keeps the security token out of an API error that echoes the canonical request", async () => {
    const h = harness(0);
    reply(h, 401, {
      error_code: "APIGW.0301",
      error_msg: `verify aksk signature fail, canonicalRequest: GET|/v1/p1/|x-security-token:${TOKEN}|`,
    });
    const error = (await failure(get(h))) as ModelArtsApiError;
    expect([error.message, error.errorMessage, ...h.logs].join("\n")).not.toContain(TOKEN);
    expect(error.message).toContain("verify aksk signature fail");
  });
});
