/**
 * NODE_EXTRA_CA_CERTS in the release's executables. Node.js reads that file before any JavaScript
 * runs, and blocks on it (a FIFO hung even `--version`), so the executables' Node.js never sees the
 * variable (packaging/nodeEnvironment.ts). A private CA still works as users expect: the provider
 * reads the file itself under the user-file rules (a regular file, at most 1 MiB, never blocking)
 * and adds its certificates to the process's default CA store, as Node would have. A file it cannot
 * use is said on stderr, as Node says it, and the built-in roots stay.
 */
import * as tls from "node:tls";
import { readUserFile } from "../provider/support/userFile";
import { isStandalone } from "./standalone";

/** Node 22.19's API for the default CA store, not yet in the @types/node of Node 20. */
type CaStore = {
  getCACertificates(type: "default"): string[];
  setDefaultCACertificates(certs: readonly string[]): void;
};

/** The PEM certificates in a text. */
function certificatesIn(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
}

/**
 * In the executable, adds the certificates of the file NODE_EXTRA_CA_CERTS names to the default CA
 * store; from the npm package, Node has done so already and this does nothing.
 */
export function adoptExtraCaCertificates(env: NodeJS.ProcessEnv, warn: (line: string) => void): void {
  const path = env.NODE_EXTRA_CA_CERTS;
  if (!isStandalone() || path === undefined || path === "") return;
  // In Node's own words for a file it cannot use.
  const ignored = (why: string) =>
    warn(`Warning: Ignoring extra certs from \`${path}\`, load failed: ${why}`);
  const file = readUserFile(path);
  const certificates = file.ok ? certificatesIn(file.text) : [];
  if (!file.ok) ignored(`it ${file.problem}`);
  else if (certificates.length === 0) ignored("it holds no PEM certificate");
  else {
    const store = tls as unknown as CaStore;
    try {
      store.setDefaultCACertificates([...store.getCACertificates("default"), ...certificates]);
    } catch (error) {
      ignored((error as Error).message);
    }
  }
}
