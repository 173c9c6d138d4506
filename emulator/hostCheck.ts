/**
 * Which `Host` a request may name, and what to say when the emulator listens beyond this machine.
 * A web page can make a browser reach a loopback server by DNS rebinding (its own name, resolved to
 * 127.0.0.1 the second time): the request then names the page's host, never the emulator's address.
 * Refusing every other `Host` keeps such a page from reading the request log, replacing jobs or
 * injecting faults, and from the metadata service, which answers without a key.
 */
import { isIP } from "node:net";
import { networkInterfaces } from "node:os";

/** Whether an address (no brackets) is this machine's loopback. */
function isLoopbackAddress(address: string): boolean {
  return address === "::1" || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address);
}

/** Whether an address means every interface. */
function isWildcard(address: string): boolean {
  return address === "0.0.0.0" || address === "::";
}

/** A `Host` header as RFC 9110 has it: a name or a bracketed IPv6 address, then a port or not. */
const HOST_HEADER = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9.-]+))(?::\d{1,5})?$/;

/**
 * The name a `Host` header gives, without its port or brackets, in lower case; undefined for one
 * that is not a host (`localhost:80@evil.example`, `[::1]evil.example`), which no check may read
 * its own way. An IPv6 address written bare, with no port, is taken as it is.
 */
function hostName(header: string): string | undefined {
  const lower = header.trim().toLowerCase();
  const parts = HOST_HEADER.exec(lower);
  if (parts === null) return /^[0-9a-f]*:[0-9a-f:]*:[0-9a-f:.]*$/.test(lower) ? lower : undefined;
  const name = parts[1] ?? parts[2]!;
  return name.endsWith(".") ? name.slice(0, -1) : name;
}

/** The addresses of this machine's interfaces that reach beyond it. */
function externalAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i) => i !== undefined && !i.internal)
    .map((i) => i!.address);
}

/**
 * A check of a request's `Host` for an emulator listening on `listenAddress`: `localhost`, a loopback
 * address and the listening address pass; on every interface, each interface's address passes too.
 * Any other name (a DNS name of someone else's) is refused. A request with no `Host` (HTTP/1.0 from
 * a script; browsers always send one) passes.
 */
export function hostCheck(listenAddress: string): (host: string | undefined) => boolean {
  const allowed = new Set([listenAddress.toLowerCase()]);
  if (isWildcard(listenAddress))
    for (const address of externalAddresses()) allowed.add(address.toLowerCase());
  return (host) => {
    if (host === undefined) return true;
    const name = hostName(host);
    if (name === undefined) return false;
    return name === "localhost" || isLoopbackAddress(name) || (isIP(name) !== 0 && allowed.has(name));
  };
}

/**
 * The warning for an emulator that listens beyond loopback, naming the addresses it is reachable
 * at; undefined on loopback. Its keys are for tests, and its control API replaces what it serves.
 */
export function exposureWarning(listenAddress: string, port: number): string | undefined {
  if (isLoopbackAddress(listenAddress) || listenAddress === "localhost") return undefined;
  const where = isWildcard(listenAddress)
    ? `every interface (${listenAddress}:${port}: ${externalAddresses().join(", ") || "no other address now"})`
    : `${listenAddress}:${port}`;
  return `warning: the emulator listens on ${where}, beyond this machine: anyone who can reach it there and has the key can read its request log and change what it serves. Pass --host 127.0.0.1 to keep it to this machine.`;
}
