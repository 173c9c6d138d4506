/**
 * The emulator on its own, spoken to with plain HTTP requests signed by hand (an implementation of
 * the published algorithm written out here, independent of provider/wire/signer.ts).
 */
import type { ChildProcess } from "node:child_process";
import { createHash, createHmac } from "node:crypto";
import { request } from "undici";
import { demoJobs, generateJobs, startEmulator } from "../../emulator";
import { lookupVisualizationJobs } from "../../provider/lookup/lookup";
import { printedEnv, startEmulatorProcess } from "../support/emulatorProcess";
import { useEmulator } from "./helpers";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** SDK-HMAC-SHA256 written out for one GET, as the signing guide shows it step by step. */
function signByHand(
  url: URL,
  ak: string,
  sk: string,
  sdkDate: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const enc = (s: string) =>
    encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const query = [...url.searchParams.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${enc(k)}=${enc(v)}`)
    .join("&");
  const headers: Record<string, string> = { host: url.host, "x-sdk-date": sdkDate, ...extra };
  const names = Object.keys(headers).sort();
  const canonical = [
    "GET",
    `${url.pathname}/`,
    query,
    names.map((n) => `${n}:${headers[n]}\n`).join(""),
    names.join(";"),
    sha256(""),
  ].join("\n");
  const toSign = `SDK-HMAC-SHA256\n${sdkDate}\n${sha256(canonical)}`;
  const signature = createHmac("sha256", sk).update(toSign).digest("hex");
  return {
    ...headers,
    authorization: `SDK-HMAC-SHA256 Access=${ak}, SignedHeaders=${names.join(";")}, Signature=${signature}`,
  };
}

const nowSdkDate = (offsetMs = 0) =>
  new Date(Date.now() + offsetMs)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

describe("the emulator's API", () => {
  const emulator = useEmulator({ jobs: demoJobs() });

  async function get(
    path: string,
    headers?: Record<string, string>,
    keys?: { ak?: string; sk?: string; dateOffsetMs?: number },
  ) {
    const e = emulator();
    const url = new URL(path, e.url);
    const signed =
      headers ??
      signByHand(
        url,
        keys?.ak ?? e.settings.accessKey,
        keys?.sk ?? e.settings.secretKey,
        nowSdkDate(keys?.dateOffsetMs),
      );
    const response = await request(url, { headers: signed });
    const text = await response.body.text();
    return {
      status: response.statusCode,
      headers: response.headers,
      body: text.startsWith("{") ? JSON.parse(text) : text,
    };
  }
  const listPath = () => `/v1/${emulator().settings.projectId}/visualization-jobs`;

  it("accepts a request signed by hand with the published algorithm", async () => {
    const { status, body } = await get(`${listPath()}?per_page=5&page=2&sortBy=job_name&order=desc&status=8`);
    expect(status).toBe(200);
    expect(body.is_success).toBe(true);
    expect(body.job_total_count).toBe(demoJobs().filter((j) => j.status === 8).length);
    expect(body.jobs).toHaveLength(5);
    expect(Object.keys(body.jobs[0]).sort()).toEqual(
      [
        "create_time",
        "duration",
        "job_desc",
        "job_id",
        "job_name",
        "resource_id",
        "service_url",
        "status",
        "train_url",
        // Beyond the list call's doc page, as real answers carry them.
        "job_type",
        "flavor",
        "schedule",
        "remaining_duration",
      ].sort(),
    );
  });

  it.each([
    [
      "a wrong signature",
      { sk: "wrong-secret" },
      /verify aksk signature fail, canonicalRequest: GET\|\/v1\//,
    ],
    ["an unknown access key", { ak: "UNKNOWNAK" }, /ak UNKNOWNAK not exist/],
    ["a date 16 minutes old", { dateOffsetMs: -16 * 60_000 }, /expired/],
    ["a date 16 minutes ahead", { dateOffsetMs: 16 * 60_000 }, /expired/],
  ])(
    "refuses %s as the gateway does: 401 APIGW.0301 with error_msg and request_id",
    async (_, keys, message) => {
      const { status, body, headers } = await get(listPath(), undefined, keys);
      expect(status).toBe(401);
      expect(body).toEqual({
        error_code: "APIGW.0301",
        error_msg: expect.stringMatching(message),
        request_id: expect.any(String),
      });
      expect(headers["x-request-id"]).toBe(body.request_id);
    },
  );

  it("refuses an Authorization that signs a header named like an Object property with 401, not 500", async () => {
    const e = emulator();
    const url = new URL(listPath(), e.url);
    const headers = signByHand(url, e.settings.accessKey, e.settings.secretKey, nowSdkDate());
    headers.authorization = headers.authorization!.replace(
      /SignedHeaders=[^,]+/,
      "SignedHeaders=constructor;x-sdk-date",
    );
    const { status, body } = await get(listPath(), headers);
    expect(status).toBe(401);
    expect(body.error_code).toBe("APIGW.0301");
  });

  it("refuses a request with no credentials", async () => {
    const { status, body } = await get(listPath(), {});
    expect(status).toBe(401);
    expect(body.error_msg).toMatch(/Authorization not found/);
  });

  it.each([
    ["per_page=0", /per_page must be in \[1,1000\]/],
    ["per_page=1001", /per_page must be in \[1,1000\]/],
    ["page=0", /page must be an integer of at least 1/],
    ["status=22", /status must be a job status code/],
    ["sortBy=name", /sortBy must be one of/],
    ["order=up", /order must be asc or desc/],
    [`search_content=${"x".repeat(65)}`, /search_content length must be in \[0,64\]/],
  ])("answers %s with 400 ModelArts.0104", async (query, message) => {
    const { status, body } = await get(`${listPath()}?${query}`);
    expect(status).toBe(400);
    expect(body).toMatchObject({
      is_success: false,
      error_code: "ModelArts.0104",
      error_message: expect.stringMatching(message),
    });
  });

  it("defaults per_page to 10, as the API does", async () => {
    expect((await get(listPath())).body.jobs).toHaveLength(10);
  });

  it("answers a wrong project id and an unknown workspace with errors", async () => {
    expect((await get("/v1/ffff/visualization-jobs")).body).toMatchObject({ error_code: "ModelArts.0210" });
    expect((await get(`${listPath()}?workspace_id=nope`)).body).toMatchObject({
      error_code: "ModelArts.0102",
    });
  });

  it("serves the details call", async () => {
    const { status, body } = await get(`${listPath()}/1003`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ is_success: true, job_id: 1003, job_name: "vision-vit-b16-tb", status: 8 });
    expect((await get(`${listPath()}/424242`)).status).toBe(404);
  });

  it("serves IAM project discovery", async () => {
    const { body } = await get(`/v3/projects?name=${emulator().settings.region}`);
    expect(body.projects).toEqual([
      expect.objectContaining({ id: emulator().settings.projectId, name: "cn-north-4" }),
    ]);
    expect((await get("/v3/projects?name=eu-west-101")).body.projects).toEqual([]);
  });

  it("answers an unknown API with 404 APIGW.0101", async () => {
    expect((await get("/v2/whatever")).body).toMatchObject({ error_code: "APIGW.0101" });
  });

  it("serves each job's service URL as a page: 200 while running, 503 otherwise", async () => {
    const { body } = await get(`${listPath()}?per_page=100`);
    const running = body.jobs.find((j: { status: number }) => j.status === 8);
    const completed = body.jobs.find((j: { status: number }) => j.status === 10);
    const page = await request(running.service_url);
    expect(page.statusCode).toBe(200);
    expect(await page.body.text()).toContain(`TensorBoard - ${running.job_name}`);
    const stopped = await request(completed.service_url);
    expect(stopped.statusCode).toBe(503);
    await stopped.body.text();
  });

  it("sends numbers as strings when asked", async () => {
    emulator().setNumbersAsStrings(true);
    const { body } = await get(`${listPath()}?per_page=1`);
    expect(body.job_total_count).toBe("30");
    expect(body.jobs[0].job_id).toBe("1001");
  });

  it("logs requests without their credentials", async () => {
    await get(listPath());
    const [logged] = emulator().requests;
    expect(logged).toMatchObject({ method: "GET", path: listPath(), status: 200 });
    expect(logged!.headers.authorization).toBeUndefined();
    expect(logged!.headers["x-sdk-date"]).toMatch(/^\d{8}T\d{6}Z$/);
  });

  it("injects each fault for the next N matching requests only", async () => {
    emulator().injectFault({ kind: "status", status: 429, retryAfter: 7 }, { count: 2 });
    const first = await get(listPath());
    expect(first.status).toBe(429);
    expect(first.headers["retry-after"]).toBe("7");
    expect(first.body.error_code).toBe("APIGW.0308");
    expect((await get(listPath())).status).toBe(429);
    expect((await get(listPath())).status).toBe(200);

    emulator().injectFault({ kind: "reset" });
    await expect(get(listPath())).rejects.toThrow();
    emulator().injectFault({ kind: "truncate" });
    await expect(get(listPath())).rejects.toThrow();
    emulator().injectFault({ kind: "malformed", body: "not json" });
    expect((await get(listPath())).body).toBe("not json");
  });
});

describe("the emulator's own bounds", () => {
  it("keeps only the last maxRecordedRequests requests in its log", async () => {
    const e = await startEmulator({ maxRecordedRequests: 5 });
    try {
      for (let i = 0; i < 12; i++)
        await (await request(`${e.url}/v1/x/visualization-jobs?i=${i}`)).body.text();
      expect(e.requests).toHaveLength(5);
      expect(e.requests.map((r) => r.query.i)).toEqual(["7", "8", "9", "10", "11"]);
    } finally {
      await e.close();
    }
  });

  it("listening on every interface, gives settings a lookup accepts (loopback)", async () => {
    const e = await startEmulator({ host: "0.0.0.0", jobs: demoJobs() });
    try {
      expect(e.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const result = await lookupVisualizationJobs({ status: "RUNNING" }, { env: e.env, cache: false });
      expect(result.ids).toHaveLength(13);
    } finally {
      await e.close();
    }
  });
});

describe("the emulator's data", () => {
  it("generates the same jobs for the same seed, and others for another", () => {
    expect(generateJobs(500, { seed: 9 })).toEqual(generateJobs(500, { seed: 9 }));
    expect(generateJobs(500, { seed: 9 })).not.toEqual(generateJobs(500, { seed: 10 }));
  });

  it("starts with 100,000 jobs and pages through them", async () => {
    const started = performance.now();
    const emulator = await startEmulator({ jobs: generateJobs(100_000) });
    const startMs = performance.now() - started;
    try {
      const url = new URL(
        `/v1/${emulator.settings.projectId}/visualization-jobs?per_page=1000&page=100`,
        emulator.url,
      );
      const response = await request(url, {
        headers: signByHand(url, emulator.settings.accessKey, emulator.settings.secretKey, nowSdkDate()),
      });
      const body = (await response.body.json()) as {
        job_total_count: number;
        jobs: Array<{ job_id: number }>;
      };
      expect(body.job_total_count).toBe(100_000);
      expect(body.jobs.at(-1)!.job_id).toBe(100_000);
    } finally {
      await emulator.close();
    }
    process.stdout.write(`emulator with 100,000 jobs started in ${startMs.toFixed(0)} ms\n`);
  });
});

describe("pulumi-modelarts emulator (npm run emulator)", () => {
  let child: ChildProcess | undefined;
  afterEach(() => child?.kill("SIGKILL"));

  it("prints the environment that points a program at it, serves it, and stops on SIGTERM", async () => {
    const started = await startEmulatorProcess(process.execPath, [
      "dist/cli/main.js",
      "emulator",
      "--port",
      "0",
    ]);
    child = started.child;
    const output = started.printed;
    const env = printedEnv(output);
    expect(Object.keys(env).sort()).toEqual(
      [
        "HW_ACCESS_KEY",
        "HW_AUTH_URL",
        "HW_MODELARTS_ENDPOINT",
        "HW_PROJECT_ID",
        "HW_REGION_NAME",
        "HW_SECRET_KEY",
        "HW_STS_ENDPOINT",
      ].sort(),
    );
    const url = new URL(
      `/v1/${env.HW_PROJECT_ID}/visualization-jobs?per_page=100`,
      env.HW_MODELARTS_ENDPOINT,
    );
    const response = await request(url, {
      headers: signByHand(url, env.HW_ACCESS_KEY!, env.HW_SECRET_KEY!, nowSdkDate()),
    });
    expect(((await response.body.json()) as { job_total_count: number }).job_total_count).toBe(30);
    // The stack config that points a Pulumi project at it, secrets with --secret.
    expect(output).toContain(`pulumi config set --secret huaweicloud:secretKey ${env.HW_SECRET_KEY}`);
    expect(output).toContain(`pulumi config set --secret huaweicloud:accessKey ${env.HW_ACCESS_KEY}`);
    expect(output).toContain(
      `pulumi config set huaweicloud:endpoints '${JSON.stringify({ modelarts: env.HW_MODELARTS_ENDPOINT, sts: env.HW_STS_ENDPOINT })}'`,
    );
    // ...and the plugin's, and the control API for tests in any language.
    expect(output).toContain(`pulumi config set --secret modelarts:secretKey ${env.HW_SECRET_KEY}`);
    expect(output).toContain(`pulumi config set modelarts:endpoint ${env.HW_MODELARTS_ENDPOINT}`);
    expect(output).toContain(`pulumi config set modelarts:stsEndpoint ${env.HW_STS_ENDPOINT}`);
    const curl = /^curl -H '(x-emulator-key): ([^']+)' (\S+)$/m.exec(output);
    expect(curl?.[2]).toBe(env.HW_SECRET_KEY);
    const jobs = await request(curl![3]!, { headers: { [curl![1]!]: curl![2]! } });
    expect(((await jobs.body.json()) as unknown[]).length).toBe(30);
    const exited = new Promise<number | null>((resolve) => child!.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(started.output()).toContain("SIGTERM: stopping the emulator.");
  });
});
