/**
 * The README is a front door: short enough to read once, with no table too wide to read on a
 * screen, and a link to every page of docs/ (each a relative link that resolves), so that nothing the
 * docs say is out of reach from it.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { docsPages } from "../support/docsPages";

const REPO = join(__dirname, "../..");
const readme = readFileSync(join(REPO, "README.md"), "utf8");

/** The relative link targets of a Markdown text, without their anchors. */
const links = (text: string) =>
  [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l));

it("the README is at most 250 lines, and no table row is wider than 200 characters", () => {
  const lines = readme.split("\n");
  expect(lines.length).toBeLessThanOrEqual(250);
  expect(lines.filter((line) => line.startsWith("|") && line.length > 200)).toEqual([]);
});

it("the README links every page of docs/", () => {
  const linked = new Set(links(readme));
  expect(docsPages().filter((page) => !linked.has(page))).toEqual([]);
});

it("every relative link of the README and docs/ names a file that exists", () => {
  const broken = ["README.md", ...docsPages()].flatMap((page) =>
    links(readFileSync(join(REPO, page), "utf8"))
      .filter((target) => !existsSync(join(REPO, dirname(page), target)))
      .map((target) => `${page} -> ${target}`),
  );
  expect(broken).toEqual([]);
});
