/**
 * Jobs given as JSON (the command line's `--jobs FILE`, the control API's bodies), checked field by
 * field: a job the emulator would then serve wrongly, or crash on, is refused with where it is.
 */

import { ModelArtsEmulatorError } from "../provider/support/errors";
import type { EmulatorJob, EmulatorJobInput } from "./jobStore";
import { typeOf } from "./valueType";

/** The type each optional field must have. */
const FIELD_TYPES: Readonly<Record<string, "string" | "number" | "object" | "array" | "number|null">> = {
  jobDesc: "string",
  status: "number",
  createTime: "number",
  duration: "number",
  serviceUrl: "string",
  trainUrl: "string",
  resourceId: "string",
  workspaceId: "string",
  jobType: "string",
  flavor: "object",
  schedule: "array",
  remainingDuration: "number|null",
};

/** The problem with one field's value, or undefined. */
function fieldProblem(field: string, value: unknown): string | undefined {
  // Own fields only: "__proto__" or "toString" is no field of a job, whatever Object.prototype has.
  const expected = Object.hasOwn(FIELD_TYPES, field) ? FIELD_TYPES[field] : undefined;
  if (expected === undefined)
    return `${field} is not a field of a job (its fields: jobId, jobName, ${Object.keys(FIELD_TYPES).join(", ")})`;
  const actual = typeOf(value);
  if (!expected.split("|").includes(actual)) return `${field} must be a ${expected}, got ${actual}`;
  if (actual === "number" && !Number.isFinite(value)) return `${field} must be a finite number`;
  if (field === "flavor" && typeof (value as { code?: unknown }).code !== "string")
    return "flavor must be { code: string }";
  return undefined;
}

/** One job input, or the problems with it. */
function jobProblems(value: unknown, where: string): string[] {
  if (typeOf(value) !== "object") return [`${where} must be an object, got ${typeOf(value)}`];
  const job = value as Record<string, unknown>;
  const problems: string[] = [];
  if (!Number.isSafeInteger(job.jobId) || (job.jobId as number) < 0)
    problems.push(`${where}.jobId must be a whole number`);
  if (typeof job.jobName !== "string" || job.jobName === "")
    problems.push(`${where}.jobName must be a non-empty string`);
  for (const [field, fieldValue] of Object.entries(job)) {
    if (field === "jobId" || field === "jobName") continue;
    const problem = fieldProblem(field, fieldValue);
    if (problem !== undefined) problems.push(`${where}.${problem}`);
  }
  return problems;
}

/** Jobs from parsed JSON: a list of jobs (or one job). Throws a ModelArtsEmulatorError listing every problem. */
export function parseJobInputs(value: unknown, source: string): EmulatorJobInput[] {
  const list = Array.isArray(value) ? value : [value];
  const problems = list.flatMap((job, i) => jobProblems(job, `job ${i}`));
  if (problems.length > 0) throw new ModelArtsEmulatorError(`${source}: ${problems.slice(0, 10).join("; ")}`);
  return list as EmulatorJobInput[];
}

/** A change to one job, checked like a job's fields. */
export function parseJobPatch(value: unknown, source: string): Partial<Omit<EmulatorJob, "jobId">> {
  if (typeOf(value) !== "object")
    throw new ModelArtsEmulatorError(`${source}: a change must be an object, got ${typeOf(value)}`);
  const problems = Object.entries(value as Record<string, unknown>)
    .map(([field, v]) =>
      field === "jobName"
        ? typeof v === "string" && v !== ""
          ? undefined
          : "jobName must be a non-empty string"
        : fieldProblem(field, v),
    )
    .filter((p): p is string => p !== undefined);
  if (problems.length > 0) throw new ModelArtsEmulatorError(`${source}: ${problems.join("; ")}`);
  return value as Partial<Omit<EmulatorJob, "jobId">>;
}
