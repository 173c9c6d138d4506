/**
 * What the emulator does with each request: the ECS metadata service and each job's page (no
 * authentication), the control API (the emulator's own key), and the API itself, authenticated as
 * the gateway does, with the faults, latency and throttling a test asked for. The state all of it
 * reads lives here; server.ts listens and hands tests the `RunningEmulator` over it.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { HEADER } from "../provider/wire/headerNames";
import { DOCUMENTED_SEARCH_CONTENT, MAX_PAGE_SIZE } from "../provider/wire/model";
import { authenticate, type KeyRing, parseRawQuery } from "./auth";
import {
  CONTROL_PREFIX,
  type ControlRequest,
  controlKeyMatches,
  MAX_CONTROL_BODY_BYTES,
  MISSING_KEY_REPLY,
} from "./controlApi";
import { Counters } from "./counters";
import { playFault } from "./faultPlayer";
import { FaultQueue } from "./faults";
import { ID_TOKEN_PATH, IdentityProviders } from "./federation";
import { JobStore } from "./jobStore";
import { checkedLatency } from "./latency";
import { gatewayError, type Reply, send } from "./replies";
import { RequestLog, recordedHeaders, recordedTarget } from "./requestLog";
import { type RouteState, route } from "./routes";
import { CONTROL_KEY_HEADER, secretKeyOf } from "./secretKey";
import { renderServicePage } from "./servicePage";
import {
  DEFAULT_AGENCIES,
  METADATA_PATH,
  SECURITY_TOKENS_PATH,
  STS_ASSUME_PATH,
  TemporaryKeyIssuer,
} from "./temporaryKeys";
import type { EmulatorOptions, RecordedRequest } from "./types";

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
async function readRequestBody(req: IncomingMessage, limit = 64 * 1024): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The emulator's state, and its answer to every request. */
export class EmulatorApp {
  readonly faults = new FaultQueue();
  readonly counters = new Counters();
  readonly log: RequestLog;
  readonly credentials: { accessKey: string; secretKey: string; securityToken?: string; token: string };
  readonly issuer: TemporaryKeyIssuer;
  readonly identityProviders: IdentityProviders;
  readonly state: RouteState;
  latencyMs: number;
  concurrencyLimit: number | undefined;
  /** Set by the server once it listens. */
  url = "";
  /** Whether a request's `Host` names this emulator (hostCheck.ts); set by the server once it listens. */
  hostAllowed: (host: string | undefined) => boolean = () => false;
  /** Answers the control API; set by the server, which holds the `RunningEmulator` it drives. */
  control: (request: ControlRequest) => Reply = () => ({ status: 503, body: { error: "not started" } });
  private readonly keyRing: KeyRing;
  private readonly clock: () => Date;
  private requestCounter = 0;

  constructor(options: EmulatorOptions) {
    this.log = new RequestLog(options.maxRecordedRequests ?? 10_000);
    this.credentials = {
      accessKey: options.accessKey ?? "EMULATORACCESSKEY00001",
      secretKey: secretKeyOf(options.secretKey),
      securityToken: options.securityToken,
      token: options.token ?? `emulator-token-${randomBytes(16).toString("hex")}`,
    };
    this.clock = options.clock ?? (() => new Date());
    this.issuer = new TemporaryKeyIssuer(options.agencies ?? DEFAULT_AGENCIES, () => this.clock().getTime());
    this.identityProviders = new IdentityProviders(this.issuer, () => this.clock().getTime());
    this.keyRing = {
      token: this.credentials.token,
      keyOf: (key) => (key === this.credentials.accessKey ? this.credentials : this.issuer.keyOf(key)),
    };
    this.latencyMs = checkedLatency(options.latencyMs ?? 0);
    this.state = {
      store: new JobStore(options.jobs ?? []),
      projectId: options.projectId ?? "0a1b2c3d4e5f40718293a4b5c6d7e8f9",
      region: options.region ?? "cn-north-4",
      iamProjects: options.iamProjects,
      maxPageSize: options.maxPageSize ?? MAX_PAGE_SIZE,
      refusePageSizeAbove: options.refusePageSizeAbove ?? MAX_PAGE_SIZE,
      maxSearchContent: options.maxSearchContent ?? DOCUMENTED_SEARCH_CONTENT,
      numbersAsStrings: options.numbersAsStrings ?? false,
      listHook: undefined,
      serviceUrlOf: (job) => job.serviceUrl || `${this.url}/visualization/${job.jobId}/`,
    };
  }

  /** The request listener of the HTTP(S) server. */
  readonly listener = (req: IncomingMessage, res: ServerResponse): void => {
    this.handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        send(res, gatewayError(500, "APIGW.0201", `Emulator error: ${String(error)}`, "emulator"));
      else res.destroy();
    });
  };

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawUrl = req.url ?? "/";
    const q = rawUrl.indexOf("?");
    const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const rawQuery = q < 0 ? "" : rawUrl.slice(q + 1);
    const requestId = `emu-${(++this.requestCounter).toString(16).padStart(8, "0")}-${randomBytes(4).toString("hex")}`;
    if (!this.hostAllowed(req.headers.host)) {
      const host = (req.headers.host ?? "").slice(0, 100);
      send(res, {
        ...gatewayError(
          403,
          "APIGW.0101",
          `Host "${host}" is not this emulator's address: it answers only requests to its own address, localhost or a loopback address (another site's page may be trying to reach it)`,
          requestId,
        ),
        headers: { connection: "close" },
      });
      return;
    }
    let path: string;
    let query: Record<string, string>;
    try {
      path = rawPath.split("/").map(decodeURIComponent).join("/");
      query = Object.fromEntries(parseRawQuery(rawQuery));
    } catch {
      send(res, gatewayError(400, "APIGW.0201", "Bad request: malformed percent-encoding", requestId));
      return;
    }
    if (path.startsWith(CONTROL_PREFIX)) return this.serveControl(req, res, path, query);
    if (this.serveUnauthenticated(req, res, path, query)) return;
    const record: RecordedRequest = {
      method: req.method ?? "GET",
      ...recordedTarget(path, query),
      headers: recordedHeaders(req.headers),
      status: 0,
    };
    await this.serveApi(res, { req, record, rawPath, rawQuery, path, query, requestId });
  }

  /**
   * The control API: the key checked before a byte of the body is read (an unauthenticated caller
   * must not make the emulator hold 16 MiB), then the body read as JSON, up to 16 MiB of jobs.
   */
  private async serveControl(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    query: Record<string, string>,
  ): Promise<void> {
    const key = req.headers[CONTROL_KEY_HEADER];
    if (!controlKeyMatches(Array.isArray(key) ? key[0] : key, this.credentials.secretKey)) {
      // The body is not read: the connection closes after the answer instead of draining it.
      send(res, { ...MISSING_KEY_REPLY, headers: { connection: "close" } });
      return;
    }
    const declared = Number(req.headers["content-length"] ?? 0);
    const text =
      declared > MAX_CONTROL_BODY_BYTES ? undefined : await readRequestBody(req, MAX_CONTROL_BODY_BYTES);
    if (text === undefined) {
      const error = `the body is over ${MAX_CONTROL_BODY_BYTES} bytes: send fewer jobs at a time (POST adds to them)`;
      send(res, { status: 413, body: { error }, headers: { connection: "close" } });
      return;
    }
    let body: unknown;
    try {
      body = text === "" ? undefined : JSON.parse(text);
    } catch {
      send(res, { status: 400, body: { error: "the body is not JSON" } });
      return;
    }
    send(res, this.control({ method: req.method ?? "GET", path, query, body }));
  }

  /** The metadata service and the jobs' pages, which answer without authentication. */
  private serveUnauthenticated(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    query: Record<string, string>,
  ): boolean {
    if (path === METADATA_PATH && req.method === "GET") {
      // Bounded as every other request is: 10,000 requests of 3,800 parameters each held 2 GB.
      this.log.add({
        method: "GET",
        ...recordedTarget(path, query),
        headers: recordedHeaders(req.headers),
        status: 200,
      });
      send(res, this.issuer.instanceKeys());
      return true;
    }
    const service = SERVICE_PATH.exec(path);
    if (!service) return false;
    const page = renderServicePage(this.state.store.get(Number(service[1])));
    res.writeHead(page.status, {
      "content-type": "text/html; charset=utf-8",
      "content-length": Buffer.byteLength(page.html),
    });
    res.end(page.html);
    return true;
  }

  /** An API request: recorded, then throttled, delayed, faulted or answered as asked. */
  private async serveApi(res: ServerResponse, request: Omit<ApiRequest, "body">): Promise<void> {
    const { req, record, path, query, requestId } = request;
    const fault = this.faults.take({ path, query });
    if (fault) Object.assign(record, { fault: fault.kind });
    this.log.add(record);
    const inFlight = this.counters.requestStarted();
    try {
      if (this.concurrencyLimit !== undefined && inFlight > this.concurrencyLimit) {
        this.counters.requestThrottled();
        if (this.latencyMs > 0) await sleep(this.latencyMs);
        record.status = 429;
        send(res, gatewayError(429, "APIGW.0308", "The throttling threshold has been reached", requestId));
        return;
      }
      if (this.latencyMs > 0) await sleep(this.latencyMs);
      const setStatus = (status: number) => {
        record.status = status;
      };
      if (fault && (await playFault(fault, res, req.socket, requestId, setStatus))) return;
      const body = req.method === "POST" ? await readRequestBody(req) : undefined;
      this.answer(res, { ...request, body });
    } finally {
      this.counters.requestEnded();
    }
  }

  /** IAM's federation calls, which their tokens authenticate instead of a signature; undefined for any other request. */
  private federationReply(request: ApiRequest): Reply | undefined {
    const { req, record, path, requestId } = request;
    if (record.method !== "POST") return undefined;
    const body = request.body ?? "";
    if (path === ID_TOKEN_PATH) {
      const idp = req.headers[HEADER.idpId];
      return this.identityProviders.exchangeIdToken(Array.isArray(idp) ? idp[0] : idp, body, requestId);
    }
    if (path === SECURITY_TOKENS_PATH && IdentityProviders.asksByToken(body)) {
      return this.identityProviders.keysForSubject(body, requestId);
    }
    return undefined;
  }

  /** Authenticates an API request as the gateway does, then routes it. */
  private answer(res: ServerResponse, request: ApiRequest): void {
    const { req, record, requestId } = request;
    const federated = this.federationReply(request);
    if (federated !== undefined) {
      record.status = federated.status;
      send(res, { ...federated, headers: { [HEADER.requestId]: requestId, ...federated.headers } });
      return;
    }
    const auth = authenticate(
      {
        method: record.method,
        rawPath: request.rawPath,
        rawQuery: request.rawQuery,
        headers: req.headers,
        body: request.body,
      },
      this.keyRing,
      this.clock(),
    );
    if (auth.ok) Object.assign(record, { accessKey: auth.accessKey, signedWith: auth.algorithm });
    const reply = auth.ok ? this.routed(request) : gatewayError(401, "APIGW.0301", auth.message, requestId);
    record.status = reply.status;
    send(res, { ...reply, headers: { [HEADER.requestId]: requestId, ...reply.headers } });
  }

  /** What an authenticated request gets: IAM's assume-role call, STS's, or the API's routes. */
  private routed(request: ApiRequest): Reply {
    const { record, requestId } = request;
    if (request.path === STS_ASSUME_PATH && record.method === "POST") {
      return this.issuer.assumeWithSts(request.body ?? "", requestId);
    }
    if (request.path !== SECURITY_TOKENS_PATH || record.method !== "POST") {
      return route(
        this.state,
        { method: record.method, path: request.path, query: request.query },
        requestId,
      );
    }
    // Any keys it accepts may ask, temporary ones too: the next hop of an agency chain.
    return this.issuer.assumeRole(request.body ?? "", requestId);
  }
}
