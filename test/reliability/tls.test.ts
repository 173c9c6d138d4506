/**
 * TLS: certificate verification is on by default; an HTTPS emulator with a self-signed certificate
 * is refused with a clear error, and accepted with NODE_EXTRA_CA_CERTS or the insecure setting.
 * Plain http:// to a non-loopback host is refused before any connection.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { MockAgent } from "undici";
import { demoJobs } from "../../emulator";
import { lookupVisualizationJobs } from "../../provider/lookup/lookup";
import { ModelArtsConfigError, ModelArtsNetworkError } from "../../provider/support/errors";
import { lookup, useEmulator } from "../integration/helpers";
import { failure } from "../support/failure";
import { mockEnv } from "../support/mockApi";

const TLS_DIR = join(__dirname, "../fixtures/tls");
const tls = {
  key: readFileSync(join(TLS_DIR, "key.pem"), "utf8"),
  cert: readFileSync(join(TLS_DIR, "cert.pem"), "utf8"),
};

describe("TLS", () => {
  const emulator = useEmulator({ jobs: demoJobs(), tls });

  it("refuses a self-signed certificate by default, at once, saying what to do", async () => {
    expect(emulator().url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const error = await failure(lookup(emulator()));
    expect(error).toBeInstanceOf(ModelArtsNetworkError);
    expect(error.message).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/);
    expect(error.message).toContain("NODE_EXTRA_CA_CERTS");
    expect(error.message).toContain("HW_INSECURE");
    expect(error.message).not.toMatch(/after \d+ attempts/); // a certificate problem is not retried
  });

  it("accepts it with the insecure setting", async () => {
    const result = await lookup(
      emulator(),
      { status: "RUNNING" },
      { env: { ...emulator().env, HW_INSECURE: "true" } },
    );
    expect(result.ids).toHaveLength(13);
  });

  it("accepts it when NODE_EXTRA_CA_CERTS names the certificate (read by Node at start-up)", async () => {
    const script = `require(${JSON.stringify(join(__dirname, "../../dist/sdk/nodejs"))}).lookupVisualizationJobs({ status: "RUNNING" }, { context: "tls-test", cache: false }).then((r) => process.stdout.write(String(r.ids.length)), (e) => { process.stdout.write(e.message); process.exitCode = 1; })`;
    // Asynchronously: the emulator answering the child runs on this process's event loop.
    const { stdout } = await promisify(execFile)(process.execPath, ["-e", script], {
      env: {
        PATH: process.env.PATH ?? "",
        ...emulator().env,
        NODE_EXTRA_CA_CERTS: join(TLS_DIR, "cert.pem"),
      },
      encoding: "utf8",
    });
    expect(stdout).toBe("13");
  });
});

describe("plain http:// to a non-loopback host", () => {
  it("is refused before any connection", async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const error = await failure(
      lookupVisualizationJobs(
        { endpoint: "http://10.1.2.3:8080" },
        { env: mockEnv("sk-value"), dispatcher: agent },
      ),
    );
    expect(error).toBeInstanceOf(ModelArtsConfigError);
    expect(error.message).toContain('plain http:// with the non-loopback host "10.1.2.3"');
    agent.assertNoPendingInterceptors();
  });
});
