/**
 * A Terraform provider registry on loopback, over HTTPS as the protocol requires (Terraform docs,
 * "Provider Registry Protocol"): service discovery, the versions, and a download naming the zip, the
 * SHA256SUMS, their signature and the key to check it with. Its certificate is a throwaway one for
 * localhost and 127.0.0.1, which the client is told to trust (`SSL_CERT_FILE` for tofu).
 */
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { selfSignedCertificate } from "../../terraform/certificate";
import { sendFile } from "./sendFile";

/** What the registry serves: one provider version, its files in `dir`, and the signing key. */
export interface RegistryContent {
  readonly dir: string;
  readonly namespace: string;
  readonly type: string;
  readonly version: string;
  readonly platforms: ReadonlyArray<{ readonly os: string; readonly arch: string }>;
  readonly zipName: (os: string, arch: string) => string;
  readonly sumsName: string;
  readonly sha256: (file: string) => string;
  readonly key: { readonly keyId: string; readonly publicKey: string };
}

/** A running registry: its host (`localhost:<port>`), the trusted certificate, what was asked for. */
export interface ProviderRegistry {
  readonly host: string;
  readonly certificatePem: string;
  readonly requested: string[];
  close(): Promise<void>;
}

/** The JSON answer of a registry path, or undefined for a file or an unknown path. */
function answer(content: RegistryContent, path: string, base: string): unknown {
  const prefix = `/v1/providers/${content.namespace}/${content.type}`;
  if (path === "/.well-known/terraform.json") return { "providers.v1": "/v1/providers/" };
  if (path === `${prefix}/versions`) {
    return { versions: [{ version: content.version, protocols: ["6.0"], platforms: content.platforms }] };
  }
  const download = new RegExp(`^${prefix}/${content.version}/download/([a-z0-9]+)/([a-z0-9]+)$`).exec(path);
  if (download === null) return undefined;
  const [os, arch] = [download[1]!, download[2]!];
  const filename = content.zipName(os, arch);
  return {
    protocols: ["6.0"],
    os,
    arch,
    filename,
    download_url: `${base}/files/${filename}`,
    shasums_url: `${base}/files/${content.sumsName}`,
    shasums_signature_url: `${base}/files/${content.sumsName}.sig`,
    shasum: content.sha256(join(content.dir, filename)),
    signing_keys: { gpg_public_keys: [{ key_id: content.key.keyId, ascii_armor: content.key.publicKey }] },
  };
}

/** Serves `content` on 127.0.0.1 over HTTPS, as `localhost:<port>`. */
export async function serveProviderRegistry(content: RegistryContent): Promise<ProviderRegistry> {
  const certificate = selfSignedCertificate();
  const requested: string[] = [];
  let base = "";
  const server = createServer(
    { cert: certificate.certificatePem, key: certificate.privateKeyPem },
    (request, response) => {
      const path = (request.url ?? "/").split("?")[0]!;
      requested.push(path);
      const json = answer(content, path, base);
      if (json !== undefined) {
        response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(json));
        return;
      }
      const file = /^\/files\/([^/]+)$/.exec(path)?.[1];
      sendFile(response, file === undefined ? undefined : join(content.dir, file));
    },
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const host = `localhost:${(server.address() as AddressInfo).port}`;
  base = `https://${host}`;
  return {
    host,
    certificatePem: certificate.certificatePem,
    requested,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
