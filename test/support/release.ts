/**
 * The release as the end-to-end tests use it: built for this machine's platform by jest's set-up
 * (test/support/buildPackage.js, `npm run release`'s own code), served as a release host serves it,
 * and run with a PATH that holds no Node.js.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { basename, join } from "node:path";
import { PLUGIN_DOWNLOAD_URL } from "../../plugin/schema";
import { sendFile } from "./sendFile";

const REPO = join(__dirname, "../..");

/** The release folder, and the version its files carry. */
export const RELEASE_DIR = join(REPO, "release");
export const VERSION: string = require(join(REPO, "package.json")).version;

/** A loopback HTTP server of the release folder, sending Content-Length as release hosts do. */
export interface ReleaseServer {
  readonly url: string;
  /** The paths asked for, in order. */
  readonly requested: string[];
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 (GET of a file at the root; 404 for anything else). */
export async function serveRelease(dir: string = RELEASE_DIR): Promise<ReleaseServer> {
  const requested: string[] = [];
  const server = createServer((request, response) => {
    const name = decodeURIComponent((request.url ?? "/").split("?")[0]!.slice(1));
    requested.push(`/${name}`);
    sendFile(response, name === basename(name) ? join(dir, name) : undefined, "application/gzip");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requested,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The environment in which the engine downloads the plugin itself, as for any provider, but from
 * `server` rather than the GitHub releases the SDKs' pluginDownloadURL names.
 */
export function pluginDownloadsFrom(server: ReleaseServer): Record<string, string> {
  return {
    PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES: `^${PLUGIN_DOWNLOAD_URL.replaceAll(".", "\\.")}=${server.url}`,
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "false",
  };
}

/** A checksum file (`sha256sum`'s format) in `dir`: each file's hash, by its name. */
export function sumsOf(dir: string, sums: string): Map<string, string> {
  const lines = readFileSync(join(dir, sums), "utf8").trim().split("\n");
  return new Map(lines.map((line) => [line.slice(66), line.slice(0, 64)]));
}

/**
 * A PATH of one folder holding links to exactly these commands (absolute paths), so that nothing
 * else, Node.js above all, can be found.
 */
export function pathWithOnly(commands: readonly string[], root: string): string {
  const bin = join(root, "bin");
  mkdirSync(bin, { recursive: true });
  for (const command of commands) {
    symlinkSync(command, join(bin, basename(command)));
  }
  return bin;
}

/** One file of a zip, as Python's zipfile extracts it (a reader that is not ours). */
export function zipMember(zip: string, name: string): Buffer {
  const script =
    "import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))";
  return execFileSync("python3", ["-c", script, zip, name], { maxBuffer: 512 << 20 });
}
