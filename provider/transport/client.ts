/**
 * One authenticated GET, as the API wants it: signed with SDK-HMAC-SHA256 (or carrying an IAM
 * token), retried on throttling, server errors and dropped connections, each attempt signed afresh
 * (the gateway refuses an `X-Sdk-Date` more than 15 minutes off), and every failure turned into a
 * typed error that names the operation, the request id and what to do. This file is the retry loop
 * and the request; what an attempt came to is attemptOutcome.ts's, reading the body responseBody.ts's.
 */
import { setTimeout as delay } from "node:timers/promises";
import type { Dispatcher } from "undici";
import { type Credentials, secretsOf } from "../settings/credentials";
import { type Logger, redactingLogger, silentLogger } from "../support/logger";
import { registerSecrets } from "../support/redact";
import { HEADER } from "../wire/headerNames";
import { authorizationHeader, formatSdkDate, percentEncode, type SigningAlgorithm } from "../wire/signer";
import type { ApiGetRequest, ApiResponse } from "./apiRequest";
import { type AttemptOutcome, networkFailure, responseOutcome } from "./attemptOutcome";
import { readBoundedBody } from "./responseBody";
import { DEFAULT_RETRY_TIMING, type RetryTiming, retryDelay } from "./retryPolicy";

/** How long to wait for a response's headers, and between two chunks of its body. */
export interface ClientTimeouts {
  readonly headersMs: number;
  readonly bodyMs: number;
}

/** The timeouts used unless a caller gives others. */
const DEFAULT_TIMEOUTS: ClientTimeouts = { headersMs: 30_000, bodyMs: 30_000 };

/** What an {@link ApiClient} needs. */
export interface ApiClientOptions {
  /** The undici dispatcher requests go through (a keep-alive Agent, or a MockAgent in tests). */
  readonly dispatcher: Dispatcher;
  /** What requests are signed with; none for a client that sends only anonymous requests. */
  readonly credentials?: Credentials;
  /** How access keys sign; default SDK-HMAC-SHA256. */
  readonly signingAlgorithm?: SigningAlgorithm;
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  readonly timing?: RetryTiming;
  readonly timeouts?: ClientTimeouts;
  readonly clock?: () => Date;
  /** Waits `ms`; given the client's signal, it should stop waiting when that is aborted. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random?: () => number;
  readonly logger?: Logger;
  /**
   * Ends the client's work: an aborted signal starts no new attempt, cancels those in flight and
   * ends waits, each rejecting with the signal's reason (the lookup's timeout, or its first failure).
   */
  readonly signal?: AbortSignal;
}

/** The most bytes of a response body read unless a request says otherwise: 1 MiB. */
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** The method of a request: POST when it carries a body. */
const methodOf = (request: ApiGetRequest): "GET" | "POST" =>
  request.jsonBody === undefined ? "GET" : "POST";

/**
 * Waits `ms`; an abort clears the timer at once. A Retry-After of minutes must not keep the process
 * alive after the lookup has ended: a plain timer left running held `jobs --timeout 2` open for the
 * 20 s the server asked.
 */
const defaultSleep = (ms: number, signal?: AbortSignal) =>
  delay(ms, undefined, { signal }).catch((error: unknown) => {
    if (!signal?.aborted) throw error;
  });

/** Performs authenticated GETs against the ModelArts and IAM APIs. */
export class ApiClient {
  private readonly options: ApiClientOptions;
  private readonly logger: Logger;
  private readonly timing: RetryTiming;
  private readonly timeouts: ClientTimeouts;
  private readonly clock: () => Date;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;

  constructor(options: ApiClientOptions) {
    this.options = options;
    if (options.credentials !== undefined) registerSecrets(...secretsOf(options.credentials));
    this.logger = redactingLogger(options.logger ?? silentLogger);
    this.timing = options.timing ?? DEFAULT_RETRY_TIMING;
    this.timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
    this.clock = options.clock ?? (() => new Date());
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
  }

  /**
   * GETs a JSON resource, retrying as the retry policy allows.
   *
   * @throws ModelArtsApiError, ModelArtsNetworkError or ModelArtsResponseError.
   */
  async getJson(request: ApiGetRequest): Promise<ApiResponse> {
    const base = new URL(request.baseUrl);
    const path = `${decodeURIComponent(base.pathname).replace(/\/+$/, "")}${request.path}`;
    const query = request.query.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join("&");
    const target = `${path.split("/").map(percentEncode).join("/")}${query ? `?${query}` : ""}`;
    const attempts = this.options.maxRetries + 1;

    for (let attempt = 0; ; attempt++) {
      this.throwIfAborted();
      const started = performance.now();
      let sentInEpoch = 0;
      const once = () => {
        sentInEpoch = request.gate?.epoch ?? 0;
        return this.attempt(request, base, path, target, attempt + 1);
      };
      const outcome = await (request.gate ? request.gate.run(once) : once());
      const elapsed = Math.round(performance.now() - started);
      if (!("retryable" in outcome)) {
        request.gate?.onSuccess();
        this.logger.debug(
          `${methodOf(request)} ${target} -> 200 in ${elapsed} ms${outcome.requestId ? ` (request id ${outcome.requestId})` : ""}`,
        );
        return outcome;
      }
      if (outcome.throttled) request.gate?.onThrottle(sentInEpoch);
      if (!outcome.retryable || attempt + 1 >= attempts) {
        this.logger.debug(
          `${methodOf(request)} ${target} -> ${outcome.reason} in ${elapsed} ms; giving up (attempt ${attempt + 1} of ${attempts})`,
        );
        throw outcome.error;
      }
      const delay = retryDelay(
        { attempt, throttled: outcome.throttled, retryAfterMs: outcome.retryAfterMs },
        this.timing,
        this.random,
      );
      this.logger.debug(
        `${methodOf(request)} ${target} -> ${outcome.reason} in ${elapsed} ms; retrying in ${delay} ms (attempt ${attempt + 2} of ${attempts})`,
      );
      await this.abortableSleep(delay);
    }
  }

  /** Throws the signal's reason once the client's work is over. */
  private throwIfAborted(): void {
    const signal = this.options.signal;
    if (signal?.aborted) throw signal.reason;
  }

  /** Waits `ms`, or rejects with the signal's reason as soon as it is aborted. */
  private async abortableSleep(ms: number): Promise<void> {
    const signal = this.options.signal;
    if (signal === undefined) return this.sleep(ms);
    this.throwIfAborted();
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(signal.reason);
      signal.addEventListener("abort", onAbort, { once: true });
    });
    try {
      await Promise.race([this.sleep(ms, signal), aborted]);
    } finally {
      signal.removeEventListener("abort", onAbort!);
    }
  }

  /** The headers of one attempt, signed afresh. */
  private headersFor(request: ApiGetRequest, base: URL, path: string): Record<string, string> {
    const credentials = this.options.credentials;
    const sdkDate = formatSdkDate(this.clock());
    const signed: Record<string, string> = { [HEADER.host]: base.host, [HEADER.sdkDate]: sdkDate };
    const unsigned: Record<string, string> = {
      [HEADER.accept]: "application/json",
      [HEADER.userAgent]: "pulumi-modelarts",
      ...request.headers,
    };
    if (request.anonymous || credentials === undefined) {
      if (request.jsonBody !== undefined) unsigned[HEADER.contentType] = "application/json;charset=UTF-8";
      return { ...signed, ...unsigned };
    }
    if (credentials.kind === "token")
      return { ...signed, ...unsigned, [HEADER.authToken]: credentials.token };
    if (request.projectId !== undefined) signed[HEADER.projectId] = request.projectId;
    if (credentials.securityToken !== undefined) signed[HEADER.securityToken] = credentials.securityToken;
    if (request.jsonBody !== undefined) signed[HEADER.contentType] = "application/json;charset=utf8";
    const authorization = authorizationHeader(
      { method: methodOf(request), path, query: request.query, headers: signed, body: request.jsonBody },
      credentials,
      sdkDate,
      this.options.signingAlgorithm,
    );
    return { ...signed, ...unsigned, [HEADER.authorization]: authorization };
  }

  private async attempt(
    request: ApiGetRequest,
    base: URL,
    path: string,
    target: string,
    attemptNumber: number,
  ): Promise<AttemptOutcome> {
    this.throwIfAborted();
    const maxBodyBytes = request.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    let status: number;
    let responseHeaders: Record<string, string | string[] | undefined>;
    let raw: Buffer | undefined;
    try {
      const response = await this.options.dispatcher.request({
        origin: base.origin,
        path: target,
        method: methodOf(request),
        headers: this.headersFor(request, base, path),
        body: request.jsonBody,
        headersTimeout: this.timeouts.headersMs,
        bodyTimeout: this.timeouts.bodyMs,
        signal: this.options.signal,
      });
      status = response.statusCode;
      responseHeaders = response.headers;
      raw = await readBoundedBody(response.body, responseHeaders, maxBodyBytes);
    } catch (cause) {
      this.throwIfAborted();
      return networkFailure(request, base, cause, attemptNumber);
    }
    return responseOutcome(
      request,
      { status, headers: responseHeaders, raw, maxBodyBytes, attemptNumber },
      this.clock(),
    );
  }
}
