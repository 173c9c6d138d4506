/**
 * The lookup functions, shaped like the invokes of generated Pulumi SDKs (`getX` / `getXOutput`
 * with `GetXArgs`, `GetXOutputArgs` and a readonly result). A dynamic provider cannot serve invokes,
 * so these call the API from the program's own process; they run during `pulumi preview` too, as
 * data sources do, unless an input is unknown.
 */
import * as pulumi from "@pulumi/pulumi";
import { runLookup } from "../../provider/lookup/lookup";
import { exactlyOneJob } from "../../provider/lookup/singleJob";
import { ModelArtsValidationError, validationIssue } from "../../provider/support/errors";
import { registerSecretArguments } from "../../provider/support/redact";
import type { VisualizationJob } from "../../provider/wire/job.generated";
import type { VisualizationJobsQueryArgs } from "../../provider/wire/queryArgs.generated";
import type { VisualizationJobsResult } from "../../provider/wire/result.generated";
import { dependencyGate } from "./dependsOn";
import { programDependencies } from "./programDependencies";
import { secretFields } from "./secretArguments";

/** Arguments of {@link getVisualizationJobs}: every field optional (see docs/lookup.md for each). */
export interface GetVisualizationJobsArgs extends VisualizationJobsQueryArgs {}

/**
 * One value of the Output-form arguments: a `pulumi.Input` of the plain value. A literal is checked
 * by the compiler (`"RUNING"` does not compile); a string computed at run time (an Output of stack
 * config, say) cannot be, so an `Output<string>` is accepted wherever a string is, and the lookup
 * checks it when it runs.
 */
type InputValue<T> = pulumi.Input<T> | (T extends string ? pulumi.Output<string> : never);

/** A field of the Output-form arguments; for a list, a list of Inputs, as generated SDKs type them. */
type InputField<T> = T extends readonly (infer E)[] ? pulumi.Input<InputValue<E>[]> : InputValue<T>;

/**
 * The Output-form arguments: each field of the plain arguments as a `pulumi.Input`. A mapped type,
 * so that every field keeps the plain field's documentation and a field added there appears here.
 */
type OutputArgsOf<T> = { readonly [K in keyof T]?: InputField<Exclude<T[K], undefined>> };

/** Arguments of {@link getVisualizationJobsOutput}: the same fields, each a `pulumi.Input`. */
export interface GetVisualizationJobsOutputArgs extends OutputArgsOf<GetVisualizationJobsArgs> {}

/** The result of {@link getVisualizationJobs}. */
export interface GetVisualizationJobsResult extends VisualizationJobsResult {}

/** Arguments of {@link getVisualizationJob}: the same filters, which must match exactly one job. */
export interface GetVisualizationJobArgs extends GetVisualizationJobsArgs {}

/** Arguments of {@link getVisualizationJobOutput}. */
export interface GetVisualizationJobOutputArgs extends GetVisualizationJobsOutputArgs {}

/** The result of {@link getVisualizationJob}: the one job that matched. */
export interface GetVisualizationJobResult extends VisualizationJob {}

const PLURAL = "getVisualizationJobs";
const SINGULAR = "getVisualizationJob";

/** Output-valued arguments belong to the Output form: say so, rather than "must be a string, got {}". */
function refuseOutputs(args: object | undefined, context: string): void {
  const fields = Object.entries(args ?? {}).filter(
    ([, v]) => pulumi.Output.isInstance(v) || v instanceof Promise,
  );
  if (fields.length > 0) {
    throw new ModelArtsValidationError(
      context,
      fields.map(([field]) =>
        validationIssue(field, [
          `is a pulumi.Output or a Promise; pass plain values to ${context}, or call ${context}Output, which takes Inputs`,
        ]),
      ),
    );
  }
}

/**
 * Runs `lookup` with the plain arguments once every input and every `opts.dependsOn` resource is
 * known; unknown (and no request) in a preview where one is not. Both Output forms go through here.
 */
function whenKnown<T>(
  args: GetVisualizationJobsOutputArgs | undefined,
  opts: pulumi.InvokeOutputOptions | undefined,
  context: string,
  lookup: (plain: pulumi.Unwrap<GetVisualizationJobsOutputArgs>) => Promise<T>,
): pulumi.Output<T> {
  return pulumi
    .all([pulumi.output(args ?? {}), secretFields(args), dependencyGate(opts?.dependsOn, `${context}Output`)])
    .apply(([plain, secret]) => {
      // A message must not echo what the program marked secret (`name "[secret]"`).
      registerSecretArguments(...secret.map((field) => plain[field as keyof typeof plain]));
      return lookup(plain);
    });
}

/**
 * Looks up visualization jobs: by status, exact name, name pattern or server-side search text,
 * sorted and limited as asked, every page fetched.
 *
 * `opts` is accepted for the shape of generated invokes; none of its fields (`provider`, `parent`,
 * `version`, `async`) applies to a lookup that runs in the program's own process, so it is not read.
 *
 * @example
 * ```ts
 * const running = await getVisualizationJobs({ status: "RUNNING", nameRegex: "^vision-" });
 * export const urls = running.serviceUrls;
 * ```
 */
export async function getVisualizationJobs(
  args?: GetVisualizationJobsArgs,
  _opts?: pulumi.InvokeOptions,
): Promise<GetVisualizationJobsResult> {
  refuseOutputs(args, PLURAL);
  return runLookup(args ?? {}, PLURAL, programDependencies());
}

/**
 * The Output form of {@link getVisualizationJobs}: takes Inputs, waits for `opts.dependsOn`, and is
 * unknown (sending no request) during a preview in which an input or a dependency is unknown.
 *
 * @example
 * ```ts
 * const jobs = getVisualizationJobsOutput({ name: config.require("tensorboardName") });
 * export const url = jobs.serviceUrls[0];
 * ```
 */
export function getVisualizationJobsOutput(
  args?: GetVisualizationJobsOutputArgs,
  opts?: pulumi.InvokeOutputOptions,
): pulumi.Output<GetVisualizationJobsResult> {
  return whenKnown(args, opts, PLURAL, (plain) => runLookup(plain, PLURAL, programDependencies()));
}

/**
 * Looks up exactly one visualization job; zero or several matches are an error that names the
 * filters and, for several, the ids and names found. `opts` is not read, as for
 * {@link getVisualizationJobs}.
 *
 * @example
 * ```ts
 * const job = await getVisualizationJob({ name: "vision-resnet50-tb", status: "RUNNING" });
 * export const url = job.serviceUrl;
 * ```
 */
export async function getVisualizationJob(
  args: GetVisualizationJobArgs,
  _opts?: pulumi.InvokeOptions,
): Promise<GetVisualizationJobResult> {
  refuseOutputs(args, SINGULAR);
  return exactlyOneJob(await runLookup(args ?? {}, SINGULAR, programDependencies()), args ?? {}, SINGULAR);
}

/**
 * The Output form of {@link getVisualizationJob}.
 *
 * @example
 * ```ts
 * const job = getVisualizationJobOutput({ name: teamConfig.tensorboard, status: "RUNNING" });
 * new SomeDashboard("tb", { url: job.serviceUrl });
 * ```
 */
export function getVisualizationJobOutput(
  args: GetVisualizationJobOutputArgs,
  opts?: pulumi.InvokeOutputOptions,
): pulumi.Output<GetVisualizationJobResult> {
  return whenKnown(args, opts, SINGULAR, async (plain) =>
    exactlyOneJob(await runLookup(plain, SINGULAR, programDependencies()), plain, SINGULAR),
  );
}
