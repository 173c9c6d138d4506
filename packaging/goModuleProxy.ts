/**
 * The Go SDK as a Go module proxy serves it (the GOPROXY protocol, from files or any static server):
 * `goproxy/<module>/@v/list`, `v<version>.info`, `.mod` and `.zip`, for the module at its tag
 * `sdk/v<version>`. With `GOPROXY=file://<release>/goproxy`, `go get <module>@v<version>` installs it
 * as it would from proxy.golang.org once the tag is pushed.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sourceFiles } from "./sourceFiles";
import { writeZip } from "./zipArchive";

/** The Go SDK's module path (sdk/go.mod). */
export const GO_MODULE = "github.com/pulumi-modelarts/pulumi-modelarts/sdk";

/** The proxy's folder in the release. */
export const GO_PROXY_FOLDER = "goproxy";

/**
 * Writes the module's proxy files for `v<version>` under `<outDir>/goproxy`; returns their paths
 * relative to `outDir`. The zip holds every file of sdk/ under `<module>@v<version>/`, in name order.
 */
export function writeGoModuleProxy(repo: string, outDir: string, version: string, time: Date): string[] {
  const tag = `v${version}`;
  const sdk = join(repo, "sdk");
  const at = join(GO_PROXY_FOLDER, GO_MODULE, "@v");
  mkdirSync(join(outDir, at), { recursive: true });
  const files = {
    list: `${tag}\n`,
    [`${tag}.info`]: `${JSON.stringify({ Version: tag, Time: time.toISOString().replace(/\.\d{3}Z$/, "Z") })}\n`,
    [`${tag}.mod`]: readFileSync(join(sdk, "go.mod"), "utf8"),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(outDir, at, name), text);
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
  writeZip(entries, join(outDir, at, `${tag}.zip`));
  return [...Object.keys(files), `${tag}.zip`].map((name) => `${at}/${name}`);
}
