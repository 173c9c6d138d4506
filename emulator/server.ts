/**
 * The emulator: a real HTTP(S) server speaking the ModelArts visualization-job list and details
 * calls, IAM project discovery, and each job's service page, with the gateway's authentication and
 * error formats. Tests drive it through {@link RunningEmulator}: the request log, the jobs, faults,
 * latency, a page-size cap and numbers sent as strings.
 */
import { randomBytes } from "node:crypto";
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { CREDENTIAL_HEADERS, HEADER } from "../provider/headerNames";
import { DOCUMENTED_SEARCH_CONTENT, MAX_PAGE_SIZE } from "../provider/model";
import { authenticate, type KeyRing, parseRawQuery } from "./auth";
import { Counters, type EmulatorStats } from "./counters";
import { playFault } from "./faultPlayer";
import { type Fault, type FaultOptions, FaultQueue, type FaultTarget } from "./faults";
import { type EmulatorJob, type EmulatorJobInput, JobStore } from "./jobStore";
import { gatewayError, send } from "./replies";
import { LIST_PATH, type RouteState, route } from "./routes";
import { renderServicePage } from "./servicePage";
import {
  DEFAULT_AGENCIES,
  type EmulatorAgency,
  METADATA_PATH,
  SECURITY_TOKENS_PATH,
  TemporaryKeyIssuer,
} from "./temporaryKeys";

/** Options of {@link startEmulator}; all optional. */
export interface EmulatorOptions {
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** Default 0: any free port. */
  readonly port?: number;
  /** The jobs to start with; default none. */
  readonly jobs?: readonly EmulatorJobInput[];
  /** Default `EMULATORACCESSKEY00001`. */
  readonly accessKey?: string;
  /** Default a random secret, different for every emulator. */
  readonly secretKey?: string;
  /** When set, the access key is temporary and requests must carry this `X-Security-Token`. */
  readonly securityToken?: string;
  /** An IAM token also accepted (`X-Auth-Token`); default a random one. */
  readonly token?: string;
  /** Default `0a1b2c3d4e5f40718293a4b5c6d7e8f9`. */
  readonly projectId?: string;
  /** Default `cn-north-4`. */
  readonly region?: string;
  /** Added before every API answer; default 0. */
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
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** The request headers, with `authorization`, `x-auth-token` and `x-security-token` left out. */
  readonly headers: Readonly<Record<string, string>>;
  /** The status answered (0 when the connection was cut). */
  status: number;
  readonly fault?: Fault["kind"];
  /** The access key that signed it, once authenticated (not a secret). */
  accessKey?: string;
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
  readonly region: string;
  readonly projectId: string;
  readonly accessKey: string;
  readonly secretKey: string;
  readonly token: string;
  readonly securityToken?: string;
  /** The emulator's ECS metadata service (`HW_ECS_METADATA_URL`). */
  readonly metadataUrl: string;
  /** The agencies its IAM lets the base keys assume. */
  readonly agencies: readonly EmulatorAgency[];
}

/** A running emulator. */
export interface RunningEmulator {
  /** The base URL, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  readonly settings: EmulatorSettings;
  /** The environment variables that point a program at this emulator (HW_*). */
  readonly env: Readonly<Record<string, string>>;
  /** The requests received, oldest first: the last `maxRecordedRequests` of them. */
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
  /** The temporary keys issued so far (assumed agencies, the instance's). */
  issuedKeys(): IssuedKeyRecord[];
  close(): Promise<void>;
}

const SERVICE_PATH = /^\/visualization\/(\d+)\/?$/;

// Unreferenced: a response still waiting out its latency must not keep a closed emulator's process alive.
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/** An API request as it arrived, and as decoded: what authentication and routing read. */
interface ApiRequest {
  readonly req: IncomingMessage;
  readonly record: RecordedRequest;
  readonly rawPath: string;
  readonly rawQuery: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly requestId: string;
  /** A POST's body. */
  readonly body?: string;
}

/** The body of a request, up to 64 KiB (what IAM's calls need); undefined for a larger one. */
async function readRequestBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Starts an emulator.
 *
 * @example
 * ```ts
 * const emulator = await startEmulator({ jobs: generateJobs(500) });
 * const result = await getVisualizationJobs({ status: "RUNNING" }); // with emulator.env in process.env
 * await emulator.close();
 * ```
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const faults = new FaultQueue();
  const counters = new Counters();
  const requests: RecordedRequest[] = [];
  const credentials = {
    accessKey: options.accessKey ?? "EMULATORACCESSKEY00001",
    secretKey: options.secretKey ?? randomBytes(20).toString("base64url"),
    securityToken: options.securityToken,
    token: options.token ?? `emulator-token-${randomBytes(16).toString("hex")}`,
  };
  const clock = options.clock ?? (() => new Date());
  const issuer = new TemporaryKeyIssuer(options.agencies ?? DEFAULT_AGENCIES, () => clock().getTime());
  const keyRing: KeyRing = {
    token: credentials.token,
    keyOf: (accessKey) => (accessKey === credentials.accessKey ? credentials : issuer.keyOf(accessKey)),
  };
  const maxRecorded = options.maxRecordedRequests ?? 10_000;
  let latencyMs = options.latencyMs ?? 0;
  let concurrencyLimit: number | undefined;
  let url = "";
  let requestCounter = 0;
  const state: RouteState = {
    store: new JobStore(options.jobs ?? []),
    projectId: options.projectId ?? "0a1b2c3d4e5f40718293a4b5c6d7e8f9",
    region: options.region ?? "cn-north-4",
    iamProjects: options.iamProjects,
    maxPageSize: options.maxPageSize ?? MAX_PAGE_SIZE,
    refusePageSizeAbove: options.refusePageSizeAbove ?? MAX_PAGE_SIZE,
    maxSearchContent: options.maxSearchContent ?? DOCUMENTED_SEARCH_CONTENT,
    numbersAsStrings: options.numbersAsStrings ?? false,
    listHook: undefined,
    serviceUrlOf: (job) => job.serviceUrl || `${url}/visualization/${job.jobId}/`,
  };

  /** What an authenticated request gets: IAM's assume-role call (base keys only), or the API's routes. */
  function routed(request: ApiRequest, accessKey: string | undefined) {
    const { record, requestId } = request;
    if (request.path !== SECURITY_TOKENS_PATH || record.method !== "POST") {
      return route(state, { method: record.method, path: request.path, query: request.query }, requestId);
    }
    if (accessKey !== credentials.accessKey) {
      return gatewayError(403, "IAM.0002", "Temporary keys cannot assume an agency", requestId);
    }
    return issuer.assumeRole(request.body ?? "", requestId);
  }

  /** Authenticates an API request as the gateway does, then routes it. */
  function answer(res: ServerResponse, request: ApiRequest): void {
    const { req, record, requestId } = request;
    const auth = authenticate(
      {
        method: record.method,
        rawPath: request.rawPath,
        rawQuery: request.rawQuery,
        headers: req.headers,
        body: request.body,
      },
      keyRing,
      clock(),
    );
    if (auth.ok) record.accessKey = auth.accessKey;
    const reply = auth.ok
      ? routed(request, auth.accessKey)
      : gatewayError(401, "APIGW.0301", auth.message, requestId);
    record.status = reply.status;
    send(res, { ...reply, headers: { [HEADER.requestId]: requestId, ...reply.headers } });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawUrl = req.url ?? "/";
    const q = rawUrl.indexOf("?");
    const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const rawQuery = q < 0 ? "" : rawUrl.slice(q + 1);
    const requestId = `emu-${(++requestCounter).toString(16).padStart(8, "0")}-${randomBytes(4).toString("hex")}`;
    let path: string;
    let query: Record<string, string>;
    try {
      path = rawPath.split("/").map(decodeURIComponent).join("/");
      query = Object.fromEntries(parseRawQuery(rawQuery));
    } catch {
      send(res, gatewayError(400, "APIGW.0201", "Bad request: malformed percent-encoding", requestId));
      return;
    }

    // The metadata service answers without authentication, as on an ECS instance.
    if (path === METADATA_PATH && req.method === "GET") {
      requests.push({ method: "GET", path, query, headers: {}, status: 200 });
      send(res, issuer.instanceKeys());
      return;
    }
    const service = SERVICE_PATH.exec(path);
    if (service) {
      const page = renderServicePage(state.store.get(Number(service[1])));
      res.writeHead(page.status, {
        "content-type": "text/html; charset=utf-8",
        "content-length": Buffer.byteLength(page.html),
      });
      res.end(page.html);
      return;
    }

    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (!CREDENTIAL_HEADERS.has(name) && value !== undefined)
        headers[name] = Array.isArray(value) ? value.join(",") : value;
    }
    const record: RecordedRequest = { method: req.method ?? "GET", path, query, headers, status: 0 };
    const fault = faults.take({ path, query });
    if (fault) Object.assign(record, { fault: fault.kind });
    requests.push(record);
    if (requests.length > maxRecorded) requests.splice(0, requests.length - maxRecorded);

    const inFlight = counters.requestStarted();
    try {
      if (concurrencyLimit !== undefined && inFlight > concurrencyLimit) {
        counters.requestThrottled();
        if (latencyMs > 0) await sleep(latencyMs);
        record.status = 429;
        send(res, gatewayError(429, "APIGW.0308", "The throttling threshold has been reached", requestId));
        return;
      }
      if (latencyMs > 0) await sleep(latencyMs);
      const setStatus = (status: number) => {
        record.status = status;
      };
      if (fault && (await playFault(fault, res, req.socket, requestId, setStatus))) return;
      const body = req.method === "POST" ? await readRequestBody(req) : undefined;
      answer(res, { req, record, rawPath, rawQuery, path, query, requestId, body });
    } finally {
      counters.requestEnded();
    }
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        send(res, gatewayError(500, "APIGW.0201", `Emulator error: ${String(error)}`, "emulator"));
      else res.destroy();
    });
  };
  const server: Server = options.tls
    ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener)
    : createHttpServer(listener);
  server.on("connection", (socket: Socket) => {
    counters.connectionOpened();
    socket.once("close", () => counters.connectionClosed());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  // Listening on every interface: programs reach it on loopback, which plain http:// allows.
  const reachable =
    address.address === "0.0.0.0" ? "127.0.0.1" : address.address === "::" ? "::1" : address.address;
  const host = reachable.includes(":") ? `[${reachable}]` : reachable;
  url = `${options.tls ? "https" : "http"}://${host}:${address.port}`;

  const settings: EmulatorSettings = {
    endpoint: url,
    authUrl: `${url}/v3`,
    region: state.region,
    projectId: state.projectId,
    accessKey: credentials.accessKey,
    secretKey: credentials.secretKey,
    token: credentials.token,
    securityToken: credentials.securityToken,
    metadataUrl: `${url}${METADATA_PATH}`,
    agencies: issuer.agencies,
  };
  const env: Record<string, string> = {
    HW_MODELARTS_ENDPOINT: settings.endpoint,
    HW_AUTH_URL: settings.authUrl,
    HW_REGION_NAME: settings.region,
    HW_PROJECT_ID: settings.projectId,
    HW_ACCESS_KEY: settings.accessKey,
    HW_SECRET_KEY: settings.secretKey,
  };
  if (settings.securityToken !== undefined) env.HW_SECURITY_TOKEN = settings.securityToken;

  const { store } = state;
  return {
    url,
    settings,
    env,
    requests,
    listRequests: () => requests.filter((r) => LIST_PATH.test(r.path)),
    jobs: () => store.all(),
    setJobs: (jobs) => store.replace(jobs),
    putJobs: (...jobs) => store.put(...jobs),
    updateJob: (jobId, patch) => {
      if (!store.update(jobId, patch)) throw new RangeError(`the emulator has no job ${jobId}`);
    },
    removeJob: (jobId) => {
      if (!store.remove(jobId)) throw new RangeError(`the emulator has no job ${jobId}`);
    },
    injectFault: (fault, faultOptions) => faults.add(fault, faultOptions),
    clearFaults: () => faults.clear(),
    setLatency: (ms) => {
      latencyMs = ms;
    },
    setMaxPageSize: (size) => {
      state.maxPageSize = size;
    },
    setNumbersAsStrings: (on) => {
      state.numbersAsStrings = on;
    },
    setConcurrencyLimit: (limit) => {
      concurrencyLimit = limit;
    },
    stats: () => counters.stats(),
    onListRequest: (hook) => {
      state.listHook = hook;
    },
    issuedKeys: () =>
      [...issuer.all()].map(([accessKey, key]) => ({
        accessKey,
        issuedFor: key.issuedFor,
        expiresAt: new Date(key.expiresAt),
      })),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
