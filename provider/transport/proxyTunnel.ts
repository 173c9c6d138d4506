/**
 * HTTPS through a proxy, done here rather than by undici's EnvHttpProxyAgent: with undici 7, a
 * proxy that closes the CONNECT made it reconnect in a tight loop that starved the event loop (no
 * timeout or abort could end it), an `http://` endpoint was sent through the proxy in clear, and
 * `rejectUnauthorized` did not reach the TLS inside the tunnel. This connector opens the tunnel
 * itself: one CONNECT, a bounded wait, TLS to the endpoint over it with our own verification
 * setting, and any failure reported once, as an error that names the proxy without its userinfo.
 */
import { isIP, connect as netConnect, type Socket } from "node:net";
import { connect as tlsConnect } from "node:tls";
import type { Environment } from "../settings/settings";
import { ModelArtsConfigError, ModelArtsProxyError } from "../support/errors";

/** The proxy settings of the environment: `HTTPS_PROXY` and `NO_PROXY` (either case). */
export interface ProxyConfig {
  /** The proxy URL, userinfo included (sent as `Proxy-Authorization`). */
  readonly url: URL;
  /** Where the proxy URL came from, for messages. */
  readonly from: string;
  /** `NO_PROXY` entries, lower case: a host, `.suffix` / `*.suffix`, optionally `:port`; `*` for all. */
  readonly noProxy: readonly string[];
}

function firstSet(env: Environment, ...names: string[]): [string, string] | undefined {
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value.trim() !== "") return [name, value.trim()];
  }
  return undefined;
}

/** A URL as messages show it: without its userinfo. */
function withoutUserinfo(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname === "/" ? "" : url.pathname}`;
}

/**
 * The proxy for HTTPS endpoints, from `HTTPS_PROXY` (or `HTTP_PROXY`, which tools also use for
 * HTTPS), or undefined. Plain `http://` endpoints are loopback only and never use a proxy.
 *
 * @throws ModelArtsConfigError when the proxy is not an http:// or https:// URL (userinfo not shown).
 */
export function proxyFromEnv(env: Environment): ProxyConfig | undefined {
  const found = firstSet(env, "HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy");
  if (found === undefined) return undefined;
  const [name, value] = found;
  let url: URL;
  try {
    url = new URL(value.includes("://") ? value : `http://${value}`);
  } catch {
    const shown = value.replace(/\/\/[^/@]*@/, "//").replace(/^[^/@]*@/, "");
    throw new ModelArtsConfigError(
      `The proxy in ${name} is not a URL: "${shown}". Give one such as http://proxy.example.com:3128, or unset ${name}.`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ModelArtsConfigError(
      `The proxy in ${name} must be an http:// or https:// URL, got "${withoutUserinfo(url)}".`,
    );
  }
  const noProxy = (firstSet(env, "NO_PROXY", "no_proxy")?.[1] ?? "")
    .split(/[\s,]+/)
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== "");
  return { url, from: name, noProxy };
}

/** Whether `NO_PROXY` exempts this host and port. */
export function bypassesProxy(noProxy: readonly string[], hostname: string, port: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  return noProxy.some((entry) => {
    if (entry === "*") return true;
    const [entryHost = "", entryPort] = entry.replace(/^\[|\]$/g, "").split(/:(?=\d+$)/);
    if (entryPort !== undefined && entryPort !== port) return false;
    const suffix = entryHost.replace(/^\*?\./, "");
    return host === suffix || host.endsWith(`.${suffix}`);
  });
}

/** What undici's connector is given. */
export interface ConnectOptions {
  readonly hostname: string;
  readonly host?: string;
  readonly protocol: string;
  readonly port: string;
  readonly servername?: string;
}

/** undici's connector callback. */
export type ConnectCallback = (error: Error | null, socket: Socket | null) => void;

function proxyError(proxy: ProxyConfig, target: string, what: string): ModelArtsProxyError {
  return new ModelArtsProxyError(
    `the proxy ${withoutUserinfo(proxy.url)} (${proxy.from}) ${what} when asked to CONNECT ${target}`,
  );
}

/**
 * Opens a TLS connection to `options` through `proxy`: CONNECT, then TLS over the tunnel. Calls
 * `callback` exactly once.
 */
export function connectThroughProxy(
  proxy: ProxyConfig,
  options: ConnectOptions,
  tls: { readonly rejectUnauthorized: boolean; readonly timeoutMs: number },
  callback: ConnectCallback,
): void {
  const port = options.port || "443";
  const target = `${options.hostname}:${port}`;
  let settled = false;
  const proxyPort = Number(proxy.url.port || (proxy.url.protocol === "https:" ? 443 : 80));
  const socket: Socket =
    proxy.url.protocol === "https:"
      ? tlsConnect({
          host: proxy.url.hostname,
          port: proxyPort,
          ...(isIP(proxy.url.hostname) === 0 && { servername: proxy.url.hostname }),
        })
      : netConnect({ host: proxy.url.hostname, port: proxyPort });
  const finish = (error: Error | null, result: Socket | null) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    if (error) socket.destroy();
    callback(error, result);
  };
  const timer = setTimeout(
    () => finish(proxyError(proxy, target, `did not answer within ${tls.timeoutMs} ms`), null),
    tls.timeoutMs,
  );
  socket.once("error", (e) => finish(proxyError(proxy, target, `failed (${e.message})`), null));
  socket.once("close", () => finish(proxyError(proxy, target, "closed the connection"), null));
  socket.once(proxy.url.protocol === "https:" ? "secureConnect" : "connect", () => {
    const auth =
      proxy.url.username || proxy.url.password
        ? `Proxy-Authorization: Basic ${Buffer.from(`${decodeURIComponent(proxy.url.username)}:${decodeURIComponent(proxy.url.password)}`).toString("base64")}\r\n`
        : "";
    socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n${auth}\r\n`);
  });
  let head = Buffer.alloc(0);
  const onData = (chunk: Buffer) => {
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf("\r\n\r\n");
    if (end < 0) {
      if (head.length > 16 * 1024) finish(proxyError(proxy, target, "sent an oversized answer"), null);
      return;
    }
    socket.off("data", onData);
    const statusLine = head.subarray(0, head.indexOf("\r\n")).toString("latin1");
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
    if (!(status >= 200 && status < 300)) {
      finish(proxyError(proxy, target, `answered "${statusLine.slice(0, 80)}"`), null);
      return;
    }
    const rest = head.subarray(end + 4);
    if (rest.length > 0) socket.unshift(rest);
    socket.removeAllListeners("close");
    socket.removeAllListeners("error");
    const name = options.servername || options.hostname;
    const secure = tlsConnect({
      socket,
      // `host` is the name the certificate is checked against; SNI carries host names only
      // (RFC 6066), so an IP address is checked without being sent as one.
      host: name,
      ...(isIP(name) === 0 && { servername: name }),
      rejectUnauthorized: tls.rejectUnauthorized,
      ALPNProtocols: ["http/1.1"],
    });
    secure.once("secureConnect", () => finish(null, secure));
    secure.once("error", (e) => finish(e, null));
  };
  socket.on("data", onData);
}
