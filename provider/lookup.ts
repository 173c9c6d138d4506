/**
 * The whole lookup, from raw arguments to result: validate, resolve settings, find the project id
 * if needed, list and refine. Both the program-side functions (sdk/) and the dynamic provider call
 * this, each with its own config getter, environment and logger.
 */
import { createHash } from "node:crypto";
import type { Dispatcher } from "undici";
import { ApiClient, type ClientTimeouts } from "./client";
import { AdaptiveLimiter, DEFAULT_CONCURRENCY } from "./concurrency";
import { dispatcherFor } from "./dispatcher";
import { queryVisualizationJobs } from "./jobs";
import { type ListingCache, processListingCache } from "./listingCache";
import { type Logger, redactingLogger, silentLogger } from "./logger";
import type { VisualizationJobsResult } from "./model";
import { discoverProjectId } from "./projectDiscovery";
import { DEFAULT_RETRY_TIMING, type RetryTiming } from "./retryPolicy";
import { parseQueryArgs } from "./schemas";
import { type ConfigGetter, type Credentials, type Environment, resolveSettings } from "./settings";

/** Everything a lookup takes from its surroundings; all optional, with production defaults. */
export interface LookupDependencies {
  /** Stack config (`huaweicloud:*`); none outside a Pulumi program. */
  readonly config?: ConfigGetter;
  /** Environment variables; default `process.env`. */
  readonly env?: Environment;
  /** The undici dispatcher; default a shared keep-alive agent honouring the proxy variables. */
  readonly dispatcher?: Dispatcher;
  readonly logger?: Logger;
  /** Shares listings between identical lookups; default the process-wide cache, `false` for none. */
  readonly cache?: ListingCache | false;
  /** Requests in flight at once, across all the listings of the lookup; default 4. */
  readonly concurrency?: number;
  readonly timing?: RetryTiming;
  readonly timeouts?: ClientTimeouts;
  readonly clock?: () => Date;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/** A hash that tells identities apart without keeping their secrets. */
function identityOf(credentials: Credentials): string {
  const who =
    credentials.kind === "aksk" ? [credentials.accessKey, credentials.secretKey] : [credentials.token];
  return createHash("sha256").update(JSON.stringify(who)).digest("hex").slice(0, 32);
}

/**
 * Looks up visualization jobs.
 *
 * @param args the lookup's arguments, validated here (see {@link VisualizationJobsQueryArgs}).
 * @param context what the arguments were given to, for messages (`getVisualizationJobs`).
 * @throws ModelArtsValidationError before any request when the arguments are invalid; then
 *   ModelArtsConfigError, ModelArtsApiError, ModelArtsNetworkError or ModelArtsResponseError.
 */
export async function lookupVisualizationJobs(
  args: unknown,
  context: string,
  deps: LookupDependencies = {},
): Promise<VisualizationJobsResult> {
  const query = parseQueryArgs(args, context);
  const env = deps.env ?? process.env;
  const settings = resolveSettings(query, deps.config ?? (() => undefined), env);
  const logger = redactingLogger(deps.logger ?? silentLogger);
  const client = new ApiClient({
    dispatcher: deps.dispatcher ?? dispatcherFor({ insecure: settings.insecure, env }),
    credentials: settings.credentials,
    maxRetries: settings.maxRetries,
    timing: deps.timing,
    timeouts: deps.timeouts,
    clock: deps.clock,
    sleep: deps.sleep,
    random: deps.random,
    logger,
  });
  const identity = identityOf(settings.credentials);
  const projectId =
    settings.projectId ??
    (await discoverProjectId(client, { authUrl: settings.authUrl!, region: settings.region!, identity }));
  return queryVisualizationJobs(
    {
      client,
      endpoint: settings.endpoint,
      projectId,
      identity,
      // The cool-down follows the retry timing: half the shortest wait after a throttled attempt.
      limiter: new AdaptiveLimiter(deps.concurrency ?? DEFAULT_CONCURRENCY, {
        coolDownMs: (deps.timing ?? DEFAULT_RETRY_TIMING).throttleDelayMs[0] / 2,
      }),
      logger,
      cache: deps.cache === false ? undefined : (deps.cache ?? processListingCache),
    },
    query,
  );
}
