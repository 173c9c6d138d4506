/**
 * MessagePack, the subset Terraform's DynamicValue uses (zclconf/go-cty `cty/msgpack`): nil, booleans,
 * integers, float64, strings, arrays, maps and extensions. Decoding keeps what cty needs to tell apart
 * (an integer from a float, an extension from a value); encoding writes the smallest form, as go-cty
 * does. Written here because the format is small and a dependency would be larger than this file.
 */
import { ModelArtsProtocolError } from "../provider/support/errors";

/** A decoded extension: cty sends an unknown value as one (type 0, or 12 with refinements). */
export interface MsgpackExtension {
  readonly extension: number;
  readonly data: Buffer;
}

/** A decoded value. Maps keep their keys as decoded (cty's are strings). */
export type MsgpackValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | MsgpackValue[]
  | Map<MsgpackValue, MsgpackValue>
  | MsgpackExtension;

/** Whether a decoded value is an extension (cty: an unknown value). */
export function isExtension(value: unknown): value is MsgpackExtension {
  return typeof value === "object" && value !== null && "extension" in value && "data" in value;
}

/** A reader over one buffer that fails with a typed error instead of reading past its end. */
class Reader {
  private offset = 0;
  constructor(private readonly buffer: Buffer) {}

  take(length: number): Buffer {
    if (this.offset + length > this.buffer.length) {
      throw new ModelArtsProtocolError(`a msgpack value ends early at byte ${this.offset}`);
    }
    const slice = this.buffer.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }

  done(): boolean {
    return this.offset === this.buffer.length;
  }

  get position(): number {
    return this.offset;
  }
}

/** Integers beyond JavaScript's safe range stay bigints, so that no digit is lost silently. */
function integer(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value;
}

/** The most nested arrays and maps a value may have: deeper input is refused, not recursed into. */
const MAX_DEPTH = 64;

function readCollection(reader: Reader, count: number, kind: "array" | "map", depth: number): MsgpackValue {
  if (kind === "array") {
    const items: MsgpackValue[] = [];
    for (let i = 0; i < count; i++) items.push(readValue(reader, depth + 1));
    return items;
  }
  const map = new Map<MsgpackValue, MsgpackValue>();
  for (let i = 0; i < count; i++) map.set(readValue(reader, depth + 1), readValue(reader, depth + 1));
  return map;
}

function readExtension(reader: Reader, length: number): MsgpackExtension {
  const extension = reader.take(1).readInt8(0);
  return { extension, data: Buffer.from(reader.take(length)) };
}

/** Reads the value whose first byte is in the 0xc0–0xdf range (everything but fix forms). */
function readTagged(reader: Reader, tag: number, depth: number): MsgpackValue {
  const sized = (bytes: 1 | 2 | 4) => {
    const b = reader.take(bytes);
    return bytes === 1 ? b.readUInt8(0) : bytes === 2 ? b.readUInt16BE(0) : b.readUInt32BE(0);
  };
  switch (tag) {
    case 0xc0:
      return null;
    case 0xc2:
      return false;
    case 0xc3:
      return true;
    case 0xc4:
    case 0xc5:
    case 0xc6:
      return reader.take(sized(tag === 0xc4 ? 1 : tag === 0xc5 ? 2 : 4)).toString("utf8");
    case 0xc7:
    case 0xc8:
    case 0xc9:
      return readExtension(reader, sized(tag === 0xc7 ? 1 : tag === 0xc8 ? 2 : 4));
    case 0xca:
      return reader.take(4).readFloatBE(0);
    case 0xcb:
      return reader.take(8).readDoubleBE(0);
    case 0xcc:
      return reader.take(1).readUInt8(0);
    case 0xcd:
      return reader.take(2).readUInt16BE(0);
    case 0xce:
      return reader.take(4).readUInt32BE(0);
    case 0xcf:
      return integer(reader.take(8).readBigUInt64BE(0));
    case 0xd0:
      return reader.take(1).readInt8(0);
    case 0xd1:
      return reader.take(2).readInt16BE(0);
    case 0xd2:
      return reader.take(4).readInt32BE(0);
    case 0xd3:
      return integer(reader.take(8).readBigInt64BE(0));
    case 0xd4:
    case 0xd5:
    case 0xd6:
    case 0xd7:
    case 0xd8:
      return readExtension(reader, 1 << (tag - 0xd4));
    case 0xd9:
    case 0xda:
    case 0xdb:
      return reader.take(sized(tag === 0xd9 ? 1 : tag === 0xda ? 2 : 4)).toString("utf8");
    case 0xdc:
    case 0xdd:
      return readCollection(reader, sized(tag === 0xdc ? 2 : 4), "array", depth);
    case 0xde:
    case 0xdf:
      return readCollection(reader, sized(tag === 0xde ? 2 : 4), "map", depth);
    default:
      throw new ModelArtsProtocolError(`byte 0x${tag.toString(16)} does not start a msgpack value`);
  }
}

function readValue(reader: Reader, depth: number): MsgpackValue {
  if (depth > MAX_DEPTH) throw new ModelArtsProtocolError(`a msgpack value nests deeper than ${MAX_DEPTH}`);
  const tag = reader.take(1).readUInt8(0);
  if (tag <= 0x7f) return tag;
  if (tag >= 0xe0) return tag - 0x100;
  if (tag <= 0x8f) return readCollection(reader, tag & 0x0f, "map", depth);
  if (tag <= 0x9f) return readCollection(reader, tag & 0x0f, "array", depth);
  if (tag <= 0xbf) return reader.take(tag & 0x1f).toString("utf8");
  return readTagged(reader, tag, depth);
}

/** Decodes one msgpack value that must fill the buffer. */
export function decodeMsgpack(buffer: Buffer): MsgpackValue {
  const reader = new Reader(buffer);
  const value = readValue(reader, 0);
  if (!reader.done()) {
    throw new ModelArtsProtocolError(`a msgpack value is followed by extra bytes at byte ${reader.position}`);
  }
  return value;
}

/** What {@link encodeMsgpack} writes: plain data, maps as objects with string keys. */
export type EncodableValue =
  | null
  | boolean
  | number
  | string
  | MsgpackExtension
  | readonly EncodableValue[]
  | { readonly [key: string]: EncodableValue };

/** A length's header: the fix form up to `fixMax`, else the smallest tagged form (`tag8` absent for collections). */
function header(
  fixBase: number,
  fixMax: number,
  tags: { tag8?: number; tag16: number; tag32: number },
  length: number,
): Buffer {
  const { tag8, tag16, tag32 } = tags;
  if (length <= fixMax) return Buffer.from([fixBase | length]);
  if (length < 0x100 && tag8 !== undefined) return Buffer.from([tag8, length]);
  if (length < 0x10000) return Buffer.from([tag16, length >> 8, length & 0xff]);
  const b = Buffer.alloc(5);
  b[0] = tag32;
  b.writeUInt32BE(length, 1);
  return b;
}

function encodeNumber(value: number): Buffer {
  if (!Number.isInteger(value) || !Number.isSafeInteger(value)) {
    const b = Buffer.alloc(9);
    b[0] = 0xcb;
    b.writeDoubleBE(value, 1);
    return b;
  }
  if (value >= 0 && value <= 0x7f) return Buffer.from([value]);
  if (value < 0 && value >= -32) return Buffer.from([value + 0x100]);
  const b = Buffer.alloc(9);
  b[0] = 0xd3;
  b.writeBigInt64BE(BigInt(value), 1);
  return b;
}

function encodeInto(value: EncodableValue, out: Buffer[]): void {
  if (value === null) out.push(Buffer.from([0xc0]));
  else if (typeof value === "boolean") out.push(Buffer.from([value ? 0xc3 : 0xc2]));
  else if (typeof value === "number") out.push(encodeNumber(value));
  else if (typeof value === "string") {
    const bytes = Buffer.from(value, "utf8");
    out.push(header(0xa0, 31, { tag8: 0xd9, tag16: 0xda, tag32: 0xdb }, bytes.length), bytes);
  } else if (Array.isArray(value)) {
    out.push(header(0x90, 15, { tag16: 0xdc, tag32: 0xdd }, value.length));
    for (const item of value) encodeInto(item, out);
  } else if (isExtension(value)) {
    out.push(Buffer.from([0xc7, value.data.length, value.extension & 0xff]), value.data);
  } else {
    const entries = Object.entries(value as { [key: string]: EncodableValue });
    out.push(header(0x80, 15, { tag16: 0xde, tag32: 0xdf }, entries.length));
    for (const [key, item] of entries) {
      encodeInto(key, out);
      encodeInto(item, out);
    }
  }
}

/** Encodes a value as msgpack. */
export function encodeMsgpack(value: EncodableValue): Buffer {
  const out: Buffer[] = [];
  encodeInto(value, out);
  return Buffer.concat(out);
}
