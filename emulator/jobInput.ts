/**
 * Jobs given as JSON (the command line's `--jobs FILE`, the control API's bodies), checked field by
 * field: a job the emulator would then serve wrongly, or crash on, is refused with where it is.
 */

import { ModelArtsEmulatorError } from "../provider/support/errors";
import { type FieldKind, JOB_FIELDS, type JobFieldKey, metaOf } from "../provider/wire/description";
import type { EmulatorJob, EmulatorJobInput } from "./jobStore";
import { typeOf } from "./valueType";

/** The JSON type a job field of each kind must have, given to the emulator. */
const KIND_TYPES: Readonly<Record<FieldKind, string>> = {
  id: "number",
  integer: "number",
  number: "number|null",
  string: "string",
  statusName: "string",
  epochMs: "number",
  flavor: "object",
  schedule: "array",
};

/** The fields every job given must have, checked first (the emulator's own input rule). */
const REQUIRED_INPUT = ["jobId", "jobName"];

/**
 * The type each optional field must have: every field of the API's JSON (the description's) but the
 * two every job must have, each by its kind; and the workspace the emulator files a job under.
 */
const FIELD_TYPES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    Object.entries(JOB_FIELDS)
      .filter(([key, schema]) => metaOf(schema).wire !== undefined && !REQUIRED_INPUT.includes(key))
      .map(([key, schema]) => [key, KIND_TYPES[metaOf(schema).kind!]]),
  ),
  workspaceId: "string",
};

/** The problem with one field's value, or undefined. */
function fieldProblem(field: string, value: unknown): string | undefined {
  // Own fields only: "__proto__" or "toString" is no field of a job, whatever Object.prototype has.
  const expected = Object.hasOwn(FIELD_TYPES, field) ? FIELD_TYPES[field] : undefined;
  if (expected === undefined)
    return `${field} is not a field of a job (its fields: ${[...REQUIRED_INPUT, ...Object.keys(FIELD_TYPES)].join(", ")})`;
  const actual = typeOf(value);
  if (!expected.split("|").includes(actual)) return `${field} must be a ${expected}, got ${actual}`;
  if (actual === "number" && !Number.isFinite(value)) return `${field} must be a finite number`;
  const kind = Object.hasOwn(JOB_FIELDS, field) ? metaOf(JOB_FIELDS[field as JobFieldKey]).kind : undefined;
  if (kind === "flavor" && typeof (value as { code?: unknown }).code !== "string")
    return `${field} must be { code: string }`;
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
    if (REQUIRED_INPUT.includes(field)) continue;
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
