/**
 * Provider config, handed to the plugin. @pulumi/pulumi's provider server (3.141 to 3.276 at least)
 * answers the engine's Configure itself and passes nothing on to the provider, so `modelarts:*`
 * config would never reach a lookup. This wraps the server's `configure` handler as its gRPC service
 * is registered (in this plugin process only), hands the config over, then lets the server answer;
 * and answers CheckConfig, which the server does not implement.
 */
import { checkProviderConfig } from "./configCheck";
import { decodeInputs } from "./inputs";
import type { ProviderConfig } from "./providerConfig";
import { fromPulumi } from "./pulumiModules";

interface ConfigureRequest {
  getArgs(): { toJavaScript(): Record<string, unknown> } | undefined;
  getVariablesMap(): { toArray(): Array<[string, string]> };
}

/** The config of a Configure request: its arguments, or else its `modelarts:config:*` variables. */
function configOf(request: ConfigureRequest): ProviderConfig {
  const args = request.getArgs()?.toJavaScript() ?? {};
  if (Object.keys(args).length > 0) return decodeInputs(args).values;
  return Object.fromEntries(
    request
      .getVariablesMap()
      .toArray()
      .map(([key, value]) => [key.replace(/^[^:]+:config:/, "").replace(/^[^:]+:/, ""), value]),
  );
}

type Handler = (call: { request: ConfigureRequest }, callback: (...args: unknown[]) => void) => void;

interface GrpcModule {
  Server: { prototype: { addService(service: unknown, implementation: Record<string, unknown>): void } };
}

/** The protobuf classes of the same @pulumi/pulumi as the server, to answer CheckConfig with. */
interface ProviderProto {
  CheckResponse: new () => {
    setInputs(value: unknown): void;
    setFailuresList(value: unknown[]): void;
  };
  CheckFailure: new () => { setProperty(value: string): void; setReason(value: string): void };
}
interface StructModule {
  Struct: { fromJavaScript(value: Record<string, unknown>): unknown };
}
interface CheckRequest {
  getNews(): { toJavaScript(): Record<string, unknown> } | undefined;
}

/** The CheckConfig handler the server lacks (it answers UNIMPLEMENTED, so any key passes in plain text). */
function checkConfigHandler(): (
  call: { request: CheckRequest },
  callback: (...args: unknown[]) => void,
) => void {
  const proto = fromPulumi<ProviderProto>("@pulumi/pulumi/proto/provider_pb", () =>
    require("@pulumi/pulumi/proto/provider_pb"),
  );
  const { Struct } = fromPulumi<StructModule>("google-protobuf/google/protobuf/struct_pb", () =>
    require("google-protobuf/google/protobuf/struct_pb"),
  );
  return (call, callback) => {
    const { inputs, failures } = checkProviderConfig(call.request.getNews()?.toJavaScript() ?? {});
    const response = new proto.CheckResponse();
    response.setInputs(Struct.fromJavaScript(inputs));
    response.setFailuresList(
      failures.map((f) => {
        const failure = new proto.CheckFailure();
        failure.setProperty(f.property);
        failure.setReason(f.reason);
        return failure;
      }),
    );
    callback(undefined, response);
  };
}

/**
 * Hooks the provider server as it registers its gRPC service: `onConfigure` gets each Configure
 * request's config before the server answers it, and CheckConfig is answered by
 * {@link checkProviderConfig}.
 */
export function captureConfigure(onConfigure: (config: ProviderConfig) => void): void {
  const grpc = fromPulumi<GrpcModule>("@grpc/grpc-js", () => require("@grpc/grpc-js"));
  const addService = grpc.Server.prototype.addService;
  grpc.Server.prototype.addService = function (service, implementation) {
    const answer = implementation?.configure as Handler | undefined;
    if (typeof answer === "function") {
      const wrapped: Handler = (call, callback) => {
        onConfigure(configOf(call.request));
        answer.call(implementation, call, callback);
      };
      implementation.configure = wrapped;
      implementation.checkConfig = checkConfigHandler();
    }
    return addService.call(this, service, implementation);
  };
}
