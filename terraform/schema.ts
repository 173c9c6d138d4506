/**
 * The Terraform schema of the `modelarts` provider: its provider block and its two data sources, in
 * terraform-provider-huaweicloud's style (flat snake_case optional filters, computed lists named after
 * the plural). The data sources' tables are keyed by the core's TypeScript types
 * (`satisfies Record<keyof ...>`), so a lookup argument or a job field added to the core and not
 * decided on here is a compile error.
 */
import {
  ARGUMENT_KEYS,
  ARGUMENTS,
  BLOCK_KEYS,
  blockOf,
  documented,
  type FieldKind,
  fieldsOf,
  JOB_FIELDS,
  type JobFieldKey,
  metaOf,
  RESULT_FIELD_KEYS,
  RESULT_FIELDS,
  SETTINGS,
  valueType,
} from "../provider/wire/description";
import type { ArgumentKey, SettingKey } from "../provider/wire/entryKeys.generated";
import type { VisualizationJob } from "../provider/wire/job.generated";
import type { JobFlavor } from "../provider/wire/jobParts";
import type { VisualizationJobsResult } from "../provider/wire/result.generated";
import type { CtyObject, CtyType, CtyValue } from "./ctyCodec";

/** One attribute of a block. */
export interface AttributeSpec {
  readonly type: CtyType;
  readonly description: string;
  readonly required?: true;
  readonly optional?: true;
  readonly computed?: true;
  readonly sensitive?: true;
}

/** A block: its attributes, and the blocks nested in it (once: SINGLE nesting; repeated: LIST). */
export interface BlockSpec {
  readonly description: string;
  readonly attributes: { readonly [name: string]: AttributeSpec };
  readonly blocks?: { readonly [name: string]: BlockSpec };
  /** Nested as a list (repeated blocks, in order; Terraform's LIST nesting), not at most once. */
  readonly list?: boolean;
}

const LIST_OF_STRINGS: CtyType = ["list", "string"];
const optional = (type: CtyType, description: string): AttributeSpec => ({
  type,
  description,
  optional: true,
});
const computed = (type: CtyType, description: string): AttributeSpec => ({
  type,
  description,
  computed: true,
});

/** An attribute's Terraform type, from its schema's: whole numbers are `number`, as Terraform has no integer. */
function ctyTypeOf(schema: Parameters<typeof valueType>[0]): CtyType {
  const type = valueType(schema);
  return type === "integer" || type === "number" ? "number" : type === "boolean" ? "bool" : "string";
}

/** A setting as a provider-block attribute: its description, default and environment fallback. */
function settingAttribute(key: SettingKey): AttributeSpec {
  const meta = metaOf(SETTINGS[key]);
  const env = meta.env?.length ? ` Falls back to ${meta.env.join(", ")}.` : "";
  return {
    // The endpoints of every service, as terraform-provider-huaweicloud takes them.
    type: meta.map ? ["map", "string"] : ctyTypeOf(SETTINGS[key]),
    description: `${documented(meta)}${env}`,
    ...(meta.required ? { required: true as const } : { optional: true as const }),
    ...(meta.secret && { sensitive: true as const }),
  };
}

/** The settings a block holds, by their Terraform names. */
function settingAttributes(keys: readonly SettingKey[]): { [name: string]: AttributeSpec } {
  return Object.fromEntries(keys.map((key) => [metaOf(SETTINGS[key]).terraform!, settingAttribute(key)]));
}

/** The provider block's settings: every setting with a Terraform name, apart from blocks and their fields. */
const PROVIDER_SETTINGS = (Object.keys(SETTINGS) as SettingKey[]).filter(
  (key) =>
    metaOf(SETTINGS[key]).terraform !== undefined &&
    metaOf(SETTINGS[key]).block === undefined &&
    blockOf(key) === undefined,
);

/** The provider block: terraform-provider-huaweicloud's names, each falling back to the `HW_*` variables. */
export const PROVIDER_BLOCK: BlockSpec = {
  description: "Where and as whom the data sources reach the ModelArts API.",
  attributes: settingAttributes(PROVIDER_SETTINGS),
  blocks: Object.fromEntries(
    BLOCK_KEYS.map((block) => [
      metaOf(SETTINGS[block]).terraform!,
      {
        description: metaOf(SETTINGS[block]).description,
        attributes: settingAttributes(fieldsOf(block)),
        ...(metaOf(SETTINGS[block]).repeated && { list: true }),
      },
    ]),
  ),
};

/**
 * The texts of a provider block that hold a secret, its nested blocks' included (an OIDC id token):
 * those of the attributes the description marks secret (sensitive in the schema).
 */
export function sensitiveValues(block: CtyObject): string[] {
  const of = (spec: BlockSpec, values: CtyObject): string[] => [
    ...Object.entries(spec.attributes).flatMap(([name, attribute]) =>
      attribute.sensitive && typeof values[name] === "string" ? [values[name] as string] : [],
    ),
    ...Object.entries(spec.blocks ?? {}).flatMap(([name, nested]) => {
      const value = values[name];
      // A repeated block's values are a list of objects.
      return (Array.isArray(value) ? value : [value]).flatMap((one) =>
        one !== null && typeof one === "object" && !Array.isArray(one) ? of(nested, one as CtyObject) : [],
      );
    }),
  ];
  return of(PROVIDER_BLOCK, block);
}

/** A job field's description as Terraform shows it, from the description. */
function jobDescription(key: JobFieldKey): string {
  const meta = metaOf(JOB_FIELDS[key]);
  return meta.terraformDescription ?? meta.description;
}

/** How a job's field appears in Terraform: its attribute, type, description and value. */
interface JobAttribute {
  readonly name: string;
  readonly type: CtyType;
  readonly description: string;
  readonly value: (job: VisualizationJob) => CtyValue;
}

/** How Terraform holds a value of one kind: its type, and the value from the lookup's. */
interface CtyShape {
  readonly type: CtyType;
  readonly value: (v: never) => CtyValue;
}

/**
 * How Terraform shows a job field, by its kind: ids as strings, as every id is in Terraform
 * (`for_each = toset(...ids)`); a time as RFC 3339; a flavor as its code; a field the API did not
 * report as null. A schedule's rules are for reading by a person (remaining_duration is what a
 * configuration can use), so the description gives it no Terraform name.
 */
const JOB_KINDS: Readonly<Record<FieldKind, CtyShape>> = {
  id: { type: "string", value: (id: number) => String(id) },
  integer: { type: "number", value: (n: number) => n },
  number: { type: "number", value: (n: number | undefined) => n ?? null },
  string: { type: "string", value: (text: string | undefined) => text ?? null },
  statusName: { type: "string", value: (name: string) => name },
  epochMs: { type: "string", value: (ms: number) => new Date(ms).toISOString() },
  flavor: { type: "string", value: (flavor: JobFlavor | undefined) => flavor?.code ?? null },
  schedule: { type: ["list", "string"], value: () => null },
};

/** The job fields Terraform shows (those with a Terraform name), in the description's order. */
export const SHOWN_JOB_ATTRIBUTES: readonly JobAttribute[] = (
  Object.keys(JOB_FIELDS) as JobFieldKey[]
).flatMap((key) => {
  const meta = metaOf(JOB_FIELDS[key]);
  if (meta.terraform === undefined) return [];
  const { type, value } = JOB_KINDS[meta.kind!];
  return [
    {
      name: meta.terraform,
      description: jobDescription(key),
      type,
      value: (job) => value(job[key] as never),
    },
  ];
});

/** A job as a Terraform object. */
export function jobObject(job: VisualizationJob): CtyObject {
  return Object.fromEntries(SHOWN_JOB_ATTRIBUTES.map((a) => [a.name, a.value(job)]));
}

/** The object type of a job. */
export const JOB_TYPE: CtyType = [
  "object",
  Object.fromEntries(SHOWN_JOB_ATTRIBUTES.map((a) => [a.name, a.type])),
];

/**
 * Each lookup argument's Terraform attributes, from the description; an empty list for those the
 * provider block or the provider itself decides (the project and endpoint come from the provider,
 * pages are its business). An argument that takes a list is also that list, in Terraform's style
 * (`status` and `statuses`).
 */
export const ARGUMENT_ATTRIBUTES = Object.fromEntries(
  ARGUMENT_KEYS.map((key): [ArgumentKey, readonly string[]] => {
    const { terraform, list } = metaOf(ARGUMENTS[key]);
    return [
      key,
      terraform === undefined ? [] : list === undefined ? [terraform] : [terraform, list.terraform],
    ];
  }),
) as unknown as Readonly<Record<ArgumentKey, readonly string[]>>;

/** The filters both data sources take: each argument with a Terraform name but those the provider defaults. */
const FILTERS: { readonly [name: string]: AttributeSpec } = Object.fromEntries(
  ARGUMENT_KEYS.filter(
    (key) => metaOf(ARGUMENTS[key]).terraform !== undefined && !metaOf(ARGUMENTS[key]).providerDefault,
  ).flatMap((key): Array<[string, AttributeSpec]> => {
    const meta = metaOf(ARGUMENTS[key]);
    if (meta.list === undefined)
      return [[meta.terraform!, optional(ctyTypeOf(ARGUMENTS[key]), documented(meta))]];
    return [
      [meta.terraform!, optional("string", meta.list.one)],
      [meta.list.terraform, optional(LIST_OF_STRINGS, meta.list.several)],
    ];
  }),
);

/** The arguments whose default is the provider's setting, by their Terraform names. */
export const PROVIDER_DEFAULTED = ARGUMENT_KEYS.filter((key) => metaOf(ARGUMENTS[key]).providerDefault).map(
  (key) => ({ key, name: metaOf(ARGUMENTS[key]).terraform! }),
);

/** Their attributes: optional, and computed, so that the value used is shown. */
const DEFAULTED_ATTRIBUTES: { readonly [name: string]: AttributeSpec } = Object.fromEntries(
  PROVIDER_DEFAULTED.map(({ key, name }) => [
    name,
    {
      type: ctyTypeOf(ARGUMENTS[key]),
      description: `${metaOf(ARGUMENTS[key]).description} Default the provider's.`,
      optional: true,
      computed: true,
    },
  ]),
);

/**
 * How Terraform holds a result field, by its TypeScript type in the description: its type and its
 * value. A list of numbers is a list of ids, which Terraform holds as strings, as every id is in
 * Terraform.
 */
const RESULT_SHAPES: Readonly<Record<string, CtyShape>> = {
  "VisualizationJob[]": {
    type: ["list", JOB_TYPE],
    value: (jobs: VisualizationJob[]) => jobs.map(jobObject),
  },
  "number[]": { type: LIST_OF_STRINGS, value: (ids: number[]) => ids.map(String) },
  "string[]": { type: LIST_OF_STRINGS, value: (texts: string[]) => texts },
  number: { type: "number", value: (n: number) => n },
};

/** The result fields Terraform shows: those with a Terraform name, each with its shape. */
const SHOWN_RESULT_FIELDS = RESULT_FIELD_KEYS.flatMap((key) => {
  const meta = metaOf(RESULT_FIELDS[key]);
  return meta.terraform === undefined
    ? []
    : [{ key, name: meta.terraform, meta, ...RESULT_SHAPES[meta.tsType!]! }];
});

/** The result's attributes. */
const RESULT_ATTRIBUTES: { readonly [name: string]: AttributeSpec } = Object.fromEntries(
  SHOWN_RESULT_FIELDS.map((f) => [f.name, computed(f.type, f.meta.description)]),
);

/** A lookup's result as Terraform's attributes. */
export function resultObject(result: VisualizationJobsResult): CtyObject {
  return Object.fromEntries(SHOWN_RESULT_FIELDS.map((f) => [f.name, f.value(result[f.key] as never)]));
}

/** `modelarts_visualization_jobs`: the jobs that match, and lists of their ids, names and URLs. */
export const JOBS_DATA_SOURCE: BlockSpec = {
  description: "Looks up ModelArts visualization jobs (TensorBoard / MindInsight) by name or status.",
  attributes: {
    ...DEFAULTED_ATTRIBUTES,
    ...FILTERS,
    id: computed("string", "A hash of the query: the same arguments give the same id."),
    ...RESULT_ATTRIBUTES,
  },
};

/** The one job's attributes at the top level; a filter of the same name is also what the job has. */
function singleJobAttributes(): { [name: string]: AttributeSpec } {
  const out: { [name: string]: AttributeSpec } = { ...DEFAULTED_ATTRIBUTES, ...FILTERS };
  for (const a of SHOWN_JOB_ATTRIBUTES) {
    const filter = FILTERS[a.name];
    out[a.name] =
      filter === undefined
        ? computed(a.type, a.description)
        : { ...filter, computed: true, description: `${filter.description} Then: ${a.description}` };
  }
  return out;
}

/** `modelarts_visualization_job`: exactly one job, its attributes at the top level. */
export const JOB_DATA_SOURCE: BlockSpec = {
  description: "Looks up exactly one ModelArts visualization job; none or several matches are an error.",
  attributes: singleJobAttributes(),
};

/** The data sources, by type name. */
export const DATA_SOURCES: { readonly [typeName: string]: BlockSpec } = {
  modelarts_visualization_jobs: JOBS_DATA_SOURCE,
  modelarts_visualization_job: JOB_DATA_SOURCE,
};

/** The object type of a block's values, nested blocks included. */
export function blockType(block: BlockSpec): CtyType {
  const attributes: { [name: string]: CtyType } = {};
  for (const [name, spec] of Object.entries(block.attributes)) attributes[name] = spec.type;
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    attributes[name] = nested.list ? ["list", blockType(nested)] : blockType(nested);
  }
  return ["object", attributes];
}
