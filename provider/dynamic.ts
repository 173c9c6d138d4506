/**
 * The dynamic provider's methods for `VisualizationJobsLookup`, run by Pulumi's dynamic-provider host
 * process. The serialized provider in the state is only a shim that loads this module by name
 * (`pulumi-modelarts/dynamic-provider`, see sdk/visualizationJobsLookup.ts), so these methods come
 * from the installed package version and no credential is ever captured: credentials arrive through
 * `configure()` (the stack config) or the host's environment.
 *
 * Create, update and read (refresh) run the lookup; delete only forgets; there is never a replace.
 *
 * Plumbing, not an API: only the shim calls it, and its exports may change in any release.
 *
 * @internal
 * @packageDocumentation
 */
import type { dynamic } from "@pulumi/pulumi";
import { ModelArtsValidationError, type ValidationIssue } from "./errors";
import { runLookup } from "./lookup";

import { type LookupDrift, RESULT_FIELDS } from "./model";
import { parseQueryArgs, QUERY_ARGUMENT_NAMES } from "./schemas";
import type { ConfigGetter } from "./settings";

/** The resource's name in messages. */
const CONTEXT = "VisualizationJobsLookup";

/** The engine's marker for a value not known during a preview (`pulumi.runtime.unknownValue`). */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

let stackConfig: ConfigGetter = () => undefined;

function argumentsOf(props: Record<string, unknown>): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const key of QUERY_ARGUMENT_NAMES)
    if (props[key] !== undefined && props[key] !== null) args[key] = props[key];
  return args;
}

/** Properties of the resource that are not arguments: the engine's `__provider`, and the outputs. */
const NOT_ARGUMENTS: ReadonlySet<string> = new Set(["__provider", ...RESULT_FIELDS, "drift"]);

function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  return false;
}

async function lookupForState(props: Record<string, unknown>): Promise<Record<string, unknown>> {
  const args = argumentsOf(props);
  // A refresh or update in another process never shares a listing: it must see the jobs as they are now.
  const result = await runLookup(args, CONTEXT, {
    config: stackConfig,
    env: process.env,
    cache: false,
  });
  // Through JSON: the state holds plain data, and undefined fields (jobCountLimit when the API does
  // not report it) must be left out rather than sent as undefined.
  return JSON.parse(JSON.stringify({ ...args, ...result }));
}

/** Reads the stack config the engine sends (secrets arrive unwrapped). */
export async function configure(req: dynamic.ConfigureRequest): Promise<void> {
  stackConfig = (key) => {
    const value = req.config.get(key);
    return value === undefined ? undefined : String(value);
  };
}

/**
 * Validates the arguments with the lookup's own rules: one check failure per bad field, and one per
 * unknown name (`stauts`), which would otherwise be dropped and widen the lookup to every job.
 */
export async function check(
  _olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Promise<dynamic.CheckResult> {
  const known = Object.fromEntries(
    Object.entries(news).filter(
      ([key, value]) => !NOT_ARGUMENTS.has(key) && value !== undefined && !containsUnknown(value),
    ),
  );
  let issues: readonly ValidationIssue[] = [];
  try {
    parseQueryArgs(known, CONTEXT);
  } catch (e) {
    if (!(e instanceof ModelArtsValidationError)) throw e;
    issues = e.issues;
  }
  return {
    inputs: news,
    failures: issues.map((i) => ({ property: i.field.replace(/\[.*$/, ""), reason: i.message })),
  };
}

/**
 * Compares the arguments, and reports the drift a refresh found: since Pulumi 3.117 the engine
 * decides what `pulumi refresh` shows by calling Diff with the state just read (`olds`) against the
 * program's arguments, so a lookup whose jobs changed shows as an update there, and the next
 * `pulumi up` runs it again. A new package version alone is no change; nothing is ever replaced.
 */
export async function diff(
  _id: string,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Promise<dynamic.DiffResult> {
  const changed = QUERY_ARGUMENT_NAMES.filter(
    (key) => JSON.stringify(olds[key] ?? null) !== JSON.stringify(news[key] ?? null),
  );
  const drifted = olds.drift !== undefined && olds.drift !== null;
  return {
    changes: changed.length > 0 || drifted,
    replaces: [],
    deleteBeforeReplace: false,
  };
}

/** A job as drift compares it. */
interface JobState {
  readonly jobId: number;
  readonly jobName?: string;
  readonly status?: number;
  readonly serviceUrl?: string;
}

function jobsOf(props: Record<string, unknown>): JobState[] {
  return Array.isArray(props.jobs) ? (props.jobs as JobState[]) : [];
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

/** Runs the lookup; the id is random, as a data source's is: the lookup owns no cloud resource. */
export async function create(inputs: Record<string, unknown>): Promise<dynamic.CreateResult> {
  const outs = await lookupForState(inputs);
  const id = `lookup-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  return { id, outs };
}

/**
 * Runs the lookup again (`pulumi refresh`). What changed since the state was last written is kept
 * as the `drift` output (an earlier refresh's drift stays until the next up, unless this refresh
 * finds more), which makes Diff report it.
 */
export async function read(id: string, props: Record<string, unknown>): Promise<dynamic.ReadResult> {
  const fresh = await lookupForState(props);
  const drift = driftBetween(jobsOf(props), jobsOf(fresh));
  const earlier = props.drift as LookupDrift | undefined;
  const combined = drift ?? earlier;
  return { id, props: combined === undefined ? fresh : { ...fresh, drift: combined } };
}

/** Runs the lookup with the new arguments. */
export async function update(
  _id: string,
  _olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Promise<dynamic.UpdateResult> {
  return { outs: await lookupForState(news) };
}

/** Forgets the lookup: no job is ever touched. */
export async function deleteLookup(): Promise<void> {}
