/**
 * The dynamic provider's methods for `VisualizationJobsLookup`, run by Pulumi's dynamic-provider host
 * process. The serialized provider in the state is only a shim that loads this module by name
 * (`pulumi-modelarts/dynamic-provider`, see sdk/visualizationJobsLookup.ts), so these methods come
 * from the installed package version and no credential is ever captured: credentials arrive through
 * `configure()` (the stack config) or the host's environment. The operations themselves are
 * lookupResource.ts's, shared with the `modelarts` plugin.
 *
 * Plumbing, not an API: only the shim calls it, and its exports may change in any release.
 *
 * @internal
 * @packageDocumentation
 */
import type { dynamic } from "@pulumi/pulumi";
import type { ConfigGetter } from "../settings/settings";
import type { LookupDependencies } from "./lookup";
import {
  changedProperties,
  checkLookup,
  lookupForState,
  newLookupId,
  type Props,
  refreshLookup,
  registerNamedSecrets,
} from "./lookupResource";

/** The resource's name in messages. */
const CONTEXT = "VisualizationJobsLookup";

let stackConfig: ConfigGetter = () => undefined;

/** The stack config the engine sent, then the host's environment. */
function dependencies(): LookupDependencies {
  return { config: stackConfig, env: process.env };
}

/** Reads the stack config the engine sends (secrets arrive unwrapped). */
export async function configure(req: dynamic.ConfigureRequest): Promise<void> {
  stackConfig = (key) => {
    const value = req.config.get(key);
    // An object setting (huaweicloud:assumeRole) is read as the JSON it was set as.
    if (value === undefined || value === null) return undefined;
    return typeof value === "string" ? value : JSON.stringify(value);
  };
}

/** Validates the arguments: one check failure per bad field or unknown name. */
export async function check(_olds: Props, news: Props): Promise<dynamic.CheckResult> {
  registerNamedSecrets(news);
  return { inputs: news, failures: checkLookup(news, CONTEXT) };
}

/** Compares the arguments, and reports the drift a refresh found; never a replace. */
export async function diff(_id: string, olds: Props, news: Props): Promise<dynamic.DiffResult> {
  return { changes: changedProperties(olds, news).length > 0, replaces: [], deleteBeforeReplace: false };
}

/** Runs the lookup. */
export async function create(inputs: Props): Promise<dynamic.CreateResult> {
  registerNamedSecrets(inputs);
  return { id: newLookupId(), outs: await lookupForState(inputs, CONTEXT, dependencies()) };
}

/** Runs the lookup again (`pulumi refresh`), recording drift. */
export async function read(id: string, props: Props): Promise<dynamic.ReadResult> {
  registerNamedSecrets(props);
  return { id, props: await refreshLookup(props, CONTEXT, dependencies()) };
}

/** Runs the lookup with the new arguments. */
export async function update(_id: string, _olds: Props, news: Props): Promise<dynamic.UpdateResult> {
  registerNamedSecrets(news);
  return { outs: await lookupForState(news, CONTEXT, dependencies()) };
}

/** Forgets the lookup: no job is ever touched. */
export async function deleteLookup(): Promise<void> {}
