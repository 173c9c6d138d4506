/**
 * The Terraform schema of the `modelarts` provider: its provider block and its two data sources, in
 * terraform-provider-huaweicloud's style (flat snake_case optional filters, computed lists named after
 * the plural). The data sources' tables are keyed by the core's TypeScript types
 * (`satisfies Record<keyof ...>`), so a lookup argument or a job field added to the core and not
 * decided on here is a compile error.
 */
import type { VisualizationJob, VisualizationJobsQueryArgs } from "../provider/wire/model";
import { JobStatus } from "../provider/wire/status";
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

/** A block: its attributes, and the blocks nested in it once (Terraform's SINGLE nesting). */
export interface BlockSpec {
  readonly description: string;
  readonly attributes: { readonly [name: string]: AttributeSpec };
  readonly blocks?: { readonly [name: string]: BlockSpec };
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
const secret = (description: string): AttributeSpec => ({
  ...optional("string", description),
  sensitive: true,
});

/** The provider block: terraform-provider-huaweicloud's names, each falling back to the `HW_*` variables. */
export const PROVIDER_BLOCK: BlockSpec = {
  description: "Where and as whom the data sources reach the ModelArts API.",
  attributes: {
    region: optional("string", "The region, e.g. cn-north-4. Falls back to HW_REGION_NAME."),
    access_key: optional("string", "The access key (AK). Falls back to HW_ACCESS_KEY."),
    secret_key: secret("The secret key (SK). Falls back to HW_SECRET_KEY."),
    security_token: secret("The security token of temporary keys. Falls back to HW_SECURITY_TOKEN."),
    token: secret("An IAM token, used instead of keys. Falls back to HW_AUTH_TOKEN."),
    project_id: optional(
      "string",
      "The project id; found through IAM when unset. Falls back to HW_PROJECT_ID.",
    ),
    auth_url: optional(
      "string",
      "The IAM endpoint; default https://iam.{region}.myhuaweicloud.com/v3. Falls back to HW_AUTH_URL.",
    ),
    endpoints: optional(
      ["map", "string"],
      "Endpoints by service: `modelarts` overrides the ModelArts endpoint.",
    ),
    insecure: optional(
      "bool",
      "Skip TLS certificate verification (test servers only). Falls back to HW_INSECURE.",
    ),
    max_retries: optional(
      "number",
      "Retries after a first failed attempt, 0 to 10; default 5. Falls back to HW_MAX_RETRIES.",
    ),
    max_concurrency: optional(
      "number",
      "The most requests in flight at once, 1 to 32; default 16. Falls back to HW_MODELARTS_MAX_CONCURRENCY.",
    ),
    shared_config_file: optional(
      "string",
      "A KooCLI config file (~/.hcloud/config.json) to read keys from. Falls back to HW_SHARED_CONFIG_FILE.",
    ),
    profile: optional(
      "string",
      "The profile of the shared config file; default its current one. Falls back to HW_PROFILE.",
    ),
  },
  blocks: {
    assume_role: {
      description: "An agency to act through: its temporary keys sign the lookups.",
      attributes: {
        agency_name: { type: "string", description: "The agency's name.", required: true },
        domain_name: optional("string", "The account (domain) that owns the agency."),
        domain_id: optional("string", "The id of the account that owns the agency, instead of its name."),
        duration: optional(
          "number",
          "How long the temporary keys last, in seconds (900 to 43200); default 3600.",
        ),
      },
    },
  },
};

/** How a job's field appears in Terraform: its attribute, type, description and value. */
interface JobAttribute {
  readonly name: string;
  readonly type: CtyType;
  readonly description: string;
  readonly value: (job: VisualizationJob) => CtyValue;
}

/**
 * Every field of a job, and how Terraform shows it; `null` for a field it leaves out. Ids are strings,
 * as every id is in Terraform (`for_each = toset(...ids)`).
 */
const JOB_ATTRIBUTES = {
  jobId: { name: "id", type: "string", description: "The job's id.", value: (j) => String(j.jobId) },
  jobName: { name: "name", type: "string", description: "The job's name.", value: (j) => j.jobName },
  jobDesc: {
    name: "description",
    type: "string",
    description: 'The description; "" when none.',
    value: (j) => j.jobDesc,
  },
  statusName: {
    name: "status",
    type: "string",
    description: 'The status name, e.g. "RUNNING".',
    value: (j) => j.statusName,
  },
  status: {
    name: "status_code",
    type: "number",
    description: "The status code, e.g. 8.",
    value: (j) => j.status,
  },
  createTime: {
    name: "created_at",
    type: "string",
    description: "When the job was created, RFC 3339 in UTC.",
    value: (j) => new Date(j.createTime).toISOString(),
  },
  duration: {
    name: "duration",
    type: "number",
    description: "Run time so far, milliseconds.",
    value: (j) => j.duration,
  },
  remainingDuration: {
    name: "remaining_duration",
    type: "number",
    description: "How long the job runs before it stops itself, milliseconds; null when not reported.",
    value: (j) => j.remainingDuration ?? null,
  },
  serviceUrl: {
    name: "service_url",
    type: "string",
    description: 'The URL of the TensorBoard / MindInsight page; "" while the job has none.',
    value: (j) => j.serviceUrl,
  },
  trainUrl: {
    name: "train_url",
    type: "string",
    description: "The OBS path of the logs.",
    value: (j) => j.trainUrl,
  },
  jobType: {
    name: "job_type",
    type: "string",
    description: "The job's type; null when not reported.",
    value: (j) => j.jobType ?? null,
  },
  flavor: {
    name: "flavor",
    type: "string",
    description: "The flavor (machine type) code; null when not reported.",
    value: (j) => j.flavor?.code ?? null,
  },
  resourceId: {
    name: "resource_id",
    type: "string",
    description: "The charged resource's id.",
    value: (j) => j.resourceId,
  },
  // Its rules are for reading by a person; remaining_duration is what a configuration can use.
  schedule: null,
} as const satisfies Record<keyof VisualizationJob, JobAttribute | null>;

/** The job fields Terraform shows, in schema order. */
export const SHOWN_JOB_ATTRIBUTES: readonly JobAttribute[] = Object.values(JOB_ATTRIBUTES).filter(
  (a): a is Exclude<typeof a, null> => a !== null,
);

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
 * Each lookup argument's Terraform attributes; an empty list for those the provider block or the
 * provider itself decides (the project and endpoint come from the provider, pages are its business).
 */
export const ARGUMENT_ATTRIBUTES = {
  status: ["status", "statuses"],
  name: ["name"],
  nameRegex: ["name_regex"],
  searchContent: ["search_content"],
  workspaceId: ["workspace_id"],
  sortBy: ["sort_by"],
  order: ["order"],
  limit: ["limit"],
  region: ["region"],
  pageSize: [],
  projectId: [],
  endpoint: [],
  timeoutSeconds: [],
} as const satisfies Record<keyof VisualizationJobsQueryArgs, readonly string[]>;

const STATUS_NAMES = Object.keys(JobStatus).join(", ");

/** The filters both data sources take. */
const FILTERS: { readonly [name: string]: AttributeSpec } = {
  status: optional(
    "string",
    `One status: a name such as "RUNNING" or a code such as "8". Names: ${STATUS_NAMES}.`,
  ),
  statuses: optional(
    LIST_OF_STRINGS,
    "Several statuses, names or codes: jobs in any of them (with status, the union).",
  ),
  name: optional("string", "The exact job name."),
  name_regex: optional(
    "string",
    "A regular expression (RE2) matched against the job name, anywhere unless anchored.",
  ),
  search_content: optional(
    "string",
    "Server-side search text matched against the job name (at most 64 characters on some servers).",
  ),
  workspace_id: optional("string", 'The workspace; default "0".'),
  sort_by: optional(
    "string",
    'The sort field: "job_id" (default), "job_name", "job_desc", "create_time" or "status".',
  ),
  order: optional("string", 'The sort direction: "asc" (default) or "desc".'),
  limit: optional("number", "At most this many jobs, after all filters."),
};

const REGION: AttributeSpec = {
  type: "string",
  description: "The region to look in; default the provider's.",
  optional: true,
  computed: true,
};

/** `modelarts_visualization_jobs`: the jobs that match, and lists of their ids, names and URLs. */
export const JOBS_DATA_SOURCE: BlockSpec = {
  description: "Looks up ModelArts visualization jobs (TensorBoard / MindInsight) by name or status.",
  attributes: {
    region: REGION,
    ...FILTERS,
    id: computed("string", "A hash of the query: the same arguments give the same id."),
    jobs: computed(["list", JOB_TYPE], "The matching jobs, in the requested order."),
    ids: computed(LIST_OF_STRINGS, "The same jobs' ids, index for index."),
    names: computed(LIST_OF_STRINGS, "The same jobs' names, index for index."),
    service_urls: computed(
      LIST_OF_STRINGS,
      'The same jobs\' service URLs, index for index; "" for a job with none.',
    ),
    total_count: computed(
      "number",
      "How many jobs the server-side query found, before the name filters and limit.",
    ),
  },
};

/** The one job's attributes at the top level; a filter of the same name is also what the job has. */
function singleJobAttributes(): { [name: string]: AttributeSpec } {
  const out: { [name: string]: AttributeSpec } = { region: REGION, ...FILTERS };
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
  for (const [name, nested] of Object.entries(block.blocks ?? {})) attributes[name] = blockType(nested);
  return ["object", attributes];
}
