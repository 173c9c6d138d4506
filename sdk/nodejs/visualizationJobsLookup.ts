/**
 * `VisualizationJobsLookup`: a lookup kept in the stack's state, so that `pulumi refresh` shows
 * drift (a job that stopped, a new one that matches). A Pulumi dynamic resource.
 *
 * Pulumi writes a dynamic resource's provider into the state as serialized JavaScript. Ours is a
 * shim whose methods load `pulumi-modelarts/dynamic-provider` by name when called: the state holds
 * about 2 KB of it and no credential, and every operation runs the installed package's code.
 */
import * as pulumi from "@pulumi/pulumi";
import { RESULT_FIELD_KEYS } from "../../provider/wire/description";
import type { VisualizationJob } from "../../provider/wire/job.generated";
import { type LookupDrift, SECRET_ARGUMENTS } from "../../provider/wire/model";
import type { GetVisualizationJobsOutputArgs } from "./getVisualizationJobs";
import { secretFields } from "./secretArguments";

/** Arguments of {@link VisualizationJobsLookup}: those of `getVisualizationJobsOutput`. */
export interface VisualizationJobsLookupArgs extends GetVisualizationJobsOutputArgs {}

/**
 * The provider Pulumi serializes into the state. Each method requires the module when called,
 * inside the host process: nothing of this package (and no variable of the program) is captured.
 * Exported for the tests that drive it through the real host; not part of the package root.
 *
 * @internal
 */
export const providerShim: pulumi.dynamic.ResourceProvider = {
  configure: (req) => require("pulumi-modelarts/dynamic-provider").configure(req),
  check: (olds, news) => require("pulumi-modelarts/dynamic-provider").check(olds, news),
  diff: (id, olds, news) => require("pulumi-modelarts/dynamic-provider").diff(id, olds, news),
  create: (inputs) => require("pulumi-modelarts/dynamic-provider").create(inputs),
  read: (id, props) => require("pulumi-modelarts/dynamic-provider").read(id, props),
  update: (id, olds, news) => require("pulumi-modelarts/dynamic-provider").update(id, olds, news),
  delete: () => require("pulumi-modelarts/dynamic-provider").deleteLookup(),
};

/**
 * Arguments with no key outside {@link VisualizationJobsLookupArgs}: a misspelt key (`stauts`) is a
 * compile error even when the arguments are a variable, where TypeScript's excess-property check
 * does not reach.
 */
export type ExactLookupArgs<A> = A & Record<Exclude<keyof A, keyof VisualizationJobsLookupArgs>, never>;

/**
 * A lookup of ModelArts visualization jobs kept in the stack's state. Create and update run the
 * lookup, refresh runs it again, a change of any argument is an update (never a replace), and
 * delete only removes it from the state: no job is ever touched.
 *
 * Credentials come from the stack config (`huaweicloud:*`) or the environment of `pulumi`.
 *
 * @example
 * ```ts
 * const running = new VisualizationJobsLookup("vision-running", { status: "RUNNING", nameRegex: "^vision-" });
 * export const urls = running.serviceUrls;
 * ```
 */
export class VisualizationJobsLookup<
  A extends VisualizationJobsLookupArgs = VisualizationJobsLookupArgs,
> extends pulumi.dynamic.Resource {
  /** The matching jobs, in the requested order. */
  declare readonly jobs: pulumi.Output<VisualizationJob[]>;
  /** The same jobs' ids, index for index. */
  declare readonly ids: pulumi.Output<number[]>;
  /** The same jobs' names, index for index. */
  declare readonly names: pulumi.Output<string[]>;
  /** The same jobs' service URLs, index for index. */
  declare readonly serviceUrls: pulumi.Output<string[]>;
  /** What the API reported as `job_total_count`, summed over statuses. */
  declare readonly totalCount: pulumi.Output<number>;
  /** How many more visualization jobs may be created, as the API reports it. */
  declare readonly jobCountLimit: pulumi.Output<number | undefined>;
  /** The maximum number of training jobs, as the API reports it. */
  declare readonly quotas: pulumi.Output<number | undefined>;
  /**
   * What the last `pulumi refresh` found changed (jobs that appeared, disappeared or changed), by
   * job id; empty lists after a create or update. A refresh that finds drift shows the lookup as
   * updated, and the next `pulumi up` runs it again.
   */
  declare readonly drift: pulumi.Output<LookupDrift>;

  /**
   * @param name the resource's name in the stack.
   * @param args the lookup's arguments, those of `getVisualizationJobsOutput`; unknown keys are
   *   refused by the compiler and, at run time, by the provider's check.
   */
  constructor(
    name: string,
    args: ExactLookupArgs<A> = {} as ExactLookupArgs<A>,
    opts?: pulumi.CustomResourceOptions,
  ) {
    super(
      providerShim,
      name,
      {
        ...args,
        // Which arguments are secrets: the provider gets their values unwrapped and must not echo them.
        [SECRET_ARGUMENTS]: secretFields(args),
        // Output properties must exist as undefined inputs for Pulumi to expose them.
        ...Object.fromEntries([...RESULT_FIELD_KEYS, "drift"].map((field) => [field, undefined])),
      },
      opts,
      "pulumi-modelarts",
      "VisualizationJobsLookup",
    );
  }
}
