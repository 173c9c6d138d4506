/**
 * API bodies in, read leniently: numbers may come as numeric strings, unknown fields are ignored,
 * `error_msg` and `error_message` both accepted; what does not fit the documented shape is a
 * response error naming the field. The API's wire names live only here and in the description.
 */
import { ModelArtsResponseError } from "../support/errors";
import { clipServerText } from "../support/redact";
import { words } from "../surfaces/wording";
import { MAX_EPOCH_MS, WIRE_ERROR_ENVELOPE } from "../wire/description";
import type { VisualizationJob } from "../wire/job.generated";
import type { JobFlavor, JobSchedule } from "../wire/jobParts";
import { type JobsPage, PROJECT_ID_PATTERN } from "../wire/model";
import { jobStatusName } from "../wire/status";
import { safeServiceUrls } from "./serviceUrl";
import { isRecord, show } from "./values";

/** Where a response body came from, for error messages. */
export interface BodyContext {
  readonly operation: string;
  readonly requestId?: string;
}

function shapeError(context: BodyContext, problem: string): ModelArtsResponseError {
  const id = context.requestId ? ` (request id ${context.requestId})` : "";
  return new ModelArtsResponseError(
    words`ModelArts ${context.operation} returned a body that does not match the documented shape: ${problem}${id}. Check that the endpoint points at the ModelArts API (${{ setting: "endpoints", as: "names" }}).`,
  );
}

/**
 * Thrown inside the job mapper; turned into a ModelArtsResponseError naming the path. Paths are
 * relative to the job until {@link FieldProblem.within} places them: a listing maps 100,000 jobs,
 * and building `jobs[i].field` for every field of every job, to throw none, was much of its garbage.
 */
class FieldProblem {
  constructor(
    readonly path: string,
    readonly rule: string,
    readonly value: unknown,
    /** The job the field belongs to, as a message names it (`job_id 1004`). */
    readonly job?: string,
  ) {}

  /** The same problem, its path under `prefix` (a relative path of "" is the prefix itself). */
  within(prefix: string, job?: string): FieldProblem {
    return new FieldProblem(this.path === "" ? prefix : `${prefix}.${this.path}`, this.rule, this.value, job);
  }
}

/** An integer given as a number or a numeric string (other API samples send `"job_id":"10"`). */
function lenientInt(value: unknown, path: string): number {
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  if (typeof value === "string" && /^-?\d{1,16}$/.test(value)) {
    const n = Number(value);
    if (Number.isSafeInteger(n)) return n;
  }
  throw new FieldProblem(path, "an integer or a numeric string", value);
}

function optionalInt(value: unknown, path: string, fallback: number): number {
  return value === undefined || value === null ? fallback : lenientInt(value, path);
}

/**
 * A time in epoch milliseconds that a date can render: 9e15 passed as an integer, then failed the
 * Terraform data source as "Invalid time value" when written as RFC 3339. Refused here, on every
 * surface alike, naming the job.
 */
function optionalEpochMs(value: unknown, path: string): number {
  const ms = optionalInt(value, path, 0);
  if (ms < 0 || ms > MAX_EPOCH_MS) {
    throw new FieldProblem(path, `a time in epoch milliseconds from 0 to ${MAX_EPOCH_MS}`, value);
  }
  return ms;
}

function optionalString(value: unknown, path: string): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  throw new FieldProblem(path, "a string", value);
}

/** A number that may have a fraction (the Python SDK types `remaining_duration` as a float). */
function extraNumber(value: unknown, path: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^-?\d{1,16}(\.\d{1,9})?$/.test(value)) return Number(value);
  throw new FieldProblem(path, "a number or a numeric string", value);
}

function extraString(value: unknown, path: string): string | undefined {
  return value === undefined || value === null ? undefined : optionalString(value, path);
}

function mapFlavor(value: unknown, path: string): JobFlavor | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) throw new FieldProblem(path, 'an object such as {"code": "..."}', value);
  const code = extraString(value.code, `${path}.code`);
  return code === undefined ? undefined : { code };
}

/** A schedule: an array of rules (one rule alone is read as a list of one); `timeUnit` or `time_unit`. */
function mapSchedule(value: unknown, path: string): JobSchedule[] | undefined {
  if (value === undefined || value === null) return undefined;
  const rules = Array.isArray(value) ? value : [value];
  return rules.map((rule, i) => {
    const at = `${path}[${i}]`;
    if (!isRecord(rule)) throw new FieldProblem(at, "an object", rule);
    const entry: { type?: string; timeUnit?: string; duration?: number } = {};
    const type = extraString(rule.type, `${at}.type`);
    const timeUnit = extraString(rule.timeUnit ?? rule.time_unit, `${at}.time_unit`);
    const duration = extraNumber(rule.duration, `${at}.duration`);
    if (type !== undefined) entry.type = type;
    if (timeUnit !== undefined) entry.timeUnit = timeUnit;
    if (duration !== undefined) entry.duration = duration;
    return entry;
  });
}

/**
 * Maps one wire job to a {@link VisualizationJob}. Hand-written rather than a schema: it runs
 * once per job (100,000 in a large listing) and keeps validation within the cost of `JSON.parse`
 * (see `npm run bench`).
 */
function mapJob(raw: unknown, index: number): VisualizationJob {
  try {
    return mapJobFields(raw);
  } catch (e) {
    if (!(e instanceof FieldProblem)) throw e;
    // Named by its id too, when it has one, so that the job can be found in the console.
    const id = isRecord(raw) ? raw.job_id : undefined;
    const named = e.path !== "job_id" && (typeof id === "number" || typeof id === "string");
    throw e.within(`jobs[${index}]`, named ? `job_id ${show(id)}` : undefined);
  }
}

/** {@link mapJob}'s work, with paths relative to the job. */
function mapJobFields(raw: unknown): VisualizationJob {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new FieldProblem("", "an object", raw);
  const j = raw as Record<string, unknown>;
  const status = lenientInt(j.status, "status");
  if (typeof j.job_name !== "string") throw new FieldProblem("job_name", "a string", j.job_name);
  const job: Record<string, unknown> = {
    jobId: lenientInt(j.job_id, "job_id"),
    jobName: j.job_name,
    jobDesc: optionalString(j.job_desc, "job_desc"),
    status,
    statusName: jobStatusName(status),
    createTime: optionalEpochMs(j.create_time, "create_time"),
    duration: optionalInt(j.duration, "duration", 0),
    serviceUrl: optionalString(j.service_url, "service_url"),
    trainUrl: optionalString(j.train_url, "train_url"),
    resourceId: optionalString(j.resource_id, "resource_id"),
  };
  // Fields real answers carry beyond the doc page: set only when present, so that a job from a
  // server without them has no undefined keys (the state and JSON output stay as they were).
  const jobType = extraString(j.job_type, "job_type");
  const flavor = mapFlavor(j.flavor, "flavor");
  const schedule = mapSchedule(j.schedule, "schedule");
  const remainingDuration = extraNumber(j.remaining_duration, "remaining_duration");
  if (jobType !== undefined) job.jobType = jobType;
  if (flavor !== undefined) job.flavor = flavor;
  if (schedule !== undefined) job.schedule = schedule;
  if (remainingDuration !== undefined) job.remainingDuration = remainingDuration;
  return job as unknown as VisualizationJob;
}

/**
 * The page's jobs with each `serviceUrl` as every surface hands it out (http(s), no userinfo,
 * normalised; "" otherwise), then frozen. Done per page, so the origins a page shares are parsed
 * once (serviceUrl.ts), and for the job's own field as for the result's `serviceUrls`.
 */
function withSafeServiceUrls(jobs: VisualizationJob[]): VisualizationJob[] {
  const urls = safeServiceUrls(jobs.map((j) => j.serviceUrl));
  for (const [i, job] of jobs.entries()) {
    (job as { serviceUrl: string }).serviceUrl = urls[i]!;
    Object.freeze(job);
  }
  return jobs;
}

/**
 * Maps a list-call body (already known to be a success: see {@link apiFailureOf}) to a page.
 *
 * @throws ModelArtsResponseError naming the first field that is wrong.
 */
export function parseJobsPage(body: unknown, context: BodyContext): JobsPage {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw shapeError(context, `the body must be a JSON object, got ${show(body)}`);
  }
  const b = body as Record<string, unknown>;
  try {
    if (!Array.isArray(b.jobs)) throw new FieldProblem("jobs", "an array", b.jobs);
    const totalCount = lenientInt(b.job_total_count, "job_total_count");
    if (totalCount < 0)
      throw new FieldProblem("job_total_count", "an integer of at least 0", b.job_total_count);
    const page: JobsPage = {
      totalCount,
      jobCountLimit: b.job_count_limit == null ? undefined : lenientInt(b.job_count_limit, "job_count_limit"),
      quotas: b.quotas == null ? undefined : lenientInt(b.quotas, "quotas"),
      jobs: withSafeServiceUrls(b.jobs.map(mapJob)),
    };
    return page;
  } catch (e) {
    if (e instanceof FieldProblem)
      throw shapeError(
        context,
        `${e.path} must be ${e.rule}, got ${show(e.value)}${e.job ? ` (${e.job})` : ""}`,
      );
    throw e;
  }
}

/** An error a body reports, in either of the API's two formats. */
export interface ApiFailure {
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly requestId?: string;
}

function stringOrUndefined(value: unknown): string | undefined {
  if (typeof value === "string" && value !== "") return value;
  if (typeof value === "number") return String(value);
  return undefined;
}

/**
 * The error a body reports, if any: a ModelArts body (`is_success: false`, `error_code`,
 * `error_message` or the older `error_msg`) or an API-gateway body (`error_code`, `error_msg`,
 * `request_id`). Undefined for a body that reports no error.
 */
export function apiFailureOf(body: unknown): ApiFailure | undefined {
  const parsed = WIRE_ERROR_ENVELOPE.safeParse(body);
  if (!parsed.success) return undefined;
  const b = parsed.data;
  // A successful body may carry `"error_code": 0` (or "0"): no error. `is_success: true` wins too.
  const code = stringOrUndefined(b.error_code);
  const errorCode = code === "0" ? undefined : code;
  const saysFailed = b.is_success === false || b.is_success === "false";
  const saysSucceeded = b.is_success === true || b.is_success === "true";
  const failed = saysFailed || (errorCode !== undefined && !saysSucceeded);
  if (!failed) return undefined;
  // Cut before anything redacts or shows them: an error body may be megabytes.
  const clipped = (text: string | undefined) => (text === undefined ? undefined : clipServerText(text));
  return {
    errorCode: clipped(errorCode),
    errorMessage: clipped(stringOrUndefined(b.error_message) ?? stringOrUndefined(b.error_msg)),
    requestId: clipped(stringOrUndefined(b.request_id)),
  };
}

/**
 * The project ids an IAM `GET /v3/projects?name=...` body lists.
 *
 * @throws ModelArtsResponseError when the body is not of that shape.
 */
export function parseProjectIds(body: unknown, context: BodyContext): string[] {
  const projects = isRecord(body) ? body.projects : undefined;
  const wellFormed =
    Array.isArray(projects) &&
    projects.every(
      (p) =>
        isRecord(p) &&
        typeof p.id === "string" &&
        p.id !== "" &&
        (p.name === undefined || typeof p.name === "string"),
    );
  if (!wellFormed) {
    throw shapeError(context, 'the body must be {"projects": [{"id": "...", "name": "..."}]}');
  }
  const ids = (projects as Array<{ id: string }>).map((p) => p.id);
  // The id becomes a path segment of every later request: hold IAM's answer to the rule a configured
  // id meets, so that an answer such as `../../v2/other-tenant` cannot send a signed request elsewhere.
  const bad = ids.findIndex((id) => !PROJECT_ID_PATTERN.test(id));
  if (bad >= 0) {
    throw shapeError(
      context,
      `projects[${bad}].id must be letters, digits, '-' and '_' (a project id), got ${show(ids[bad])}`,
    );
  }
  return ids;
}
