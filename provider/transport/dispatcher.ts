/**
 * The undici dispatchers lookups use by default: keep-alive connection pools, shared by every lookup
 * in the process that needs the same TLS and proxy options, so that repeated lookups reuse
 * connections. HTTPS goes through the proxy of `HTTPS_PROXY` unless `NO_PROXY` exempts the host,
 * over our own tunnel (proxyTunnel.ts); plain `http://` (loopback only) never goes through a proxy.
 * Tests pass their own dispatcher (a `MockAgent`) instead.
 */
import type { buildConnector, Dispatcher } from "undici";
import type { Environment } from "../settings/settings";
import { BoundedMap } from "../support/boundedMap";
import { MAX_MAX_CONCURRENCY } from "../wire/description";
import {
  bypassesProxy,
  type ConnectCallback,
  type ConnectOptions,
  connectThroughProxy,
  type ProxyConfig,
  proxyFromEnv,
} from "./proxyTunnel";

/** Connection timeouts: how long to wait for a TCP + TLS connection (through the proxy too). */
const CONNECT_TIMEOUT_MS = 10_000;

/** How long an idle kept-alive connection stays open. */
const KEEP_ALIVE_TIMEOUT_MS = 30_000;

/**
 * Connections per origin at most, whatever the number of lookups at once: 200 concurrent lookups of
 * 4 requests each queue here rather than open 800 sockets. The cap a lookup may ask for.
 */
export const MAX_CONNECTIONS_PER_ORIGIN = MAX_MAX_CONCURRENCY;

/**
 * The shared dispatchers, one per combination of TLS and proxy settings: a handful in practice.
 * Bounded all the same; one dropped for room is closed gracefully (its requests in flight finish).
 */
const dispatchers = new BoundedMap<string, Dispatcher>(
  16,
  (dispatcher) => void dispatcher.close().catch(() => {}),
);

/** The transport a lookup's requests take: what decides whom they reach and what is trusted. */
export interface Transport {
  readonly insecure: boolean;
  readonly proxy?: ProxyConfig;
}

/**
 * The transport of these options, reading `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` (either case)
 * from `env`.
 *
 * @throws ModelArtsConfigError when the proxy variable is not a URL.
 */
export function transportFor(options: { insecure: boolean; env: Environment }): Transport {
  return { insecure: options.insecure, proxy: proxyFromEnv(options.env) };
}

/** A string that tells transports apart (for cache keys); the proxy's userinfo is part of it. */
export function transportKey(transport: Transport): string {
  const proxy = transport.proxy;
  return JSON.stringify([transport.insecure, proxy?.url.href ?? null, proxy?.noProxy ?? []]);
}

/** What a dispatcher is made of: undici's Agent and its TCP/TLS connector. */
type AgentModules = Pick<typeof import("undici"), "Agent" | "buildConnector">;

/**
 * undici's Agent and connector, loaded with the first dispatcher rather than at import (tests that
 * inject a MockAgent never need them). Only those files are loaded, with the request API that
 * undici's own index mixes into Dispatcher the same way: the whole package (fetch, WebSocket,
 * caches, mocks) took about 100 ms more, on the path of a process's first request (`npm run
 * bench`, "first lookup"). undici 7 and 8 have this layout; any other version is loaded whole.
 */
function agentModules(): AgentModules {
  try {
    const Agent = require("undici/lib/dispatcher/agent") as AgentModules["Agent"];
    const buildConnector = require("undici/lib/core/connect") as AgentModules["buildConnector"];
    const Dispatcher = require("undici/lib/dispatcher/dispatcher") as { prototype: Record<string, unknown> };
    if (typeof Dispatcher.prototype.request !== "function") {
      Object.assign(Dispatcher.prototype, require("undici/lib/api"));
    }
    return { Agent, buildConnector };
  } catch {
    return require("undici") as AgentModules;
  }
}

/** The shared dispatcher of a transport. */
export function dispatcherFor(transport: Transport): Dispatcher {
  const key = transportKey(transport);
  let dispatcher = dispatchers.get(key);
  if (dispatcher === undefined) {
    const undici = agentModules();
    const tls = { rejectUnauthorized: !transport.insecure, timeoutMs: CONNECT_TIMEOUT_MS };
    const direct = undici.buildConnector({
      rejectUnauthorized: tls.rejectUnauthorized,
      timeout: CONNECT_TIMEOUT_MS,
    });
    const { proxy } = transport;
    const connect = (options: ConnectOptions, callback: ConnectCallback) => {
      const proxied =
        proxy !== undefined &&
        options.protocol === "https:" &&
        !bypassesProxy(proxy.noProxy, options.hostname, options.port || "443");
      if (proxied) connectThroughProxy(proxy, options, tls, callback);
      else direct(options as buildConnector.Options, callback as buildConnector.Callback);
    };
    dispatcher = new undici.Agent({
      keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
      connections: MAX_CONNECTIONS_PER_ORIGIN,
      connect: connect as buildConnector.connector,
    });
    dispatchers.set(key, dispatcher);
  }
  return dispatcher;
}

/** Closes every shared dispatcher (their requests in flight finish first); new ones are made as needed. */
export function closeSharedDispatchers(): void {
  dispatchers.clear();
}
