/**
 * Pulumi's real dynamic-provider host process, driven over gRPC as the engine drives it
 * (CONTRIBUTING.md, "How the tests drive Pulumi"). The host loads our serialized shim, which
 * requires `pulumi-modelarts/dynamic-provider` by name from the host's working directory: a
 * temporary folder whose node_modules links to this repository's built package.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as providerPb from "@pulumi/pulumi/proto/provider_pb";

const pulumiDir = dirname(require.resolve("@pulumi/pulumi/package.json"));
const fromPulumi = (id: string) => require(require.resolve(id, { paths: [pulumiDir] }));
const grpc = fromPulumi("@grpc/grpc-js");
const { Struct } = fromPulumi("google-protobuf/google/protobuf/struct_pb");
const { ResourceProviderClient } = require("@pulumi/pulumi/proto/provider_grpc_pb");

/** The engine's wrapping of a secret value in a property map. */
function secret(value: string): Record<string, string> {
  return { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value };
}

type Props = Record<string, unknown>;

/** The stack config that points the provider at an emulator, with the secrets wrapped as the engine does. */
export function stackConfigFor(
  settings: { region: string; projectId: string; accessKey: string; endpoint: string },
  secrets: { secretKey: string; securityToken?: string },
): Props {
  return {
    "huaweicloud:region": settings.region,
    "huaweicloud:projectId": settings.projectId,
    "huaweicloud:accessKey": settings.accessKey,
    "huaweicloud:secretKey": secret(secrets.secretKey),
    ...(secrets.securityToken ? { "huaweicloud:securityToken": secret(secrets.securityToken) } : {}),
    "huaweicloud:endpoints": JSON.stringify({ modelarts: settings.endpoint }),
  };
}

/** A running host and typed calls to it. */
export interface Host {
  /** What the host process printed on stderr so far. */
  stderr(): string;
  configure(config: Props): Promise<void>;
  check(
    olds: Props,
    news: Props,
  ): Promise<{ inputs: Props; failures: Array<{ property: string; reason: string }> }>;
  diff(id: string, olds: Props, news: Props): Promise<{ changes: number; replaces: string[] }>;
  create(props: Props): Promise<{ id: string; properties: Props }>;
  read(id: string, props: Props): Promise<{ id: string; properties: Props }>;
  update(id: string, olds: Props, news: Props): Promise<{ properties: Props }>;
  delete(id: string, props: Props): Promise<void>;
  close(): Promise<void>;
}

/** The serialized provider, as `pulumi.dynamic.Resource` writes it into `__provider`. */
export async function serializeProvider(provider: pulumi.dynamic.ResourceProvider): Promise<string> {
  return (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
}

const URN = "urn:pulumi:test::test::pulumi-nodejs:dynamic/pulumi-modelarts:VisualizationJobsLookup::lookup";

/** Starts the host with `env` (no credentials unless given) and connects to it. */
export async function startHost(env: Record<string, string> = {}): Promise<Host> {
  const work = mkdtempSync(join(tmpdir(), "modelarts-host-"));
  mkdirSync(join(work, "node_modules"));
  symlinkSync(resolve(__dirname, "../.."), join(work, "node_modules", "pulumi-modelarts"), "dir");
  const child: ChildProcess = spawn(
    process.execPath,
    [require.resolve("@pulumi/pulumi/cmd/dynamic-provider"), "127.0.0.1:1"],
    {
      cwd: work,
      env: { PATH: process.env.PATH ?? "", PULUMI_NODEJS_PROJECT: "test", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const port = await new Promise<string>((resolvePort, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n")[0]!;
      if (out.includes("\n")) resolvePort(line.trim());
    });
    child.once("exit", (code) => reject(new Error(`the dynamic-provider host exited (${code}): ${stderr}`)));
  });
  const client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const call = <T>(method: string, request: unknown): Promise<T> =>
    new Promise((resolveCall, reject) =>
      client[method](request, (error: Error | null, response: T) =>
        error ? reject(error) : resolveCall(response),
      ),
    );
  const struct = (props: Props) => Struct.fromJavaScript(props);

  return {
    stderr: () => stderr,
    async configure(config) {
      const request = new providerPb.ConfigureRequest();
      request.setArgs(struct(config));
      request.setAcceptsecrets(true);
      await call("configure", request);
    },
    async check(olds, news) {
      const request = new providerPb.CheckRequest();
      request.setUrn(URN);
      request.setOlds(struct(olds));
      request.setNews(struct(news));
      const response = await call<providerPb.CheckResponse>("check", request);
      return {
        inputs: response.getInputs()!.toJavaScript(),
        failures: response
          .getFailuresList()
          .map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
      };
    },
    async diff(id, olds, news) {
      const request = new providerPb.DiffRequest();
      request.setId(id);
      request.setUrn(URN);
      request.setOlds(struct(olds));
      request.setNews(struct(news));
      const response = await call<providerPb.DiffResponse>("diff", request);
      return { changes: response.getChanges(), replaces: response.getReplacesList() };
    },
    async create(props) {
      const request = new providerPb.CreateRequest();
      request.setUrn(URN);
      request.setProperties(struct(props));
      const response = await call<providerPb.CreateResponse>("create", request);
      return { id: response.getId(), properties: response.getProperties()!.toJavaScript() };
    },
    async read(id, props) {
      const request = new providerPb.ReadRequest();
      request.setId(id);
      request.setUrn(URN);
      request.setProperties(struct(props));
      const response = await call<providerPb.ReadResponse>("read", request);
      return { id: response.getId(), properties: response.getProperties()!.toJavaScript() };
    },
    async update(id, olds, news) {
      const request = new providerPb.UpdateRequest();
      request.setId(id);
      request.setUrn(URN);
      request.setOlds(struct(olds));
      request.setNews(struct(news));
      const response = await call<providerPb.UpdateResponse>("update", request);
      return { properties: response.getProperties()!.toJavaScript() };
    },
    async delete(id, props) {
      const request = new providerPb.DeleteRequest();
      request.setId(id);
      request.setUrn(URN);
      request.setProperties(struct(props));
      await call("delete", request);
    },
    async close() {
      client.close();
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGKILL");
      await exited;
      rmSync(work, { recursive: true, force: true });
    },
  };
}
