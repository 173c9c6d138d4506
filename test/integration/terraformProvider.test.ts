/**
 * The Terraform provider's server as go-plugin's client meets it, in this process: the handshake
 * line, AutoMTLS (its own certificate in the line, only Terraform's client certificate accepted),
 * go-plugin's health and shutdown services, and tfplugin6 calls with msgpack values, unknowns
 * included, against the emulator over real sockets.
 */
import { X509Certificate } from "node:crypto";
import * as grpc from "@grpc/grpc-js";
import { demoJobs, type RunningEmulator, startEmulator } from "../../emulator";
import { resetSharedState } from "../../provider/lookup/lookup";
import { selfSignedCertificate } from "../../terraform/certificate";
import { type CtyObject, decodeCty, encodeCty } from "../../terraform/ctyCodec";
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from "../../terraform/handshake";
import { encodeMsgpack } from "../../terraform/msgpack";
import {
  HEALTH_SERVICE,
  type ProviderMethod,
  providerService,
  type RequestOf,
  type ResponseOf,
} from "../../terraform/protocol";
import { blockType, JOBS_DATA_SOURCE, PROVIDER_BLOCK } from "../../terraform/schema";
import { type RunningProvider, startTerraformProvider } from "../../terraform/server";
import { SERVED_METHODS } from "../../terraform/terraformProvider";

const terraformClient = selfSignedCertificate();
const METHODS = providerService(SERVED_METHODS);

let provider: RunningProvider;
let shutdowns = 0;
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ jobs: demoJobs() });
  provider = await startTerraformProvider(
    { [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_CLIENT_CERT: terraformClient.certificatePem },
    () => shutdowns++,
  );
});
afterAll(async () => {
  await provider.stop();
  await emulator.close();
  resetSharedState();
});

/** The server's certificate as the handshake line carries it (base64 DER, no padding). */
function serverCertificate(): string {
  const der = Buffer.from(provider.line.split("|")[5]!, "base64");
  return new X509Certificate(der).toString();
}

/** A client presenting `identity`, trusting the certificate of the handshake line, as go-plugin's does. */
function client(identity = terraformClient): grpc.Client {
  const credentials = grpc.credentials.createSsl(
    Buffer.from(serverCertificate()),
    Buffer.from(identity.privateKeyPem),
    Buffer.from(identity.certificatePem),
  );
  // go-plugin's client names the server "localhost", which its certificate is for.
  return new grpc.Client(`127.0.0.1:${provider.port}`, credentials, {
    "grpc.ssl_target_name_override": "localhost",
  });
}

function call<M extends ProviderMethod>(
  method: M,
  request: RequestOf<M>,
  via = client(),
): Promise<ResponseOf<M>> {
  const definition = METHODS[method]!;
  return new Promise((resolve, reject) =>
    via.makeUnaryRequest(
      definition.path,
      definition.requestSerialize,
      definition.responseDeserialize,
      request,
      (error, response) => (error ? reject(error) : resolve(response!)),
    ),
  );
}

const UNKNOWN_EXT = { extension: 0, data: Buffer.from([0]) };
const msgpack = (type: Parameters<typeof encodeCty>[0], value: CtyObject) => ({
  msgpack: encodeCty(type, value),
});

describe("the handshake and AutoMTLS", () => {
  it("prints 1|6|tcp|127.0.0.1:<port>|grpc|<its certificate>, a certificate for localhost that Go's verifier accepts", () => {
    expect(provider.line).toMatch(/^1\|6\|tcp\|127\.0\.0\.1:\d+\|grpc\|[A-Za-z0-9+/]+$/);
    const certificate = new X509Certificate(serverCertificate());
    expect(certificate.checkHost("localhost")).toBe("localhost");
    expect(certificate.checkIP("127.0.0.1")).toBe("127.0.0.1");
    expect(certificate.verify(certificate.publicKey)).toBe(true);
  });

  it("serves Terraform's client certificate, and refuses any other client", async () => {
    const schema = await call("GetProviderSchema", {});
    expect(Object.keys(schema.dataSourceSchemas!).sort()).toEqual([
      "modelarts_visualization_job",
      "modelarts_visualization_jobs",
    ]);
    await expect(call("GetProviderSchema", {}, client(selfSignedCertificate()))).rejects.toMatchObject({
      code: grpc.status.UNAVAILABLE,
    });
  });

  it("answers go-plugin's health check SERVING, and an RPC it does not serve UNIMPLEMENTED", async () => {
    const health = HEALTH_SERVICE.Check!;
    const bytes = await new Promise<Buffer>((resolve, reject) =>
      client().makeUnaryRequest(
        health.path,
        () => Buffer.alloc(0),
        (b: Buffer) => b,
        {},
        (e, r) => (e ? reject(e) : resolve(r!)),
      ),
    );
    expect(bytes).toEqual(Buffer.from([0x08, 0x01]));
    const unserved = providerService(["ReadResource"]).ReadResource!;
    await expect(
      new Promise((resolve, reject) =>
        client().makeUnaryRequest(
          unserved.path,
          unserved.requestSerialize,
          unserved.responseDeserialize,
          {},
          (e, r) => (e ? reject(e) : resolve(r)),
        ),
      ),
    ).rejects.toMatchObject({ code: grpc.status.UNIMPLEMENTED });
  });
});

describe("tfplugin6 calls", () => {
  const jobsType = blockType(JOBS_DATA_SOURCE);
  const typeName = "modelarts_visualization_jobs";

  it("validation accepts unknown values and names each bad known argument by its path", async () => {
    // Written as Terraform writes unknowns (msgpack extension 0): a state could never hold one.
    const config = {
      msgpack: encodeMsgpack({ status: UNKNOWN_EXT, statuses: ["RUNNING", UNKNOWN_EXT], limit: UNKNOWN_EXT }),
    };
    const { diagnostics } = await call("ValidateDataResourceConfig", { typeName, config });
    expect(diagnostics!.map((d) => [d.severity, d.attribute?.steps])).toEqual([]);
    const known = {
      msgpack: encodeMsgpack({ statuses: ["RUNNING", "RUNING"], limit: 0, name_regex: UNKNOWN_EXT }),
    };
    const second = await call("ValidateDataResourceConfig", { typeName, config: known });
    expect(
      second.diagnostics!.map((d) => ({
        severity: d.severity,
        steps: d.attribute?.steps,
        detail: d.detail,
      })),
    ).toEqual([
      {
        severity: 1,
        steps: [{ attributeName: "statuses" }, { elementKeyInt: 1 }],
        detail: expect.stringMatching(
          /^statuses\[1\] must be a status name such as "RUNNING".*got "RUNING"$/,
        ),
      },
      {
        severity: 1,
        steps: [{ attributeName: "limit" }],
        detail: "limit must be an integer of at least 1, got 0",
      },
    ]);
    expect(emulator.requests).toEqual([]);
  });

  it("configures from the provider block and reads the jobs as a msgpack state; unknown endpoints only warn", async () => {
    const s = emulator.settings;
    const block = {
      region: s.region,
      project_id: s.projectId,
      access_key: s.accessKey,
      secret_key: s.secretKey,
      endpoints: { modelarts: s.endpoint, ecs: "https://ecs.example.com" },
    };
    const config = msgpack(blockType(PROVIDER_BLOCK), block);
    const validated = await call("ValidateProviderConfig", { config });
    expect(validated.diagnostics!.map((d) => [d.severity, d.summary])).toEqual([[2, "Endpoint not used"]]);
    expect((await call("ConfigureProvider", { config })).diagnostics).toEqual([]);
    const read = await call("ReadDataSource", { typeName, config: msgpack(jobsType, { statuses: ["7"] }) });
    expect(read.diagnostics).toEqual([]);
    const state = decodeCty(jobsType, read.state!.msgpack!) as CtyObject;
    expect(state).toMatchObject({
      region: s.region,
      statuses: ["7"],
      names: ["vision-segformer-tb", "recsys-sasrec-tb"],
      total_count: 2,
    });
  });

  it("answers a data source it does not have with a diagnostic, and Shutdown by ending", async () => {
    const { diagnostics } = await call("ReadDataSource", {
      typeName: "modelarts_notebook",
      config: { msgpack: Buffer.from([0x80]) },
    });
    expect(diagnostics![0]).toMatchObject({
      summary: "Unreadable request from Terraform",
      detail:
        "this provider has no data source modelarts_notebook; it has modelarts_visualization_jobs and modelarts_visualization_job",
    });
    const shutdown = {
      path: "/plugin.GRPCController/Shutdown",
      serialize: () => Buffer.alloc(0),
      deserialize: (b: Buffer) => b,
    };
    await new Promise((resolve, reject) =>
      client().makeUnaryRequest(shutdown.path, shutdown.serialize, shutdown.deserialize, {}, (e, r) =>
        e ? reject(e) : resolve(r),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(shutdowns).toBe(1);
  });
});
