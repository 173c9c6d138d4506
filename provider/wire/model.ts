/**
 * The shapes a lookup takes and gives, in camelCase. The API's wire names (`job_id`, `per_page`)
 * appear only in boundary/queryArguments.ts and responseBodies.ts, which map between the two.
 */
import type { VisualizationJob } from "./job.generated";
import type { JobStatusName } from "./status";

/**
 * The API's limit on `per_page` as its list page states it. Huawei's SDK reference says 1..100: a
 * server that refuses more is answered by paging at {@link FALLBACK_PAGE_SIZE} (listing.ts).
 */
export const MAX_PAGE_SIZE = 1000;

/** The page size a lookup falls back to when a server refuses a larger `per_page`. */
export const FALLBACK_PAGE_SIZE = 100;

/**
 * The longest `search_content` a lookup sends. The list page says 64 characters, but the server's
 * own error message says `[0,100]`: above 64 the server decides, and its refusal is reported as a
 * validation error of `searchContent`.
 */
export const MAX_SEARCH_CONTENT = 100;

/**
 * The longest `nameRegex`: a pattern is a few dozen characters, and compiling megabytes of one took
 * seconds and gigabytes before it could be refused or run.
 */
export const MAX_NAME_REGEX = 4096;

/**
 * The most a `nameRegex`'s counted repetitions (`{n}`, `{m,n}`, `{m,}`) may add up to. RE2 expands
 * each into copies of what it repeats: `(?:.{0,1000})` written 315 times took re2js 1.1 s and
 * 580 MB to compile, while RE2 bounds only each repetition (and their nesting) at 1,000.
 */
export const MAX_NAME_REGEX_REPEATS = 1000;

/** The most problems a validation error lists; the rest are counted. */
export const MAX_REPORTED_ISSUES = 20;

/** The `search_content` limit of the list page: every server accepts this much. */
export const DOCUMENTED_SEARCH_CONTENT = 64;

/** What a project id looks like (a 32-character hex id in practice): it becomes a path segment. */
export const PROJECT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** The default of `timeoutSeconds`: how long a whole lookup may take. */
export const DEFAULT_TIMEOUT_SECONDS = 300;

/** The largest `timeoutSeconds`. */
export const MAX_TIMEOUT_SECONDS = 3600;

/** The values `sortBy` takes: the fields the API sorts by. */
export const SORT_FIELDS = ["job_id", "job_name", "job_desc", "create_time", "status"] as const;

/** A field the API sorts by. */
export type SortField = (typeof SORT_FIELDS)[number];

/** A sort direction. */
export type SortOrder = "asc" | "desc";

/**
 * A status given as a name in upper, lower or capitalized case, with or without the API's
 * `JOBSTAT_` prefix (`"RUNNING"`, `"running"`, `"Running"`, `"JOBSTAT_RUNNING"`), or as a code
 * (`8`, `"8"`). A misspelt name (`"RUNING"`) does not compile.
 */
export type JobStatusInput =
  | JobStatusName
  | Lowercase<JobStatusName>
  | Capitalize<Lowercase<JobStatusName>>
  | `JOBSTAT_${JobStatusName}`
  | number
  | `${number}`;

/** The arguments after validation: defaults applied, statuses as sorted unique codes. */
export interface NormalizedQuery {
  /** Status codes to list, ascending; empty means every status. */
  readonly statuses: readonly number[];
  readonly name?: string;
  readonly nameRegex?: string;
  readonly searchContent?: string;
  readonly workspaceId: string;
  readonly sortBy: SortField;
  readonly order: SortOrder;
  readonly limit?: number;
  readonly pageSize: number;
  readonly region?: string;
  readonly projectId?: string;
  readonly endpoint?: string;
  readonly timeoutSeconds?: number;
}

/**
 * The input in which VisualizationJobsLookup names the arguments the program gave as secrets: the
 * dynamic-provider host hands the provider their values unwrapped, so it could not tell otherwise.
 */
export const SECRET_ARGUMENTS = "__secretArguments";

/**
 * What a refresh of a lookup resource found changed since its last create or update, by job id.
 * Cleared by the next `pulumi up`, which runs the lookup again.
 */
export interface LookupDrift {
  /** Jobs that match now and did not before. */
  readonly appeared: number[];
  /** Jobs that matched before and do not now. */
  readonly disappeared: number[];
  /** Jobs that match still, with another status, name or service URL. */
  readonly changed: number[];
}

/** One page of the list call, mapped. */
export interface JobsPage {
  readonly totalCount: number;
  readonly jobCountLimit?: number;
  readonly quotas?: number;
  readonly jobs: readonly VisualizationJob[];
}
