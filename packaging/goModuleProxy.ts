/**
 * The Go SDK as a Go module proxy serves it (the GOPROXY protocol, from files or any static server):
 * `goproxy/<module>/@v/list`, `v<version>.info`, `.mod` and `.zip`, for the module at its tag
 * `sdk/v<version>`, shipped as one archive, `pulumi-modelarts-goproxy-v<version>.tar.gz`: a release
 * page holds files, not folders. Unpacked, `GOPROXY=file://$PWD/goproxy` makes
 * `go get <module>@v<version>` install it as it would from proxy.golang.org once the tag is pushed.
 */

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeTarball } from "./archives";
import { sourceFiles } from "./sourceFiles";
import { writeZip } from "./zipArchive";

/** The Go SDK's module path (sdk/go.mod). */
export const GO_MODULE = "github.com/pulumi-modelarts/pulumi-modelarts/sdk";

/** The proxy's folder, as the archive unpacks it. */
export const GO_PROXY_FOLDER = "goproxy";

/** `pulumi-modelarts-goproxy-v<version>.tar.gz`, the module proxy's files in one archive. */
export function goProxyArchiveName(version: string): string {
  return `pulumi-modelarts-goproxy-v${version}.tar.gz`;
}

/**
 * Writes the module's proxy files for `v<version>` under `<work>/goproxy`, and packs them into
 * `<outDir>/pulumi-modelarts-goproxy-v<version>.tar.gz` under `goproxy/`; returns the archive's name.
 * The module zip holds every file of sdk/ under `<module>@v<version>/`, in name order.
 */
export function writeGoModuleProxy(
  repo: string,
  outDir: string,
  work: string,
  version: string,
  time: Date,
): string {
  const tag = `v${version}`;
  const sdk = join(repo, "sdk");
  const at = join(GO_PROXY_FOLDER, GO_MODULE, "@v");
  mkdirSync(join(work, at), { recursive: true });
  const files = {
    list: `${tag}\n`,
    [`${tag}.info`]: `${JSON.stringify({ Version: tag, Time: time.toISOString().replace(/\.\d{3}Z$/, "Z") })}\n`,
    [`${tag}.mod`]: readFileSync(join(sdk, "go.mod"), "utf8"),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(work, at, name), text);
  const paths = sourceFiles(sdk);
  const entries = paths.map((path) => ({
    name: `${GO_MODULE}@${tag}/${path}`,
    source: join(sdk, path),
    mode: 0o644,
  }));
  // As the go command zips a module in a repository's subfolder: the repository's LICENSE comes along.
  if (!paths.includes("LICENSE")) {
    entries.push({ name: `${GO_MODULE}@${tag}/LICENSE`, source: join(repo, "LICENSE"), mode: 0o644 });
  }
  writeZip(entries, join(work, at, `${tag}.zip`));
  const archive = goProxyArchiveName(version);
  const members = [...Object.keys(files), `${tag}.zip`].map((name) => ({
    name: `${at}/${name}`,
    source: join(work, at, name),
    mode: 0o644,
  }));
  writeTarball(members, join(outDir, archive), join(work, "goproxy-staging"));
  return archive;
}
