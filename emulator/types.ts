/**
 * The emulator's public shapes: its options, the requests it records, its settings, and what a
 * running emulator offers (the interface tests in TypeScript use; the control API offers the same
 * over HTTP to other languages).
 */
import type { EmulatorStats } from "./counters";
import type { Fault, FaultTarget } from "./fault";
import type { FaultOptions } from "./faults";
import type { EmulatorJob, EmulatorJobInput } from "./jobStore";
import type { EmulatorAgency } from "./temporaryKeys";

/** Options of `startEmulator`; all optional. */
export interface EmulatorOptions {
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** Default 0: any free port. */
  readonly port?: number;
  /** The jobs to start with; default none. */
  readonly jobs?: readonly EmulatorJobInput[];
  /** Default `EMULATORACCESSKEY00001`. */
  readonly accessKey?: string;
  /**
   * The secret key, which is also the control API's key. Default a random secret, different for
   * every emulator, so that tests can prove no secret leaks and no other page or process can guess
   * it (the command line's emulator too, unless `--key` fixes it).
   */
  readonly secretKey?: string;
  /** When set, the access key is temporary and requests must carry this `X-Security-Token`. */
  readonly securityToken?: string;
  /** An IAM token also accepted (`X-Auth-Token`); default a random one. */
  readonly token?: string;
  /** Default `0a1b2c3d4e5f40718293a4b5c6d7e8f9`. */
  readonly projectId?: string;
  /** Default `cn-north-4`. */
  readonly region?: string;
  /** Added before every API answer, in ms, 0 to 2147483647 (what a timer can wait); default 0. */
  readonly latencyMs?: number;
  /** Pages hold at most this many jobs whatever `per_page` asks (the doc's older limit is 100); default 1000. */
  readonly maxPageSize?: number;
  /**
   * Refuse a `per_page` above this with 400 ModelArts.0104, as a server that follows the SDK
   * reference's 1..100 would; default 1000 (the list page's limit).
   */
  readonly refusePageSizeAbove?: number;
  /** Refuse a longer `search_content` with 400 ModelArts.0104; default 64 (the list page's limit; servers may take 100). */
  readonly maxSearchContent?: number;
  /** Send numbers as numeric strings (`"job_id":"10"`), as other calls of the API family do. */
  readonly numbersAsStrings?: boolean;
  /** What IAM lists for `GET /v3/projects?name=...`; default one project named after the region. */
  readonly iamProjects?: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  /** The server's clock, for the signature date window; default the real one. */
  readonly clock?: () => Date;
  /** The most requests `requests` keeps, the oldest dropped first; default 10,000. */
  readonly maxRecordedRequests?: number;
  /** Serve HTTPS with this key and certificate (PEM) instead of HTTP. */
  readonly tls?: { readonly key: string; readonly cert: string };
  /** The agencies IAM lets the base keys assume; default one, `modelarts-reader` of `emulator-account`. */
  readonly agencies?: readonly EmulatorAgency[];
}

/** One request the emulator received. */
export interface RecordedRequest {
  readonly method: string;
  /** The decoded path, and the query: together at most 1 KiB is kept. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Present when the path or query was cut to fit. */
  readonly truncated?: true;
  /** The request headers, with `authorization`, `x-auth-token` and `x-security-token` left out. */
  readonly headers: Readonly<Record<string, string>>;
  /** The status answered (0 when the connection was cut). */
  status: number;
  readonly fault?: Fault["kind"];
  /** The access key that signed it, once authenticated (not a secret). */
  accessKey?: string;
  /** The algorithm it was signed with, once authenticated: `HmacSHA256`, `HmacSM3`, `EcdsaP256SHA256`, `SM2SM3`. */
  signedWith?: string;
}

/** Temporary keys the emulator issued, without their secrets. */
export interface IssuedKeyRecord {
  readonly accessKey: string;
  /** `agency@domain`, or `ecs-instance`. */
  readonly issuedFor: string;
  readonly expiresAt: Date;
}

/** The settings a program uses to reach the emulator. */
export interface EmulatorSettings {
  readonly endpoint: string;
  readonly authUrl: string;
  /** STS, which assumes agencies named by their domain's id (`HW_STS_ENDPOINT`). */
  readonly stsEndpoint: string;
  readonly region: string;
  readonly projectId: string;
  readonly accessKey: string;
  readonly secretKey: string;
  readonly token: string;
  readonly securityToken?: string;
  /** The emulator's ECS metadata service (`HW_ECS_METADATA_URL`). */
  readonly metadataUrl: string;
  /** The control API (`X-Emulator-Key: <secretKey>`), for tests in other languages. */
  readonly controlUrl: string;
  /** The agencies its IAM lets the base keys assume. */
  readonly agencies: readonly EmulatorAgency[];
}

/** A running emulator. */
export interface RunningEmulator {
  /** The base URL, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /**
   * Set when it listens beyond loopback (`host: "0.0.0.0"`): a warning naming the addresses it is
   * reachable at, which the command line prints.
   */
  readonly warning?: string;
  readonly settings: EmulatorSettings;
  /** The environment variables that point a program at this emulator (HW_*). */
  readonly env: Readonly<Record<string, string>>;
  /**
   * The requests received, oldest first: the last `maxRecordedRequests` of them, each with at most
   * 1 KiB of path and query. Over HTTP, `GET /_emulator/requests` returns them 1,000 at a time.
   */
  readonly requests: RecordedRequest[];
  /** The API requests for the list call only. */
  listRequests(): RecordedRequest[];
  jobs(): EmulatorJob[];
  setJobs(jobs: readonly EmulatorJobInput[]): void;
  /** Adds jobs, or replaces those with the same id. */
  putJobs(...jobs: EmulatorJobInput[]): void;
  updateJob(jobId: number, patch: Partial<Omit<EmulatorJob, "jobId">>): void;
  removeJob(jobId: number): void;
  /** The next `count` API requests matching `when` get this fault. */
  injectFault(fault: Fault, options?: FaultOptions): void;
  clearFaults(): void;
  setLatency(ms: number): void;
  setMaxPageSize(size: number): void;
  setNumbersAsStrings(on: boolean): void;
  /**
   * Throttle like the gateway: API requests beyond `limit` in flight at once are answered 429
   * APIGW.0308 without Retry-After. Undefined lifts the limit.
   */
  setConcurrencyLimit(limit: number | undefined): void;
  /** Peak and current figures: API requests in flight, open connections. */
  stats(): EmulatorStats;
  /** Called before each list request is answered (to change jobs while a client pages). */
  onListRequest(hook: ((request: FaultTarget) => void) | undefined): void;
  /** The temporary keys issued so far (assumed agencies, the instance's, identity providers'). */
  issuedKeys(): IssuedKeyRecord[];
  /**
   * Registers the identity provider `id` (IAM's OIDC federation) with the id tokens it accepts; with
   * none given, issues one. Returns the tokens.
   */
  identityProvider(id: string, tokens?: readonly string[]): string[];
  close(): Promise<void>;
}
