/**
 * The Pulumi package schema of the `modelarts` plugin: the one description of its surface, from
 * which `schema.json` (for Pulumi's code generators) is written and which the plugin serves. Its
 * tables are keyed by the TypeScript types (`satisfies Record<keyof ...>`), so a field added to the
 * arguments, the result or a job and not here is a compile error; test/unit/plugin/schema.test.ts
 * checks the types of the values a real lookup returns against it.
 */
// The provider's own modules, not the package root: the plugin must not load the TypeScript SDK,
// and with it all of @pulumi/pulumi, before it serves its first request.
import type {
  JobFlavor,
  JobSchedule,
  LookupDrift,
  VisualizationJob,
  VisualizationJobsQueryArgs,
  VisualizationJobsResult,
} from "../provider/wire/model";
import { JobStatus } from "../provider/wire/status";

/** A property of the schema (the subset this package uses). */
export interface PropertySpec {
  readonly type?: "string" | "integer" | "number" | "boolean" | "array" | "object";
  readonly items?: PropertySpec;
  readonly $ref?: string;
  readonly oneOf?: readonly PropertySpec[];
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
  assumeRole: `${MODULE}:AssumeRole`,
} as const;

const ref = (token: string): PropertySpec => ({ $ref: `#/types/${token}` });
const string = (description: string): PropertySpec => ({ type: "string", description });
const integer = (description: string): PropertySpec => ({ type: "integer", description });
const arrayOf = (items: PropertySpec, description: string): PropertySpec => ({
  type: "array",
  items,
  description,
});

/** The lookup's arguments, as the TypeScript functions take them. */
export const ARGUMENT_PROPERTIES = {
  status: {
    oneOf: [{ type: "string" }, { type: "array", items: { type: "string" } }],
    description: `A status, or several (their union): a name such as "RUNNING" (any case, with or without "JOBSTAT_") or a code such as "8". Names: ${Object.keys(JobStatus).join(", ")}.`,
  },
  name: string("The exact job name."),
  nameRegex: string(
    "A regular expression matched against the job name, anywhere in it unless anchored. RE2 syntax (JavaScript's without lookaround or backreferences), matched in linear time.",
  ),
  searchContent: string(
    "Server-side search text, matched against the job name: up to 100 characters; some servers take 64.",
  ),
  workspaceId: string('The workspace; default "0".'),
  sortBy: string('The sort field: "job_id" (default), "job_name", "job_desc", "create_time" or "status".'),
  order: string('The sort direction: "asc" (default) or "desc".'),
  limit: integer("At most this many jobs, after all filters."),
  pageSize: integer("Jobs asked for per request, 1 to 1000; default 1000."),
  region: string("Overrides the configured region for this call."),
  projectId: string("Overrides the configured project id for this call."),
  endpoint: string("Overrides the configured ModelArts endpoint for this call."),
  timeoutSeconds: integer(
    "How long the whole lookup may take, in seconds (1 to 3600); default HW_MODELARTS_TIMEOUT, else 300.",
  ),
} as const satisfies Record<keyof VisualizationJobsQueryArgs, PropertySpec>;

/** A job's fields. */
export const JOB_PROPERTIES = {
  jobId: integer("The job's id."),
  jobName: string("The job's name."),
  jobDesc: string('The description; "" when the job has none.'),
  status: integer("The status code."),
  statusName: string('The status name, e.g. "RUNNING".'),
  createTime: integer("Creation time, epoch milliseconds."),
  duration: integer("Run time so far, milliseconds."),
  serviceUrl: string("The URL of the job's TensorBoard / MindInsight page, as the API reports it."),
  trainUrl: string("The OBS path of the logs the job visualizes."),
  resourceId: string("The charged resource's id."),
  jobType: string("The job's type, when the API reports one."),
  flavor: { ...ref(TOKENS.flavor), description: "The flavor (machine type) the job runs on, when reported." },
  schedule: arrayOf(ref(TOKENS.schedule), "When the job stops itself, when reported."),
  remainingDuration: {
    type: "number",
    description: "How long the job runs before it stops itself (milliseconds), when reported.",
  },
} as const satisfies Record<keyof VisualizationJob, PropertySpec>;

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

/** A lookup's result. */
export const RESULT_PROPERTIES = {
  jobs: arrayOf(ref(TOKENS.job), "The matching jobs, in the requested order (ties by jobId, ascending)."),
  ids: arrayOf({ type: "integer" }, "The same jobs' ids, index for index."),
  names: arrayOf({ type: "string" }, "The same jobs' names, index for index."),
  serviceUrls: arrayOf(
    { type: "string" },
    'The same jobs\' service URLs, index for index; "" for a URL that is not http(s).',
  ),
  totalCount: integer(
    "What the API reported as job_total_count for the server-side query (summed over statuses).",
  ),
  jobCountLimit: integer("How many more visualization jobs may be created, as the API reports it."),
  quotas: integer("The maximum number of training jobs, as the API reports it."),
} as const satisfies Record<keyof VisualizationJobsResult, PropertySpec>;

/** The result fields that are always there. */
const REQUIRED_RESULT = ["jobs", "ids", "names", "serviceUrls", "totalCount"];
const REQUIRED_JOB = [
  "jobId",
  "jobName",
  "jobDesc",
  "status",
  "statusName",
  "createTime",
  "duration",
  "serviceUrl",
  "trainUrl",
  "resourceId",
];

/**
 * The provider's configuration: `modelarts:<key>` in stack config, or a provider resource's
 * arguments. Each falls back to the environment names the TypeScript functions read.
 */
/** The agency of `modelarts:assumeRole`, as `huaweicloud:assumeRole` takes it. */
const ASSUME_ROLE_PROPERTIES = {
  agencyName: string("The agency whose temporary keys the lookups use."),
  domainName: string("The name of the domain (account) that owns the agency; or give domainId."),
  domainId: string("The id of the domain (account) that owns the agency."),
  durationSeconds: integer("How long the temporary keys last, 900 to 86400 seconds; default 900."),
} as const satisfies Record<string, PropertySpec>;

export const CONFIG_PROPERTIES = {
  region: {
    type: "string",
    description: "The region, e.g. cn-north-4.",
    defaultInfo: { environment: ["HW_REGION_NAME"] },
  },
  accessKey: {
    type: "string",
    secret: true,
    description: "The access key (AK).",
    defaultInfo: { environment: ["HW_ACCESS_KEY", "HUAWEICLOUD_SDK_AK"] },
  },
  secretKey: {
    type: "string",
    secret: true,
    description: "The secret key (SK).",
    defaultInfo: { environment: ["HW_SECRET_KEY", "HUAWEICLOUD_SDK_SK"] },
  },
  securityToken: {
    type: "string",
    secret: true,
    description: "The security token of temporary AK/SK credentials.",
    defaultInfo: { environment: ["HW_SECURITY_TOKEN", "HUAWEICLOUD_SDK_SECURITY_TOKEN"] },
  },
  projectId: {
    type: "string",
    description: "The project id; found through IAM when unset.",
    defaultInfo: { environment: ["HW_PROJECT_ID", "HUAWEICLOUD_SDK_PROJECT_ID"] },
  },
  authToken: {
    type: "string",
    secret: true,
    description: "An IAM token, used instead of AK/SK.",
    defaultInfo: { environment: ["HW_AUTH_TOKEN"] },
  },
  endpoint: {
    type: "string",
    description: "The ModelArts endpoint; default https://modelarts.{region}.{cloud}.",
    defaultInfo: { environment: ["HW_MODELARTS_ENDPOINT"] },
  },
  authUrl: {
    type: "string",
    description: "The IAM endpoint; default https://iam.{region}.{cloud}/v3.",
    defaultInfo: { environment: ["HW_AUTH_URL"] },
  },
  cloud: {
    type: "string",
    description: "The cloud domain; default myhuaweicloud.com (myhuaweicloud.eu for eu-west-1*).",
    defaultInfo: { environment: ["HW_CLOUD"] },
  },
  insecure: {
    type: "boolean",
    description: "Skip TLS certificate verification (test servers only).",
    defaultInfo: { environment: ["HW_INSECURE"] },
  },
  maxRetries: {
    type: "integer",
    description: "Retries after a first failed attempt; default 5.",
    defaultInfo: { environment: ["HW_MAX_RETRIES"] },
  },
  sharedConfigFile: {
    type: "string",
    description:
      "A KooCLI (hcloud) profile file to take keys from when none are set; default ~/.hcloud/config.json when it exists.",
    defaultInfo: { environment: ["HW_SHARED_CONFIG_FILE"] },
  },
  profile: {
    type: "string",
    description: "The profile of the shared config file; default the file's current one.",
    defaultInfo: { environment: ["HW_PROFILE"] },
  },
  assumeRole: {
    ...ref(TOKENS.assumeRole),
    description:
      "An agency to assume: the lookups list with its temporary keys, which IAM gives to the base keys. Environment: HW_ASSUME_ROLE_AGENCY_NAME, HW_ASSUME_ROLE_DOMAIN_NAME, HW_ASSUME_ROLE_DOMAIN_ID, HW_ASSUME_ROLE_DURATION.",
  },
  ecsMetadata: {
    type: "boolean",
    description:
      "Use the temporary keys of the ECS instance's agency, from its metadata service, when no keys are set; default false.",
    defaultInfo: { environment: ["HW_ECS_METADATA"] },
  },
  maxConcurrency: {
    type: "integer",
    description:
      "The most requests in flight at once, 1 to 32; default 16. A lookup starts at 4 and doubles while the API does not throttle; lower this for an account with a low API quota.",
    defaultInfo: { environment: ["HW_MODELARTS_MAX_CONCURRENCY"] },
  },
} as const satisfies Record<string, PropertySpec>;

/** The names of the provider's configuration. */
export type ConfigKey = keyof typeof CONFIG_PROPERTIES;

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
      [TOKENS.job]: objectType("One ModelArts visualization job.", JOB_PROPERTIES, REQUIRED_JOB),
      [TOKENS.flavor]: objectType("A job's flavor (machine type).", FLAVOR_PROPERTIES, ["code"]),
      [TOKENS.schedule]: objectType("One rule of a job's schedule.", SCHEDULE_PROPERTIES),
      [TOKENS.assumeRole]: objectType("An agency to assume.", ASSUME_ROLE_PROPERTIES, ["agencyName"]),
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
