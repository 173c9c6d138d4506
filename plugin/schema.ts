/**
 * The Pulumi package schema of the `modelarts` plugin: the one description of its surface, from
 * which `schema.json` (for Pulumi's code generators) is written and which the plugin serves. Its
 * tables are keyed by the TypeScript types (`satisfies Record<keyof ...>`), so a field added to the
 * arguments, the result or a job and not here is a compile error; test/unit/plugin/schema.test.ts
 * checks the types of the values a real lookup returns against it.
 */
// The provider's own modules, not the package root: the plugin must not load the TypeScript SDK,
// and with it all of @pulumi/pulumi, before it serves its first request.

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
  type ResultFieldKey,
  SETTINGS,
  valueType,
} from "../provider/wire/description";
import type { SettingKey } from "../provider/wire/entryKeys.generated";
import type { VisualizationJob } from "../provider/wire/job.generated";
import type { JobFlavor, JobSchedule } from "../provider/wire/jobParts";
import type { LookupDrift } from "../provider/wire/model";

/** A property of the schema (the subset this package uses). */
export interface PropertySpec {
  readonly type?: "string" | "integer" | "number" | "boolean" | "array" | "object";
  readonly items?: PropertySpec;
  readonly $ref?: string;
  readonly description?: string;
  readonly secret?: boolean;
  readonly defaultInfo?: { readonly environment: readonly string[] };
}

/** Where the engine downloads the plugin's release tarballs (GitHub releases of the repository). */
export const PLUGIN_DOWNLOAD_URL = "github://api.github.com/pulumi-modelarts";

/** The package name, and the module of every token. */
export const PACKAGE = "modelarts";
const MODULE = `${PACKAGE}:index`;

/** The tokens of the plugin's functions, resource and types. */
export const TOKENS = {
  getVisualizationJobs: `${MODULE}:getVisualizationJobs`,
  getVisualizationJob: `${MODULE}:getVisualizationJob`,
  lookup: `${MODULE}:VisualizationJobsLookup`,
  job: `${MODULE}:VisualizationJob`,
  flavor: `${MODULE}:JobFlavor`,
  schedule: `${MODULE}:JobSchedule`,
  drift: `${MODULE}:LookupDrift`,
} as const;

const ref = (token: string): PropertySpec => ({ $ref: `#/types/${token}` });
const string = (description: string): PropertySpec => ({ type: "string", description });
const arrayOf = (items: PropertySpec, description: string): PropertySpec => ({
  type: "array",
  items,
  description,
});

/** A setting's or argument's schema type in Pulumi's terms. */
function pulumiType(schema: Parameters<typeof valueType>[0]): PropertySpec["type"] {
  const type = valueType(schema);
  return type === "integer" || type === "boolean" || type === "number" ? type : "string";
}

/** The enum token of a split argument's values (`modelarts:index:JobStatus`). */
const enumToken = (name: string) => `${MODULE}:${name}`;

/**
 * The lookup's arguments, from the description. One that takes a value or a list is two here, as
 * in Terraform: the value, typed by its enum (so Go's `Status: "RUNING"` does not compile), and the
 * list (`statuses`): a "value or list" union would be `interface{}` in Go and `Any` in Python.
 */
export const ARGUMENT_PROPERTIES: Readonly<Record<string, PropertySpec>> = Object.fromEntries(
  ARGUMENT_KEYS.flatMap((key): Array<[string, PropertySpec]> => {
    const meta = metaOf(ARGUMENTS[key]);
    if (meta.list === undefined)
      return [[key, { type: pulumiType(ARGUMENTS[key]), description: documented(meta) }]];
    const item = ref(enumToken(meta.list.enum.name));
    return [
      [key, { ...item, description: meta.list.one }],
      [meta.list.name, arrayOf(item, meta.list.several)],
    ];
  }),
);

/** Each split argument's enum, as a schema type: members named in PascalCase (`SubmitTrying`). */
const ENUM_TYPES = Object.fromEntries(
  ARGUMENT_KEYS.flatMap((key) => {
    const list = metaOf(ARGUMENTS[key]).list;
    if (list === undefined) return [];
    const members = list.enum.values.map((value) => ({ name: pascalCase(value), value }));
    return [
      [enumToken(list.enum.name), { type: "string", description: list.enum.description, enum: members }],
    ];
  }),
);

/** `SUBMIT_TRYING` as `SubmitTrying`: Go's constant is then `JobStatusSubmitTrying`, Python's `SUBMIT_TRYING`. */
function pascalCase(name: string): string {
  return name
    .toLowerCase()
    .split("_")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}

/** A job field's type in Pulumi's terms, by its kind. */
const JOB_TYPES: Readonly<Record<FieldKind, Omit<PropertySpec, "description">>> = {
  id: { type: "integer" },
  integer: { type: "integer" },
  number: { type: "number" },
  string: { type: "string" },
  statusName: { type: "string" },
  epochMs: { type: "integer" },
  flavor: ref(TOKENS.flavor),
  schedule: { type: "array", items: ref(TOKENS.schedule) },
};

/** A job's fields: each one's type by its kind, and its text, from the description. */
export const JOB_PROPERTIES = Object.fromEntries(
  Object.entries(JOB_FIELDS).map(([key, schema]) => {
    const meta = metaOf(schema);
    return [key, { ...JOB_TYPES[meta.kind!], description: meta.description }];
  }),
) as Readonly<Record<keyof VisualizationJob, PropertySpec>>;

const FLAVOR_PROPERTIES = {
  code: string('The flavor code, e.g. "modelarts.vm.cpu.2u".'),
} as const satisfies Record<keyof JobFlavor, PropertySpec>;

const SCHEDULE_PROPERTIES = {
  type: string('The rule, e.g. "stop".'),
  timeUnit: string('The unit of duration, e.g. "HOURS".'),
  duration: { type: "number", description: "How long, in timeUnit." },
} as const satisfies Record<keyof JobSchedule, PropertySpec>;

const DRIFT_PROPERTIES = {
  appeared: arrayOf({ type: "integer" }, "Jobs that match now and did not before."),
  disappeared: arrayOf({ type: "integer" }, "Jobs that matched before and do not now."),
  changed: arrayOf({ type: "integer" }, "Jobs that match still, with another status, name or service URL."),
} as const satisfies Record<keyof LookupDrift, PropertySpec>;

/** A result field's type in Pulumi's terms, by its TypeScript type in the description. */
const RESULT_TYPES: Readonly<Record<string, Omit<PropertySpec, "description">>> = {
  "VisualizationJob[]": { type: "array", items: ref(TOKENS.job) },
  "number[]": { type: "array", items: { type: "integer" } },
  "string[]": { type: "array", items: { type: "string" } },
  number: { type: "integer" },
};

/** A lookup's result: each field's type and text from the description. */
export const RESULT_PROPERTIES = Object.fromEntries(
  RESULT_FIELD_KEYS.map((key) => {
    const meta = metaOf(RESULT_FIELDS[key]);
    return [key, { ...RESULT_TYPES[meta.tsType!]!, description: meta.description }];
  }),
) as Readonly<Record<ResultFieldKey, PropertySpec>>;

/** The result fields that are always there: those the description marks required. */
const REQUIRED_RESULT = RESULT_FIELD_KEYS.filter((key) => metaOf(RESULT_FIELDS[key]).required);
/** The job fields that are always there: those the description marks required. */
const REQUIRED_JOB = Object.keys(JOB_FIELDS).filter((key) => metaOf(JOB_FIELDS[key as JobFieldKey]).required);

/** A setting as a property of the plugin's config, by the description. */
function settingProperty(key: SettingKey): PropertySpec {
  const meta = metaOf(SETTINGS[key]);
  return {
    type: pulumiType(SETTINGS[key]),
    description: documented(meta),
    ...(meta.secret && { secret: true }),
    ...(meta.env?.length && { defaultInfo: { environment: meta.env } }),
  };
}

/** A block's type token: `modelarts:index:AssumeRole`, `modelarts:index:AssumeRoleWithOidc`. */
const blockToken = (block: SettingKey) => {
  const name = metaOf(SETTINGS[block]).plugin!;
  return `${MODULE}:${name.charAt(0).toUpperCase()}${name.slice(1)}`;
};

/** A block's object type, as its stack-config object takes it: its fields, and those the description marks required. */
function blockType(block: SettingKey) {
  const fields = fieldsOf(block);
  const properties = Object.fromEntries(
    fields.map((key) => {
      const { defaultInfo: _, ...property } = settingProperty(key);
      return [metaOf(SETTINGS[key]).plugin!, property];
    }),
  );
  const required = fields
    .filter((key) => metaOf(SETTINGS[key]).required)
    .map((key) => metaOf(SETTINGS[key]).plugin!);
  return objectType(metaOf(SETTINGS[block]).description, properties, required);
}

/**
 * The provider's configuration: `modelarts:<key>` in stack config, or a provider resource's
 * arguments, for every setting the description gives a plugin name. Each falls back to the
 * environment names the TypeScript functions read; a block's fields, to theirs.
 */
export const CONFIG_PROPERTIES: Readonly<Record<string, PropertySpec>> = Object.fromEntries(
  (Object.keys(SETTINGS) as SettingKey[])
    .filter((key) => metaOf(SETTINGS[key]).plugin !== undefined && blockOf(key) === undefined)
    .map((key): [string, PropertySpec] => {
      const meta = metaOf(SETTINGS[key]);
      if (meta.block === undefined) return [meta.plugin!, settingProperty(key)];
      const env = fieldsOf(key).flatMap((field) => metaOf(SETTINGS[field]).env ?? []);
      const description = `${meta.description} Environment: ${env.join(", ")}.`;
      // A chain is a list; stack config may still give one object, which the plugin reads as one hop.
      return [
        meta.plugin!,
        meta.repeated ? arrayOf(ref(blockToken(key)), description) : { ...ref(blockToken(key)), description },
      ];
    }),
);

const objectType = (
  description: string,
  properties: Record<string, PropertySpec>,
  required: string[] = [],
) => ({
  type: "object",
  description,
  properties,
  ...(required.length > 0 && { required }),
});

/** The whole schema, for the plugin's version. */
export function packageSchema(version: string): Record<string, unknown> {
  return {
    name: PACKAGE,
    displayName: "Huawei Cloud ModelArts visualization jobs",
    version,
    description:
      "Look up Huawei Cloud ModelArts visualization jobs (TensorBoard / MindInsight) by name, pattern or status.",
    keywords: ["pulumi", "huaweicloud", "modelarts", "tensorboard", "category/cloud"],
    license: "Apache-2.0",
    repository: "https://github.com/pulumi-modelarts/pulumi-modelarts",
    // Where `npm run release`'s tarballs are published: GitHub releases of
    // pulumi-modelarts/pulumi-modelarts. Generated SDKs carry it, so the engine installs the plugin itself.
    pluginDownloadURL: PLUGIN_DOWNLOAD_URL,
    config: { variables: CONFIG_PROPERTIES },
    provider: {
      description: "The modelarts provider: where and as whom lookups reach the ModelArts API.",
      inputProperties: CONFIG_PROPERTIES,
    },
    types: {
      ...ENUM_TYPES,
      [TOKENS.job]: objectType("One ModelArts visualization job.", JOB_PROPERTIES, REQUIRED_JOB),
      [TOKENS.flavor]: objectType("A job's flavor (machine type).", FLAVOR_PROPERTIES, ["code"]),
      [TOKENS.schedule]: objectType("One rule of a job's schedule.", SCHEDULE_PROPERTIES),
      ...Object.fromEntries(BLOCK_KEYS.map((block) => [blockToken(block), blockType(block)])),
      [TOKENS.drift]: objectType("What a refresh found changed, by job id.", DRIFT_PROPERTIES, [
        "appeared",
        "disappeared",
        "changed",
      ]),
    },
    functions: {
      [TOKENS.getVisualizationJobs]: {
        description: "Looks up visualization jobs: every page, filtered, ordered and limited as asked.",
        inputs: { properties: ARGUMENT_PROPERTIES },
        outputs: { properties: RESULT_PROPERTIES, required: REQUIRED_RESULT },
      },
      [TOKENS.getVisualizationJob]: {
        description: "Looks up exactly one visualization job; zero or several matches are an error.",
        inputs: { properties: ARGUMENT_PROPERTIES },
        outputs: { properties: JOB_PROPERTIES, required: REQUIRED_JOB },
      },
    },
    resources: {
      [TOKENS.lookup]: {
        description:
          "A lookup kept in the stack's state: create, update and refresh run it; a refresh that finds the jobs changed records drift; delete only forgets.",
        inputProperties: ARGUMENT_PROPERTIES,
        properties: {
          ...ARGUMENT_PROPERTIES,
          ...RESULT_PROPERTIES,
          drift: {
            ...ref(TOKENS.drift),
            description: "What the last refresh found changed; empty lists after an up.",
          },
        },
        required: [...REQUIRED_RESULT, "drift"],
      },
    },
    language: {
      go: {
        importBasePath: "github.com/pulumi-modelarts/pulumi-modelarts/sdk/go/modelarts",
        generateResourceContainerTypes: true,
        // pulumi-plugin.json names the version, so the engine installs this plugin's version.
        respectSchemaVersion: true,
      },
      nodejs: { packageName: "pulumi-modelarts" },
      python: {
        packageName: "pulumi_modelarts",
        // Installed as `pulumi-modelarts`; the version is the schema's (not a placeholder).
        respectSchemaVersion: true,
        pyproject: { enabled: true },
        pythonRequires: ">=3.9",
        requires: { pulumi: ">=3.165.0,<4.0.0" },
        readme:
          "Look up Huawei Cloud ModelArts visualization jobs (TensorBoard / MindInsight) by name, pattern or status from Pulumi programs in Python, and use their service URLs.",
      },
    },
  };
}
