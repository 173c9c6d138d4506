/**
 * The emulator against the callers a third probe played: a web page reaching it by DNS rebinding
 * (another `Host`), a caller without the key sending huge bodies, requests with huge queries filling
 * the log, and fault requests the emulator cannot play as asked. Each is refused, bounded, or said.
 */
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { demoJobs, type RunningEmulator, startEmulator } from "../../emulator";
import { MAX_RECORDED_TARGET } from "../../emulator/requestLog";
import { printedControl, startEmulatorProcess } from "../support/emulatorProcess";

const BIN = join(__dirname, "../../dist/cli/main.js");

let emulator: RunningEmulator;
beforeEach(async () => {
  emulator = await startEmulator({ jobs: demoJobs() });
});
afterEach(() => emulator.close());

/** A raw HTTP request with any headers (fetch will not set `Host`); its status, headers and text. */
function raw(
  path: string,
  options: { method?: string; headers?: Record<string, string | number>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  const url = new URL(path, emulator.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: options.method ?? "GET", headers: options.headers, agent: false },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

const key = () => ({ "x-emulator-key": emulator.settings.secretKey });

describe("requests addressed to another host (DNS rebinding)", () => {
  it("refuses them on the control API, the metadata service and the API, and answers its own names", async () => {
    const port = new URL(emulator.url).port;
    const foreign = { host: `attacker.example:${port}` };
    for (const path of ["/_emulator/requests", "/openstack/latest/securitykey", "/v1/p/visualization-jobs"]) {
      const refused = await raw(path, { headers: { ...key(), ...foreign } });
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.text).error_msg).toContain('Host "attacker.example:');
    }
    const put = await raw("/_emulator/jobs", {
      method: "PUT",
      headers: { ...key(), ...foreign, "content-type": "application/json" },
      body: JSON.stringify([{ jobId: 1, jobName: "evil", serviceUrl: "https://attacker.example/" }]),
    });
    expect(put.status).toBe(403);
    expect(emulator.jobs()).toHaveLength(30);
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `LOCALHOST.:${port}`]) {
      expect((await raw("/_emulator/jobs", { headers: { ...key(), host } })).status).toBe(200);
    }
    // Not hosts at all, whatever they start with.
    for (const host of [
      `localhost:${port}@attacker.example`,
      "[::1]attacker.example",
      "localhost attacker.example",
    ]) {
      expect({
        host,
        status: (await raw("/_emulator/jobs", { headers: { ...key(), host } })).status,
      }).toEqual({
        host,
        status: 403,
      });
    }
  });
});

describe("the control API's key", () => {
  it("is checked before a body is read: a caller without it is answered at once, its body unsent", async () => {
    const url = new URL("/_emulator/jobs", emulator.url);
    // The headers promise 16 MiB; not a byte of it is sent. The answer must still come.
    const answer = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(url, {
        method: "PUT",
        agent: false,
        headers: { "x-emulator-key": "wrong", "content-length": 16 * 1024 * 1024 },
      });
      req.on("response", (res) => {
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on("error", reject);
      req.flushHeaders();
    });
    expect(answer).toBe(401);
  });

  it("is random for each run of the command line, and --key fixes it", async () => {
    const keys = [await printedKey([]), await printedKey([])];
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[0]).toMatch(/^[\w-]{20,}$/);
    expect(await printedKey(["--key", "my-local-key-1"])).toBe("my-local-key-1");
  });
});

/** Starts `pulumi-modelarts emulator` with `args`: the process, what it printed, its stderr. */
const startCli = (args: string[]) =>
  startEmulatorProcess(process.execPath, [BIN, "emulator", "--port", "0", ...args]);

async function printedKey(args: string[]): Promise<string | undefined> {
  const { child, printed } = await startCli(args);
  child.kill("SIGTERM");
  return printedControl(printed)?.key;
}

describe("listening beyond loopback", () => {
  it("warns, naming the real address, on the command line and in startEmulator's result", async () => {
    const { child, printed: stdout, stderr } = await startCli(["--host", "0.0.0.0"]);
    child.kill("SIGTERM");
    expect(stderr).toMatch(/^warning: the emulator listens on every interface \(0\.0\.0\.0:\d+/);
    expect(stderr).toContain("--host 127.0.0.1");
    expect(stdout).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    const wide = await startEmulator({ host: "0.0.0.0" });
    expect(wide.warning).toContain("every interface (0.0.0.0:");
    await wide.close();
    expect(emulator.warning).toBeUndefined();
  });
});

describe("the request log", () => {
  it("keeps at most 1 KiB of a request's path and query, and says it cut them", async () => {
    const long = "q".repeat(14_500);
    await raw(`/v1/p/visualization-jobs?search_content=${long}&page=1`);
    const [record] = emulator.requests;
    expect(record!.truncated).toBe(true);
    expect(JSON.stringify({ path: record!.path, query: record!.query }).length).toBeLessThan(
      MAX_RECORDED_TARGET + 100,
    );
    expect(record!.query.search_content).toMatch(/^q+\.\.\.$/);
  });

  it("bounds the metadata service's requests too, and never keeps the emulator's key, a cookie or proxy credentials", async () => {
    const many = Array.from({ length: 2000 }, (_, i) => String(i)).join("&");
    await raw(`/openstack/latest/securitykey?${many}`, {
      headers: { ...key(), cookie: "session=s3cret-cookie", "proxy-authorization": "Basic cHJveHk6cGFzcw==" },
    });
    const [record] = emulator.requests;
    expect(record!.path).toBe("/openstack/latest/securitykey");
    expect(record!.truncated).toBe(true);
    const kept = Object.entries(record!.query).reduce(
      (n, [k, v]) => n + k.length + v.length,
      record!.path.length,
    );
    expect(kept).toBeLessThanOrEqual(MAX_RECORDED_TARGET + 3); // "..." where it was cut
    expect(Object.keys(record!.query).length).toBeLessThanOrEqual(32);
    expect(JSON.stringify(record)).not.toMatch(/s3cret-cookie|cHJveHk6cGFzcw|x-emulator-key/);
    expect(JSON.stringify(record)).not.toContain(emulator.settings.secretKey);
  });

  it("is read a page at a time, with the total and a link to the next page", async () => {
    await Promise.all(Array.from({ length: 1_050 }, () => raw("/openstack/latest/securitykey")));
    const first = await raw("/_emulator/requests", { headers: key() });
    expect(JSON.parse(first.text)).toHaveLength(1_000);
    expect(first.headers["x-total-count"]).toBe("1050");
    const next = /<([^>]+)>; rel="next"/.exec(String(first.headers.link))![1]!;
    const second = await raw(new URL(next).pathname + new URL(next).search, { headers: key() });
    expect(JSON.parse(second.text)).toHaveLength(50);
    expect(second.headers.link).toBeUndefined();
    const bad = await raw("/_emulator/requests?limit=5000", { headers: key() });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error).toBe('limit must be a whole number from 1 to 1000, got "5000"');
  });
});

describe("fault requests the emulator cannot play", () => {
  /** POSTs a fault request as JSON text; the status and error. */
  const inject = async (body: string) => {
    const answer = await raw("/_emulator/faults", {
      method: "POST",
      headers: { ...key(), "content-type": "application/json" },
      body,
    });
    return { status: answer.status, error: JSON.parse(answer.text).error as string | undefined };
  };

  it.each([
    [
      '{"fault": {"kind": "delay", "ms": 1e12}}',
      "body.fault.ms must be a whole number of ms from 0 to 2147483647",
    ],
    [
      '{"fault": {"kind": "status", "status": 99}}',
      "body.fault.status must be an HTTP status from 200 to 599",
    ],
    [
      '{"fault": {"kind": "status", "status": 1000}}',
      "body.fault.status must be an HTTP status from 200 to 599",
    ],
    [
      '{"fault": {"kind": "status", "status": "abc"}}',
      "body.fault.status must be an HTTP status from 200 to 599",
    ],
    ['{"fault": {"kind": "status"}}', "body.fault.status is required for a status fault"],
    [
      '{"fault": {"kind": "status", "status": 503, "retryAfter": "1\\r\\nSet-Cookie: x=1"}}',
      "body.fault.retryAfter must be whole seconds (>= 0) or an HTTP date, without control characters",
    ],
    ['{"fault": {"kind": "malformed", "body": 42}}', "body.fault.body must be a string"],
    ['{"fault": {"kind": "status", "status": 503, "body": {"a": 1}}}', "body.fault.body must be a string"],
    ['{"fault": {"kind": "reset"}, "when": "x"}', "body.when must be an object, got string"],
    ['{"fault": {"kind": "reset"}, "when": {"path": "/v1"}}', "body.when.path is not a condition"],
    [
      '{"fault": {"kind": "reset", "__proto__": {"x": 1}}}',
      "body.fault.__proto__ is not a field of a reset fault",
    ],
    ['{"fault": {"kind": "reset"}, "count": 0}', "a fault's count must be an integer >= 1, got 0"],
    ['{"fault": {"kind": "__proto__"}}', "body.fault.kind must be one of status, apiFailure"],
  ])("refuses %s by field", async (body, error) => {
    const answer = await inject(body);
    expect(answer.status).toBe(400);
    expect(answer.error).toContain(error);
  });

  it("plays none of the refused faults: the next lookup's request is answered normally", async () => {
    await inject('{"fault": {"kind": "delay", "ms": 1e12}}');
    await inject('{"fault": {"kind": "reset"}, "when": "x"}');
    const answer = await raw("/openstack/latest/securitykey");
    expect(answer.status).toBe(200);
    expect((await inject('{"fault": {"kind": "delay", "ms": 10}, "when": {"page": 2}}')).status).toBe(200);
  });

  it("refuses a job field named __proto__, and a body over 16 MiB as too large rather than as a bad job", async () => {
    const put = await raw("/_emulator/jobs", {
      method: "PUT",
      headers: { ...key(), "content-type": "application/json" },
      body: '[{"jobId": 1, "jobName": "a", "__proto__": {"x": 1}}]',
    });
    expect(put.status).toBe(400);
    expect(JSON.parse(put.text).error).toContain("job 0.__proto__ is not a field of a job");
    const huge = await raw("/_emulator/jobs", {
      method: "PUT",
      headers: { ...key(), "content-type": "application/json" },
      body: `[${'{"jobId": 1, "jobName": "a"},'.repeat(600_000)}{"jobId": 2, "jobName": "b"}]`,
    });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.text).error).toBe(
      "the body is over 16777216 bytes: send fewer jobs at a time (POST adds to them)",
    );
    expect(emulator.jobs()).toHaveLength(30);
  });
});
