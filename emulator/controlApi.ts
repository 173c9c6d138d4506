/**
 * The emulator's control API: what TypeScript tests do through `RunningEmulator`, over HTTP for
 * tests in any language (docs/emulator.md). It lives under `/_emulator/`, a path the real API
 * cannot have, and answers only requests carrying the emulator's secret key in `X-Emulator-Key`.
 *
 *   GET    /_emulator/jobs            the jobs              PUT  /_emulator/jobs   replace them
 *   POST   /_emulator/jobs            add or replace some   PATCH /_emulator/jobs/{id}, DELETE too
 *   POST   /_emulator/faults          {fault, count?, when?: {pathContains?, page?}}
 *   DELETE /_emulator/faults          clear them            PUT  /_emulator/latency  {ms}
 *   GET    /_emulator/requests        the request log, a page at a time (?offset=&limit=, at most 1000)
 *   DELETE /_emulator/requests        empty it
 *   POST   /_emulator/identity-providers  {id, tokens?}: IAM accepts these id tokens from provider id
 *                                     (none given: one is issued); answers {id, tokens}
 *
 * The key is checked before a body is read (app.ts), and a body is read up to 16 MiB.
 */
import { timingSafeEqual } from "node:crypto";
import { ModelArtsEmulatorError } from "../provider/support/errors";
import { parseFaultRequest } from "./faultInput";
import { parseJobInputs, parseJobPatch } from "./jobInput";
import type { Reply } from "./replies";
import { MAX_LOG_PAGE } from "./requestLog";
import { CONTROL_KEY_HEADER } from "./secretKey";
import type { RunningEmulator } from "./types";

/** Where the control API lives. */
export const CONTROL_PREFIX = "/_emulator/";

/** The largest body the control API reads: a list of jobs. */
export const MAX_CONTROL_BODY_BYTES = 16 * 1024 * 1024;

/** A request to the control API, decoded (its key already checked). */
export interface ControlRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** The body parsed as JSON; undefined when there was none. */
  readonly body: unknown;
}

const ok = (body: unknown = { ok: true }): Reply => ({ status: 200, body });
const problem = (status: number, message: string): Reply => ({ status, body: { error: message } });

/** Whether a request's `X-Emulator-Key` is the emulator's key, compared in constant time. */
export function controlKeyMatches(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? "");
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The job id at the end of `/_emulator/jobs/{id}`. */
function jobIdIn(path: string): number | undefined {
  const match = /^jobs\/(\d+)$/.exec(path);
  return match === null ? undefined : Number(match[1]);
}

/** A whole number of a paging parameter, from 0 (or 1) up to `max`. */
function pagingNumber(
  query: Readonly<Record<string, string>>,
  name: string,
  min: number,
  max: number,
  fallback: number,
) {
  const text = query[name];
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max)
    throw new ModelArtsEmulatorError(
      `${name} must be a whole number from ${min} to ${max}, got "${text.slice(0, 32)}"`,
    );
  return n;
}

/**
 * One page of the request log: the records as a JSON list (as before paging, so that existing
 * readers keep working), `X-Total-Count`, and a `Link: <...>; rel="next"` while more follow, as
 * paged HTTP APIs do.
 */
function requestLogPage(emulator: RunningEmulator, query: Readonly<Record<string, string>>): Reply {
  const offset = pagingNumber(query, "offset", 0, Number.MAX_SAFE_INTEGER, 0);
  const limit = pagingNumber(query, "limit", 1, MAX_LOG_PAGE, MAX_LOG_PAGE);
  const total = emulator.requests.length;
  const headers: Record<string, string> = { "x-total-count": String(total) };
  if (offset + limit < total) {
    headers.link = `<${emulator.settings.controlUrl}requests?offset=${offset + limit}&limit=${limit}>; rel="next"`;
  }
  return { status: 200, body: emulator.requests.slice(offset, offset + limit), headers };
}

/** Runs one control request against the emulator. */
function dispatch(emulator: RunningEmulator, request: ControlRequest): Reply {
  const { method, query, body } = request;
  const path = request.path.slice(CONTROL_PREFIX.length);
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
      const { fault, count, when } = parseFaultRequest(body);
      emulator.injectFault(fault, { count, when });
      return ok();
    }
    case "DELETE faults":
      emulator.clearFaults();
      return ok();
    case "PUT latency":
      emulator.setLatency((body as { ms?: number } | undefined)?.ms ?? Number.NaN);
      return ok();
    case "GET requests":
      return requestLogPage(emulator, query);
    case "DELETE requests":
      emulator.requests.splice(0);
      return ok();
    case "POST identity-providers": {
      const { id, tokens } = (body ?? {}) as { id?: unknown; tokens?: unknown };
      return ok({ id, tokens: emulator.identityProvider(id as string, tokens as string[] | undefined) });
    }
    default:
      return problem(404, `no control route ${method} ${CONTROL_PREFIX}${path}; see docs/emulator.md`);
  }
}

/** The answer to a request without the emulator's key. */
export const MISSING_KEY_REPLY: Reply = problem(
  401,
  `the control API needs the emulator's secret key in the ${CONTROL_KEY_HEADER} header`,
);

/** Answers a control request whose key was checked: 400 for a bad body or value, 404 for no such job. */
export function answerControl(emulator: RunningEmulator, request: ControlRequest): Reply {
  try {
    return dispatch(emulator, request);
  } catch (error) {
    // Anything else is a fault of the emulator itself: the app answers it 500.
    if (!ModelArtsEmulatorError.isInstance(error)) throw error;
    return problem(error.notFound ? 404 : 400, error.message);
  }
}
