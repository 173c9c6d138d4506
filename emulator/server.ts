/**
 * The emulator: a real HTTP(S) server speaking the ModelArts visualization-job list and details
 * calls, IAM project discovery and agencies, the ECS metadata service and each job's service page,
 * with the gateway's authentication and error formats (app.ts). Tests drive it through
 * {@link RunningEmulator}, or over HTTP through its control API (controlApi.ts).
 */
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { ModelArtsEmulatorError } from "../provider/support/errors";
import { EmulatorApp } from "./app";
import { answerControl, CONTROL_PREFIX } from "./controlApi";
import { exposureWarning, hostCheck } from "./hostCheck";
import { checkedLatency } from "./latency";
import { LIST_PATH } from "./routes";
import { METADATA_PATH } from "./temporaryKeys";
import type { EmulatorOptions, EmulatorSettings, RunningEmulator } from "./types";

export type {
  EmulatorOptions,
  EmulatorSettings,
  IssuedKeyRecord,
  RecordedRequest,
  RunningEmulator,
} from "./types";

/** Listens as asked; a port in use is said plainly, with what to do. Resolves to the bound address. */
async function listen(server: Server, options: EmulatorOptions): Promise<AddressInfo> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new ModelArtsEmulatorError(
              `port ${options.port} is in use: pass --port 0 for any free port (or port: 0 to startEmulator)`,
            )
          : new ModelArtsEmulatorError(
              `the emulator cannot listen on ${options.host ?? "127.0.0.1"}:${options.port ?? 0}: ${error.message}`,
              { cause: error },
            ),
      ),
    );
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  return server.address() as AddressInfo;
}

/** The URL a program on this machine uses to reach an emulator bound to `address`. */
function urlOf(address: AddressInfo, tls: boolean): string {
  // Listening on every interface: programs reach it on loopback, which plain http:// allows.
  const reachable =
    address.address === "0.0.0.0" ? "127.0.0.1" : address.address === "::" ? "::1" : address.address;
  const host = reachable.includes(":") ? `[${reachable}]` : reachable;
  return `${tls ? "https" : "http"}://${host}:${address.port}`;
}

/** The settings and the `HW_*` variables that point a program at the emulator (at `app.url`). */
function pointers(app: EmulatorApp): { settings: EmulatorSettings; env: Record<string, string> } {
  const { credentials, state, url } = app;
  const settings: EmulatorSettings = {
    endpoint: url,
    authUrl: `${url}/v3`,
    stsEndpoint: url,
    region: state.region,
    projectId: state.projectId,
    accessKey: credentials.accessKey,
    secretKey: credentials.secretKey,
    token: credentials.token,
    securityToken: credentials.securityToken,
    metadataUrl: `${url}${METADATA_PATH}`,
    controlUrl: `${url}${CONTROL_PREFIX}`,
    agencies: app.issuer.agencies,
  };
  const env: Record<string, string> = {
    HW_MODELARTS_ENDPOINT: settings.endpoint,
    HW_AUTH_URL: settings.authUrl,
    HW_STS_ENDPOINT: settings.stsEndpoint,
    HW_REGION_NAME: settings.region,
    HW_PROJECT_ID: settings.projectId,
    HW_ACCESS_KEY: settings.accessKey,
    HW_SECRET_KEY: settings.secretKey,
  };
  if (settings.securityToken !== undefined) env.HW_SECURITY_TOKEN = settings.securityToken;
  return { settings, env };
}

/** What tests hold: the app's state behind the `RunningEmulator` interface. */
function runningEmulator(app: EmulatorApp, server: Server, warning: string | undefined): RunningEmulator {
  const { state, log, faults } = app;
  const { store } = state;
  return {
    url: app.url,
    ...(warning !== undefined && { warning }),
    ...pointers(app),
    requests: log.records,
    listRequests: () => log.records.filter((r) => LIST_PATH.test(r.path)),
    jobs: () => store.all(),
    setJobs: (jobs) => store.replace(jobs),
    putJobs: (...jobs) => store.put(...jobs),
    updateJob: (jobId, patch) => {
      if (!store.update(jobId, patch))
        throw new ModelArtsEmulatorError(`the emulator has no job ${jobId}`, { notFound: true });
    },
    removeJob: (jobId) => {
      if (!store.remove(jobId))
        throw new ModelArtsEmulatorError(`the emulator has no job ${jobId}`, { notFound: true });
    },
    injectFault: (fault, faultOptions) => faults.add(fault, faultOptions),
    clearFaults: () => faults.clear(),
    setLatency: (ms) => {
      app.latencyMs = checkedLatency(ms);
    },
    setMaxPageSize: (size) => {
      state.maxPageSize = size;
    },
    setNumbersAsStrings: (on) => {
      state.numbersAsStrings = on;
    },
    setConcurrencyLimit: (limit) => {
      app.concurrencyLimit = limit;
    },
    stats: () => app.counters.stats(),
    onListRequest: (hook) => {
      state.listHook = hook;
    },
    issuedKeys: () =>
      [...app.issuer.all()].map(([accessKey, key]) => ({
        accessKey,
        issuedFor: key.issuedFor,
        expiresAt: new Date(key.expiresAt),
      })),
    identityProvider: (id, tokens) => app.identityProviders.register(id, tokens),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
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
  const app = new EmulatorApp(options);
  const server: Server = options.tls
    ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, app.listener)
    : createHttpServer(app.listener);
  server.on("connection", (socket: Socket) => {
    app.counters.connectionOpened();
    socket.once("close", () => app.counters.connectionClosed());
  });
  const address = await listen(server, options);
  app.url = urlOf(address, options.tls !== undefined);
  app.hostAllowed = hostCheck(address.address);
  const emulator = runningEmulator(app, server, exposureWarning(address.address, address.port));
  app.control = (request) => answerControl(emulator, request);
  return emulator;
}
