/**
 * A folder served over HTTPS on loopback, as any static web server serves it: what a provider network
 * mirror needs (the protocol requires HTTPS). Its certificate is a throwaway one for localhost and
 * 127.0.0.1, which the client is told to trust (`SSL_CERT_FILE` for tofu).
 */
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { join, normalize, sep } from "node:path";
import { selfSignedCertificate } from "../../terraform/certificate";
import { sendFile } from "./sendFile";

/** A running server: its base URL (ending in `/`), the trusted certificate, and the paths asked for. */
export interface FolderServer {
  readonly url: string;
  readonly certificatePem: string;
  readonly requested: string[];
  close(): Promise<void>;
}

/** Serves the files below `dir` on 127.0.0.1 over HTTPS, as `https://localhost:<port>/`; 404 otherwise. */
export async function serveFolder(dir: string): Promise<FolderServer> {
  const certificate = selfSignedCertificate();
  const requested: string[] = [];
  const server = createServer(
    { cert: certificate.certificatePem, key: certificate.privateKeyPem },
    (request, response) => {
      const path = decodeURIComponent((request.url ?? "/").split("?")[0]!);
      requested.push(path);
      const file = join(dir, normalize(path));
      const type = file.endsWith(".json") ? "application/json" : "application/zip";
      sendFile(response, file.startsWith(dir + sep) ? file : undefined, type);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `https://localhost:${(server.address() as AddressInfo).port}/`,
    certificatePem: certificate.certificatePem,
    requested,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
