/**
 * What one attempt came to: the response's JSON, or a failure (typed, with the error it throws if
 * it is not retried, whether it may be retried, and why, for the debug log). The classification of
 * statuses, bodies and network errors lives here; the retry loop is ApiClient's.
 */

import { apiErrorHint } from "../boundary/apiErrorHints";
import { type ApiFailure, apiFailureOf } from "../boundary/responseBodies";
import { ModelArtsApiError, ModelArtsNetworkError, ModelArtsResponseError } from "../support/errors";
import { redact } from "../support/redact";
import { words } from "../surfaces/wording";
import { HEADER } from "../wire/headerNames";
import type { ApiGetRequest, ApiResponse } from "./apiRequest";
import { decodeBody, headerString } from "./responseBody";
import {
  parseRetryAfter,
  RETRYABLE_NETWORK_CODES,
  RETRYABLE_STATUSES,
  THROTTLE_ERROR_CODES,
} from "./retryPolicy";

/** A failed attempt that may be retried, and the error to throw if it may not. */
export interface RetryableFailure {
  readonly error: Error;
  readonly retryable: boolean;
  readonly throttled: boolean;
  readonly retryAfterMs?: number;
  readonly reason: string;
}

/** A successful response, or a failure. */
export type AttemptOutcome = ApiResponse | RetryableFailure;

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|TLS|SSL|ERR_OSSL/;

/** The service a request goes to, as messages name it. */
function serviceOf(request: ApiGetRequest): string {
  return request.service ?? "ModelArts";
}

/**
 * A short, readable excerpt of a body that is not JSON (a proxy's HTML error page, say). Redacted
 * before it is cut, so that a secret straddling the cut cannot survive in part.
 */
function excerpt(text: string): string {
  const plain = redact(text.slice(0, 64 * 1024))
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (plain === "") return "(empty body)";
  return plain.length > 120 ? `${plain.slice(0, 117)}...` : plain;
}

/** What an HTTP exchange brought back. */
export interface Exchange {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  /** The body, or undefined when it was larger than `maxBodyBytes`. */
  readonly raw: Buffer | undefined;
  readonly maxBodyBytes: number;
  readonly attemptNumber: number;
}

/** The outcome of an exchange: its JSON body on success, else the failure its status and body say. */
export function responseOutcome(request: ApiGetRequest, exchange: Exchange, now: Date): AttemptOutcome {
  const { status, headers: responseHeaders, raw, maxBodyBytes, attemptNumber } = exchange;
  if (raw === undefined) {
    return {
      error: new ModelArtsResponseError(
        `${serviceOf(request)} ${request.operation} returned HTTP ${status} with a body larger than ${maxBodyBytes} bytes, more than such an answer can hold; it was not read further. Check that the endpoint points at the ModelArts API, and any proxy between.`,
      ),
      retryable: false,
      throttled: false,
      reason: "a body too large",
    };
  }

  const decoded = decodeBody(raw, responseHeaders, maxBodyBytes);
  if ("problem" in decoded) {
    return {
      error: new ModelArtsResponseError(
        `${serviceOf(request)} ${request.operation} returned HTTP ${status} with a body that cannot be read: ${decoded.problem}. Check the endpoint and any proxy between, which may rewrite answers.`,
      ),
      retryable: false,
      throttled: false,
      reason: "an unreadable body",
    };
  }
  const text = decoded.text;
  const requestIdHeader = headerString(responseHeaders, HEADER.requestId);
  let body: unknown;
  let isJson = true;
  try {
    body = JSON.parse(text);
  } catch {
    isJson = false;
  }
  const failure: ApiFailure | undefined = isJson ? apiFailureOf(body) : undefined;
  const requestId = requestIdHeader ?? failure?.requestId;

  if (status >= 200 && status < 300 && failure === undefined) {
    if (isJson) return { body, bodyBytes: raw.length, requestId, headers: responseHeaders };
    return {
      error: new ModelArtsResponseError(
        `${serviceOf(request)} ${request.operation} returned HTTP ${status} with a body that is not JSON: ${excerpt(text)}${requestId ? ` (request id ${requestId})` : ""}. Check that the endpoint points at the ModelArts API.`,
      ),
      retryable: false,
      throttled: false,
      reason: "a body that is not JSON",
    };
  }

  const throttled =
    status === 429 || (failure?.errorCode !== undefined && THROTTLE_ERROR_CODES.has(failure.errorCode));
  const error = new ModelArtsApiError({
    service: serviceOf(request),
    operation: request.operation,
    status,
    errorCode: failure?.errorCode,
    errorMessage: failure?.errorMessage ?? (isJson ? undefined : excerpt(text)),
    requestId,
    hint: apiErrorHint(status, failure?.errorCode),
    attempts: attemptNumber,
  });
  return {
    error,
    retryable: throttled || RETRYABLE_STATUSES.has(status),
    throttled,
    retryAfterMs: parseRetryAfter(headerString(responseHeaders, HEADER.retryAfter), now),
    reason: `HTTP ${status}${failure?.errorCode ? ` ${failure.errorCode}` : ""}`,
  };
}

/** The outcome of an attempt that got no response: a network error, retried when it may pass. */
export function networkFailure(
  request: ApiGetRequest,
  base: URL,
  cause: unknown,
  attemptNumber: number,
): RetryableFailure {
  const code = String((cause as { code?: unknown })?.code ?? "");
  const message = cause instanceof Error ? cause.message : String(cause);
  const tls = TLS_CODES.test(code);
  const endpoints = words`${{ setting: "endpoints", as: "names" }}; ${{ setting: "authUrl", as: "names" }}`;
  const hint = tls
    ? words`The server's TLS certificate was not accepted: if it is signed by a private CA, point NODE_EXTRA_CA_CERTS at that CA's certificate; only for a test server, set ${{ setting: "insecure", as: "names" }} to true`
    : code === "ENOTFOUND"
      ? words`No host ${base.hostname} exists: check the region it is built from (${{ setting: "region", as: "names" }}, such as cn-north-4), or the endpoint (${endpoints}), and any proxy (HTTPS_PROXY / NO_PROXY)`
      : words`Check the endpoint (${endpoints}), the network and any proxy (HTTPS_PROXY / NO_PROXY)`;
  const attempts = attemptNumber > 1 ? `, after ${attemptNumber} attempts` : "";
  const error = new ModelArtsNetworkError(
    words`${serviceOf(request)} ${request.operation} failed: could not get a response from ${base.origin}: ${code ? `${code} ` : ""}${message}${attempts}. ${hint}.`,
    cause,
  );
  return {
    error,
    retryable: !tls && RETRYABLE_NETWORK_CODES.has(code),
    throttled: false,
    reason: code || "a network error",
  };
}
