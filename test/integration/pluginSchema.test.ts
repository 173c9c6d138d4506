/**
 * What a real lookup returns, field by field, against the types the plugin's schema declares: the
 * schema cannot say `integer` where the lookup gives a fraction, or `string` where it gives an object.
 */
import { demoJobs } from "../../emulator";
import { type PropertySpec, packageSchema, RESULT_PROPERTIES, TOKENS } from "../../plugin/schema";
import { exactlyOneJob } from "../../provider/lookup/singleJob";
import { lookup, useEmulator } from "./helpers";

const schema = packageSchema("0.0.0") as {
  types: Record<string, { properties: Record<string, PropertySpec> }>;
};

/** The problems of `value` against `spec`, each with its path. */
function mismatches(value: unknown, spec: PropertySpec, path: string): string[] {
  if (spec.$ref !== undefined) {
    const type = schema.types[spec.$ref.replace("#/types/", "")];
    if (type === undefined) return [`${path}: unknown type ${spec.$ref}`];
    if (typeof value !== "object" || value === null) return [`${path}: not an object`];
    return Object.entries(value).flatMap(([k, v]) =>
      type.properties[k] === undefined
        ? [`${path}.${k}: not in the schema`]
        : mismatches(v, type.properties[k]!, `${path}.${k}`),
    );
  }
  switch (spec.type) {
    case "string":
      return typeof value === "string" ? [] : [`${path}: not a string`];
    case "integer":
      return Number.isSafeInteger(value) ? [] : [`${path}: not an integer`];
    case "number":
      return typeof value === "number" ? [] : [`${path}: not a number`];
    case "boolean":
      return typeof value === "boolean" ? [] : [`${path}: not a boolean`];
    case "array":
      return Array.isArray(value)
        ? value.flatMap((item, i) => mismatches(item, spec.items!, `${path}[${i}]`))
        : [`${path}: not an array`];
    default:
      return [`${path}: no type in the schema`];
  }
}

describe("a real lookup's values against the plugin's schema", () => {
  const emulator = useEmulator({ jobs: demoJobs() });

  it("match the declared types, every field of every job included", async () => {
    const result = JSON.parse(JSON.stringify(await lookup(emulator())));
    expect(result.jobs.length).toBe(30);
    const problems = Object.entries(result).flatMap(([k, v]) => {
      const spec = (RESULT_PROPERTIES as Record<string, PropertySpec>)[k];
      return spec === undefined ? [`${k}: not in the schema`] : mismatches(v, spec, k);
    });
    expect(problems).toEqual([]);
    // Every field a job may have appears in this data: the check covers them all.
    expect(Object.keys(result.jobs[0]).sort()).toEqual(
      Object.keys(schema.types[TOKENS.job]!.properties).sort(),
    );
  });

  it("the single job matches the schema's job type", async () => {
    const job = exactlyOneJob(await lookup(emulator(), { name: "nlp-tokenizer-mi" }), {}, "test");
    expect(mismatches(JSON.parse(JSON.stringify(job)), { $ref: `#/types/${TOKENS.job}` }, "job")).toEqual([]);
  });
});
