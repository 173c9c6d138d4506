/**
 * Serves the Terraform provider: checks the handshake, listens on a loopback port with go-plugin's
 * AutoMTLS (its own fresh certificate, trusting only the client certificate Terraform passed in
 * PLUGIN_CLIENT_CERT), prints the handshake line, and runs until Terraform shuts it down, or until
 * the process that started it has gone. stdout carries the handshake line and nothing else.
 */
import * as grpc from "@grpc/grpc-js";
import { selfSignedCertificate } from "./certificate";
import { handshakeLine, handshakeProblem } from "./handshake";
import { whenOrphaned } from "./parentWatch";
import {
  CONTROLLER_SERVICE,
  HEALTH_SERVICE,
  providerService,
  type RequestOf,
  type ResponseOf,
} from "./protocol";
import {
  SERVED_METHODS,
  type ServedMethod,
  type ServedMethods,
  TerraformProvider,
} from "./terraformProvider";

/** A running provider: its port, and how to stop it. */
export interface RunningProvider {
  readonly port: number;
  readonly line: string;
  stop(): Promise<void>;
}

/** One method as a grpc-js handler; a method that throws answers INTERNAL with its message. */
function handler<M extends ServedMethod>(provider: ServedMethods, name: M) {
  return (
    call: grpc.ServerUnaryCall<RequestOf<M>, ResponseOf<M>>,
    callback: grpc.sendUnaryData<ResponseOf<M>>,
  ): void => {
    provider[name](call.request).then(
      (response) => callback(null, response),
      (error: Error) => callback({ code: grpc.status.INTERNAL, details: error.message }),
    );
  };
}

/** The provider's methods as grpc-js handlers. */
function handlers(provider: ServedMethods): grpc.UntypedServiceImplementation {
  return Object.fromEntries(SERVED_METHODS.map((name) => [name, handler(provider, name)]));
}

/** The server's credentials: TLS requiring Terraform's client certificate, or none without AutoMTLS. */
function credentials(clientCertificate: string | undefined): {
  server: grpc.ServerCredentials;
  der?: Buffer;
} {
  if (clientCertificate === undefined || clientCertificate.trim() === "") {
    return { server: grpc.ServerCredentials.createInsecure() };
  }
  const own = selfSignedCertificate();
  const server = grpc.ServerCredentials.createSsl(
    Buffer.from(clientCertificate),
    [{ private_key: Buffer.from(own.privateKeyPem), cert_chain: Buffer.from(own.certificatePem) }],
    true,
  );
  return { server, der: own.der };
}

/** Starts the provider's gRPC server on a loopback port. `onShutdown` runs when Terraform asks it to end. */
export async function startTerraformProvider(
  env: NodeJS.ProcessEnv,
  onShutdown: () => void,
): Promise<RunningProvider> {
  const server = new grpc.Server();
  const stop = () => new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
  server.addService(providerService(SERVED_METHODS), handlers(new TerraformProvider(env)));
  server.addService(HEALTH_SERVICE, {
    Check: (_call: unknown, callback: grpc.sendUnaryData<object>) => callback(null, {}),
  });
  server.addService(CONTROLLER_SERVICE, {
    Shutdown: (_call: unknown, callback: grpc.sendUnaryData<object>) => {
      callback(null, {});
      setImmediate(() => void stop().then(onShutdown));
    },
  });
  const { server: serverCredentials, der } = credentials(env.PLUGIN_CLIENT_CERT);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", serverCredentials, (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return { port, line: handshakeLine(port, der), stop };
}

/** The process as Terraform runs it: handshake, serve, exit when shut down. */
export async function serveTerraform(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // Terraform, as the process starts: before the handshake, which Terraform may answer by dying.
  const parent = process.ppid;
  const problem = handshakeProblem(env);
  if (problem !== undefined) {
    process.stderr.write(`terraform-provider-modelarts: ${problem}\n`);
    process.exit(1);
  }
  // Ctrl-C reaches the whole process group; Terraform then stops and shuts the provider down itself.
  process.on("SIGINT", () => {});
  try {
    const running = await startTerraformProvider(env, () => process.exit(0));
    process.stdout.write(`${running.line}\n`);
    whenOrphaned(parent, () => {
      process.stderr.write("terraform-provider-modelarts: the process that started it has gone; exiting\n");
      process.exit(0);
    });
  } catch (error) {
    // Terraform shows a plugin's stderr only in its debug log: say it there, in one line.
    process.stderr.write(
      `terraform-provider-modelarts: could not start its server: ${(error as Error).message}\n`,
    );
    process.exit(1);
  }
}
