/**
 * What the program-side functions take from Pulumi: the stack config and the engine's log. Outside
 * a Pulumi program (a plain Node script) the config is empty and settings come from the environment.
 */
import * as pulumi from "@pulumi/pulumi";
import { ListingCache } from "../../provider/listing/listingCache";
import type { LookupDependencies } from "../../provider/lookup/lookup";

/**
 * Reads a stack-config value by its full key (`huaweicloud:secretKey`). `runtime.getConfig` gives
 * the plain value of secrets too, without the warning `Config.get` may print for them; the value is
 * used only to sign requests and is registered for redaction.
 */
function stackConfig(key: string): string | undefined {
  return pulumi.runtime.getConfig(key);
}

/** Diagnostics go to the engine's log (`pulumi up --logtostderr -v=9`, or `--debug`). */
const pulumiLogger = {
  debug: (message: string) => void pulumi.log.debug(`pulumi-modelarts: ${message}`),
  warn: (message: string) => void pulumi.log.warn(`pulumi-modelarts: ${message}`),
};

const runCaches = new WeakMap<object, ListingCache>();

/**
 * The listing cache of the current program run. Identical lookups within 60 s share one listing,
 * but only within one run: an Automation API process runs many operations (up, then up --refresh)
 * and each must see the jobs as they are. The engine connection identifies the run; outside a
 * Pulumi program (a plain script) the process-wide cache serves.
 */
function cacheOfThisRun(): ListingCache | undefined {
  if (!pulumi.runtime.hasMonitor()) return undefined;
  const monitor = pulumi.runtime.getMonitor();
  if (monitor === undefined) return undefined;
  let cache = runCaches.get(monitor);
  if (cache === undefined) {
    cache = new ListingCache();
    runCaches.set(monitor, cache);
  }
  return cache;
}

/** The dependencies of a lookup made from a Pulumi program or a plain script. */
export function programDependencies(): LookupDependencies {
  return { config: stackConfig, env: process.env, logger: pulumiLogger, cache: cacheOfThisRun() };
}
