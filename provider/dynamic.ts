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

/** Validates the arguments with the lookup's own rules: one check failure per bad field. */
export async function check(
  _olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Promise<dynamic.CheckResult> {
  const known = Object.fromEntries(Object.entries(argumentsOf(news)).filter(([, v]) => !containsUnknown(v)));
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

/** Compares the arguments only: a new package version alone is no change, and nothing is ever replaced. */
export async function diff(
  _id: string,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Promise<dynamic.DiffResult> {
  const changed = QUERY_ARGUMENT_NAMES.filter(
    (key) => JSON.stringify(olds[key] ?? null) !== JSON.stringify(news[key] ?? null),
  );
  return { changes: changed.length > 0, replaces: [], deleteBeforeReplace: false };
}

/** Runs the lookup; the id is random, as a data source's is: the lookup owns no cloud resource. */
export async function create(inputs: Record<string, unknown>): Promise<dynamic.CreateResult> {
  const outs = await lookupForState(inputs);
  const id = `lookup-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  return { id, outs };
}

/** Runs the lookup again (`pulumi refresh`), so that drift shows. */
export async function read(id: string, props: Record<string, unknown>): Promise<dynamic.ReadResult> {
  return { id, props: await lookupForState(props) };
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
