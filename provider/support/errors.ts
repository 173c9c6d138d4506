/**
 * The errors this package throws. Each has a stable `code`, a message that says what was asked,
 * what came back and what to do, and never a secret: every message and every `cause` passes
 * through {@link forDisplay} (redacted, control characters escaped). Like Pulumi's `RunError`, the classes are recognised by a brand
 * (`ModelArtsApiError.isInstance(x)`), so checks still work when two copies of this package are
 * loaded (a program's and the dynamic provider's). Each class has a brand of its own, and an error
 * carries the brands of its class and of every class above it: `ModelArtsError.isInstance` is true
 * of every error here, `ModelArtsApiError.isInstance` only of API errors.
 */

import { joinWords, render, type Words } from "../surfaces/wording";
import type { Surface } from "../wire/entryKeys.generated";
import { forDisplay, redact } from "./redact";

/** Words with their text redacted and control characters escaped, as a message is. */
function displayWords(parts: Words): Words {
  return Object.freeze(parts.map((part) => (typeof part === "string" ? forDisplay(part) : part)));
}

/** The brand of a class, by its name: shared by every copy of this package in the process. */
function brandOf(className: string): symbol {
  return Symbol.for(`pulumi-modelarts:${className}`);
}

/** Stable codes of {@link ModelArtsError}s, for programs that branch on the kind of failure. */
export type ModelArtsErrorCode =
  | "MODELARTS_CONFIG"
  | "MODELARTS_VALIDATION"
  | "MODELARTS_API"
  | "MODELARTS_NETWORK"
  | "MODELARTS_RESPONSE"
  | "MODELARTS_TIMEOUT"
  | "MODELARTS_CANCELLED"
  | "MODELARTS_NO_MATCH"
  | "MODELARTS_AMBIGUOUS_MATCH"
  | "MODELARTS_PROXY"
  | "MODELARTS_PROTOCOL"
  | "MODELARTS_EMULATOR";

/**
 * The base of every error this package throws.
 *
 * @example
 * ```ts
 * try { await getVisualizationJob({ name: "tb-main" }); }
 * catch (e) { if (ModelArtsError.isInstance(e) && e.code === "MODELARTS_NO_MATCH") { ... } }
 * ```
 */
export class ModelArtsError extends Error {
  /** A stable string naming the kind of failure. */
  readonly code: ModelArtsErrorCode;

  /**
   * The message as structure: each surface renders its references in its own names. Redacted like
   * the message, and not enumerable, so that a serialized error holds its text once.
   */
  declare readonly words: Words;

  constructor(code: ModelArtsErrorCode, message: string | Words, options?: { cause?: unknown }) {
    const parts = typeof message === "string" ? [message] : message;
    super(
      forDisplay(render(parts, "typescript")),
      options?.cause === undefined ? undefined : { cause: sanitizeCause(options.cause) },
    );
    this.code = code;
    Object.defineProperty(this, "words", { value: displayWords(parts), enumerable: false });
    this.name = new.target.name;
    for (let c: unknown = new.target; c !== Error && typeof c === "function"; c = Object.getPrototypeOf(c)) {
      Object.defineProperty(this, brandOf((c as { name: string }).name), { value: true });
    }
  }

  /**
   * The message in a surface's names: `max_retries` for Terraform, `modelarts:maxRetries` for the
   * plugin, `HW_MAX_RETRIES` for the command line; `message` is TypeScript's.
   */
  messageOn(surface: Surface): string {
    return forDisplay(render(this.words, surface));
  }

  /**
   * True when `x` is an error of this class (or a subclass) from any copy of this package:
   * `ModelArtsError.isInstance(e)` for any of ours, `ModelArtsApiError.isInstance(e)` for API errors.
   */
  static isInstance<T extends ModelArtsError>(
    this: abstract new (
      ...args: never[]
    ) => T,
    x: unknown,
  ): x is T {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class it is called on, whose brand is checked.
    const brand = brandOf(this.name);
    return typeof x === "object" && x !== null && (x as Record<symbol, unknown>)[brand] === true;
  }

  /**
   * `e instanceof ModelArtsApiError` by the brand, as undici's errors do: true also of an error from
   * another copy of this package (a program's and the dynamic provider's), where the prototype
   * chain would say false.
   */
  static override [Symbol.hasInstance](x: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class `instanceof` asks about.
    return (this as typeof ModelArtsError).isInstance(x);
  }
}

/** A setting is missing or invalid (region, endpoint, credentials, retries, ...). */
export class ModelArtsConfigError extends ModelArtsError {
  constructor(message: string | Words) {
    super("MODELARTS_CONFIG", message);
  }
}

/**
 * One invalid argument: the entry (`status`), the element when a list's (`1`), and what is wrong,
 * as words each surface renders in its names; `field` and `message` are TypeScript's.
 */
export interface ValidationIssue {
  /** The field as TypeScript names it: `pageSize`, `status[1]`. */
  readonly field: string;
  /** The problem as TypeScript says it: `pageSize must be an integer from 1 to 1000, got 0`. */
  readonly message: string;
  /** The argument (its Pulumi name), or undefined when the problem is the arguments as a whole. */
  readonly argument?: string;
  /** The element of a list argument. */
  readonly index?: number;
  /** The problem as words, starting with the argument's reference when there is one. */
  readonly words: Words;
}

/**
 * An issue of one argument (or of its element `index`), or of the arguments as a whole when
 * `argument` is undefined: `problem` follows the argument's name (`must be ..., got 0`).
 */
export function validationIssue(
  argument: string | undefined,
  problem: Words,
  index?: number,
): ValidationIssue {
  const ref = argument === undefined ? [] : [{ argument, ...(index !== undefined && { index }) }];
  const message: Words = [...ref, ...(argument === undefined ? [] : [" "]), ...problem];
  const field =
    argument === undefined ? "(arguments)" : index === undefined ? argument : `${argument}[${index}]`;
  return {
    field,
    message: render(message, "typescript"),
    ...(argument !== undefined && { argument }),
    ...(index !== undefined && { index }),
    words: message,
  };
}

/** The arguments of a lookup are invalid; raised before any request is sent. */
export class ModelArtsValidationError extends ModelArtsError {
  /** Each bad field, with a message naming the field, the rule and the value given. */
  readonly issues: readonly ValidationIssue[];

  /** How many more problems there were than `issues` lists (it lists the first 20). */
  readonly moreIssues: number;

  constructor(context: string, issues: readonly ValidationIssue[], moreIssues = 0) {
    const more = moreIssues > 0 ? `; and ${moreIssues} more problem${moreIssues === 1 ? "" : "s"}` : "";
    super("MODELARTS_VALIDATION", [
      `Invalid arguments to ${context}: `,
      ...joinWords(
        issues.map((i) => i.words),
        "; ",
      ),
      more,
    ]);
    this.issues = issues.map((i) => ({ ...i, message: forDisplay(i.message), words: displayWords(i.words) }));
    this.moreIssues = moreIssues;
  }
}

/** What an API error carries besides its message. */
export interface ApiErrorDetails {
  /** The service that answered, as messages name it; default "ModelArts" (also "IAM"). */
  readonly service?: string;
  /** The operation, e.g. `GET /v1/{project_id}/visualization-jobs`. */
  readonly operation: string;
  /** The HTTP status (200 when the body said `is_success: false`). */
  readonly status: number;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly requestId?: string;
  /** What the user can do about it, when we know. */
  readonly hint?: string | Words;
  /** How many attempts were made, when more than one. */
  readonly attempts?: number;
}

/** The API answered with an error (an HTTP error status or `is_success: false`). */
export class ModelArtsApiError extends ModelArtsError {
  readonly operation: string;
  readonly status: number;
  readonly errorCode: string | undefined;
  readonly errorMessage: string | undefined;
  readonly requestId: string | undefined;

  /** What it was made from, for {@link ModelArtsApiError.withHint}. */
  readonly #details: ApiErrorDetails;

  constructor(details: ApiErrorDetails) {
    const parts = [`HTTP ${details.status}`, details.errorCode, details.errorMessage]
      .filter(Boolean)
      .join(" ");
    const id = details.requestId ? ` (request id ${details.requestId})` : "";
    const attempts = details.attempts && details.attempts > 1 ? `, after ${details.attempts} attempts` : "";
    const hint =
      details.hint === undefined ? [] : typeof details.hint === "string" ? [details.hint] : details.hint;
    super("MODELARTS_API", [
      `${details.service ?? "ModelArts"} ${details.operation} failed: ${parts}${id}${attempts}`,
      ...(hint.length > 0 ? [". ", ...hint] : []),
    ]);
    this.#details = details;
    this.operation = details.operation;
    this.status = details.status;
    this.errorCode = details.errorCode;
    this.errorMessage = details.errorMessage === undefined ? undefined : forDisplay(details.errorMessage);
    this.requestId = details.requestId;
  }

  /** The same failure, its hint followed by `more` (a 401 naming where the keys came from). */
  /** The same failure with `hint` in place of its own: what to check, where the general hint would mislead. */
  withOwnHint(hint: string): ModelArtsApiError {
    return new ModelArtsApiError({ ...this.#details, hint });
  }

  withHint(more: Words): ModelArtsApiError {
    const hint = this.#details.hint;
    const before = hint === undefined ? [] : typeof hint === "string" ? [hint, ". "] : [...hint, ". "];
    return new ModelArtsApiError({ ...this.#details, hint: [...before, ...more] });
  }
}

/** The request could not be completed: connection refused or reset, TLS failure, timeout. */
export class ModelArtsNetworkError extends ModelArtsError {
  constructor(message: string | Words, cause: unknown) {
    super("MODELARTS_NETWORK", message, { cause });
  }
}

/** The whole lookup took longer than its time bound (`timeoutSeconds`); nothing was left running. */
export class ModelArtsTimeoutError extends ModelArtsError {
  constructor(message: string | Words) {
    super("MODELARTS_TIMEOUT", message);
  }
}

/** The lookup was stopped from outside (the Pulumi engine's Cancel, Terraform's StopProvider); nothing was left running. */
export class ModelArtsCancelledError extends ModelArtsError {
  constructor(message: string | Words) {
    super("MODELARTS_CANCELLED", message);
  }
}

/** The API answered, but the body does not have the documented shape, or pages disagree. */
export class ModelArtsResponseError extends ModelArtsError {
  constructor(message: string | Words) {
    super("MODELARTS_RESPONSE", message);
  }
}

/**
 * An HTTP proxy (HTTPS_PROXY) refused or broke the tunnel to the API. Retried like a dropped
 * connection; after the last attempt, the lookup fails with a network error whose cause this is.
 */
export class ModelArtsProxyError extends ModelArtsError {
  constructor(message: string | Words) {
    super("MODELARTS_PROXY", message);
  }
}

/**
 * A protocol message from Terraform that cannot be read: a malformed DynamicValue, a value of the
 * wrong type for the schema, a data source this provider does not have. It becomes an error
 * diagnostic naming what was wrong, never a crash of the provider.
 */
export class ModelArtsProtocolError extends ModelArtsError {
  constructor(message: string | Words) {
    super("MODELARTS_PROTOCOL", message);
  }
}

/**
 * The emulator was asked something it cannot do: a job, fault, latency or option that is not valid
 * (each problem named), a job it does not have (`notFound`), a port it cannot listen on. The control
 * API answers it 404 when `notFound`, else 400.
 */
export class ModelArtsEmulatorError extends ModelArtsError {
  /** Whether what was asked for does not exist (a job id), rather than being malformed. */
  readonly notFound: boolean;

  constructor(message: string, options: { notFound?: boolean; cause?: unknown } = {}) {
    super("MODELARTS_EMULATOR", message, options);
    this.notFound = options.notFound ?? false;
  }
}

/** What a failed single-job lookup found: each job's id and name. */
export interface FoundJob {
  readonly jobId: number;
  readonly jobName: string;
}

/** `getVisualizationJob` found no job matching the filters. */
export class ModelArtsNoMatchError extends ModelArtsError {
  constructor(message: string | Words) {
    super("MODELARTS_NO_MATCH", message);
  }
}

/** `getVisualizationJob` found several jobs matching the filters; `jobs` lists them. */
export class ModelArtsAmbiguousMatchError extends ModelArtsError {
  /** The matching jobs' ids and names, in the requested order. */
  readonly jobs: readonly FoundJob[];

  constructor(message: string | Words, jobs: readonly FoundJob[]) {
    super("MODELARTS_AMBIGUOUS_MATCH", message);
    this.jobs = jobs.map(({ jobId, jobName }) => ({ jobId, jobName }));
  }
}

/**
 * A copy of a cause that keeps what helps a user (name, code, message, the cause's own cause) and
 * drops everything else: undici errors can reference the request and its headers, which hold the
 * Authorization header.
 */
function sanitizeCause(cause: unknown, depth = 0): unknown {
  if (!(cause instanceof Error)) return typeof cause === "string" ? forDisplay(cause) : undefined;
  const inner = depth < 4 && cause.cause !== undefined ? sanitizeCause(cause.cause, depth + 1) : undefined;
  const copy = new Error(forDisplay(cause.message), inner === undefined ? undefined : { cause: inner });
  copy.name = cause.name;
  const code = (cause as { code?: unknown }).code;
  if (typeof code === "string") Object.assign(copy, { code });
  if (cause.stack) copy.stack = redact(cause.stack);
  return copy;
}
