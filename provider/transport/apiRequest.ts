/**
 * One request to the ModelArts or IAM API, and its successful response: what callers hand the
 * client, and what the classification of an attempt (attemptOutcome.ts) reads.
 */

/**
 * Bounds the attempts in flight: each attempt runs through it, and it is told of throttling and of
 * successes so that it can adapt the bound. Waits between attempts hold no place, so that a retry
 * after a 429 obeys the lowered bound.
 */
export interface AttemptGate {
  run<T>(attempt: () => Promise<T>): Promise<T>;
  /** Changes each time the bound is lowered; an attempt reads it as it starts. */
  readonly epoch: number;
  /** An attempt that started in `sentInEpoch` was throttled. */
  onThrottle(sentInEpoch: number): void;
  onSuccess(): void;
}

/** One request: a GET, or (given a JSON body) a POST. */
export interface ApiGetRequest {
  /** The service's base URL: origin and optional path prefix (`https://iam.example.com/v3`). */
  readonly baseUrl: string;
  /** The decoded path below the base URL, e.g. `/v1/0123/visualization-jobs`. */
  readonly path: string;
  readonly query: ReadonlyArray<readonly [string, string]>;
  /** The operation as messages name it: `GET /v1/{project_id}/visualization-jobs`. */
  readonly operation: string;
  /** The service as messages name it; default "ModelArts" ("IAM" for project discovery and agencies). */
  readonly service?: string;
  /** Sent, and signed, as `X-Project-Id` with AK/SK credentials. */
  readonly projectId?: string;
  readonly gate?: AttemptGate;
  /** A larger body is a failure, and is not read further; default 1 MiB (client.ts, DEFAULT_MAX_BODY_BYTES). */
  readonly maxBodyBytes?: number;
  /** A JSON body: the request is then a POST, the body signed with it. */
  readonly jsonBody?: string;
  /**
   * Sent without the client's credentials: IAM's federation calls, which the id token or the
   * subject token in the body authenticates, and a CI system's token service.
   */
  readonly anonymous?: boolean;
  /** More headers, not signed (`X-Idp-Id`; a token service's `Authorization`). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A successful response. */
export interface ApiResponse {
  /** The parsed JSON body. */
  readonly body: unknown;
  /** The body's size as received, in bytes: what a listing counts against its bound. */
  readonly bodyBytes: number;
  readonly requestId?: string;
  /** The response's headers (IAM answers an id token with the subject token in `X-Subject-Token`). */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}
