/**
 * When to retry and how long to wait (docs/api-notes.md, "Errors"). Only 429, 500, 502, 503, 504
 * and connection failures are retried: 400, 401, 403 and 404 never are, because more than five
 * consecutive AK/SK authentication failures lock the key pair for five minutes.
 */

/** HTTP statuses worth another attempt. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/**
 * Error codes that mean "throttled" whatever the HTTP status they come with (ModelArts reports some
 * failures with HTTP 200 and `is_success: false`): the gateway's APIGW.0308 and ModelArts' busy codes.
 */
export const THROTTLE_ERROR_CODES: ReadonlySet<string> = new Set([
  "APIGW.0308",
  "ModelArts.2799",
  "ModelArts.4206",
  "ModelArts.4395",
  "ModelArts.6101",
]);

/** Codes of connection-level failures (Node system errors and undici's) worth another attempt. */
export const RETRYABLE_NETWORK_CODES: ReadonlySet<string> = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_CLOSED",
  "UND_ERR_REQ_CONTENT_LENGTH_MISMATCH",
  "UND_ERR_RES_CONTENT_LENGTH_MISMATCH",
  // A proxy that failed or closed the tunnel (ModelArtsProxyError): retried like a dropped
  // connection, within the budget.
  "MODELARTS_PROXY",
]);

/** How long to wait between attempts. */
export interface RetryTiming {
  /** The first backoff; it doubles with each attempt. */
  readonly baseDelayMs: number;
  /** The largest backoff. */
  readonly maxDelayMs: number;
  /** Throttled without `Retry-After`: Huawei advises retrying after 2 to 5 seconds (APIGW.0308). */
  readonly throttleDelayMs: readonly [number, number];
  /** The longest `Retry-After` honoured; a longer one is cut to this. */
  readonly maxRetryAfterMs: number;
}

/** The timing used unless a caller (a test) gives another. */
export const DEFAULT_RETRY_TIMING: RetryTiming = {
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  throttleDelayMs: [2_000, 5_000],
  maxRetryAfterMs: 60_000,
};

/** A `Retry-After` header (seconds or an HTTP date) as milliseconds from `now`, or undefined. */
export function parseRetryAfter(header: string | undefined, now: Date): number | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}

/** Why an attempt failed, as far as the delay before the next one cares. */
export interface FailedAttempt {
  /** 0 for the first attempt. */
  readonly attempt: number;
  readonly throttled: boolean;
  readonly retryAfterMs?: number;
}

/**
 * The wait before the next attempt: `Retry-After` when the server gave one; otherwise exponential
 * backoff with jitter (half fixed, half random, so waits still grow), and at least Huawei's advised
 * 2 to 5 seconds when throttled.
 */
export function retryDelay(failure: FailedAttempt, timing: RetryTiming, random: () => number): number {
  if (failure.retryAfterMs !== undefined) return Math.min(failure.retryAfterMs, timing.maxRetryAfterMs);
  const ceiling = Math.min(timing.maxDelayMs, timing.baseDelayMs * 2 ** failure.attempt);
  const backoff = ceiling / 2 + (random() * ceiling) / 2;
  if (!failure.throttled) return Math.round(backoff);
  const [low, high] = timing.throttleDelayMs;
  return Math.round(Math.max(backoff, low + random() * (high - low)));
}
