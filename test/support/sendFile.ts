/** How the tests' loopback servers (a release host, a package index, a registry, a mirror) answer a file. */
import { createReadStream, existsSync, statSync } from "node:fs";
import type { ServerResponse } from "node:http";

/**
 * Sends the file with its Content-Length, as release hosts and registries do; a 404 when there is
 * none (`file` undefined: the server's own path rule refused the request) or it is no regular file.
 */
export function sendFile(response: ServerResponse, file: string | undefined, contentType?: string): void {
  if (file === undefined || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
    return;
  }
  response.writeHead(200, {
    ...(contentType !== undefined && { "content-type": contentType }),
    "content-length": String(statSync(file).size),
  });
  createReadStream(file).pipe(response);
}
