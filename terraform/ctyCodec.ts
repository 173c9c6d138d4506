/**
 * Terraform's values (cty) as they cross the protocol in a DynamicValue: msgpack, read and written
 * by the schema's type (Terraform's docs, "object-wire-format.md"; go-cty `cty/msgpack`). An object
 * holds every attribute, null included; a number may come as an integer, a float or a decimal string;
 * an unknown value is any msgpack extension.
 */

import { ModelArtsProtocolError } from "../provider/support/errors";
import { decodeMsgpack, type EncodableValue, encodeMsgpack, isExtension, type MsgpackValue } from "./msgpack";

/** A cty type in Terraform's JSON form: `"string"`, `["list","string"]`, `["object",{...}]`. */
export type CtyType =
  | "string"
  | "number"
  | "bool"
  | readonly ["list" | "set" | "map", CtyType]
  | readonly ["object", { readonly [attribute: string]: CtyType }];

/** A value not known until apply; Terraform defers a data source's read while its config holds one. */
export const UNKNOWN: unique symbol = Symbol("unknown");

/** A decoded cty value: JavaScript data, `null`, or {@link UNKNOWN}. */
export type CtyValue =
  | null
  | typeof UNKNOWN
  | string
  | number
  | boolean
  | CtyValue[]
  | { [attribute: string]: CtyValue };

/** An object value, as data sources and the provider block hold theirs. */
export type CtyObject = { [attribute: string]: CtyValue };

/** Where in a value the reader is, for messages: `statuses[1]`, `assume_role.duration`. */
function at(path: string): string {
  return path === "" ? "the value" : path;
}

/** The path of an attribute inside the value at `path`. */
function attributePath(path: string, name: string): string {
  return path === "" ? name : `${path}.${name}`;
}

/**
 * A number of the configuration. An integer beyond JavaScript's exact range (±(2^53 - 1)) is refused
 * with a diagnostic rather than rounded: msgpack.ts keeps such an int64 as a bigint so that no digit
 * is lost silently, and `Number()` here would lose them. Every number this provider reads (a limit,
 * a retry count, a duration) is far inside that range.
 */
function decodeNumber(raw: MsgpackValue, path: string): number {
  // cty writes a number that fits neither an int64 nor a float64 exactly as its decimal text.
  const decimal = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : Number.NaN;
  const value = typeof raw === "number" ? raw : typeof raw === "bigint" ? Number(raw) : decimal;
  if (Number.isNaN(value)) {
    throw new ModelArtsProtocolError(`${at(path)} should be a number, got ${describe(raw)}`);
  }
  if (!Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value))) {
    throw new CtyNumberError(
      path,
      `${at(path)} is ${shownNumber(String(raw))}, beyond the numbers this provider holds exactly (-9007199254740991 to 9007199254740991)`,
    );
  }
  return value;
}

/** A number's text as a message shows it: `1e200000` arrives as 200,001 digits. */
function shownNumber(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 20)}... (${text.length} digits)`;
}

/**
 * A number of the configuration this provider cannot hold exactly (`1e400`, 2^53 + 1): a problem of
 * that attribute, which Terraform underlines, not an unreadable request.
 */
export class CtyNumberError extends ModelArtsProtocolError {
  constructor(
    /** Where it is: `limit`, `assume_role[0].duration`. */
    readonly path: string,
    message: string,
  ) {
    super(message);
  }

  /** The path as Terraform's attribute steps. */
  steps(): Array<string | number> {
    return [...this.path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) =>
      m[2] !== undefined ? Number(m[2]) : m[1]!,
    );
  }
}

function describe(raw: MsgpackValue): string {
  if (raw instanceof Map) return "a map";
  if (Array.isArray(raw)) return "a list";
  return typeof raw === "string" ? `the string ${JSON.stringify(raw)}` : `${typeof raw} ${String(raw)}`;
}

function decodeObject(
  attributes: { readonly [attribute: string]: CtyType },
  raw: MsgpackValue,
  path: string,
): CtyObject {
  if (!(raw instanceof Map))
    throw new ModelArtsProtocolError(`${at(path)} should be an object, got ${describe(raw)}`);
  for (const key of raw.keys()) {
    if (typeof key !== "string" || !(key in attributes)) {
      throw new ModelArtsProtocolError(
        `${at(path)} has an attribute ${String(key)} that its schema does not`,
      );
    }
  }
  const out: CtyObject = {};
  for (const [name, type] of Object.entries(attributes)) {
    out[name] = decodeValue(type, raw.get(name) ?? null, attributePath(path, name));
  }
  return out;
}

function decodeCollection(
  kind: "list" | "set" | "map",
  element: CtyType,
  raw: MsgpackValue,
  path: string,
): CtyValue {
  if (kind === "map") {
    if (!(raw instanceof Map))
      throw new ModelArtsProtocolError(`${at(path)} should be a map, got ${describe(raw)}`);
    // Built from entries, so that a key such as "__proto__" is a key like any other.
    return Object.fromEntries(
      [...raw].map(([key, item]) => [String(key), decodeValue(element, item, `${path}["${String(key)}"]`)]),
    );
  }
  if (!Array.isArray(raw))
    throw new ModelArtsProtocolError(`${at(path)} should be a ${kind}, got ${describe(raw)}`);
  return raw.map((item, i) => decodeValue(element, item, `${path}[${i}]`));
}

/** Reads a decoded msgpack value as a value of `type`. */
function decodeValue(type: CtyType, raw: MsgpackValue, path: string): CtyValue {
  if (isExtension(raw)) return UNKNOWN;
  if (raw === null) return null;
  if (type === "number") return decodeNumber(raw, path);
  if (type === "string" || type === "bool") {
    if (typeof raw !== (type === "string" ? "string" : "boolean")) {
      throw new ModelArtsProtocolError(`${at(path)} should be a ${type}, got ${describe(raw)}`);
    }
    return raw as string | boolean;
  }
  const [kind, inner] = type;
  return kind === "object" ? decodeObject(inner, raw, path) : decodeCollection(kind, inner, raw, path);
}

/** Decodes a DynamicValue's msgpack as a value of `type`. */
export function decodeCty(type: CtyType, msgpack: Buffer): CtyValue {
  return decodeValue(type, decodeMsgpack(msgpack), "");
}

/** Writes a value of `type` for msgpack: every object attribute present, unknowns refused. */
function encodableOf(type: CtyType, value: CtyValue, path: string): EncodableValue {
  if (value === UNKNOWN)
    throw new ModelArtsProtocolError(`${at(path)} is unknown, which a state cannot hold`);
  if (value === null || typeof type === "string") return value as EncodableValue;
  const [kind, inner] = type;
  if (kind === "object") {
    const object = value as CtyObject;
    const out: { [attribute: string]: EncodableValue } = {};
    for (const [name, attributeType] of Object.entries(inner)) {
      out[name] = encodableOf(attributeType, object[name] ?? null, attributePath(path, name));
    }
    return out;
  }
  if (kind === "map") {
    return Object.fromEntries(
      Object.entries(value as CtyObject).map(([k, v]) => [k, encodableOf(inner, v, `${path}["${k}"]`)]),
    );
  }
  return (value as CtyValue[]).map((item, i) => encodableOf(inner, item, `${path}[${i}]`));
}

/** Encodes a value of `type` as a DynamicValue's msgpack. */
export function encodeCty(type: CtyType, value: CtyValue): Buffer {
  return encodeMsgpack(encodableOf(type, value, ""));
}

/** Whether a value holds an unknown anywhere inside it. */
export function holdsUnknown(value: CtyValue): boolean {
  if (value === UNKNOWN) return true;
  if (value === null || typeof value !== "object") return false;
  return Object.values(value).some(holdsUnknown);
}
