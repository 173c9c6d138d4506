/**
 * What a fault is, as the emulator's users type it: the kinds the emulator plays instead of (or before)
 * answering a request, and what a fault's predicate sees of a request. Without zod: this is public.
 * The rules of each field are faultSchema.ts's, whose output the compiler checks against this type.
 */

/** A fault to inject. */
export type Fault =
  /** An HTTP error status, with `Retry-After` when given, and a body (default: a gateway JSON error). */
  | {
      readonly kind: "status";
      readonly status: number;
      readonly retryAfter?: string | number;
      readonly body?: string;
      readonly contentType?: string;
    }
  /** `is_success: false` with this error code, in a response of this status (default 200). */
  | {
      readonly kind: "apiFailure";
      readonly errorCode: string;
      readonly errorMessage?: string;
      readonly status?: number;
    }
  /** The connection is reset before any response. */
  | { readonly kind: "reset" }
  /** The headers and half of the body are sent (with the full Content-Length), then the connection is cut. */
  | { readonly kind: "truncate" }
  /** A 200 whose body is not JSON. */
  | { readonly kind: "malformed"; readonly body?: string }
  /** The answer comes this much later (a stalled response, when longer than the client's timeout). */
  | { readonly kind: "delay"; readonly ms: number };

/** What a fault's predicate sees of a request. */
export interface FaultTarget {
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
}
