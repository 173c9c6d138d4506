/**
 * Provider config, handed to the plugin. @pulumi/pulumi's provider server (3.141 to 3.276 at least)
 * answers the engine's Configure itself and passes nothing on to the provider, so `modelarts:*`
 * config would never reach a lookup. This wraps the server's `configure` handler as its gRPC service
 * is registered (in this plugin process only), hands the config over, then lets the server answer.
 */
import { dirname } from "node:path";
import { decodeInputs } from "./inputs";

/** A provider's config, by key without the package prefix (`region`, `accessKey`, ...). */
export type ProviderConfig = Readonly<Record<string, unknown>>;

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

/**
 * Set to `true` by the release build (an esbuild `define`), where the executable is one bundle
 * holding one copy of grpc-js; undeclared when the plugin runs from the npm package.
 */
declare const MODELARTS_STANDALONE: boolean | undefined;

interface GrpcModule {
  Server: { prototype: { addService(service: unknown, implementation: Record<string, unknown>): void } };
}

/** The grpc-js that @pulumi/pulumi's provider server uses: the one whose Server must be wrapped. */
function pulumiGrpc(): GrpcModule {
  if (typeof MODELARTS_STANDALONE !== "undefined" && MODELARTS_STANDALONE) {
    return require("@grpc/grpc-js") as GrpcModule;
  }
  // From the npm package, @pulumi/pulumi is the program's own copy: take the grpc-js it resolves.
  const pulumiDir = dirname(require.resolve("@pulumi/pulumi/package.json"));
  return require(require.resolve("@grpc/grpc-js", { paths: [pulumiDir] })) as GrpcModule;
}

/** Calls `onConfigure` with each Configure request's config, before the server answers it. */
export function captureConfigure(onConfigure: (config: ProviderConfig) => void): void {
  const grpc = pulumiGrpc();
  const addService = grpc.Server.prototype.addService;
  grpc.Server.prototype.addService = function (service, implementation) {
    const answer = implementation?.configure as Handler | undefined;
    if (typeof answer === "function") {
      const wrapped: Handler = (call, callback) => {
        onConfigure(configOf(call.request));
        answer.call(implementation, call, callback);
      };
      implementation.configure = wrapped;
    }
    return addService.call(this, service, implementation);
  };
}
