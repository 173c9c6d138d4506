/**
 * The public types as a program meets them. `npm run typecheck` compiles this file: each
 * `@ts-expect-error` must meet an error, so a type that grew looser fails the check. The argument
 * type itself is generated from the description (provider/wire/queryArgs.generated.ts), so it names
 * exactly the arguments the checks take.
 */
import * as pulumi from "@pulumi/pulumi";
import {
  type GetVisualizationJobsArgs,
  type GetVisualizationJobsOutputArgs,
  type GetVisualizationJobsResult,
  VisualizationJobsLookup,
  type VisualizationJobsLookupArgs,
} from "../../../sdk/nodejs";

const outputArgs: GetVisualizationJobsOutputArgs = {
  status: ["RUNNING", pulumi.output(8)],
  name: pulumi.output("vision-tb"),
  nameRegex: "^vision-",
  sortBy: pulumi.output("create_time" as const),
  order: "desc",
  limit: pulumi.output(1),
  // @ts-expect-error a misspelt key is refused in the Output form too
  stauts: "RUNNING",
};

const plainArgs: GetVisualizationJobsArgs = {
  // @ts-expect-error the Promise form takes plain values, not Outputs
  name: pulumi.output("x"),
};

const lookupArgs: VisualizationJobsLookupArgs = {
  // @ts-expect-error sortBy is one of the API's sort fields
  sortBy: "size",
};

// @ts-expect-error a misspelt status name does not compile
const misspeltStatus: GetVisualizationJobsArgs = { status: "RUNING" };
const anyCaseStatus: GetVisualizationJobsArgs = { status: ["running", "Running", "JOBSTAT_RUNNING", 8, "8"] };
// A status computed at run time (stack config) is an Output<string>: checked when the lookup runs.
const computedStatus: GetVisualizationJobsOutputArgs = { status: pulumi.output("RUNNING" as string) };

/** The result's arrays can be handed to inputs that take mutable arrays, as generated SDKs allow. */
function takesMutable(ids: number[], urls: string[]): number {
  return ids.length + urls.length;
}
const fromResult = (r: GetVisualizationJobsResult) => takesMutable(r.ids, r.serviceUrls);

/** A misspelt key in a variable handed to the resource does not compile. */
function declareLookups(): void {
  const args = { status: "RUNNING" as const, stauts: "RUNNING" };
  // @ts-expect-error stauts is not an argument of VisualizationJobsLookup
  new VisualizationJobsLookup("typo", args);
  const good = { status: "RUNNING" as const, nameRegex: "^vision-" };
  new VisualizationJobsLookup("fine", good);
}

describe("the public argument types", () => {
  it("take a user's arguments in every form (the compiler checks them: the type is generated from the description)", () => {
    expect([outputArgs, plainArgs, lookupArgs, misspeltStatus, anyCaseStatus, computedStatus]).toHaveLength(
      6,
    );
    expect([typeof fromResult, typeof declareLookups]).toEqual(["function", "function"]);
  });
});
