/**
 * The cty msgpack codec against values as Terraform writes them (go-cty's `cty/msgpack`): every
 * number form, nulls, unknowns in both extension forms, objects that must hold every attribute, and
 * malformed input refused with a message instead of a crash or a silently different value.
 */
import fc from "fast-check";
import { ModelArtsProtocolError } from "../../../provider/support/errors";
import { CtyNumberError, type CtyType, decodeCty, encodeCty, UNKNOWN } from "../../../terraform/ctyCodec";
import { decodeMsgpack, encodeMsgpack } from "../../../terraform/msgpack";

const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ""), "hex");

describe("numbers, in every form go-cty writes them", () => {
  it.each([
    ["positive fixint", "07", 7],
    ["negative fixint", "ff", -1],
    ["uint8", "cc ff", 255],
    ["uint16", "cd 01 00", 256],
    ["uint32", "ce 00 01 00 00", 65536],
    ["int8", "d0 80", -128],
    ["int16", "d1 ff 00", -256],
    ["int32", "d2 ff ff 00 00", -65536],
    ["int64", "d3 00 00 00 02 00 00 00 00", 2 ** 33],
    ["uint64", "cf 00 00 00 00 00 00 00 2a", 42],
    ["float32", "ca 3f c0 00 00", 1.5],
    ["float64", "cb 40 09 21 fb 54 44 2d 18", Math.PI],
    ["decimal string (beyond int64 and float64)", "a4 32 2e 35 30", 2.5],
  ])("%s", (_, bytes, expected) => {
    expect(decodeCty("number", hex(bytes))).toBe(expected);
  });

  it("writes integers as msgpack integers and others as float64, as go-cty does", () => {
    expect(encodeCty("number", 3)).toEqual(hex("03"));
    expect(encodeCty("number", -5)).toEqual(hex("fb"));
    expect(encodeCty("number", 1_000_000)).toEqual(hex("d3 00 00 00 00 00 0f 42 40"));
    expect(encodeCty("number", 0.5)).toEqual(hex("cb 3f e0 00 00 00 00 00 00"));
  });

  it("refuses a string that is not a number, naming where it was", () => {
    const type: CtyType = ["object", { limit: "number" }];
    expect(() => decodeCty(type, encodeMsgpack({ limit: "ten" }))).toThrow(
      new ModelArtsProtocolError('limit should be a number, got the string "ten"'),
    );
  });
});

describe("integers beyond 2^53", () => {
  it.each([
    ["an int64", "d3 00 20 00 00 00 00 00 01", "9007199254740993"],
    ["a uint64", "cf ff ff ff ff ff ff ff ff", "18446744073709551615"],
    [
      "a decimal string",
      "b4 31 32 33 34 35 36 37 38 39 30 31 32 33 34 35 36 37 38 39 30",
      "12345678901234567890",
    ],
  ])("are refused as %s with a diagnostic, never rounded", (_, bytes, shown) => {
    const type: CtyType = ["object", { limit: "number" }];
    const value = hex(`81 a5 6c 69 6d 69 74 ${bytes}`);
    expect(() => decodeCty(type, value)).toThrow(
      new ModelArtsProtocolError(
        `limit is ${shown}, beyond the numbers this provider holds exactly (-9007199254740991 to 9007199254740991)`,
      ),
    );
  });

  it("are the attribute's problem, shown cut when long (1e400 arrives as 401 digits)", () => {
    const type: CtyType = [
      "object",
      { limit: "number", assume_role: ["list", ["object", { duration: "number" }]] },
    ];
    const huge = `1${"0".repeat(400)}`;
    const error = (() => {
      try {
        decodeCty(type, encodeMsgpack({ limit: 1, assume_role: [{ duration: huge }] }));
      } catch (e) {
        return e as CtyNumberError;
      }
    })();
    expect(error).toBeInstanceOf(CtyNumberError);
    expect(error!.message).toBe(
      "assume_role[0].duration is 10000000000000000000... (401 digits), beyond the numbers this provider holds exactly (-9007199254740991 to 9007199254740991)",
    );
    expect(error!.steps()).toEqual(["assume_role", 0, "duration"]);
  });

  it("keep the largest exact integer as it is", () => {
    expect(decodeCty("number", hex("cf 00 1f ff ff ff ff ff ff"))).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe("unknown values and nulls", () => {
  const type: CtyType = ["object", { name: "string", statuses: ["list", "string"], limit: "number" }];

  it("reads any extension as unknown: type 0 (plain) and 12 (refined), at any depth", () => {
    const plain = hex("d4 00 00");
    const refined = hex("c7 03 0c 81 01 c3"); // ext 12 with a refinement map
    const value = Buffer.concat([
      hex("83"),
      encodeMsgpack("name"),
      plain,
      encodeMsgpack("statuses"),
      hex("92"),
      encodeMsgpack("RUNNING"),
      refined,
      encodeMsgpack("limit"),
      hex("c0"),
    ]);
    expect(decodeCty(type, value)).toEqual({ name: UNKNOWN, statuses: ["RUNNING", UNKNOWN], limit: null });
  });

  it("reads a missing attribute as null, and writes every attribute, null included", () => {
    expect(decodeCty(type, encodeMsgpack({ name: "a" }))).toEqual({ name: "a", statuses: null, limit: null });
    expect(decodeMsgpack(encodeCty(type, { name: "a" }))).toEqual(
      new Map<unknown, unknown>([
        ["name", "a"],
        ["statuses", null],
        ["limit", null],
      ]),
    );
  });

  it("refuses to write an unknown, which a state cannot hold", () => {
    expect(() => encodeCty(type, { name: UNKNOWN })).toThrow(/name is unknown/);
  });

  it("refuses an attribute the schema does not have", () => {
    expect(() => decodeCty(type, encodeMsgpack({ nmae: "a" }))).toThrow(
      "the value has an attribute nmae that its schema does not",
    );
  });
});

describe("malformed msgpack", () => {
  it.each([
    ["a value cut short", "cd 01", "a msgpack value ends early at byte 1"],
    ["extra bytes", "01 02", "a msgpack value is followed by extra bytes at byte 1"],
    ["a reserved byte", "c1", "byte 0xc1 does not start a msgpack value"],
    ["a string length past the end", "d9 ff 41", "a msgpack value ends early at byte 2"],
  ])("%s is a protocol error", (_, bytes, message) => {
    expect(() => decodeMsgpack(hex(bytes))).toThrow(new ModelArtsProtocolError(message));
  });

  it("refuses nesting deeper than 64 instead of recursing without bound", () => {
    expect(() => decodeMsgpack(Buffer.alloc(100_000, 0x91))).toThrow("a msgpack value nests deeper than 64");
  });
});

describe("round trips", () => {
  const jobs: CtyType = [
    "list",
    ["object", { id: "string", status_code: "number", ok: "bool", tags: ["map", "string"] }],
  ];
  it("any list of job-like objects survives encode then decode", () => {
    const job = fc.record({
      id: fc.option(fc.string()),
      // Integers beyond 2^53 are refused, not round-tripped (tested above).
      status_code: fc.option(
        fc.oneof(
          fc.integer(),
          fc
            .double({ noNaN: true, noDefaultInfinity: true })
            .filter((d) => !Number.isInteger(d) || Number.isSafeInteger(d)),
        ),
      ),
      ok: fc.option(fc.boolean()),
      tags: fc.option(fc.dictionary(fc.string(), fc.string())),
    });
    fc.assert(
      fc.property(fc.array(job), (value) => {
        expect(decodeCty(jobs, encodeCty(jobs, value))).toEqual(
          value.map((j) => ({ ...j, status_code: j.status_code === 0 ? 0 : j.status_code })),
        );
      }),
    );
  });

  it("strings of every length class keep their bytes", () => {
    for (const length of [0, 31, 32, 255, 256, 65535, 65536]) {
      const text = "é".repeat(length);
      expect(decodeCty("string", encodeCty("string", text))).toBe(text);
    }
  });
});
