/**
 * The lookup kept in a stack's state, as any provider serves it: Pulumi's dynamic-provider host
 * (dynamic.ts, for `VisualizationJobsLookup` in TypeScript programs) and the `modelarts` plugin
 * (plugin/, for `modelarts:index:VisualizationJobsLookup` in every language). Create, update and
 * read run the lookup; delete only forgets; nothing is ever replaced; a refresh that finds the jobs
 * changed records `drift`, which Diff reports.
 */

import { parseQueryArgs, QUERY_ARGUMENT_NAMES } from "../boundary/queryArguments";
import { joinedList, SPLIT_ARGUMENTS, writtenAt } from "../boundary/splitArguments";
import { show } from "../boundary/values";
import { ModelArtsValidationError, type ValidationIssue, validationIssue } from "../support/errors";
import { registerSecretArguments } from "../support/redact";
import { RESULT_FIELD_KEYS } from "../wire/description";
import { type LookupDrift, SECRET_ARGUMENTS } from "../wire/model";
import { type LookupDependencies, runLookup } from "./lookup";

/** A resource's properties, as the engine hands them over. */
export type Props = Record<string, unknown>;

/** One bad input, as the engine reports check failures. */
export interface CheckFailure {
  readonly property: string;
  readonly reason: string;
}

/** The engine's marker for a value not known during a preview (`pulumi.runtime.unknownValue`). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Properties that are not arguments: the dynamic provider's `__provider` and secret list, and the outputs. */
const NOT_ARGUMENTS: ReadonlySet<string> = new Set([
  "__provider",
  SECRET_ARGUMENTS,
  ...RESULT_FIELD_KEYS,
  "drift",
]);

/** Registers the values of the arguments a state or input names as secret, so that no message echoes them. */
export function registerNamedSecrets(props: Props): void {
  const names = props[SECRET_ARGUMENTS];
  if (Array.isArray(names)) registerSecretArguments(...names.map((name) => props[String(name)]));
}

/** The arguments a resource takes: the lookup's, and the plugin's split lists (`statuses`). */
const STATED_NAMES: readonly string[] = [...QUERY_ARGUMENT_NAMES, ...SPLIT_ARGUMENTS.map((s) => s.list)];

/**
 * The arguments among a resource's properties (set ones only), as they were given: a state keeps
 * `status` and `statuses` apart, so that a Go program reads `status` back as the one `JobStatus` it wrote.
 */
export function argumentsOf(props: Props): Props {
  const args: Props = {};
  for (const key of STATED_NAMES) if (props[key] !== undefined && props[key] !== null) args[key] = props[key];
  return args;
}

/** Arguments as the lookup takes them: each split list joined into its argument (`status` then `statuses`). */
export function lookupArguments(given: Props): Props {
  const args = { ...given };
  for (const { key, list } of SPLIT_ARGUMENTS) {
    if (!(list in args)) continue;
    const joined = joinedList(args[key], args[list]);
    delete args[list];
    if (joined !== undefined) args[key] = joined;
  }
  return args;
}

/** An issue of a joined argument, named where it was given: the value (`status`) or the list's element (`statuses[1]`). */
function asGiven(issue: ValidationIssue, given: Props): ValidationIssue {
  const split = SPLIT_ARGUMENTS.find((s) => s.key === issue.argument);
  if (split === undefined || given[split.list] === undefined || given[split.list] === null) return issue;
  const where = writtenAt(issue.index, given[split.key] !== undefined && given[split.key] !== null);
  // The words after the argument's reference and its space.
  const problem = issue.words.slice(2);
  return where.inList
    ? validationIssue(split.list, problem, where.index)
    : validationIssue(split.key, problem);
}

/** Whether a value is, or holds (in a list or an object, at any depth), the engine's unknown marker. */
export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  return typeof value === "object" && value !== null && Object.values(value).some(containsUnknown);
}

/**
 * Validation issues of the arguments `given` as check failures: one per field, named as given
 * (`status[1]` is reported on `status`; an element of `statuses` on `statuses`).
 */
export function checkFailuresOf(issues: readonly ValidationIssue[], given: Props = {}): CheckFailure[] {
  return issues
    .map((issue) => asGiven(issue, given))
    .map((i) => ({ property: i.field.replace(/\[.*$/, ""), reason: i.message }));
}

/**
 * Validates the arguments with the lookup's own rules: one failure per bad field, and one per
 * unknown name (`stauts`), which would otherwise be dropped and widen the lookup to every job.
 * Inputs not known during a preview are not checked.
 */
export function checkLookup(news: Props, context: string): CheckFailure[] {
  const known = Object.fromEntries(
    Object.entries(news).filter(
      ([key, value]) => !NOT_ARGUMENTS.has(key) && value !== undefined && !containsUnknown(value),
    ),
  );
  try {
    parseQueryArgs(lookupArguments(known), context);
    return [];
  } catch (e) {
    if (!ModelArtsValidationError.isInstance(e)) throw e;
    return checkFailuresOf(e.issues, known);
  }
}

/**
 * What changed, for Diff: the arguments, and the drift a refresh found (since pulumi/pulumi#16146 (2024) the
 * engine decides what `pulumi refresh` shows by calling Diff with the state just read as `olds`).
 * A new package version alone is no change.
 */
export function changedProperties(olds: Props, news: Props): string[] {
  const changed: string[] = STATED_NAMES.filter(
    (key) => JSON.stringify(olds[key] ?? null) !== JSON.stringify(news[key] ?? null),
  );
  if (hasDrift(olds.drift)) changed.push("jobs");
  return changed;
}

/** No drift: what `drift` holds after a create or an update, so that exporting it never warns "undefined". */
const NO_DRIFT: LookupDrift = { appeared: [], disappeared: [], changed: [] };

/** Whether a state's `drift` records anything (an older state may hold none at all). */
function hasDrift(drift: unknown): drift is LookupDrift {
  if (typeof drift !== "object" || drift === null) return false;
  const d = drift as Partial<LookupDrift>;
  return (d.appeared?.length ?? 0) + (d.disappeared?.length ?? 0) + (d.changed?.length ?? 0) > 0;
}

/**
 * A value as the engine's property maps hold it: plain data, undefined fields left out (the API
 * may not report jobCountLimit, and a field sent as undefined is not the same as one left out).
 */
export function plainData(value: unknown): Props {
  return JSON.parse(JSON.stringify(value));
}

/** Runs the lookup for the state: arguments and result as plain data. */
export async function lookupForState(
  props: Props,
  context: string,
  deps: LookupDependencies,
): Promise<Props> {
  const args = argumentsOf(props);
  // A refresh or update never shares a listing: it must see the jobs as they are now.
  const result = await runLookup(lookupArguments(args), context, { ...deps, cache: false });
  return plainData({ ...args, ...result, drift: NO_DRIFT });
}

/** A job as drift compares it. */
interface JobState {
  readonly jobId: number;
  readonly jobName?: string;
  readonly status?: number;
  readonly serviceUrl?: string;
}

/**
 * The jobs a state holds. A state edited by hand or written by something else (`jobs: [null]`) is
 * an error naming the state, not a TypeError from deep inside the comparison.
 */
function jobsOf(props: Props, context: string): JobState[] {
  if (props.jobs === undefined || props.jobs === null) return [];
  const jobs = Array.isArray(props.jobs) ? props.jobs : [props.jobs];
  const bad = jobs.findIndex(
    (j) => typeof j !== "object" || j === null || typeof (j as JobState).jobId !== "number",
  );
  if (!Array.isArray(props.jobs) || bad >= 0) {
    const field = Array.isArray(props.jobs) ? `jobs[${bad}]` : "jobs";
    throw new ModelArtsValidationError(context, [
      validationIssue(field, [
        `in the state is not a job with a numeric jobId (got ${show(Array.isArray(props.jobs) ? jobs[bad] : props.jobs)}); the state was changed outside Pulumi: run \`pulumi up\` to write it again`,
      ]),
    ]);
  }
  return jobs as JobState[];
}

/** What changed between two lookups' jobs; undefined when nothing did. */
function driftBetween(before: readonly JobState[], after: readonly JobState[]): LookupDrift | undefined {
  const old = new Map(before.map((j) => [j.jobId, j]));
  const now = new Map(after.map((j) => [j.jobId, j]));
  const drift: LookupDrift = {
    appeared: after.filter((j) => !old.has(j.jobId)).map((j) => j.jobId),
    disappeared: before.filter((j) => !now.has(j.jobId)).map((j) => j.jobId),
    changed: after
      .filter((j) => {
        const o = old.get(j.jobId);
        return (
          o !== undefined &&
          (o.status !== j.status || o.jobName !== j.jobName || o.serviceUrl !== j.serviceUrl)
        );
      })
      .map((j) => j.jobId),
  };
  return drift.appeared.length + drift.disappeared.length + drift.changed.length > 0 ? drift : undefined;
}

/**
 * Runs the lookup again (`pulumi refresh`). What changed since the state was last written is kept
 * as `drift` (an earlier refresh's drift stays until the next up, unless this refresh finds more);
 * empty lists when nothing did.
 */
export async function refreshLookup(props: Props, context: string, deps: LookupDependencies): Promise<Props> {
  const before = jobsOf(props, context);
  const fresh = await lookupForState(props, context, deps);
  const found = driftBetween(before, jobsOf(fresh, context));
  return { ...fresh, drift: found ?? (hasDrift(props.drift) ? props.drift : NO_DRIFT) };
}

/** The id of a new lookup: random, as a data source's is; the lookup owns no cloud resource. */
export function newLookupId(): string {
  return `lookup-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
