import { listQueryParams, parseQueryArgs } from "../../../provider/boundary/queryArguments";
import { ModelArtsValidationError } from "../../../provider/support/errors";
import { failureOf } from "../../support/failure";

const validationError = (args: unknown) =>
  failureOf(() => parseQueryArgs(args, "getVisualizationJobs"), ModelArtsValidationError);

describe("parseQueryArgs", () => {
  it("refuses a nameRegex whose counted repetitions add up past 1,000 before compiling it, naming the bound", () => {
    const costly = "(?:.{0,1000})".repeat(315);
    const error = validationError({ nameRegex: costly });
    expect(error.message).toContain("whose counted repetitions add up to at most 1000");
    // At the bound it is accepted; an escaped brace is a brace, not a repetition.
    expect(parseQueryArgs({ nameRegex: "a{0,600}b{400}" }, "x").nameRegex).toBe("a{0,600}b{400}");
    expect(parseQueryArgs({ nameRegex: "x\\{999}y{1000}" }, "x").nameRegex).toBe("x\\{999}y{1000}");
    expect(validationError({ nameRegex: "a{0,600}b{401}" }).message).toContain("at most 1000");
  });

  it("applies the documented defaults", () => {
    expect(parseQueryArgs(undefined, "x")).toEqual({
      statuses: [],
      workspaceId: "0",
      sortBy: "job_id",
      order: "asc",
      pageSize: 1000,
    });
  });

  it("accepts a status as name, prefixed name, lower case, code or numeric string, sorted", () => {
    expect(parseQueryArgs({ status: ["running", "JOBSTAT_FAILED", "10"] }, "x").statuses).toEqual([
      8, 10, 11,
    ]);
    expect(parseQueryArgs({ status: "RUNNING" }, "x").statuses).toEqual([8]);
    expect(parseQueryArgs({ status: 0 }, "x").statuses).toEqual([0]);
  });

  it("treats null and undefined fields as unset (an unset Pulumi input)", () => {
    expect(parseQueryArgs({ name: undefined, limit: null }, "x").limit).toBeUndefined();
  });

  it("names the field, the rule and the value", () => {
    expect(validationError({ pageSize: 0 }).message).toBe(
      "Invalid arguments to getVisualizationJobs: pageSize must be an integer from 1 to 1000, got 0",
    );
  });

  it("reports every bad field at once", () => {
    const error = validationError({
      pageSize: 1001,
      order: "up",
      limit: 1.5,
      sortBy: "name",
      searchContent: "x".repeat(101),
      nameRegex: "(",
      workspaceId: "a/b",
    });
    expect(error.issues.map((i) => i.field).sort()).toEqual(
      ["limit", "nameRegex", "order", "pageSize", "searchContent", "sortBy", "workspaceId"].sort(),
    );
    expect(error.message).toContain('order must be "asc" or "desc", got "up"');
    expect(error.message).toContain(
      'sortBy must be one of "job_id", "job_name", "job_desc", "create_time", "status", got "name"',
    );
    expect(error.message).toContain(
      'nameRegex must be a non-empty, valid RE2 regular expression of at most 4096 characters whose counted repetitions add up to at most 1000 (JavaScript syntax without lookaround or backreferences), got "("',
    );
    expect(error.code).toBe("MODELARTS_VALIDATION");
  });

  it("points at the bad element of a status list, and at the field for a single status", () => {
    expect(validationError({ status: ["RUNNING", "SLEEPING"] }).issues).toEqual([
      expect.objectContaining({
        field: "status[1]",
        argument: "status",
        index: 1,
        message: expect.stringContaining('status[1] must be a status name such as "RUNNING"'),
      }),
    ]);
    expect(validationError({ status: 99 }).message).toContain("status must be a status name");
    expect(validationError({ status: 99 }).message).toContain("got 99");
    expect(validationError({ status: [] }).issues[0]!.field).toBe("status");
  });

  it("rejects unknown arguments by name and lists the known ones", () => {
    expect(validationError({ nmae: "x" }).message).toMatch(
      /unknown argument "nmae"; the arguments are status, name, nameRegex/,
    );
  });

  it("rejects arguments that are not an object", () => {
    expect(validationError("RUNNING").message).toMatch(/the arguments must be an object, got "RUNNING"/);
    expect(validationError([1]).issues).toHaveLength(1);
  });

  it("rejects wrong types without a TypeError", () => {
    expect(
      validationError({ name: 5, limit: "3", pageSize: Number.NaN, region: "" })
        .issues.map((i) => i.field)
        .sort(),
    ).toEqual(["limit", "name", "pageSize", "region"]);
  });
});

describe("listQueryParams", () => {
  it("uses the wire names, sortBy in camelCase, and sends optional filters only when set", () => {
    expect(listQueryParams({ workspaceId: "0", sortBy: "create_time", order: "desc" }, 3, 50)).toEqual([
      ["workspace_id", "0"],
      ["sortBy", "create_time"],
      ["order", "desc"],
      ["per_page", "50"],
      ["page", "3"],
    ]);
    expect(
      Object.fromEntries(
        listQueryParams(
          { workspaceId: "0", sortBy: "job_id", order: "asc", status: 8, searchContent: "tb" },
          1,
          10,
        ),
      ),
    ).toMatchObject({ status: "8", search_content: "tb" });
  });
});
