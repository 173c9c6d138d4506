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
import { SORT_FIELDS } from "../provider/model";
import { type AcceptedCredentials, authenticate, parseRawQuery } from "./auth";
import { type Fault, type FaultOptions, FaultQueue, type FaultTarget } from "./faults";
import { type EmulatorJob, type EmulatorJobInput, JobStore, type StoreQuery } from "./jobStore";
import { renderServicePage } from "./servicePage";
import { toWireJob } from "./wire";

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
  /** Send numbers as numeric strings (`"job_id":"10"`), as other calls of the API family do. */
  readonly numbersAsStrings?: boolean;
  /** What IAM lists for `GET /v3/projects?name=...`; default one project named after the region. */
  readonly iamProjects?: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  /** The server's clock, for the signature date window; default the real one. */
  readonly clock?: () => Date;
  /** Serve HTTPS with this key and certificate (PEM) instead of HTTP. */
  readonly tls?: { readonly key: string; readonly cert: string };
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
}

/** A running emulator. */
export interface RunningEmulator {
  /** The base URL, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  readonly settings: EmulatorSettings;
  /** The environment variables that point a program at this emulator (HW_*). */
  readonly env: Readonly<Record<string, string>>;
  /** Every request received, oldest first. */
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
  stats(): { maxInFlight: number; maxOpenConnections: number; openConnections: number; throttled: number };
  /** Called before each list request is answered (to change jobs while a client pages). */
  onListRequest(hook: ((request: FaultTarget) => void) | undefined): void;
  close(): Promise<void>;
}

const SENSITIVE_HEADERS = new Set(["authorization", "x-auth-token", "x-security-token"]);
const LIST_PATH = /^\/v1\/([^/]+)\/visualization-jobs\/?$/;
const DETAILS_PATH = /^\/v1\/([^/]+)\/visualization-jobs\/([^/]+)\/?$/;
const SERVICE_PATH = /^\/visualization\/(\d+)\/?$/;
const MAX_PER_PAGE = 1000;
const MAX_SEARCH = 64;

/** A reply: status, JSON body, extra headers. */
interface Reply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function gatewayError(status: number, code: string, message: string, requestId: string): Reply {
  return { status, body: { error_code: code, error_msg: message, request_id: requestId } };
}

function modelArtsError(status: number, code: string, message: string): Reply {
  return { status, body: { is_success: false, error_code: code, error_message: message } };
}

/** Parses an integer query parameter; undefined when absent, NaN when not an integer. */
function intParam(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  return /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
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
  const store = new JobStore(options.jobs ?? []);
  const faults = new FaultQueue();
  const requests: RecordedRequest[] = [];
  const region = options.region ?? "cn-north-4";
  const credentials: AcceptedCredentials & { token: string } = {
    accessKey: options.accessKey ?? "EMULATORACCESSKEY00001",
    secretKey: options.secretKey ?? randomBytes(20).toString("base64url"),
    securityToken: options.securityToken,
    token: options.token ?? `emulator-token-${randomBytes(16).toString("hex")}`,
  };
  const projectId = options.projectId ?? "0a1b2c3d4e5f40718293a4b5c6d7e8f9";
  const clock = options.clock ?? (() => new Date());
  let latencyMs = options.latencyMs ?? 0;
  let maxPageSize = options.maxPageSize ?? MAX_PER_PAGE;
  let numbersAsStrings = options.numbersAsStrings ?? false;
  let listHook: ((request: FaultTarget) => void) | undefined;
  let concurrencyLimit: number | undefined;
  const counters = { inFlight: 0, maxInFlight: 0, openConnections: 0, maxOpenConnections: 0, throttled: 0 };
  let url = "";
  let requestCounter = 0;

  const serviceUrlOf = (job: EmulatorJob) => job.serviceUrl || `${url}/visualization/${job.jobId}/`;

  function listJobs(query: Record<string, string>, requestId: string): Reply {
    const perPage = intParam(query.per_page) ?? 10;
    const page = intParam(query.page) ?? 1;
    const status = intParam(query.status);
    const sortBy = query.sortBy ?? "job_id";
    const order = query.order ?? "asc";
    const workspaceId = query.workspace_id ?? "0";
    const problems: string[] = [];
    if (!(perPage >= 1 && perPage <= MAX_PER_PAGE))
      problems.push(`per_page must be an integer from 1 to ${MAX_PER_PAGE}`);
    if (!(page >= 1)) problems.push("page must be an integer of at least 1");
    if (status !== undefined && !(status >= 0 && status <= 21))
      problems.push("status must be a job status code from 0 to 21");
    if (!(SORT_FIELDS as readonly string[]).includes(sortBy))
      problems.push(`sortBy must be one of ${SORT_FIELDS.join(", ")}`);
    if (order !== "asc" && order !== "desc") problems.push("order must be asc or desc");
    if (query.search_content !== undefined && query.search_content.length > MAX_SEARCH) {
      problems.push(`search_content must be at most ${MAX_SEARCH} characters`);
    }
    if (problems.length > 0)
      return modelArtsError(400, "ModelArts.0104", `Invalid parameter: ${problems.join("; ")}`);
    if (!store.hasWorkspace(workspaceId)) {
      return modelArtsError(400, "ModelArts.0102", `Workspace ${workspaceId} does not exist`);
    }
    const storeQuery: StoreQuery = {
      workspaceId,
      status,
      searchContent: query.search_content || undefined,
      sortBy: sortBy as StoreQuery["sortBy"],
      order: order as StoreQuery["order"],
    };
    const matching = store.query(storeQuery);
    const size = Math.min(perPage, maxPageSize);
    const slice = matching.slice((page - 1) * size, page * size);
    const count = (n: number) => (numbersAsStrings ? String(n) : n);
    return {
      status: 200,
      headers: { "x-request-id": requestId },
      body: {
        is_success: true,
        job_total_count: count(matching.length),
        job_count_limit: count(Math.max(0, 50 - store.all().filter((j) => j.status === 8).length)),
        quotas: count(100),
        jobs: slice.map((j) => toWireJob(j, serviceUrlOf(j), numbersAsStrings)),
      },
    };
  }

  function route(method: string, path: string, query: Record<string, string>, requestId: string): Reply {
    if (method !== "GET")
      return gatewayError(
        404,
        "APIGW.0101",
        "The API does not exist or has not been published in the environment",
        requestId,
      );
    if (path === "/v3/projects") {
      const projects = (options.iamProjects ?? [{ id: projectId, name: region }]).filter(
        (p) => query.name === undefined || p.name === query.name,
      );
      return {
        status: 200,
        body: { projects: projects.map((p) => ({ ...p, enabled: true, domain_id: "emulator-domain" })) },
      };
    }
    const list = LIST_PATH.exec(path);
    const details = DETAILS_PATH.exec(path);
    const pathProject = list?.[1] ?? details?.[1];
    if (pathProject === undefined)
      return gatewayError(
        404,
        "APIGW.0101",
        "The API does not exist or has not been published in the environment",
        requestId,
      );
    if (pathProject !== projectId) {
      return modelArtsError(
        403,
        "ModelArts.0210",
        `The project id ${pathProject} does not match the credentials' project`,
      );
    }
    if (list) {
      listHook?.({ path, query });
      return listJobs(query, requestId);
    }
    const job = store.get(Number(details![2]));
    if (job === undefined)
      return modelArtsError(404, "ModelArts.0102", `Visualization job ${details![2]} does not exist`);
    return {
      status: 200,
      body: { is_success: true, ...toWireJob(job, serviceUrlOf(job), numbersAsStrings) },
    };
  }

  function send(res: ServerResponse, reply: Reply): void {
    const text = JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(text),
      ...reply.headers,
    });
    res.end(text);
  }

  async function applyFault(
    fault: Fault,
    res: ServerResponse,
    socket: Socket,
    requestId: string,
    record: RecordedRequest,
  ): Promise<boolean> {
    switch (fault.kind) {
      case "delay":
        await sleep(fault.ms);
        return false;
      case "reset":
        record.status = 0;
        socket.resetAndDestroy();
        return true;
      case "truncate": {
        const body = JSON.stringify({
          is_success: true,
          job_total_count: 1,
          jobs: [{ job_id: 1, job_name: "cut-off".repeat(20) }],
        });
        record.status = 0;
        res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
        res.write(body.slice(0, body.length >> 1), () => socket.destroy());
        return true;
      }
      case "malformed": {
        record.status = 200;
        const body = fault.body ?? '{"is_success": true, "job_total_count": 3, "jobs": [';
        res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
        res.end(body);
        return true;
      }
      case "apiFailure":
        record.status = fault.status ?? 200;
        send(
          res,
          modelArtsError(
            record.status,
            fault.errorCode,
            fault.errorMessage ?? `Injected failure ${fault.errorCode}`,
          ),
        );
        return true;
      case "status": {
        record.status = fault.status;
        const headers: Record<string, string> = { "x-request-id": requestId };
        if (fault.retryAfter !== undefined) headers["retry-after"] = String(fault.retryAfter);
        if (fault.body !== undefined) {
          res.writeHead(fault.status, {
            "content-type": fault.contentType ?? "text/html",
            "content-length": Buffer.byteLength(fault.body),
            ...headers,
          });
          res.end(fault.body);
          return true;
        }
        const code = fault.status === 429 ? "APIGW.0308" : fault.status >= 500 ? "APIGW.0201" : "APIGW.0101";
        send(res, {
          ...gatewayError(fault.status, code, `Injected HTTP ${fault.status}`, requestId),
          headers,
        });
        return true;
      }
    }
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

    const service = SERVICE_PATH.exec(path);
    if (service) {
      const job = store.get(Number(service[1]));
      const page = renderServicePage(job);
      res.writeHead(page.status, {
        "content-type": "text/html; charset=utf-8",
        "content-length": Buffer.byteLength(page.html),
      });
      res.end(page.html);
      return;
    }

    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (!SENSITIVE_HEADERS.has(name) && value !== undefined)
        headers[name] = Array.isArray(value) ? value.join(",") : value;
    }
    const record: RecordedRequest = { method: req.method ?? "GET", path, query, headers, status: 0 };
    const fault = faults.take({ path, query });
    if (fault) Object.assign(record, { fault: fault.kind });
    requests.push(record);

    counters.inFlight++;
    counters.maxInFlight = Math.max(counters.maxInFlight, counters.inFlight);
    try {
      if (concurrencyLimit !== undefined && counters.inFlight > concurrencyLimit) {
        counters.throttled++;
        if (latencyMs > 0) await sleep(latencyMs);
        record.status = 429;
        send(res, gatewayError(429, "APIGW.0308", "The throttling threshold has been reached", requestId));
        return;
      }
      if (latencyMs > 0) await sleep(latencyMs);
      if (fault && (await applyFault(fault, res, req.socket, requestId, record))) return;
      answer(req, res, record, rawPath, rawQuery, path, query, requestId);
    } finally {
      counters.inFlight--;
    }
  }

  function answer(
    req: IncomingMessage,
    res: ServerResponse,
    record: RecordedRequest,
    rawPath: string,
    rawQuery: string,
    path: string,
    query: Record<string, string>,
    requestId: string,
  ): void {
    const auth = authenticate(
      { method: record.method, rawPath, rawQuery, headers: req.headers },
      credentials,
      clock(),
    );
    const reply = auth.ok
      ? route(record.method, path, query, requestId)
      : gatewayError(401, "APIGW.0301", auth.message, requestId);
    record.status = reply.status;
    send(res, { ...reply, headers: { "x-request-id": requestId, ...reply.headers } });
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
    counters.openConnections++;
    counters.maxOpenConnections = Math.max(counters.maxOpenConnections, counters.openConnections);
    socket.once("close", () => counters.openConnections--);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  url = `${options.tls ? "https" : "http"}://${host}:${address.port}`;

  const settings: EmulatorSettings = {
    endpoint: url,
    authUrl: `${url}/v3`,
    region,
    projectId,
    accessKey: credentials.accessKey,
    secretKey: credentials.secretKey,
    token: credentials.token,
    securityToken: credentials.securityToken,
  };
  const env: Record<string, string> = {
    HW_MODELARTS_ENDPOINT: settings.endpoint,
    HW_AUTH_URL: settings.authUrl,
    HW_REGION_NAME: region,
    HW_PROJECT_ID: projectId,
    HW_ACCESS_KEY: settings.accessKey,
    HW_SECRET_KEY: settings.secretKey,
  };
  if (settings.securityToken !== undefined) env.HW_SECURITY_TOKEN = settings.securityToken;

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
      maxPageSize = size;
    },
    setNumbersAsStrings: (on) => {
      numbersAsStrings = on;
    },
    setConcurrencyLimit: (limit) => {
      concurrencyLimit = limit;
    },
    stats: () => ({
      maxInFlight: counters.maxInFlight,
      maxOpenConnections: counters.maxOpenConnections,
      openConnections: counters.openConnections,
      throttled: counters.throttled,
    }),
    onListRequest: (hook) => {
      listHook = hook;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
