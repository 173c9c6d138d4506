/**
 * The one description of the package's surface: every lookup argument, every job field and every
 * setting, as zod 4 schemas with their metadata. The checks use these schemas; `npm run generate`
 * writes everything derived from them (plugin/schema.json and the SDKs, docs/terraform/, the tables of
 * docs/, the command line's help), and the Terraform schema and the plugin's are built from them at
 * start. Adding an argument is one entry here, plus the code that uses it.
 *
 * zod/mini, not zod: its functions are tree-shaken by the release's bundler, and it loads in about
 * half the time (`npm run bench`, "require").
 */
import * as z from "zod/mini";
import { ENDPOINT_RULE, endpointProblem, TOKEN_SERVICE_RULE } from "./endpointUrl";
import type { ArgumentKey, SettingKey } from "./entryKeys.generated";
import {
  DEFAULT_TIMEOUT_SECONDS,
  DOCUMENTED_SEARCH_CONTENT,
  MAX_NAME_REGEX,
  MAX_NAME_REGEX_REPEATS,
  MAX_PAGE_SIZE,
  MAX_SEARCH_CONTENT,
  MAX_TIMEOUT_SECONDS,
  PROJECT_ID_PATTERN,
  SORT_FIELDS,
} from "./model";
import { isValidNamePattern, repetitionTotal } from "./namePattern";
import { DEFAULT_SIGNING_ALGORITHM, SIGNING_ALGORITHMS, type SigningAlgorithm } from "./signer";
import { JobStatus, parseJobStatus } from "./status";

/** The latest instant a JavaScript Date (and so an RFC 3339 rendering) can hold, in epoch ms. */
export const MAX_EPOCH_MS = 8_640_000_000_000_000;

export type { ArgumentKey, SettingKey } from "./entryKeys.generated";

/** Where a name or a message is shown: each surface names things its own way. */
export const SURFACES = ["typescript", "plugin", "terraform", "cli"] as const;

/**
 * How a job field's value is held, whatever its name: an id (Terraform holds ids as strings), a
 * whole or fractional number, text, a status name, a time in epoch milliseconds (Terraform shows RFC
 * 3339), a flavor object, or a schedule (a list of rules).
 */
export type FieldKind =
  | "id"
  | "integer"
  | "number"
  | "string"
  | "statusName"
  | "epochMs"
  | "flavor"
  | "schedule";

/** What every entry says of itself, on every surface. */
export interface EntryMeta {
  /** The one description, for every surface's docs. */
  readonly description: string;
  /** What a valid value is, as an error says it after "must be": `an integer from 1 to 1000`. */
  readonly rule: string;
  /** The default, when there is one: the value the code applies, and the docs show. */
  readonly default?: string | number | boolean;
  /** Whether the value is a secret: marked so in every schema, never shown in a message. */
  readonly secret?: boolean;
  /** Its name in Terraform (snake_case); absent when Terraform users do not set or see it. */
  readonly terraform?: string;
  /** Its command-line option, without the dashes; absent when the command line has none. */
  readonly flag?: string;
  /** Terraform's own description, where Terraform shows the value otherwise (a time as RFC 3339). */
  readonly terraformDescription?: string;
  /** An argument's TypeScript type, as the public argument type declares it. */
  readonly tsType?: string;
  /** A job field's name in the API's JSON (`job_id`); absent for a field made from others. */
  readonly wire?: string;
  /** A job's or a result's field that every lookup gives (an optional one when the API reports it). */
  readonly required?: boolean;
  /** How a job field's value is held; each surface renders a kind its own way. */
  readonly kind?: FieldKind;
  /**
   * An argument that takes one value or a list of them. The command line repeats its flag; the
   * plugin and Terraform, whose types cannot say "a value or a list", split it into the value
   * (typed, an enum in Go and Python) and a list of its own, whose union is the argument.
   */
  readonly list?: {
    /** The list's name in the plugin's schema. */
    readonly name: string;
    /** Its name in Terraform. */
    readonly terraform: string;
    /** What the single value is, where the list is split off. */
    readonly one: string;
    /** What the list is. */
    readonly several: string;
    /** The enum the plugin's schema types each value by (Go's typed constants, Python's `str` enum). */
    readonly enum: {
      readonly name: string;
      readonly description: string;
      readonly values: readonly string[];
    };
  };
  /** A setting that stack config and Terraform take as a map by service (the plugin, one URL). */
  readonly map?: boolean;
  /**
   * An endpoint's key in that map (`modelarts`, `sts`): stack config and Terraform give it there;
   * the plugin and the environment give the URL itself.
   */
  readonly inMap?: string;
  /**
   * A setting that is a block of other settings (an agency; OIDC federation): its fields, each a
   * setting, by key, in order. Stack config and the plugin take it as an object, Terraform as a block.
   */
  readonly block?: readonly string[];
  /**
   * A block that may be given several times, in order (an agency chain): stack config and the plugin
   * take a list of objects (one object is one), Terraform repeated blocks.
   */
  readonly repeated?: boolean;
  /** An argument whose default is the provider's setting: Terraform shows the value used. */
  readonly providerDefault?: boolean;
  /** A setting's key in stack config after `huaweicloud:` (pulumi-huaweicloud's), when it has one. */
  readonly config?: string;
  /** A setting's key in the plugin's config after `modelarts:`, when it has one. */
  readonly plugin?: string;
  /** A setting's environment variables, first found wins. */
  readonly env?: readonly string[];
}

/** The registry of every entry's metadata: the schemas are the keys. */
const DESCRIPTION = z.registry<EntryMeta>();

/** A schema with its metadata registered: each entry's schema is its own object, the registry's key. */
function described<S extends z.ZodMiniType>(schema: S, meta: EntryMeta): S {
  if (DESCRIPTION.has(schema)) throw new Error(`one schema is described twice: ${meta.description}`);
  DESCRIPTION.add(schema, meta);
  return schema;
}

/** The metadata of a described schema. */
export function metaOf(schema: z.ZodMiniType): EntryMeta {
  const meta = DESCRIPTION.get(schema);
  if (meta === undefined) throw new Error("a schema of the description has no metadata");
  return meta;
}

// --- Lookup arguments --------------------------------------------------------------------------

/** How many statuses exist: a list naming each once holds no more. */
const STATUS_COUNT = Object.keys(JobStatus).length;

const STATUS_NAMES = Object.keys(JobStatus).join(", ");

/**
 * What one status may be, in words every surface shares: where a surface takes only one (Terraform's
 * `status`, beside its `statuses` list), it says this, not the description's "or several".
 */
const ONE_STATUS_TEXT = `a name such as "RUNNING" (any case, with or without "JOBSTAT_") or a code such as 8. Names: ${STATUS_NAMES}`;

/** One status, a name in any case (with or without `JOBSTAT_`) or a code, as a number or text. */
const oneStatus = z.union([z.string(), z.number()]).check(z.refine((v) => parseJobStatus(v) !== undefined));

/** A status's code when it repeats an earlier one of the list. */
const noRepeat = z.superRefine((list: Array<string | number>, ctx) => {
  const seen = new Map<number, string | number>();
  list.forEach((value, i) => {
    const code = parseJobStatus(value);
    if (code === undefined) return; // refused as a status already
    const first = seen.get(code);
    if (first === undefined) {
      seen.set(code, value);
      return;
    }
    ctx.issues.push({ code: "custom", input: value, path: [i], message: "repeat", params: { first, code } });
  });
});

/**
 * A status, or a list of them: as a list, its length is checked before any element (1.3 million
 * elements, each refused on its own, took 28 s), then each element, then repeats.
 */
const statusSchema = z.pipe(
  z.transform((v: unknown) => (Array.isArray(v) ? v : [v])),
  z.pipe(
    z.array(z.unknown()).check(z.minLength(1), z.maxLength(STATUS_COUNT)),
    z.array(oneStatus).check(noRepeat),
  ),
);

const nonEmpty = () => z.string().check(z.minLength(1));
const intRange = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));

/** Every lookup argument, by its Pulumi name (camelCase; Go and Python names follow by codegen). */
export const ARGUMENTS = {
  status: described(statusSchema, {
    description: `A status, or several (their union), each ${ONE_STATUS_TEXT}. A list names each status once.`,
    rule: `a status name such as "RUNNING" or a code from 0 to ${STATUS_COUNT - 1}, or a list of them`,
    tsType: "JobStatusInput | readonly JobStatusInput[]",
    terraform: "status",
    list: {
      name: "statuses",
      terraform: "statuses",
      one: `One status: ${ONE_STATUS_TEXT}. For several, use statuses.`,
      several:
        "Several statuses, names or codes: jobs in any of them. With status, the union of both. An empty list is an error, not every status; so is a status named twice.",
      enum: {
        name: "JobStatus",
        description:
          'A job status by its name. The plugin also takes a code as text ("8") and a name in any case, where a language lets one be given.',
        values: Object.keys(JobStatus),
      },
    },
    flag: "status",
  }),
  name: described(nonEmpty(), {
    description: "The exact job name.",
    rule: "a non-empty string",
    tsType: "string",
    terraform: "name",
    flag: "name",
  }),
  nameRegex: described(
    // The length first: compiling megabytes of pattern to find it too long cost seconds and gigabytes.
    // So is the repetitions' total: RE2 compiles each counted repetition into copies.
    nonEmpty().check(
      z.maxLength(MAX_NAME_REGEX, { abort: true }),
      z.refine((source) => repetitionTotal(source) <= MAX_NAME_REGEX_REPEATS, { abort: true }),
      z.refine(isValidNamePattern),
    ),
    {
      description: `A regular expression matched against the job name, anywhere in it unless anchored. RE2 syntax (JavaScript's without lookaround or backreferences), matched in linear time; at most ${MAX_NAME_REGEX} characters, whose counted repetitions ({n}, {m,n}) add up to at most ${MAX_NAME_REGEX_REPEATS}.`,
      rule: `a non-empty, valid RE2 regular expression of at most ${MAX_NAME_REGEX} characters whose counted repetitions add up to at most ${MAX_NAME_REGEX_REPEATS} (JavaScript syntax without lookaround or backreferences)`,
      tsType: "string",
      terraform: "name_regex",
      flag: "name-regex",
    },
  ),
  searchContent: described(z.string().check(z.maxLength(MAX_SEARCH_CONTENT)), {
    description: `Server-side search text, matched against the job name: at most ${MAX_SEARCH_CONTENT} characters (some servers take only ${DOCUMENTED_SEARCH_CONTENT}).`,
    rule: `a string of at most ${MAX_SEARCH_CONTENT} characters`,
    tsType: "string",
    terraform: "search_content",
    flag: "search",
  }),
  workspaceId: described(nonEmpty().check(z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/)), {
    description: "The workspace.",
    rule: "a string of 1 to 64 letters, digits, '-' and '_'",
    tsType: "string",
    default: "0",
    terraform: "workspace_id",
    flag: "workspace-id",
  }),
  sortBy: described(z.enum(SORT_FIELDS), {
    description: `The sort field: ${SORT_FIELDS.map((f) => `"${f}"`).join(", ")}.`,
    rule: `one of ${SORT_FIELDS.map((f) => `"${f}"`).join(", ")}`,
    tsType: "SortField",
    default: "job_id",
    terraform: "sort_by",
    flag: "sort-by",
  }),
  order: described(z.enum(["asc", "desc"]), {
    description: 'The sort direction: "asc" or "desc".',
    rule: '"asc" or "desc"',
    tsType: "SortOrder",
    default: "asc",
    terraform: "order",
    flag: "order",
  }),
  limit: described(intRange(1, Number.MAX_SAFE_INTEGER), {
    description: "At most this many jobs, after all filters.",
    rule: "an integer of at least 1",
    tsType: "number",
    terraform: "limit",
    flag: "limit",
  }),
  pageSize: described(intRange(1, MAX_PAGE_SIZE), {
    description: `Jobs asked for per request, 1 to ${MAX_PAGE_SIZE}.`,
    rule: `an integer from 1 to ${MAX_PAGE_SIZE}`,
    tsType: "number",
    default: MAX_PAGE_SIZE,
    flag: "page-size",
  }),
  region: described(nonEmpty(), {
    description: "Overrides the configured region for this call.",
    rule: "a non-empty string",
    tsType: "string",
    terraform: "region",
    providerDefault: true,
  }),
  projectId: described(nonEmpty(), {
    description: "Overrides the configured project id for this call.",
    rule: "a non-empty string",
    tsType: "string",
  }),
  endpoint: described(nonEmpty(), {
    description: "Overrides the configured ModelArts endpoint for this call.",
    rule: "a non-empty string",
    tsType: "string",
  }),
  timeoutSeconds: described(intRange(1, MAX_TIMEOUT_SECONDS), {
    description: `How long the whole lookup may take, in seconds (1 to ${MAX_TIMEOUT_SECONDS}), every page and retry included; default HW_MODELARTS_TIMEOUT, else ${DEFAULT_TIMEOUT_SECONDS}. Past it the lookup fails with a timeout error.`,
    rule: `an integer from 1 to ${MAX_TIMEOUT_SECONDS}`,
    tsType: "number",
    flag: "timeout",
  }),
} as const satisfies Record<string, z.ZodMiniType>;

/** The names of the lookup's arguments, in the description's order. */
export const ARGUMENT_KEYS = Object.keys(ARGUMENTS) as readonly ArgumentKey[];

// --- Job fields -----------------------------------------------------------------------------------

/** An integer as the API may send it: a number, or a numeric string (`"job_id": "10"`). */
const wireInt = () =>
  z.union([
    z.int(),
    z.string().check(
      z.regex(/^-?\d{1,16}$/),
      z.refine((v) => Number.isSafeInteger(Number(v))),
    ),
  ]);
const wireText = () => z.nullish(z.string());
/** A number that may have a fraction (the Python SDK types `remaining_duration` as a float). */
const wireNumber = () =>
  z.nullish(z.union([z.number(), z.string().check(z.regex(/^-?\d{1,16}(\.\d{1,9})?$/))]));
const INT_RULE = "an integer or a numeric string";

/** One rule of a schedule: its unit is `timeUnit`, or `time_unit` where that is absent. */
const scheduleRule = () =>
  z.looseObject({ type: wireText(), duration: wireNumber() }).check(
    z.refine((rule) => {
      const unit = (rule as Record<string, unknown>).timeUnit ?? (rule as Record<string, unknown>).time_unit;
      return unit === undefined || unit === null || typeof unit === "string";
    }),
  );

/**
 * Every field of a job, by its Pulumi name, with the schema of its value in the API's JSON (lenient:
 * numbers may come as numeric strings, absent text is ""). The listing maps pages with a hand-written
 * fast path (boundary/responseBodies.ts) that a test holds equal to these schemas.
 */
export const JOB_FIELDS = {
  jobId: described(wireInt(), {
    kind: "id",
    required: true,
    description: "The job's id.",
    rule: INT_RULE,
    wire: "job_id",
    terraform: "id",
  }),
  jobName: described(z.string(), {
    kind: "string",
    required: true,
    description: "The job's name.",
    rule: "a string",
    wire: "job_name",
    terraform: "name",
  }),
  jobDesc: described(wireText(), {
    kind: "string",
    required: true,
    description: 'The description; "" when the job has none.',
    rule: "a string",
    wire: "job_desc",
    terraform: "description",
  }),
  statusName: described(z.string(), {
    kind: "statusName",
    required: true,
    description:
      'The status name, e.g. "RUNNING"; STATUS_<code> for a code the API documentation does not list.',
    rule: "a status name",
    terraform: "status",
  }),
  status: described(wireInt(), {
    kind: "integer",
    required: true,
    description: "The status code, e.g. 8.",
    rule: INT_RULE,
    wire: "status",
    terraform: "status_code",
  }),
  createTime: described(
    z.nullish(wireInt().check(z.refine((v) => Number(v) >= 0 && Number(v) <= MAX_EPOCH_MS))),
    {
      kind: "epochMs",
      required: true,
      description: "Creation time, epoch milliseconds.",
      terraformDescription: "When the job was created, RFC 3339 in UTC.",
      rule: `a time in epoch milliseconds from 0 to ${MAX_EPOCH_MS}`,
      wire: "create_time",
      terraform: "created_at",
    },
  ),
  duration: described(z.nullish(wireInt()), {
    kind: "integer",
    required: true,
    description: "Run time so far, milliseconds.",
    rule: INT_RULE,
    wire: "duration",
    terraform: "duration",
  }),
  remainingDuration: described(wireNumber(), {
    kind: "number",
    description: "How long the job runs before it stops itself, milliseconds, when the API reports it.",
    rule: "a number or a numeric string",
    wire: "remaining_duration",
    terraform: "remaining_duration",
  }),
  serviceUrl: described(wireText(), {
    kind: "string",
    required: true,
    description:
      'The URL of the job\'s TensorBoard / MindInsight page: an http:// or https:// URL without a user name or password, or "" while the job has none or when its URL is anything else.',
    rule: "a string",
    wire: "service_url",
    terraform: "service_url",
  }),
  trainUrl: described(wireText(), {
    kind: "string",
    required: true,
    description: "The OBS path of the logs the job visualizes.",
    rule: "a string",
    wire: "train_url",
    terraform: "train_url",
  }),
  jobType: described(wireText(), {
    kind: "string",
    description: "The job's type, when the API reports one.",
    rule: "a string",
    wire: "job_type",
    terraform: "job_type",
  }),
  flavor: described(z.nullish(z.looseObject({ code: wireText() })), {
    kind: "flavor",
    description:
      'The flavor (machine type) the job runs on, when reported: its code, e.g. "modelarts.vm.cpu.2u".',
    rule: 'an object such as {"code": "..."}',
    wire: "flavor",
    terraform: "flavor",
  }),
  resourceId: described(wireText(), {
    kind: "string",
    required: true,
    description: "The charged resource's id.",
    rule: "a string",
    wire: "resource_id",
    terraform: "resource_id",
  }),
  // Its rules are for reading by a person; remainingDuration is what a configuration can use.
  schedule: described(z.nullish(z.union([z.array(scheduleRule()), scheduleRule()])), {
    kind: "schedule",
    description: "When the job stops itself, when reported: each rule's type, time unit and duration.",
    rule: "an object or a list of objects",
    wire: "schedule",
  }),
} as const;

/** A job field's Pulumi name. */
export type JobFieldKey = keyof typeof JOB_FIELDS;

/** One job as the API's JSON holds it: what the listing's fast path must accept, and no more. */
const WIRE_JOB = z.looseObject(
  Object.fromEntries(
    Object.values(JOB_FIELDS)
      .filter((schema) => metaOf(schema).wire !== undefined)
      .map((schema) => [metaOf(schema).wire!, schema]),
  ),
);

/** A page of the list call as the API's JSON holds it. */
export const WIRE_JOBS_PAGE = z.looseObject({
  jobs: z.array(WIRE_JOB),
  job_total_count: wireInt().check(z.refine((v) => Number(v) >= 0)),
  job_count_limit: z.nullish(wireInt()),
  quotas: z.nullish(wireInt()),
});

/** A field of an error body that may be absent, or of another type (then read as absent). */
const lenientField = <S extends z.ZodMiniType>(schema: S) => z.catch(z.optional(schema), undefined);
const codeOrText = () => lenientField(z.union([z.string(), z.number()]));

/**
 * What an API body says of a failure, in either of the API's two formats: a ModelArts body
 * (`is_success`, `error_code`, `error_message` or the older `error_msg`) or an API gateway's
 * (`error_code`, `error_msg`, `request_id`). Lenient: a field of another type is as good as absent.
 */
export const WIRE_ERROR_ENVELOPE = z.looseObject({
  is_success: lenientField(z.union([z.boolean(), z.enum(["true", "false"])])),
  error_code: codeOrText(),
  error_message: codeOrText(),
  error_msg: codeOrText(),
  request_id: codeOrText(),
});

// --- A lookup's result ----------------------------------------------------------------------------

/**
 * How every surface says what `serviceUrls` holds (each job's own `serviceUrl` passes the same
 * check): one sentence, so that no surface words it otherwise.
 */
const SERVICE_URLS_TEXT =
  'The same jobs\' service URLs, index for index: each an http:// or https:// URL without a user name or password, or "" for a job whose URL is anything else or that has none.';

/** Every field of a lookup's result, by its Pulumi name: its description, type and Terraform name. */
export const RESULT_FIELDS = {
  jobs: described(z.array(z.looseObject({})), {
    description: "The matching jobs, in the requested order (ties by jobId, ascending).",
    rule: "a list of jobs",
    tsType: "VisualizationJob[]",
    terraform: "jobs",
    required: true,
  }),
  ids: described(z.array(z.int()), {
    description: "The same jobs' ids, index for index.",
    rule: "a list of integers",
    tsType: "number[]",
    terraform: "ids",
    required: true,
  }),
  names: described(z.array(z.string()), {
    description: "The same jobs' names, index for index.",
    rule: "a list of strings",
    tsType: "string[]",
    terraform: "names",
    required: true,
  }),
  serviceUrls: described(z.array(z.string()), {
    description: SERVICE_URLS_TEXT,
    rule: "a list of strings",
    tsType: "string[]",
    terraform: "service_urls",
    required: true,
  }),
  totalCount: described(z.int(), {
    description:
      "What the API reported as job_total_count for the server-side query (summed over statuses), before the name filters and limit.",
    rule: "an integer",
    tsType: "number",
    terraform: "total_count",
    required: true,
  }),
  jobCountLimit: described(z.int(), {
    description: "How many more visualization jobs may be created, as the API reports it.",
    rule: "an integer",
    tsType: "number",
  }),
  quotas: described(z.int(), {
    description: "The maximum number of training jobs, as the API reports it.",
    rule: "an integer",
    tsType: "number",
  }),
} as const;

/** A result field's Pulumi name. */
export type ResultFieldKey = keyof typeof RESULT_FIELDS;

/** The fields of a result, in the order they are documented (also the lookup resource's outputs). */
export const RESULT_FIELD_KEYS = Object.keys(RESULT_FIELDS) as readonly ResultFieldKey[];

// --- Settings ---------------------------------------------------------------------------------------

/** The most retries after a first failed attempt. */
const MAX_MAX_RETRIES = 20;
/**
 * The most requests in flight a setting may ask for: also the keep-alive pool's connections per origin
 * (dispatcher.ts), since more at once would only queue there.
 */
export const MAX_MAX_CONCURRENCY = 32;
/** IAM's range for an agency's temporary keys, in seconds; its default is the shortest. */
const MIN_AGENCY_DURATION = 900;
const MAX_AGENCY_DURATION = 86_400;

const text = () => z.string();
const flag = () => z.boolean();
const BOOLEAN_RULE = "true or false";

/**
 * Every setting, by its key in pulumi-huaweicloud's stack config (`huaweicloud:maxRetries`). A
 * setting's value arrives as text (stack config, environment) and is read by its schema's type: an
 * integer, a boolean, or text. First found wins: the call's argument, stack config, the environment.
 */
export const SETTINGS = {
  region: described(text().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/i)), {
    description: "The region, e.g. cn-north-4.",
    rule: 'a region name such as "cn-north-4"',
    config: "region",
    plugin: "region",
    terraform: "region",
    env: ["HW_REGION_NAME"],
  }),
  projectId: described(text().check(z.regex(PROJECT_ID_PATTERN)), {
    description: "The project id; found through IAM (`GET {authUrl}/projects?name={region}`) when unset.",
    rule: "1 to 64 letters, digits, '-' or '_' (a 32-character hex id)",
    config: "projectId",
    plugin: "projectId",
    terraform: "project_id",
    env: ["HW_PROJECT_ID", "HUAWEICLOUD_SDK_PROJECT_ID"],
  }),
  projectName: described(text().check(z.regex(/^[A-Za-z0-9_.-]{1,64}$/)), {
    description:
      "The project's name, for a sub-project such as cn-north-4_sub: its id is found through IAM by this name instead of the region's. Unused when a project id is set.",
    rule: "1 to 64 letters, digits, '-', '_' or '.' (a project name such as \"cn-north-4_sub\")",
    config: "projectName",
    plugin: "projectName",
    terraform: "project_name",
    env: ["HW_PROJECT_NAME"],
  }),
  accessKey: described(text(), {
    description: "The access key (AK).",
    rule: "a string",
    secret: true,
    config: "accessKey",
    plugin: "accessKey",
    terraform: "access_key",
    env: ["HW_ACCESS_KEY", "HUAWEICLOUD_SDK_AK"],
  }),
  secretKey: described(text(), {
    description: "The secret key (SK).",
    rule: "a string",
    secret: true,
    config: "secretKey",
    plugin: "secretKey",
    terraform: "secret_key",
    env: ["HW_SECRET_KEY", "HUAWEICLOUD_SDK_SK"],
  }),
  securityToken: described(text(), {
    description: "The security token of temporary AK/SK credentials.",
    rule: "a string",
    secret: true,
    config: "securityToken",
    plugin: "securityToken",
    terraform: "security_token",
    env: ["HW_SECURITY_TOKEN", "HUAWEICLOUD_SDK_SECURITY_TOKEN"],
  }),
  token: described(text(), {
    description: "An IAM token, used instead of AK/SK.",
    rule: "a string",
    secret: true,
    config: "token",
    plugin: "authToken",
    terraform: "token",
    env: ["HW_AUTH_TOKEN"],
  }),
  endpoints: described(text(), {
    map: true,
    inMap: "modelarts",
    description:
      'The ModelArts endpoint; default https://modelarts.{region}.{cloud}. Stack config and Terraform take a map of endpoints by service (`{"modelarts": "https://...", "sts": "https://..."}`), the plugin the URL.',
    rule: 'a JSON object such as {"modelarts": "https://..."}',
    config: "endpoints",
    plugin: "endpoint",
    terraform: "endpoints",
    env: ["HW_MODELARTS_ENDPOINT"],
  }),
  authUrl: described(text().check(z.refine((url) => endpointProblem(url) === undefined)), {
    description: "The IAM endpoint; default https://iam.{region}.{cloud}/v3.",
    rule: ENDPOINT_RULE,
    config: "authUrl",
    plugin: "authUrl",
    terraform: "auth_url",
    env: ["HW_AUTH_URL"],
  }),
  cloud: described(text(), {
    description: "The cloud domain; default myhuaweicloud.com (myhuaweicloud.eu for eu-west-1*).",
    rule: "a domain name",
    config: "cloud",
    plugin: "cloud",
    terraform: "cloud",
    env: ["HW_CLOUD"],
  }),
  maxRetries: described(intRange(0, MAX_MAX_RETRIES), {
    description: `Retries after a first failed attempt, 0 to ${MAX_MAX_RETRIES}.`,
    rule: `an integer from 0 to ${MAX_MAX_RETRIES}`,
    default: 5,
    config: "maxRetries",
    plugin: "maxRetries",
    terraform: "max_retries",
    env: ["HW_MAX_RETRIES"],
  }),
  insecure: described(flag(), {
    description: "Skip TLS certificate verification (test servers only).",
    rule: BOOLEAN_RULE,
    default: false,
    config: "insecure",
    plugin: "insecure",
    terraform: "insecure",
    env: ["HW_INSECURE"],
  }),
  timeout: described(intRange(1, MAX_TIMEOUT_SECONDS), {
    description: `How long a whole lookup may take, in seconds, 1 to ${MAX_TIMEOUT_SECONDS}; the timeoutSeconds argument overrides it.`,
    rule: `a whole number of seconds from 1 to ${MAX_TIMEOUT_SECONDS}`,
    default: DEFAULT_TIMEOUT_SECONDS,
    env: ["HW_MODELARTS_TIMEOUT"],
  }),
  maxConcurrency: described(intRange(1, MAX_MAX_CONCURRENCY), {
    description: `The most requests in flight at once, 1 to ${MAX_MAX_CONCURRENCY}. A lookup starts at 4 and doubles while the API does not throttle; lower this for an account with a low API quota.`,
    rule: `an integer from 1 to ${MAX_MAX_CONCURRENCY}`,
    default: 16,
    config: "maxConcurrency",
    plugin: "maxConcurrency",
    terraform: "max_concurrency",
    flag: "max-concurrency",
    env: ["HW_MODELARTS_MAX_CONCURRENCY"],
  }),
  sharedConfigFile: described(text(), {
    description:
      "A KooCLI (hcloud) profile file to take keys from when none are set; default ~/.hcloud/config.json when it exists.",
    rule: "a file name",
    config: "sharedConfigFile",
    plugin: "sharedConfigFile",
    terraform: "shared_config_file",
    env: ["HW_SHARED_CONFIG_FILE"],
  }),
  profile: described(text(), {
    description: "The profile of the shared config file; default the file's current one.",
    rule: "a profile name",
    config: "profile",
    plugin: "profile",
    terraform: "profile",
    flag: "profile",
    env: ["HW_PROFILE"],
  }),
  assumeRole: described(text(), {
    block: ["agencyName", "agencyDomainName", "agencyDomainId", "agencyDuration"],
    repeated: true,
    description:
      "An agency to assume, or a chain of them (each assumed with the keys of the one before): the lookups list with the last one's temporary keys. An agency named by its domain's name is assumed through IAM, one named by its domain's id through STS.",
    rule: 'an object such as {"agencyName": "ci-reader", "domainName": "my-account", "durationSeconds": 3600}, or a list of them',
    config: "assumeRole",
    plugin: "assumeRole",
    terraform: "assume_role",
  }),
  agencyName: described(text(), {
    required: true,
    description: "The agency whose temporary keys the lookups use.",
    rule: "a string",
    config: "agencyName",
    plugin: "agencyName",
    terraform: "agency_name",
    flag: "agency-name",
    env: ["HW_ASSUME_ROLE_AGENCY_NAME"],
  }),
  agencyDomainName: described(text(), {
    description: "The name of the domain (account) that owns the agency; or give its id.",
    rule: "a string",
    config: "domainName",
    plugin: "domainName",
    terraform: "domain_name",
    flag: "agency-domain-name",
    env: ["HW_ASSUME_ROLE_DOMAIN_NAME"],
  }),
  agencyDomainId: described(text(), {
    description: "The id of the domain (account) that owns the agency, instead of its name.",
    rule: "a string",
    config: "domainId",
    plugin: "domainId",
    terraform: "domain_id",
    flag: "agency-domain-id",
    env: ["HW_ASSUME_ROLE_DOMAIN_ID"],
  }),
  agencyDuration: described(intRange(MIN_AGENCY_DURATION, MAX_AGENCY_DURATION), {
    description: `How long the agency's temporary keys last, in seconds, ${MIN_AGENCY_DURATION} to ${MAX_AGENCY_DURATION}.`,
    rule: `an integer from ${MIN_AGENCY_DURATION} to ${MAX_AGENCY_DURATION}`,
    default: MIN_AGENCY_DURATION,
    config: "durationSeconds",
    plugin: "durationSeconds",
    terraform: "duration",
    flag: "agency-duration",
    env: ["HW_ASSUME_ROLE_DURATION"],
  }),
  ecsMetadata: described(flag(), {
    description:
      "Use the temporary keys of the ECS instance's agency, from its metadata service, when no keys are set.",
    rule: BOOLEAN_RULE,
    default: false,
    config: "ecsMetadata",
    plugin: "ecsMetadata",
    env: ["HW_ECS_METADATA"],
  }),
  ecsMetadataUrl: described(text(), {
    description:
      "The ECS metadata service's address (tests point it at a loopback server, such as the emulator's base URL); a URL with no path asks /openstack/latest/securitykey there.",
    rule: "an http:// URL to 169.254.169.254 or a loopback host",
    env: ["HW_ECS_METADATA_URL"],
  }),
  assumeRoleWithOidc: described(text(), {
    block: [
      "idpId",
      "idToken",
      "idTokenFile",
      "idTokenEnv",
      "idTokenAudience",
      "agencyName",
      "agencyDomainId",
      "agencyDuration",
    ],
    description:
      "Keyless credentials (OIDC federation): IAM exchanges an id token of the identity provider for temporary keys, then, given an agency and its domain id, the agency is assumed with them through STS. The token is given itself, in a file, in a variable that holds it, or asked of GitHub Actions' token service.",
    rule: 'an object such as {"idpId": "github-actions", "idTokenFile": "/run/token", "agencyName": "ci-reader", "domainId": "..."}',
    config: "assumeRoleWithOidc",
    plugin: "assumeRoleWithOidc",
    terraform: "assume_role_with_oidc",
  }),
  idpId: described(text(), {
    required: true,
    description:
      "The identity provider in IAM whose id tokens are exchanged; setting it turns OIDC federation on.",
    rule: "a string",
    config: "idpId",
    plugin: "idpId",
    terraform: "idp_id",
    flag: "idp-id",
    env: ["HW_ASSUME_ROLE_IDP_ID", "HUAWEICLOUD_SDK_IDP_ID"],
  }),
  idToken: described(text(), {
    description: "The id token (a JWT) itself.",
    rule: "a string",
    secret: true,
    config: "idToken",
    plugin: "idToken",
    terraform: "id_token",
    env: ["HW_ASSUME_ROLE_ID_TOKEN"],
  }),
  idTokenFile: described(text(), {
    description:
      "A file holding the id token, read again each time the keys are renewed (CI systems rotate it); `~/` is the home folder.",
    rule: "a file name",
    config: "idTokenFile",
    plugin: "idTokenFile",
    terraform: "id_token_file",
    flag: "id-token-file",
    env: ["HW_ASSUME_ROLE_ID_TOKEN_FILE", "HUAWEICLOUD_SDK_ID_TOKEN_FILE"],
  }),
  idTokenEnv: described(text().check(z.regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/)), {
    description:
      "The environment variable holding the id token, read again each time the keys are renewed (GitLab CI's `id_tokens:` names one).",
    rule: "an environment variable name",
    config: "idTokenEnv",
    plugin: "idTokenEnv",
    terraform: "id_token_env",
    flag: "id-token-env",
    env: ["HW_ASSUME_ROLE_ID_TOKEN_ENV"],
  }),
  idTokenAudience: described(text(), {
    description:
      "The audience asked of GitHub Actions' token service: the client id the identity provider in IAM expects. Unset, none is asked and GitHub's default applies.",
    rule: "a string",
    config: "idTokenAudience",
    plugin: "idTokenAudience",
    terraform: "id_token_audience",
    flag: "id-token-audience",
    env: ["HW_ASSUME_ROLE_ID_TOKEN_AUDIENCE"],
  }),
  actionsTokenUrl: described(text().check(z.refine((url) => endpointProblem(url, true) === undefined)), {
    description:
      "GitHub Actions' id token service (a job with `permissions: id-token: write` has it): used when OIDC federation is on and no token is given.",
    rule: TOKEN_SERVICE_RULE,
    env: ["ACTIONS_ID_TOKEN_REQUEST_URL"],
  }),
  actionsRequestToken: described(text(), {
    description: "The bearer token of GitHub Actions' id token service.",
    rule: "a string",
    secret: true,
    env: ["ACTIONS_ID_TOKEN_REQUEST_TOKEN"],
  }),
  signingAlgorithm: described(
    z.enum(Object.keys(SIGNING_ALGORITHMS) as [SigningAlgorithm, ...SigningAlgorithm[]]),
    {
      description:
        "How requests are signed with access keys: HmacSHA256 (SDK-HMAC-SHA256, every API's), or for China's commercial-cryptography rules HmacSM3, EcdsaP256SHA256 or SM2SM3, as Huawei's SDKs sign.",
      rule: `one of ${Object.keys(SIGNING_ALGORITHMS).join(", ")}`,
      default: DEFAULT_SIGNING_ALGORITHM,
      config: "signingAlgorithm",
      plugin: "signingAlgorithm",
      terraform: "signing_algorithm",
      flag: "signing-algorithm",
      env: ["HW_SIGNING_ALGORITHM"],
    },
  ),
  stsEndpoint: described(text().check(z.refine((url) => endpointProblem(url) === undefined)), {
    description:
      'The STS endpoint, which assumes agencies by domain id; default https://sts.{region}.{cloud}. Stack config and Terraform take it as the "sts" entry of endpoints.',
    rule: ENDPOINT_RULE,
    inMap: "sts",
    plugin: "stsEndpoint",
    env: ["HW_STS_ENDPOINT"],
  }),
} as const satisfies Record<string, z.ZodMiniType>;

/** The endpoints given in the `endpoints` map, by setting (`endpoints` is ModelArts', `stsEndpoint` STS's). */
export const MAPPED_ENDPOINTS = (Object.keys(SETTINGS) as SettingKey[]).filter(
  (key) => metaOf(SETTINGS[key]).inMap !== undefined,
);

/** The settings that are blocks of others (`assumeRole`, `assumeRoleWithOidc`). */
export const BLOCK_KEYS = (Object.keys(SETTINGS) as SettingKey[]).filter(
  (key) => metaOf(SETTINGS[key]).block !== undefined,
);

/** A block's fields, in order (`huaweicloud:assumeRole`'s, Terraform's `assume_role` block's). */
export function fieldsOf(block: SettingKey): readonly SettingKey[] {
  return (metaOf(SETTINGS[block]).block ?? []) as readonly SettingKey[];
}

/**
 * The block a setting is a field of, the first that lists it (an agency's name is a field of both
 * blocks); undefined for a setting of its own. Stack config sets a field only inside its block.
 */
export function blockOf(key: SettingKey): SettingKey | undefined {
  return BLOCK_KEYS.find((block) => fieldsOf(block).includes(key));
}

// --- Reading the description --------------------------------------------------------------------

/** The JSON Schema of what a schema takes (its input), the fields read here. */
function inputJsonSchema(schema: z.ZodMiniType): { type?: unknown; minimum?: number; maximum?: number } {
  return z.toJSONSchema(schema, { unrepresentable: "any", io: "input" });
}

/** The JSON type of a schema's input: `integer`, `boolean`, `string`, `array`, ... */
export function valueType(schema: z.ZodMiniType): string | undefined {
  const { type } = inputJsonSchema(schema);
  return typeof type === "string" ? type : undefined;
}

/** The inclusive range of a whole-number schema, from its checks. */
export function rangeOf(schema: z.ZodMiniType): { readonly min: number; readonly max: number } | undefined {
  const json = inputJsonSchema(schema);
  if (json.type !== "integer") return undefined;
  return { min: json.minimum ?? Number.MIN_SAFE_INTEGER, max: json.maximum ?? Number.MAX_SAFE_INTEGER };
}

/** A default as the docs show it: text quoted, numbers and booleans as written. */
export function defaultText(value: string | number | boolean): string {
  return typeof value === "string" ? `"${value}"` : String(value);
}

/** An entry's description with its default: the text every surface's docs and schemas show. */
export function documented(meta: EntryMeta, description = meta.description): string {
  return meta.default === undefined ? description : `${description} Default ${defaultText(meta.default)}.`;
}
