/**
 * The gRPC services a Terraform provider serves, as @grpc/grpc-js takes them: `tfplugin6.Provider`
 * from the vendored protocol (terraform/protocol/), and go-plugin's own two (health and shutdown),
 * whose messages are small enough to write by hand. Messages cross as plain objects with camelCase
 * fields (protobufjs's form of the proto's snake_case), enums as numbers and bytes as Buffers.
 */
import type { ServiceDefinition } from "@grpc/grpc-js";
import { type INamespace, type Method, Root, type Type } from "protobufjs/light";
import type { ProviderMethods } from "./protocol/tfplugin6";
import descriptor from "./protocol/tfplugin6.json";

/** A method of `tfplugin6.Provider`. */
export type ProviderMethod = keyof ProviderMethods;
/** A method's request, as protocol/tfplugin6.ts (generated from the proto) types it. */
export type RequestOf<M extends ProviderMethod> = ProviderMethods[M]["request"];
/** A method's response. */
export type ResponseOf<M extends ProviderMethod> = ProviderMethods[M]["response"];

// The JSON import is typed by its contents; protobufjs takes it as the descriptor it is.
const root = Root.fromJSON(descriptor as unknown as INamespace);

const TO_OBJECT = {
  defaults: true,
  enums: Number,
  longs: Number,
  bytes: Buffer,
  arrays: true,
  objects: true,
} as const;

/** A message type's encoding: a plain object of protocol/tfplugin6.ts's shape to bytes, and back. */
function codec(type: Type): { serialize: (m: object) => Buffer; deserialize: (b: Buffer) => object } {
  return {
    serialize: (m) => Buffer.from(type.encode(type.fromObject(m)).finish()),
    deserialize: (b) => type.toObject(type.decode(b), TO_OBJECT),
  };
}

/** The unary methods of `tfplugin6.Provider` named, as a service definition. */
export function providerService(methods: readonly ProviderMethod[]): ServiceDefinition {
  const service = root.lookupService("tfplugin6.Provider");
  const definition: Record<string, ServiceDefinition[string]> = {};
  for (const name of methods) {
    const method = service.methods[name]?.resolve() as Method | undefined;
    if (method?.resolvedRequestType == null || method.resolvedResponseType == null) {
      throw new Error(`tfplugin6.Provider has no method ${name}`);
    }
    const request = codec(method.resolvedRequestType);
    const response = codec(method.resolvedResponseType);
    definition[name] = {
      path: `/tfplugin6.Provider/${name}`,
      requestStream: false,
      responseStream: false,
      requestSerialize: request.serialize,
      requestDeserialize: request.deserialize,
      responseSerialize: response.serialize,
      responseDeserialize: response.deserialize,
    };
  }
  return definition;
}

const EMPTY = { serialize: () => Buffer.alloc(0), deserialize: () => ({}) };

/** A unary method whose request and response carry nothing the provider reads. */
function bareMethod(path: string, response: (m: object) => Buffer) {
  return {
    path,
    requestStream: false,
    responseStream: false,
    requestSerialize: EMPTY.serialize,
    requestDeserialize: EMPTY.deserialize,
    responseSerialize: response,
    responseDeserialize: EMPTY.deserialize,
  };
}

/**
 * `grpc.health.v1.Health/Check`, which go-plugin's client pings (service "plugin"): the answer is
 * always SERVING, `HealthCheckResponse{status: 1}` (field 1, varint 1).
 */
export const HEALTH_SERVICE: ServiceDefinition = {
  Check: bareMethod("/grpc.health.v1.Health/Check", () => Buffer.from([0x08, 0x01])),
};

/** `plugin.GRPCController/Shutdown`: how go-plugin's client ends the plugin gracefully. */
export const CONTROLLER_SERVICE: ServiceDefinition = {
  Shutdown: bareMethod("/plugin.GRPCController/Shutdown", EMPTY.serialize),
};
