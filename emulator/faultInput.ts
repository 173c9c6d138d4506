/**
 * Faults given as JSON (the control API's `POST /_emulator/faults`) or by a TypeScript test, checked
 * field by field, as jobs are: a fault the emulator cannot play as asked (a delay a timer cannot
 * wait, a status that is no HTTP status, a `Retry-After` that would split the headers) is refused
 * naming the field, instead of being played as something else.
 */

import { ModelArtsEmulatorError } from "../provider/support/errors";
import type { Fault, FaultTarget } from "./fault";
import { MAX_LATENCY_MS } from "./latency";
import { typeOf } from "./valueType";

/** Each kind of fault, and the type of each of its optional (or, marked `!`, required) fields. */
const FAULT_FIELDS: Readonly<Record<Fault["kind"], Readonly<Record<string, string>>>> = {
  status: { "status!": "status", retryAfter: "retryAfter", body: "text", contentType: "headerText" },
  apiFailure: { "errorCode!": "headerText", errorMessage: "text", status: "status" },
  reset: {},
  truncate: {},
  malformed: { body: "text" },
  delay: { "ms!": "ms" },
};

/** The most characters of a fault's body or message. */
const MAX_FAULT_TEXT = 1024 * 1024;

const isObject = (value: unknown): value is Record<string, unknown> => typeOf(value) === "object";
// A CR or LF in a header value would split the response's headers.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const headerSafe = (text: string) => text.length <= 256 && !/[\u0000-\u001f\u007f]/.test(text);

/** The problem with one field's value by its rule, or undefined. */
function ruleProblem(rule: string, value: unknown): string | undefined {
  switch (rule) {
    case "status":
      return Number.isInteger(value) && (value as number) >= 200 && (value as number) <= 599
        ? undefined
        : "must be an HTTP status from 200 to 599";
    case "ms":
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_LATENCY_MS
        ? undefined
        : `must be a whole number of ms from 0 to ${MAX_LATENCY_MS}`;
    case "retryAfter":
      return (Number.isInteger(value) && (value as number) >= 0) ||
        (typeof value === "string" && headerSafe(value) && value !== "")
        ? undefined
        : "must be whole seconds (>= 0) or an HTTP date, without control characters";
    case "headerText":
      return typeof value === "string" && value !== "" && headerSafe(value)
        ? undefined
        : "must be a non-empty string of at most 256 characters, without control characters";
    default:
      return typeof value === "string" && value.length <= MAX_FAULT_TEXT
        ? undefined
        : `must be a string of at most ${MAX_FAULT_TEXT} characters`;
  }
}

/** The problems of a fault, each naming its field under `where`. */
function faultProblems(value: unknown, where: string): string[] {
  if (!isObject(value)) return [`${where} must be an object, got ${typeOf(value)}`];
  const kinds = Object.keys(FAULT_FIELDS);
  if (typeof value.kind !== "string" || !Object.hasOwn(FAULT_FIELDS, value.kind)) {
    return [`${where}.kind must be one of ${kinds.join(", ")}`];
  }
  const fields = FAULT_FIELDS[value.kind as Fault["kind"]];
  const problems: string[] = [];
  for (const [key, rule] of Object.entries(fields)) {
    const name = key.replace("!", "");
    if (value[name] === undefined) {
      if (key.endsWith("!")) problems.push(`${where}.${name} is required for a ${value.kind} fault`);
      continue;
    }
    const problem = ruleProblem(rule, value[name]);
    if (problem !== undefined) problems.push(`${where}.${name} ${problem}`);
  }
  const known = new Set(["kind", ...Object.keys(fields).map((k) => k.replace("!", ""))]);
  for (const name of Object.keys(value).filter((k) => !known.has(k))) {
    problems.push(
      `${where}.${name} is not a field of a ${value.kind} fault (its fields: ${[...known].join(", ")})`,
    );
  }
  return problems;
}

/** A fault, checked; throws a ModelArtsEmulatorError listing every problem. */
export function checkedFault(value: unknown, where = "fault"): Fault {
  const problems = faultProblems(value, where);
  if (problems.length > 0) throw new ModelArtsEmulatorError(problems.join("; "));
  return value as Fault;
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
