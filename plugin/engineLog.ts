/**
 * The plugin's log: the lookup's debug lines (each request, its status and time, retries) and
 * warnings, sent to the engine's log as `pulumi.log` does for a program, so that `pulumi up -v=9
 * --logtostderr` or `--debug` shows the plugin's requests as it shows the TypeScript functions'.
 * The lookup redacts every line before it gets here. Without an engine address, nothing is sent.
 */
import { type Logger, silentLogger } from "../provider/support/logger";
import { fromPulumi } from "./pulumiModules";

interface EngineProto {
  LogRequest: new () => { setSeverity(value: number): void; setMessage(value: string): void };
  LogSeverity: { DEBUG: number; WARNING: number };
}
interface EngineGrpc {
  EngineClient: new (
    address: string,
    credentials: unknown,
  ) => { log(request: unknown, done: () => void): void };
}
interface Grpc {
  credentials: { createInsecure(): unknown };
}

/** A logger writing to the engine at `address` (the plugin's argument); silent when there is none. */
export function engineLogger(address: string | undefined): Logger {
  if (address === undefined) return silentLogger;
  const grpc = fromPulumi<Grpc>("@grpc/grpc-js", () => require("@grpc/grpc-js"));
  const proto = fromPulumi<EngineProto>("@pulumi/pulumi/proto/engine_pb", () =>
    require("@pulumi/pulumi/proto/engine_pb"),
  );
  const { EngineClient } = fromPulumi<EngineGrpc>("@pulumi/pulumi/proto/engine_grpc_pb", () =>
    require("@pulumi/pulumi/proto/engine_grpc_pb"),
  );
  let client: InstanceType<EngineGrpc["EngineClient"]> | undefined;
  const send = (severity: number, message: string) => {
    client ??= new EngineClient(address, grpc.credentials.createInsecure());
    const request = new proto.LogRequest();
    request.setSeverity(severity);
    request.setMessage(`pulumi-modelarts: ${message}`);
    // A log line that cannot be delivered is not worth failing a lookup for.
    client.log(request, () => {});
  };
  return {
    debug: (message) => send(proto.LogSeverity.DEBUG, message),
    warn: (message) => send(proto.LogSeverity.WARNING, message),
  };
}
