/**
 * ARCHITECTURE.md, "How to add an argument", as its next engineer follows it: in a copy of the tree,
 * one entry added to `ARGUMENTS` in provider/wire/description.ts, then `npm run generate`. The copy
 * then passes `npm test`'s type-check, lint and knip, and the argument is on every surface, each in its
 * own names: the checks, the plugin's schema, Terraform's data sources and docs, the command line's
 * help, the docs' arguments table and the public TypeScript type. Nothing but the entry is written by
 * hand.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";

jest.setTimeout(600_000);

const REPO = join(__dirname, "../..");
const run = promisify(execFile);

/** The entry the recipe adds, written before `timeoutSeconds` as a user of the recipe would. */
const ENTRY = `  demoFilter: described(nonEmpty().check(z.maxLength(8)), {
    description: "A demonstration filter.",
    rule: "a non-empty string of at most 8 characters",
    tsType: "string",
    terraform: "demo_filter",
    flag: "demo-filter",
  }),
`;

/** What the copy's built code says of the new argument, printed as JSON by a child process. */
const PROBE = `
const { parseQueryArgs } = require("./dist/provider/boundary/queryArguments");
const { DATA_SOURCES } = require("./dist/terraform/schema");
const { jobsUsage } = require("./dist/cli/usage");
let refusal;
try { parseQueryArgs({ demoFilter: "far too long" }, "test"); } catch (e) {
  refusal = { typescript: e.messageOn("typescript"), terraform: e.messageOn("terraform"), cli: e.messageOn("cli") };
}
process.stdout.write(JSON.stringify({
  accepted: parseQueryArgs({ demoFilter: "ok" }, "test").demoFilter,
  refusal,
  terraform: Object.keys(DATA_SOURCES.modelarts_visualization_jobs.attributes),
  usage: jobsUsage(),
}));
`;

describe("adding an argument as ARCHITECTURE.md says", () => {
  let copy: string;
  beforeAll(async () => {
    copy = mkdtempSync(join(tmpdir(), "modelarts-recipe-"));
    const skipped = new Set(["node_modules", "dist", "release", ".git", "coverage"]);
    cpSync(REPO, copy, {
      recursive: true,
      filter: (source) => !skipped.has(relative(REPO, source).split("/")[0]!),
    });
    symlinkSync(join(REPO, "node_modules"), join(copy, "node_modules"));
    // Biome reads .gitignore through git: the copy is a repository too, as a clone is.
    await run("git", ["init", "-q"], { cwd: copy });
    const description = join(copy, "provider", "wire", "description.ts");
    const text = readFileSync(description, "utf8");
    const at = text.indexOf("  timeoutSeconds: described(");
    expect(at).toBeGreaterThan(0);
    writeFileSync(description, text.slice(0, at) + ENTRY + text.slice(at));
    await run("npm", ["run", "generate", "--silent"], { cwd: copy });
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it("passes npm test's type-check, lint and knip", async () => {
    for (const script of ["typecheck", "lint", "knip"]) {
      await expect(run("npm", ["run", script, "--silent"], { cwd: copy })).resolves.toBeDefined();
    }
  });

  it("is checked, and refused in each surface's names", async () => {
    const { stdout } = await run(process.execPath, ["-e", PROBE], { cwd: copy });
    const probe = JSON.parse(stdout);
    expect(probe.accepted).toBe("ok");
    expect(probe.refusal.typescript).toContain(
      'demoFilter must be a non-empty string of at most 8 characters, got "far too long"',
    );
    expect(probe.refusal.terraform).toContain("demo_filter must be");
    expect(probe.refusal.cli).toContain("--demo-filter must be");
    expect(probe.terraform).toContain("demo_filter");
    expect(probe.usage).toMatch(/--demo-filter V\s+A demonstration filter\./);
  });

  it("is written into the plugin's schema, the docs and the public type by npm run generate", () => {
    const read = (path: string) => readFileSync(join(copy, path), "utf8");
    const schema = JSON.parse(read("plugin/schema.json"));
    expect(schema.functions["modelarts:index:getVisualizationJobs"].inputs.properties.demoFilter).toEqual({
      type: "string",
      description: "A demonstration filter.",
    });
    expect(read("docs/lookup.md")).toMatch(/\| `demoFilter` +\| `demo_filter` +\| `--demo-filter` +\|/);
    expect(read("docs/terraform/data-sources/modelarts_visualization_jobs.md")).toContain(
      "- `demo_filter` - ",
    );
    expect(read("provider/wire/queryArgs.generated.ts")).toContain(
      "/** A demonstration filter. */\n  readonly demoFilter?: string;",
    );
    expect(read("provider/wire/entryKeys.generated.ts")).toContain('| "demoFilter"');
  });
});
