/**
 * Hostile peers for the reliability tests, as real servers on loopback: an HTTP server whose every
 * answer the test writes by hand, and an HTTP proxy that tunnels CONNECT, or closes it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { connect, type Socket } from "node:net";

/** A running server, with the requests it saw. */
export interface RawServer {
  readonly url: string;
  /** The path and query of each request, in order. */
  readonly seen: string[];
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function closer(server: Server, sockets: Set<Socket>): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
}

/** An HTTP server that answers every request with `handler`. */
export async function startRawServer(
  handler: (req: IncomingMessage, res: ServerResponse, index: number) => void,
): Promise<RawServer> {
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    seen.push(req.url ?? "");
    handler(req, res, seen.length);
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  const address = await listen(server);
  return { url: `http://${address}`, seen, close: closer(server, sockets) };
}

/** A proxy: how many connections and CONNECTs it saw, and what it was asked for in clear. */
export interface Proxy {
  /** `http://127.0.0.1:port`, or with userinfo as given. */
  url(userinfo?: string): string;
  readonly stats: { connections: number; connects: number; plainRequests: number };
  close(): Promise<void>;
}

/**
 * An HTTP proxy. `tunnel` opens CONNECT tunnels to the target; `close` accepts each CONNECT and
 * closes it at once. A plain (non-CONNECT) request is counted and answered 502.
 */
export async function startProxy(mode: "tunnel" | "close"): Promise<Proxy> {
  const stats = { connections: 0, connects: 0, plainRequests: 0 };
  const sockets = new Set<Socket>();
  const server = createServer((_req, res) => {
    stats.plainRequests++;
    res.writeHead(502).end("this proxy forwards nothing in clear");
  });
  server.on("connection", (socket: Socket) => {
    stats.connections++;
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  server.on("connect", (req: IncomingMessage, client: Socket, head: Buffer) => {
    stats.connects++;
    if (mode === "close") {
      client.destroy();
      return;
    }
    const [host, port] = (req.url ?? "").split(":");
    const upstream = connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.once("close", () => sockets.delete(upstream));
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  const address = await listen(server);
  return {
    url: (userinfo) => `http://${userinfo ? `${userinfo}@` : ""}${address}`,
    stats,
    close: closer(server, sockets),
  };
}
