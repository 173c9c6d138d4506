/**
 * Faults given as JSON (the control API's `POST /_emulator/faults`) or by a TypeScript test, checked
 * by the one description of a fault's rules (faultSchema.ts), each problem named by its field as jobs'
 * are.
 */

import type * as z from "zod/mini";
import { ModelArtsEmulatorError } from "../provider/support/errors";
import type { Fault, FaultTarget } from "./fault";
import { FAULT } from "./faultSchema";
import { typeOf } from "./valueType";

const isObject = (value: unknown): value is Record<string, unknown> => typeOf(value) === "object";

/** The kinds of fault, and each kind's fields, as the description has them. */
const FIELDS_OF: ReadonlyMap<string, readonly string[]> = new Map(
  FAULT._zod.def.options.map((option) => [
    String(option._zod.def.shape.kind._zod.def.values[0]),
    Object.keys(option._zod.def.shape),
  ]),
);

/** What the schema refused in a fault, each problem naming its field under `where`. */
function faultProblems(
  value: Record<string, unknown>,
  where: string,
  issues: readonly z.core.$ZodIssue[],
): string[] {
  const fields = FIELDS_OF.get(String(value.kind));
  if (fields === undefined) return [`${where}.kind must be one of ${[...FIELDS_OF.keys()].join(", ")}`];
  return issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map(
        (key) => `${where}.${key} is not a field of a ${value.kind} fault (its fields: ${fields.join(", ")})`,
      );
    }
    const field = String(issue.path[0]);
    return value[field] === undefined
      ? [`${where}.${field} is required for a ${value.kind} fault`]
      : [`${where}.${field} ${issue.message}`];
  });
}

/** A fault, checked; throws a ModelArtsEmulatorError listing every problem. */
export function checkedFault(value: unknown, where = "fault"): Fault {
  if (!isObject(value)) throw new ModelArtsEmulatorError(`${where} must be an object, got ${typeOf(value)}`);
  const parsed = FAULT.safeParse(value);
  if (!parsed.success)
    throw new ModelArtsEmulatorError(faultProblems(value, where, parsed.error.issues).join("; "));
  return parsed.data;
}

/** The predicate of a fault request's `when`: `{pathContains?: string, page?: number}`. */
function whenOf(value: unknown): ((target: FaultTarget) => boolean) | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) throw new ModelArtsEmulatorError(`body.when must be an object, got ${typeOf(value)}`);
  const { pathContains, page, ...rest } = value;
  const problems = Object.keys(rest).map(
    (k) => `body.when.${k} is not a condition (the conditions: pathContains, page)`,
  );
  if (pathContains !== undefined && typeof pathContains !== "string")
    problems.push("body.when.pathContains must be a string");
  if (page !== undefined && !(Number.isInteger(page) && (page as number) >= 1))
    problems.push("body.when.page must be a whole number >= 1");
  if (problems.length > 0) throw new ModelArtsEmulatorError(problems.join("; "));
  return (target) =>
    (pathContains === undefined || target.path.includes(pathContains as string)) &&
    (page === undefined || target.query.page === String(page));
}

/** A control API fault request: `{fault, count?, when?}`, each field checked. */
export function parseFaultRequest(body: unknown): {
  fault: Fault;
  count?: number;
  when?: (target: FaultTarget) => boolean;
} {
  if (!isObject(body))
    throw new ModelArtsEmulatorError(`body must be an object {fault, count?, when?}, got ${typeOf(body)}`);
  const unknown = Object.keys(body).filter((k) => !["fault", "count", "when"].includes(k));
  if (unknown.length > 0)
    throw new ModelArtsEmulatorError(
      `body.${unknown[0]} is not a field of a fault request (its fields: fault, count, when)`,
    );
  const fault = checkedFault(body.fault, "body.fault");
  if (body.count !== undefined && typeof body.count !== "number")
    throw new ModelArtsEmulatorError(`body.count must be a whole number >= 1, got ${typeOf(body.count)}`);
  return { fault, count: body.count as number | undefined, when: whenOf(body.when) };
}
