/**
 * The Terraform protocol as the provider's code sees it, generated from the vendored
 * terraform/protocol/tfplugin6.proto by protobufjs's own reflection: its JSON descriptor (which the
 * provider loads with `protobufjs/light`), and a TypeScript interface per message, an enum per enum
 * and the request and response of each `tfplugin6.Provider` method. The interfaces describe the plain
 * objects protocol.ts's codec decodes and encodes (camelCase fields, enums as numbers, 64-bit integers
 * as numbers, bytes as Buffers), every field optional as in proto3, where absent means the default.
 */
import { Enum, type Field, type Namespace, type ReflectionObject, Root, Service, Type } from "protobufjs";

/** The proto package whose names are kept short: `tfplugin6.Schema.Block` is `SchemaBlock`. */
const PACKAGE = "tfplugin6";

/** The TypeScript name of a message or enum: its path under the package, or its own name outside it. */
function typeName(type: ReflectionObject): string {
  const path = type.fullName.replace(/^\./, "").split(".");
  return path[0] === PACKAGE ? path.slice(1).join("") : path[path.length - 1]!;
}

/** Scalar proto types as the codec gives them (protocol.ts: `longs: Number`, `bytes: Buffer`). */
const SCALARS: Readonly<Record<string, string>> = {
  double: "number",
  float: "number",
  int32: "number",
  uint32: "number",
  sint32: "number",
  fixed32: "number",
  sfixed32: "number",
  int64: "number",
  uint64: "number",
  sint64: "number",
  fixed64: "number",
  sfixed64: "number",
  bool: "boolean",
  string: "string",
  bytes: "Buffer",
};

/** The TypeScript type of one field's value. */
function fieldType(field: Field): string {
  field.resolve();
  const element = field.resolvedType === null ? SCALARS[field.type] : typeName(field.resolvedType);
  if (element === undefined) throw new Error(`no TypeScript type for the proto type ${field.type}`);
  if ("keyType" in field) return `Record<string, ${element}>`;
  return field.repeated ? `${element}[]` : element;
}

/** A comment's lines as TSDoc, or nothing. */
function doc(comment: string | null | undefined, indent = ""): string {
  if (comment == null || comment.trim() === "") return "";
  const lines = comment.trim().split("\n");
  return `${indent}/**\n${lines.map((l) => `${indent} *${l ? ` ${l.trim()}` : ""}`).join("\n")}\n${indent} */\n`;
}

/** A message as an interface of its fields; a message with none as an empty record. */
function messageInterface(type: Type): string {
  if (type.fieldsArray.length === 0) {
    return `${doc(type.comment)}export type ${typeName(type)} = Record<string, never>;\n`;
  }
  const fields = type.fieldsArray.map((field) => {
    // A message field decodes as null when absent (protocol.ts decodes with `defaults`).
    const nullable = field.resolve().resolvedType instanceof Type && !field.repeated && !("keyType" in field);
    return `${doc(field.comment, "  ")}  ${field.name}?: ${fieldType(field)}${nullable ? " | null" : ""};`;
  });
  return `${doc(type.comment)}export interface ${typeName(type)} {\n${fields.join("\n")}\n}\n`;
}

/** An enum as a constant object of its values and a type of their numbers (the codec's form). */
function enumDeclaration(type: Enum): string {
  const name = typeName(type);
  const values = Object.entries(type.values).map(([key, value]) => `  ${key}: ${value},`);
  return `${doc(type.comment)}export const ${name} = {\n${values.join("\n")}\n} as const;\n/** One of {@link ${name}}'s values. */\nexport type ${name} = (typeof ${name})[keyof typeof ${name}];\n`;
}

/** Every message and enum under a namespace, depth first, in the proto's order. */
function declarations(namespace: Namespace, seen: Map<string, string>): string[] {
  const out: string[] = [];
  for (const nested of namespace.nestedArray) {
    if (nested instanceof Type || nested instanceof Enum) {
      const name = typeName(nested);
      const other = seen.get(name);
      if (other !== undefined) throw new Error(`${nested.fullName} and ${other} would both be ${name}`);
      seen.set(name, nested.fullName);
      out.push(nested instanceof Type ? messageInterface(nested) : enumDeclaration(nested));
    }
    if ("nestedArray" in nested) out.push(...declarations(nested as Namespace, seen));
  }
  return out;
}

/** The request and response type of each method of `tfplugin6.Provider`, by method name. */
function methodsInterface(service: Service): string {
  const rows = service.methodsArray.map((method) => {
    method.resolve();
    return `  ${method.name}: { request: ${typeName(method.resolvedRequestType!)}; response: ${typeName(method.resolvedResponseType!)} };`;
  });
  return `/** The request and response of each \`tfplugin6.Provider\` method. */\nexport interface ProviderMethods {\n${rows.join("\n")}\n}\n`;
}

/** The JSON descriptor and the TypeScript types of the proto file at `protoPath`, as written to disk. */
export function protocolFiles(protoPath: string): { descriptor: string; types: string } {
  // The proto's comments are `//` lines above each item: the alternate mode keeps them.
  const root = new Root().loadSync(protoPath, { alternateCommentMode: true }).resolveAll();
  const service = root.lookup(`${PACKAGE}.Provider`);
  if (!(service instanceof Service)) throw new Error(`${protoPath} has no ${PACKAGE}.Provider service`);
  const header = `/**\n * The messages of the Terraform plugin protocol (tfplugin6), generated from tfplugin6.proto by\n * \`npm run generate\` (generate/protocolTypes.ts). Do not edit.\n */\n`;
  const types = [header, ...declarations(root, new Map()), methodsInterface(service)].join("\n");
  // The descriptor leaves the comments out: the provider needs only the shapes.
  return { descriptor: `${JSON.stringify(root.toJSON(), null, 1)}\n`, types };
}
