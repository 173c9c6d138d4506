/**
 * The emulator's control API: what TypeScript tests do through `RunningEmulator`, over HTTP for
 * tests in any language (README, "The emulator"). It lives under `/_emulator/`, a path the real API
 * cannot have, and answers only requests carrying the emulator's secret key in `X-Emulator-Key`.
 *
 *   GET    /_emulator/jobs            the jobs              PUT  /_emulator/jobs   replace them
 *   POST   /_emulator/jobs            add or replace some   PATCH /_emulator/jobs/{id}, DELETE too
 *   POST   /_emulator/faults          {fault, count?, when?: {pathContains?, page?}}
 *   DELETE /_emulator/faults          clear them            PUT  /_emulator/latency  {ms}
 *   GET    /_emulator/requests        the request log       DELETE /_emulator/requests  empty it
 */
import { timingSafeEqual } from "node:crypto";
import type { Fault, FaultOptions } from "./faults";
import { parseJobInputs, parseJobPatch } from "./jobInput";
import type { Reply } from "./replies";
import type { RunningEmulator } from "./types";

/** Where the control API lives. */
export const CONTROL_PREFIX = "/_emulator/";

/** The header that carries the emulator's secret key. */
export const CONTROL_KEY_HEADER = "x-emulator-key";

const FAULT_KINDS: ReadonlySet<string> = new Set([
  "status",
  "apiFailure",
  "reset",
  "truncate",
  "malformed",
  "delay",
]);

/** A request to the control API, decoded. */
export interface ControlRequest {
  readonly method: string;
  readonly path: string;
  readonly key: string | undefined;
  /** The body parsed as JSON; undefined when there was none. */
  readonly body: unknown;
}

const ok = (body: unknown = { ok: true }): Reply => ({ status: 200, body });
const problem = (status: number, message: string): Reply => ({ status, body: { error: message } });

function sameKey(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? "");
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A fault request's fault and options (the predicate built from `when`). */
function faultOf(body: unknown): { fault: Fault; options: FaultOptions } {
  const { fault, count, when } = (body ?? {}) as {
    fault?: { kind?: unknown };
    count?: number;
    when?: unknown;
  };
  if (typeof fault !== "object" || fault === null || !FAULT_KINDS.has(String(fault.kind))) {
    throw new RangeError(`body.fault.kind must be one of ${[...FAULT_KINDS].join(", ")}`);
  }
  const { pathContains, page } = (when ?? {}) as { pathContains?: string; page?: number };
  const matches = (target: { path: string; query: Readonly<Record<string, string>> }) =>
    (pathContains === undefined || target.path.includes(pathContains)) &&
    (page === undefined || target.query.page === String(page));
  return { fault: fault as Fault, options: { count, when: when === undefined ? undefined : matches } };
}

/** The job id at the end of `/_emulator/jobs/{id}`. */
function jobIdIn(path: string): number | undefined {
  const match = /^jobs\/(\d+)$/.exec(path);
  return match === null ? undefined : Number(match[1]);
}

/** Runs one control request against the emulator. */
function dispatch(emulator: RunningEmulator, method: string, path: string, body: unknown): Reply {
  const id = jobIdIn(path);
  const route = `${method} ${id === undefined ? path : "jobs/{id}"}`;
  switch (route) {
    case "GET jobs":
      return ok(emulator.jobs());
    case "PUT jobs":
      emulator.setJobs(parseJobInputs(body, "body"));
      return ok({ count: emulator.jobs().length });
    case "POST jobs":
      emulator.putJobs(...parseJobInputs(body, "body"));
      return ok({ count: emulator.jobs().length });
    case "PATCH jobs/{id}":
      emulator.updateJob(id!, parseJobPatch(body, "body"));
      return ok(emulator.jobs().find((j) => j.jobId === id));
    case "DELETE jobs/{id}":
      emulator.removeJob(id!);
      return ok();
    case "POST faults": {
      const { fault, options } = faultOf(body);
      emulator.injectFault(fault, options);
      return ok();
    }
    case "DELETE faults":
      emulator.clearFaults();
      return ok();
    case "PUT latency":
      emulator.setLatency((body as { ms?: number } | undefined)?.ms ?? Number.NaN);
      return ok();
    case "GET requests":
      return ok(emulator.requests);
    case "DELETE requests":
      emulator.requests.splice(0);
      return ok();
    default:
      return problem(
        404,
        `no control route ${method} ${CONTROL_PREFIX}${path}; see the README, "The emulator"`,
      );
  }
}

/** Answers a control request: 401 without the key, 400 for a bad body or value, 404 for no such job. */
export function answerControl(emulator: RunningEmulator, request: ControlRequest): Reply {
  if (!sameKey(request.key, emulator.settings.secretKey)) {
    return problem(
      401,
      `the control API needs the emulator's secret key in the ${CONTROL_KEY_HEADER} header`,
    );
  }
  try {
    return dispatch(emulator, request.method, request.path.slice(CONTROL_PREFIX.length), request.body);
  } catch (error) {
    const message = (error as Error).message;
    return problem(/has no job/.test(message) ? 404 : 400, message);
  }
}
