/**
 * Docs run: every fenced block of the README and docs/ is either run by a test as written or marked as
 * an excerpt naming the test that covers it. The comment just before a block says which:
 *
 * - `<!-- run: <id> (test/...test.ts ...) -->`: that test reads the block by its marker (`run: <id>`)
 *   and runs it, with at most the release's location substituted;
 * - `<!-- file: <name> (test/...test.ts) -->`: that test writes the block as the file `<name>` of a
 *   project it builds and runs;
 * - `<!-- excerpt: ... test/...test.ts ... -->`: part of something that test runs; when it says
 *   `of <path>`, its lines are that file's, in order.
 *
 * A block with none of these fails here, with its file and line, so that a command added to the docs
 * is either tested or says honestly that it is not run as shown.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { docsPages } from "../support/docsPages";
import { fencedBlockAfter } from "../support/readme";

const REPO = join(__dirname, "../..");

/** Every Markdown page the block rule holds: the README and all of docs/. */
const pages = (): string[] => ["README.md", ...docsPages()];

/** A fenced block: where it starts, its text, and the comment before it (or ""). */
interface Block {
  readonly page: string;
  readonly line: number;
  readonly body: string;
  readonly marker: string;
}

/** The fenced blocks of a page, each with the nearest non-blank line before it when that is a comment. */
function blocksOf(page: string): Block[] {
  const lines = readFileSync(join(REPO, page), "utf8").split("\n");
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith("```")) continue;
    const end = lines.findIndex((text, j) => j > i && text.startsWith("```"));
    if (end < 0) throw new Error(`${page}:${i + 1}: a fenced block that never ends`);
    let before = i - 1;
    while (before >= 0 && lines[before]!.trim() === "") before--;
    const previous = before >= 0 ? lines[before]!.trim() : "";
    blocks.push({
      page,
      line: i + 1,
      body: lines.slice(i + 1, end).join("\n"),
      marker: previous.startsWith("<!--") ? previous : "",
    });
    i = end;
  }
  return blocks;
}

const blocks = pages().flatMap(blocksOf);
const at = (block: Block) => `${block.page}:${block.line}`;
const testsNamed = (marker: string) => [...marker.matchAll(/test\/[\w/.-]+\.test\.ts/g)].map((m) => m[0]);
const read = (path: string) => readFileSync(join(REPO, path), "utf8");

it("finds the docs' blocks (the rule holds something)", () => {
  expect(blocks.length).toBeGreaterThan(30);
});

it("every block is run by a test or marked as an excerpt naming one", () => {
  const unmarked = blocks.filter((b) => !/^<!-- (run|file|excerpt): /.test(b.marker)).map(at);
  expect(unmarked).toEqual([]);
  const naming = blocks.filter((b) => b.marker !== "" && testsNamed(b.marker).length === 0).map(at);
  expect(naming).toEqual([]);
  const missing = blocks.flatMap((b) => testsNamed(b.marker).filter((t) => !existsSync(join(REPO, t))));
  expect(missing).toEqual([]);
});

it("a test that runs a block reads it by its marker, from its page", () => {
  const unread = blocks.flatMap((block) => {
    const kind = /^<!-- (run|file): (\S+)/.exec(block.marker);
    if (kind === null) return [];
    const wanted = kind[1] === "run" ? [`run: ${kind[2]}`, block.page] : ["file: ", block.page];
    return testsNamed(block.marker)
      .filter((test) => !wanted.every((text) => read(test).includes(text)))
      .map((test) => `${at(block)} (${test})`);
  });
  expect(unread).toEqual([]);
  const ids = blocks.flatMap((b) => /^<!-- run: (\S+)/.exec(b.marker)?.[1] ?? []);
  expect(ids.length).toBe(new Set(ids).size);
});

it("an excerpt of a file holds that file's lines, in order", () => {
  const wrong = blocks.flatMap((block) => {
    const of = /^<!-- excerpt: of (\S+?),/.exec(block.marker)?.[1];
    if (of === undefined) return [];
    const source = read(of).split("\n");
    let from = 0;
    for (const line of block.body.split("\n")) {
      const found = source.indexOf(line, from);
      if (found < 0) return [`${at(block)}: "${line}" is not in ${of} (after line ${from})`];
      from = found + 1;
    }
    return [];
  });
  expect(wrong).toEqual([]);
});

it("the README's test commands are the ones CI runs", () => {
  const ci = read(".ci/run");
  const scripts = JSON.parse(read("package.json")).scripts as Record<string, string>;
  const commands = fencedBlockAfter("README.md", "<!-- run: ci-commands").trim().split("\n");
  expect(commands).toEqual(["npm ci", "npm test", "npm run test:legs"]);
  for (const command of commands) {
    const script = /^npm run (\S+)$/.exec(command)?.[1];
    expect(ci).toContain(script === undefined ? command : scripts[script]!);
  }
});
