/**
 * CHANGELOG.md in Keep a Changelog 1.1.0's form, as its parsers and readers expect it: an
 * `[Unreleased]` section first, then each version as `[x.y.z] - YYYY-MM-DD`, newest first; in each,
 * at most one of each kind of change, in the standard's order; and a link for every version.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const KINDS = ["Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"];
const text = readFileSync(join(__dirname, "../../CHANGELOG.md"), "utf8");
const versions = [...text.matchAll(/^## (.*)$/gm)].map((m) => ({ heading: m[1]!, at: m.index }));

/** The `###` headings of the version whose `##` heading is the i-th. */
function kindsOf(i: number): string[] {
  const body = text.slice(versions[i]!.at, versions[i + 1]?.at ?? text.length);
  return [...body.matchAll(/^### (.*)$/gm)].map((m) => m[1]!);
}

it("opens with [Unreleased], then versions as [x.y.z] - YYYY-MM-DD, newest first", () => {
  expect(versions[0]?.heading).toBe("[Unreleased]");
  const released = versions
    .slice(1)
    .map((v) => /^\[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$/.exec(v.heading));
  expect(released.every((m) => m !== null)).toBe(true);
  const dates = released.map((m) => m![2]!);
  expect([...dates].sort().reverse()).toEqual(dates);
});

it("has at most one section of each kind of change per version, in the standard's order", () => {
  versions.forEach((version, i) => {
    const kinds = kindsOf(i);
    expect({ version: version.heading, kinds }).toEqual({
      version: version.heading,
      kinds: KINDS.filter((k) => kinds.includes(k)),
    });
  });
});

it("links every version it names", () => {
  for (const { heading } of versions) {
    const name = /^\[([^\]]+)\]/.exec(heading)![1]!;
    expect(text).toMatch(new RegExp(`^\\[${name.replace(/\./g, "\\.")}\\]: https://`, "m"));
  }
});
