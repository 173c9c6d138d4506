/**
 * A PEP 503 "simple" package index on loopback, as a team's private index serves a package before it
 * is on PyPI: `/simple/<name>/` lists our files with their sha256, and any other project is not found
 * (404), so that pip finds `pulumi` only when it still asks PyPI (`--extra-index-url`).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { basename } from "node:path";
import { sha256File } from "../../packaging/archives";
import { sendFile } from "./sendFile";

/** A running index: its `/simple/` URL, and the project pages asked for. */
export interface PackageIndex {
  readonly url: string;
  readonly asked: string[];
  close(): Promise<void>;
}

/** PEP 503's normalised name: lower case, runs of `-`, `_` and `.` as one `-`. */
function normalisedName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

/** The project a distribution file belongs to (`pulumi_modelarts-0.1.0-py3-none-any.whl`). */
function projectOf(file: string): string {
  return normalisedName(basename(file).split("-")[0]!);
}

/** Serves `files` under their projects' pages; any other project is a 404. */
export async function servePackageIndex(files: readonly string[]): Promise<PackageIndex> {
  const asked: string[] = [];
  const byName = new Map(files.map((file) => [basename(file), file]));
  const server = createServer((request, response) => {
    const path = decodeURIComponent((request.url ?? "/").split("?")[0]!);
    const page = /^\/simple\/([^/]+)\/?$/.exec(path);
    if (page) {
      const project = normalisedName(page[1]!);
      asked.push(project);
      const ours = files.filter((file) => projectOf(file) === project);
      if (ours.length === 0) {
        response.writeHead(404).end("not found\n");
        return;
      }
      const links = ours.map((file) => {
        const sha = sha256File(file);
        return `<a href="/files/${basename(file)}#sha256=${sha}">${basename(file)}</a><br/>`;
      });
      response.writeHead(200, { "content-type": "text/html" });
      response.end(`<!DOCTYPE html><html><body>\n${links.join("\n")}\n</body></html>\n`);
      return;
    }
    const file = /^\/files\/([^/]+)$/.exec(path)?.[1];
    sendFile(response, file === undefined ? undefined : byName.get(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/simple/`,
    asked,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
