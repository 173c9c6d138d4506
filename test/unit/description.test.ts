/**
 * ARCHITECTURE.md, "How to add an argument": one entry in the description, plus the code that uses
 * it. This adds an entry to a fresh copy of the modules and finds it on every surface: the checks,
 * the plugin's schema, Terraform's data sources, the command line's options and help, the arguments table of
 * docs/lookup.md and the public type's TSDoc, each in its own names, with nothing else written.
 */
import type * as Description from "../../provider/wire/description";

describe("an argument added to the description", () => {
  it("reaches every surface and the checks, in each surface's names", () => {
    jest.isolateModules(() => {
      const z = require("zod/mini") as typeof import("zod/mini");
      const description = require("../../provider/wire/description") as typeof Description;
      const schema = z.string().check(z.maxLength(8));
      description.DESCRIPTION.add(schema, {
        description: "A demonstration filter.",
        rule: "a string of at most 8 characters",
        terraform: "demo_filter",
        flag: "demo-filter",
        tsType: "string",
      });
      Object.assign(description.ARGUMENTS, { demoFilter: schema });
      (description.ARGUMENT_KEYS as string[]).push("demoFilter");

      const { parseQueryArgs } = require("../../provider/boundary/schemas");
      expect(parseQueryArgs({ demoFilter: "ok" }, "test")).toMatchObject({ demoFilter: "ok" });
      const error = (() => {
        try {
          parseQueryArgs({ demoFilter: "far too long" }, "test");
        } catch (e) {
          return e as { messageOn(surface: string): string };
        }
      })()!;
      expect(error.messageOn("typescript")).toContain(
        'demoFilter must be a string of at most 8 characters, got "far too long"',
      );
      expect(error.messageOn("terraform")).toContain("demo_filter must be");
      expect(error.messageOn("cli")).toContain("--demo-filter must be");

      const { ARGUMENT_PROPERTIES } = require("../../plugin/schema");
      expect(ARGUMENT_PROPERTIES.demoFilter).toEqual({
        type: "string",
        description: "A demonstration filter.",
      });
      const { JOBS_DATA_SOURCE, JOB_DATA_SOURCE } = require("../../terraform/schema");
      expect(JOBS_DATA_SOURCE.attributes.demo_filter).toMatchObject({ type: "string", optional: true });
      expect(JOB_DATA_SOURCE.attributes.demo_filter).toMatchObject({ type: "string", optional: true });
      const { jobsUsage } = require("../../cli/usage");
      expect(jobsUsage()).toMatch(/--demo-filter V\s+A demonstration filter\./);
      const { argumentsTable } = require("../../generate/markdown");
      expect(argumentsTable()).toContain("| `demoFilter` | `demo_filter` | `--demo-filter` |");
      const { queryArgumentsInterface } = require("../../generate/typescript");
      expect(queryArgumentsInterface()).toContain(
        "/** A demonstration filter. */\n  readonly demoFilter?: string;",
      );
    });
  });
});
