import {
  ModelArtsAmbiguousMatchError,
  ModelArtsApiError,
  ModelArtsConfigError,
  ModelArtsError,
  ModelArtsNetworkError,
  ModelArtsNoMatchError,
  ModelArtsProtocolError,
  ModelArtsProxyError,
  ModelArtsResponseError,
  ModelArtsValidationError,
  validationIssue,
} from "../../../provider/support/errors";

const config = new ModelArtsConfigError("no region");
const api = new ModelArtsApiError({ operation: "GET /x", status: 401, errorCode: "APIGW.0301" });
const noMatch = new ModelArtsNoMatchError("none");
const ambiguous = new ModelArtsAmbiguousMatchError("two", [
  { jobId: 1, jobName: "a" },
  { jobId: 2, jobName: "b" },
]);
const all = [
  config,
  api,
  noMatch,
  ambiguous,
  new ModelArtsNetworkError("reset", new Error("ECONNRESET")),
  new ModelArtsResponseError("bad body"),
  new ModelArtsValidationError("x", [validationIssue("limit", ["must be..."])]),
];

describe("error classes", () => {
  it("are each recognised by their own brand, and all by the base class", () => {
    for (const error of all) expect(ModelArtsError.isInstance(error)).toBe(true);
    expect(ModelArtsApiError.isInstance(api)).toBe(true);
    expect(ModelArtsApiError.isInstance(config)).toBe(false);
    expect(ModelArtsConfigError.isInstance(api)).toBe(false);
    expect(ModelArtsNoMatchError.isInstance(ambiguous)).toBe(false);
    expect(ModelArtsAmbiguousMatchError.isInstance(ambiguous)).toBe(true);
    expect(all.filter((e) => ModelArtsValidationError.isInstance(e))).toHaveLength(1);
    expect(ModelArtsError.isInstance(new Error("plain"))).toBe(false);
    expect(ModelArtsError.isInstance({ code: "MODELARTS_API" })).toBe(false);
  });

  it("are recognised across copies of the package (the brand is a registered symbol)", () => {
    const fromAnotherCopy = Object.defineProperty(
      new Error("x"),
      Symbol.for("pulumi-modelarts:ModelArtsApiError"),
      {
        value: true,
      },
    );
    expect(ModelArtsApiError.isInstance(fromAnotherCopy)).toBe(true);
    expect(ModelArtsConfigError.isInstance(fromAnotherCopy)).toBe(false);
  });

  it("carry stable codes and names; an ambiguous match lists the jobs found", () => {
    expect(noMatch).toMatchObject({ code: "MODELARTS_NO_MATCH", name: "ModelArtsNoMatchError" });
    expect(ambiguous).toMatchObject({
      code: "MODELARTS_AMBIGUOUS_MATCH",
      name: "ModelArtsAmbiguousMatchError",
    });
    expect(ambiguous.jobs).toEqual([
      { jobId: 1, jobName: "a" },
      { jobId: 2, jobName: "b" },
    ]);
  });
});

describe("instanceof", () => {
  it("goes by the brand: true of an error from another copy of the package, false of a plain error", () => {
    // Another copy of the package: the same module loaded again, its classes distinct objects.
    let other: typeof import("../../../provider/support/errors") | undefined;
    jest.isolateModules(() => {
      other = require("../../../provider/support/errors");
    });
    expect(other!.ModelArtsApiError).not.toBe(ModelArtsApiError);
    const theirs = new other!.ModelArtsNoMatchError("none");
    expect(theirs instanceof ModelArtsNoMatchError).toBe(true);
    expect(theirs instanceof ModelArtsError).toBe(true);
    expect(theirs instanceof ModelArtsApiError).toBe(false);
    expect(new Error("plain") instanceof ModelArtsError).toBe(false);
    expect(theirs instanceof Error).toBe(true);
  });

  it("holds for the proxy's and the Terraform protocol's errors, each with its code", () => {
    const proxy = new ModelArtsProxyError("the proxy closed the connection");
    const protocol = new ModelArtsProtocolError("the configuration is not an object");
    expect(proxy instanceof ModelArtsError && proxy.code).toBe("MODELARTS_PROXY");
    expect(protocol instanceof ModelArtsError && protocol.code).toBe("MODELARTS_PROTOCOL");
  });
});
