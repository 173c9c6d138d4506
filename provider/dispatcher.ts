/**
 * The undici dispatchers lookups use by default: keep-alive connection pools, shared by every lookup
 * in the process that needs the same TLS and proxy options, so that repeated lookups reuse
 * connections. Tests pass their own dispatcher (a `MockAgent`) instead.
 */
import type { Dispatcher } from "undici";
import { BoundedMap } from "./boundedMap";
import type { Environment } from "./settings";

/** Connection timeouts: how long to wait for a TCP + TLS connection. */
export const CONNECT_TIMEOUT_MS = 10_000;

/** How long an idle kept-alive connection stays open. */
const KEEP_ALIVE_TIMEOUT_MS = 30_000;

/**
 * Connections per origin at most, whatever the number of lookups at once: 200 concurrent lookups of
 * 4 requests each queue here rather than open 800 sockets.
 */
export const MAX_CONNECTIONS_PER_ORIGIN = 32;

/**
 * The shared dispatchers, one per combination of TLS and proxy settings: a handful in practice.
 * Bounded all the same; one dropped for room is closed gracefully (its requests in flight finish).
 */
const dispatchers = new BoundedMap<string, Dispatcher>(
  16,
  (dispatcher) => void dispatcher.close().catch(() => {}),
);

function firstSet(env: Environment, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value !== "") return value;
  }
  return undefined;
}

/**
 * The shared dispatcher for these options. `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` (either case)
 * are read from `env`; with none set, a plain keep-alive `Agent` serves.
 */
export function dispatcherFor(options: { insecure: boolean; env: Environment }): Dispatcher {
  const httpsProxy = firstSet(options.env, "HTTPS_PROXY", "https_proxy");
  const httpProxy = firstSet(options.env, "HTTP_PROXY", "http_proxy");
  const noProxy = firstSet(options.env, "NO_PROXY", "no_proxy");
  const key = JSON.stringify([options.insecure, httpsProxy, httpProxy, noProxy]);
  let dispatcher = dispatchers.get(key);
  if (dispatcher === undefined) {
    // undici is loaded with the first dispatcher, not at import: it is a third of the package's
    // import time (`npm run bench`), and tests that inject a MockAgent never need this one.
    const { Agent, EnvHttpProxyAgent } = require("undici") as typeof import("undici");
    const common = {
      keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
      connections: MAX_CONNECTIONS_PER_ORIGIN,
      connect: { timeout: CONNECT_TIMEOUT_MS, rejectUnauthorized: !options.insecure },
    };
    dispatcher =
      httpsProxy || httpProxy
        ? new EnvHttpProxyAgent({ ...common, httpProxy, httpsProxy, noProxy })
        : new Agent(common);
    dispatchers.set(key, dispatcher);
  }
  return dispatcher;
}

/** Closes every shared dispatcher (their requests in flight finish first); new ones are made as needed. */
export function closeSharedDispatchers(): void {
  dispatchers.clear();
}
