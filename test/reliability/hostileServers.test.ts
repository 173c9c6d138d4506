/**
 * Hostile servers and proxies, over real sockets: every lookup ends, within its bounds, as one of
 * our typed errors that names what was wrong, sends nothing after it failed, and leaks nothing.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { demoJobs, startEmulator } from "../../emulator";
import { ListingCache } from "../../provider/listing/listingCache";
import {
  ModelArtsApiError,
  ModelArtsConfigError,
  ModelArtsNetworkError,
  ModelArtsResponseError,
  ModelArtsTimeoutError,
} from "../../provider/support/errors";
import { MAX_SERVER_TEXT } from "../../provider/support/redact";
import { lookup, useEmulator } from "../integration/helpers";
import { failure } from "../support/failure";
import { mockEnv } from "../support/mockApi";
import { type RawServer, startProxy, startRawServer } from "../support/rawServers";

const TLS_DIR = join(__dirname, "../fixtures/tls");
const tls = {
  key: readFileSync(join(TLS_DIR, "key.pem"), "utf8"),
  cert: readFileSync(join(TLS_DIR, "cert.pem"), "utf8"),
};
const SECRET = "hostile-test-secret-key-9f8e7d";
/** The command line, compiled by jest's set-up. */
const CLI = join(__dirname, "../../dist/cli/main.js");

const job = (id: number, extra: object = {}) => ({ job_id: id, job_name: `job-${id}`, status: 8, ...extra });
const page = (total: number, jobs: object[]) =>
  JSON.stringify({ is_success: true, job_total_count: total, jobs });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let server: RawServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A lookup against a raw server, with fast retries and no shared cache. */
function lookupAt(target: RawServer, args: object = {}, env: Record<string, string> = {}) {
  return lookup({ env: { ...mockEnv(SECRET), HW_MODELARTS_ENDPOINT: target.url, ...env } } as never, args);
}

describe("bounds", () => {
  it("ends a lookup whose server trickles its body at its deadline, as a timeout error saying what to raise", async () => {
    server = await startRawServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const drip = setInterval(() => res.write(" "), 200);
      res.on("close", () => clearInterval(drip));
    });
    const error = await failure(lookupAt(server, { timeoutSeconds: 1 }), ModelArtsTimeoutError);
    expect(error.code).toBe("MODELARTS_TIMEOUT");
    expect(error.message).toContain("did not finish within 1 s");
    expect(error.message).toContain("timeoutSeconds argument or HW_MODELARTS_TIMEOUT");
  });

  it("leaves no timer behind when its deadline ends a wait for a Retry-After: the command exits at its deadline", async () => {
    server = await startRawServer((_req, res) => {
      res.writeHead(503, { "retry-after": "60", "content-type": "application/json" });
      res.end('{"error_code":"ModelArts.0001","error_msg":"busy"}');
    });
    // The command line in a process of its own: a timer left running would keep it alive for the
    // server's 60 s after it printed its error. It is killed at a bound only that would reach.
    const exited = await new Promise<{ code: number | null; signal: string | null; stderr: string }>(
      (resolve) => {
        const env = { ...mockEnv(SECRET), HW_MODELARTS_ENDPOINT: server!.url, PATH: process.env.PATH ?? "" };
        const child = execFile(process.execPath, [CLI, "jobs", "--timeout", "2"], { env, timeout: 20_000 });
        let stderr = "";
        child.stderr?.on("data", (chunk) => {
          stderr += chunk;
        });
        child.once("exit", (code, signal) => resolve({ code, signal, stderr }));
      },
    );
    expect(exited.signal).toBeNull(); // not killed at the bound: it ended by itself
    expect(exited.code).not.toBe(0);
    expect(exited.stderr).toContain("within 2 s");
  });

  it("cuts a megabyte error_msg before showing it, and ends at once", async () => {
    server = await startRawServer((_req, res) => {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ error_code: "ModelArts.4000", error_msg: "a.".repeat(512 * 1024) }));
    });
    const error = await failure(lookupAt(server), ModelArtsApiError);
    expect(error.message).toContain(`${"a.".repeat(10)}`);
    expect(error.message.length).toBeLessThan(2 * MAX_SERVER_TEXT);
    expect(error.message).toMatch(/\.\.\. \(\d+ more characters\)/);
  });

  it("takes its deadline from HW_MODELARTS_TIMEOUT when the argument is not given", async () => {
    server = await startRawServer(() => {}); // never answers
    const error = await failure(lookupAt(server, {}, { HW_MODELARTS_TIMEOUT: "1" }), ModelArtsTimeoutError);
    expect(error.message).toContain("within 1 s");
  });

  it("refuses a body larger than a page can hold, without reading on", async () => {
    let written = 0;
    server = await startRawServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (!res.destroyed && written < 512 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
      };
      pump();
    });
    const error = await failure(lookupAt(server, { pageSize: 10 }), ModelArtsResponseError);
    expect(error.message).toMatch(/a body larger than \d+ bytes/);
    await sleep(100);
    // 10 jobs a page may take 224 KiB; what was written before the client cut is a few buffers more.
    expect(written).toBeLessThan(16 * 1024 * 1024);
    expect(server.seen).toHaveLength(1); // not retried
  });

  it("refuses a body whose declared length is past the bound before reading any of it", async () => {
    server = await startRawServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": String(64 * 1024 * 1024) });
      res.write(" ");
    });
    const error = await failure(lookupAt(server, { pageSize: 10 }), ModelArtsResponseError);
    expect(error.message).toMatch(/a body larger than \d+ bytes/);
  });

  it("sends no request after a failure that ends the lookup (page 2 on answering 401)", async () => {
    server = await startRawServer((req, res) => {
      const pageNumber = Number(new URL(req.url ?? "", "http://x").searchParams.get("page"));
      if (pageNumber === 1) return res.end(page(400, [job(1)]));
      setTimeout(() => {
        res.writeHead(401, { "content-type": "application/json" });
        res.end(JSON.stringify({ error_code: "APIGW.0301", error_msg: "verify aksk signature fail" }));
      }, 20);
    });
    const error = await failure(lookupAt(server, { pageSize: 1 }), ModelArtsApiError);
    expect(error.status).toBe(401);
    const atRejection = server.seen.length;
    await sleep(300);
    expect(server.seen.length).toBe(atRejection);
    // Page 1, then at most the 4 pages in flight at once: not the 399 pages that remained.
    expect(atRejection).toBeLessThanOrEqual(5);
  });

  it("bounds the requests of a listing whose pages never agree (a job repeated on every page)", async () => {
    server = await startRawServer((_req, res) => res.end(page(200, [job(1)])));
    const error = await failure(lookupAt(server), ModelArtsResponseError);
    expect(error.message).toContain("would take more than 410 requests");
    expect(server.seen.length).toBeLessThanOrEqual(2 * 200 + 10);
  });
});

describe("transport rules", () => {
  const emulator = useEmulator({ jobs: demoJobs() });

  it("never sends a plain-http endpoint through HTTP_PROXY", async () => {
    const proxy = await startProxy("tunnel");
    try {
      const env = { HTTP_PROXY: proxy.url(), HTTPS_PROXY: proxy.url() };
      const result = await lookup(emulator(), { status: "RUNNING" }, { env: { ...emulator().env, ...env } });
      expect(result.ids).toHaveLength(13);
      expect(proxy.stats).toEqual({ connections: 0, connects: 0, plainRequests: 0 });
    } finally {
      await proxy.close();
    }
  });

  it("ends a lookup through a proxy that closes every CONNECT within the retry budget, naming the proxy without its userinfo", async () => {
    const proxy = await startProxy("close");
    try {
      const env = {
        ...mockEnv(SECRET),
        HW_MODELARTS_ENDPOINT: "https://modelarts.example.invalid",
        HTTPS_PROXY: proxy.url("proxyuser:proxy-password-1"),
        HW_MAX_RETRIES: "2",
      };
      const error = await failure(lookup({ env } as never, {}, { env }), ModelArtsNetworkError);
      expect(error.message).toContain(`the proxy ${proxy.url()} (HTTPS_PROXY) closed the connection`);
      expect(error.message).toContain("after 3 attempts");
      expect(JSON.stringify([error.message, String(error.cause)])).not.toMatch(/proxy-password-1|proxyuser/);
      expect(proxy.stats.connects).toBe(3);
    } finally {
      await proxy.close();
    }
  });

  it("refuses an invalid proxy URL as a config error that does not show its password", async () => {
    const env = { ...emulator().env, HTTPS_PROXY: "http://user:proxy-pass-42@[bad" };
    const error = await failure(lookup(emulator(), {}, { env }), ModelArtsConfigError);
    expect(error.message).toContain("HTTPS_PROXY is not a URL");
    expect(error.message).not.toContain("proxy-pass-42");
  });
});

describe("through a working proxy to an HTTPS endpoint with a self-signed certificate", () => {
  const emulator = useEmulator({ jobs: demoJobs(), tls });

  it("verifies inside the tunnel, applies HW_INSECURE there, and never reuses an unverified answer", async () => {
    const proxy = await startProxy("tunnel");
    const cache = new ListingCache();
    try {
      const env = { ...emulator().env, HTTPS_PROXY: proxy.url() };
      const verified = await failure(lookup(emulator(), {}, { env, cache }), ModelArtsNetworkError);
      expect(verified.message).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/);
      const insecure = await lookup(emulator(), {}, { env: { ...env, HW_INSECURE: "true" }, cache });
      expect(insecure.ids).toHaveLength(30);
      expect(proxy.stats.connects).toBeGreaterThanOrEqual(2);
      // Verification on again: the listing obtained without it is not handed back.
      await failure(lookup(emulator(), {}, { env, cache }), ModelArtsNetworkError);
    } finally {
      await proxy.close();
    }
  });
});

describe("a listing shared by two lookups", () => {
  it("is listed again for the lookup still running when the one that started it runs out of time", async () => {
    const emulator = await startEmulator({ jobs: demoJobs(), latencyMs: 1_500 });
    try {
      const cache = new ListingCache();
      // The same server-side listing: the second lookup waits for the first one's.
      const short = lookup(emulator, { timeoutSeconds: 1 }, { cache });
      const patient = lookup(emulator, { timeoutSeconds: 20 }, { cache });
      await failure(short, ModelArtsTimeoutError);
      expect((await patient).ids).toHaveLength(30);
    } finally {
      await emulator.close();
    }
  });
});

describe("identity and answers from the server", () => {
  it("does not hand a cached listing to the same keys with a wrong security token", async () => {
    const emulator = await startEmulator({ jobs: demoJobs(), securityToken: "right-security-token-1" });
    try {
      const cache = new ListingCache();
      const env = { ...emulator.env };
      expect((await lookup(emulator, {}, { env, cache })).ids).toHaveLength(30);
      const wrong = { ...env, HW_SECURITY_TOKEN: "wrong-security-token-2" };
      const error = await failure(lookup(emulator, {}, { env: wrong, cache }), ModelArtsApiError);
      expect(error.status).toBe(401);
    } finally {
      await emulator.close();
    }
  });

  it("refuses a project id from IAM that is not a project id, sending no request with it", async () => {
    const emulator = await startEmulator({
      jobs: demoJobs(),
      iamProjects: [{ id: "../../v2/other-tenant/admin-api#", name: "cn-north-4" }],
    });
    try {
      const { HW_PROJECT_ID: _, ...env } = emulator.env;
      const error = await failure(lookup(emulator, {}, { env }), ModelArtsResponseError);
      expect(error.message).toContain("projects[0].id must be letters, digits");
      expect(emulator.requests.map((r) => r.path)).toEqual(["/v3/projects"]);
    } finally {
      await emulator.close();
    }
  });

  it("matches nameRegex in linear time: a pattern that backtracks for minutes in JavaScript answers at once", async () => {
    const emulator = await startEmulator({ jobs: [{ jobId: 1, jobName: `${"a".repeat(28)}!` }] });
    try {
      const result = await lookup(emulator, { nameRegex: "^(a+)+$" });
      expect(result.ids).toEqual([]);
      expect((await lookup(emulator, { nameRegex: "^(a+)+!$" })).ids).toEqual([1]);
    } finally {
      await emulator.close();
    }
  }, 10_000);

  it("keeps only http(s) service URLs in serviceUrls, index for index, and the same on each job", async () => {
    server = await startRawServer((_req, res) =>
      res.end(
        page(3, [
          job(1, { service_url: "javascript:alert(1)" }),
          job(2, { service_url: "https://tb.example.com/2/" }),
          job(3, { service_url: "file:///etc/passwd" }),
        ]),
      ),
    );
    const result = await lookupAt(server);
    expect(result.serviceUrls).toEqual(["", "https://tb.example.com/2/", ""]);
    expect(result.jobs.map((j) => j.serviceUrl)).toEqual(result.serviceUrls);
  });

  it('gives "" for a service URL with a CR/LF, whitespace or credentials, and the normalised URL otherwise', async () => {
    server = await startRawServer((_req, res) =>
      res.end(
        page(5, [
          job(1, { service_url: "http://h/\r\nInjected: 1" }),
          job(2, { service_url: "https://user:pw@tb.example.com/" }),
          job(3, { service_url: "https://tb.example.com/a b/" }),
          job(4, { service_url: "https://tb.example.com/\u202ePDF" }),
          job(5, { service_url: "HTTPS://TB.Example.com:443/x/../y/" }),
        ]),
      ),
    );
    const result = await lookupAt(server);
    expect(result.serviceUrls).toEqual([
      "",
      "",
      "",
      "https://tb.example.com/%E2%80%AEPDF",
      "https://tb.example.com/y/",
    ]);
    expect(result.serviceUrls.join("")).not.toMatch(/[\r\n]|pw@/);
  });

  it("escapes control characters from the server in messages, and redacts a secret before cutting a body", async () => {
    server = await startRawServer((_req, res) => {
      res.writeHead(403, { "content-type": "application/json" });
      res.end(JSON.stringify({ error_code: "APIGW.0302", error_msg: "denied\u001b[2J\nFAKE: all good" }));
    });
    const error = await failure(lookupAt(server), ModelArtsApiError);
    expect(error.message).toContain("denied\\x1b[2J\\nFAKE: all good");
    expect([...error.message].filter((c) => c.charCodeAt(0) < 0x20)).toEqual([]);

    await server.close();
    server = await startRawServer((_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end(`<html><body>${"x".repeat(105)} key ${SECRET}</body></html>`);
    });
    const cut = await failure(lookupAt(server, {}, { HW_MAX_RETRIES: "0" }), ModelArtsApiError);
    expect(cut.message).not.toContain(SECRET.slice(0, 6));
  });

  it("turns endpoints that are not URLs into config errors without their userinfo", async () => {
    const base = mockEnv(SECRET);
    const bad = await failure(
      lookup(
        { env: base } as never,
        {},
        { env: { ...base, HW_MODELARTS_ENDPOINT: "https://h.example.com/a%zz" } },
      ),
    );
    expect(bad).toBeInstanceOf(ModelArtsConfigError);
    expect(bad.message).toContain("not valid percent-encoding");
    const ftp = await failure(
      lookup({ env: base } as never, {}, { env: { ...base, HW_MODELARTS_ENDPOINT: "ftp://u:hunter2@host" } }),
    );
    expect(ftp).toBeInstanceOf(ModelArtsConfigError);
    expect(ftp.message).not.toContain("hunter2");
  });
});
