/**
 * Provider config, handed to the plugin. @pulumi/pulumi's provider server (3.141 to 3.276 at least)
 * answers the engine's Configure itself and passes nothing on to the provider, so `modelarts:*`
 * config would never reach a lookup. This wraps the server's `configure` handler as its gRPC service
 * is registered (in this plugin process only), hands the config over, then lets the server answer.
 */
import { dirname } from "node:path";

/** The engine's marker of a secret value in a property map. */
const SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d";

/** A provider's config, by key without the package prefix (`region`, `accessKey`, ...). */
export type ProviderConfig = Readonly<Record<string, unknown>>;

/** A value with the engine's secret wrapping removed. */
export function unwrapSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrapSecrets);
  if (typeof value !== "object" || value === null) return value;
  const record = value as Record<string, unknown>;
  if (SECRET_SIGNATURE in record) return unwrapSecrets(record.value);
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, unwrapSecrets(v)]));
}

interface ConfigureRequest {
  getArgs(): { toJavaScript(): Record<string, unknown> } | undefined;
  getVariablesMap(): { toArray(): Array<[string, string]> };
}

/** The config of a Configure request: its arguments, or else its `modelarts:config:*` variables. */
function configOf(request: ConfigureRequest): ProviderConfig {
  const args = request.getArgs()?.toJavaScript() ?? {};
  if (Object.keys(args).length > 0) return unwrapSecrets(args) as ProviderConfig;
  return Object.fromEntries(
    request
      .getVariablesMap()
      .toArray()
      .map(([key, value]) => [key.replace(/^[^:]+:config:/, "").replace(/^[^:]+:/, ""), value]),
  );
}

type Handler = (call: { request: ConfigureRequest }, callback: (...args: unknown[]) => void) => void;

/** Calls `onConfigure` with each Configure request's config, before the server answers it. */
export function captureConfigure(onConfigure: (config: ProviderConfig) => void): void {
  const pulumiDir = dirname(require.resolve("@pulumi/pulumi/package.json"));
  const grpc = require(require.resolve("@grpc/grpc-js", { paths: [pulumiDir] })) as {
    Server: { prototype: { addService(service: unknown, implementation: Record<string, unknown>): void } };
  };
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
