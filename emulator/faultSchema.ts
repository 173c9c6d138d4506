/**
 * The rules of a fault, once: each kind the emulator plays and every field's rule, as one zod union,
 * by which faultInput.ts checks a fault given as JSON. A fault the emulator cannot play as asked (a
 * delay a timer cannot wait, a status that is no HTTP status, a `Retry-After` that would split the
 * headers) is refused naming the field, instead of being played as something else. The public `Fault`
 * type (fault.ts) is written without zod, whose declarations a program's compiler options may not
 * load; checkedFault returns this schema's output as a `Fault`, so the compiler checks that every kind
 * and field the schema accepts fits that type.
 */
import * as z from "zod/mini";
import { MAX_LATENCY_MS } from "./latency";

/** The most characters of a fault's body or message. */
const MAX_FAULT_TEXT = 1024 * 1024;

// A CR or LF in a header value would split the response's headers.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const headerSafe = (text: string) => text.length <= 256 && !/[\u0000-\u001f\u007f]/.test(text);
const isWhole = (value: unknown): value is number => Number.isInteger(value);

/** A field's value with the rule its refusal states. */
const ruled = <T>(accepts: (value: unknown) => boolean, rule: string) =>
  z.custom<T>(accepts, { error: rule });

const httpStatus = ruled<number>(
  (v) => isWhole(v) && v >= 200 && v <= 599,
  "must be an HTTP status from 200 to 599",
);
const headerText = ruled<string>(
  (v) => typeof v === "string" && v !== "" && headerSafe(v),
  "must be a non-empty string of at most 256 characters, without control characters",
);
const text = ruled<string>(
  (v) => typeof v === "string" && v.length <= MAX_FAULT_TEXT,
  `must be a string of at most ${MAX_FAULT_TEXT} characters`,
);
const retryAfter = ruled<string | number>(
  (v) => (isWhole(v) && v >= 0) || (typeof v === "string" && v !== "" && headerSafe(v)),
  "must be whole seconds (>= 0) or an HTTP date, without control characters",
);
const ms = ruled<number>(
  (v) => isWhole(v) && v >= 0 && v <= MAX_LATENCY_MS,
  `must be a whole number of ms from 0 to ${MAX_LATENCY_MS}`,
);

/** Every kind of fault and its fields. */
export const FAULT = z.discriminatedUnion("kind", [
  /** An HTTP error status, with `Retry-After` when given, and a body (default: a gateway JSON error). */
  z.strictObject({
    kind: z.literal("status"),
    status: httpStatus,
    retryAfter: z.optional(retryAfter),
    body: z.optional(text),
    contentType: z.optional(headerText),
  }),
  /** `is_success: false` with this error code, in a response of this status (default 200). */
  z.strictObject({
    kind: z.literal("apiFailure"),
    errorCode: headerText,
    errorMessage: z.optional(text),
    status: z.optional(httpStatus),
  }),
  /** The connection is reset before any response. */
  z.strictObject({ kind: z.literal("reset") }),
  /** The headers and half of the body are sent (with the full Content-Length), then the connection is cut. */
  z.strictObject({ kind: z.literal("truncate") }),
  /** A 200 whose body is not JSON. */
  z.strictObject({ kind: z.literal("malformed"), body: z.optional(text) }),
  /** The answer comes this much later (a stalled response, when longer than the client's timeout). */
  z.strictObject({ kind: z.literal("delay"), ms }),
]);
