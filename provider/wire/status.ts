/**
 * Job status codes shared by ModelArts v1 training and visualization jobs (API reference,
 * "Job Statuses", modelarts_03_0074). The API names them `JOBSTAT_RUNNING` etc.; we drop the prefix.
 */

/**
 * The job status codes by name.
 *
 * @example
 * ```ts
 * getVisualizationJobs({ status: JobStatus.RUNNING });
 * ```
 */
export const JobStatus = {
  UNKNOWN: 0,
  INIT: 1,
  IMAGE_CREATING: 2,
  IMAGE_FAILED: 3,
  SUBMIT_TRYING: 4,
  SUBMIT_FAILED: 5,
  DELETE_FAILED: 6,
  WAITING: 7,
  RUNNING: 8,
  KILLING: 9,
  COMPLETED: 10,
  FAILED: 11,
  KILLED: 12,
  CANCELED: 13,
  LOST: 14,
  SCALING: 15,
  SUBMIT_MODEL_FAILED: 16,
  DEPLOY_SERVICE_FAILED: 17,
  CHECK_INIT: 18,
  CHECK_RUNNING: 19,
  CHECK_RUNNING_COMPLETED: 20,
  CHECK_FAILED: 21,
} as const;

/** A status name, e.g. `"RUNNING"`. */
export type JobStatusName = keyof typeof JobStatus;

const NAMES: readonly string[] = Object.keys(JobStatus);

/**
 * The name of a status code: `jobStatusName(8)` is `"RUNNING"`. A code the API documentation does
 * not list (the service may add some) is named `"STATUS_<code>"` rather than rejected.
 */
export function jobStatusName(code: number): JobStatusName | `STATUS_${number}` {
  return ((Number.isInteger(code) && NAMES[code]) || `STATUS_${code}`) as JobStatusName | `STATUS_${number}`;
}

/**
 * The code of a status given as a name (`"RUNNING"`, `"running"`, `"JOBSTAT_RUNNING"`) or a code
 * (`8`, `"8"`); undefined when it is neither.
 */
export function parseJobStatus(value: unknown): number | undefined {
  if (typeof value === "number")
    return Number.isInteger(value) && value >= 0 && value < NAMES.length ? value : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return parseJobStatus(Number(text));
  const name = text.toUpperCase().replace(/^JOBSTAT_/, "");
  return Object.hasOwn(JobStatus, name) ? JobStatus[name as JobStatusName] : undefined;
}
