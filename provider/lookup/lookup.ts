/**
 * The whole lookup, from raw arguments to result: validate, resolve settings, find the project id
 * if needed, list and refine. The program-side functions (sdk/) and the dynamic provider call
 * {@link runLookup}, each with its own config getter, environment and logger; users call
 * {@link lookupVisualizationJobs}, its typed form.
 */
import { createHash } from "node:crypto";
import { setMaxListeners } from "node:events";
import type { Dispatcher } from "undici";
import { parseQueryArgs } from "../boundary/queryArguments";
import { type ListingCache, processListingCache } from "../listing/listingCache";
import { discoverProjectId, type ProjectIdCache, processProjectIds } from "../listing/projectDiscovery";
import { queryVisualizationJobs } from "../listing/query";
import { forgetServerLimits } from "../listing/serverLimits";
import {
  type ConfigGetter,
  type Credentials,
  type Environment,
  resolveSettings,
  type Settings,
} from "../settings/settings";
import { ModelArtsApiError, ModelArtsCancelledError, ModelArtsTimeoutError } from "../support/errors";
import { type Logger, redactingLogger, silentLogger } from "../support/logger";
import { words } from "../surfaces/wording";
import { ApiClient, type ClientTimeouts } from "../transport/client";
import { AdaptiveLimiter } from "../transport/concurrency";
import {
  closeSharedDispatchers,
  dispatcherFor,
  type Transport,
  transportFor,
  transportKey,
} from "../transport/dispatcher";
import type { RetryTiming } from "../transport/retryPolicy";
import { obtainCredentials } from "../transport/temporaryCredentials";
import { processTemporaryKeys, type TemporaryKeyCache } from "../transport/temporaryKeys";
import { MAX_MAX_CONCURRENCY } from "../wire/description";
import type { NormalizedQuery } from "../wire/model";
import type { VisualizationJobsQueryArgs } from "../wire/queryArgs.generated";
import type { VisualizationJobsResult } from "../wire/result.generated";

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
  /** Keeps project ids found through IAM; default the process-wide cache. */
  readonly projectIds?: ProjectIdCache;
  /** Keeps agencies' and instances' temporary keys; default the process-wide cache. */
  readonly temporaryKeys?: TemporaryKeyCache;
  /** The most requests in flight at once, across all the listings of the lookup; overrides the setting (default 16). */
  readonly concurrency?: number;
  /**
   * Ends the lookup when aborted (the engine's Cancel on Ctrl-C, Terraform's StopProvider): the
   * requests in flight are cancelled and it fails with a ModelArtsCancelledError.
   */
  readonly signal?: AbortSignal;
  readonly timing?: RetryTiming;
  readonly timeouts?: ClientTimeouts;
  readonly clock?: () => Date;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/**
 * A hash that tells apart who asks and how the answer travels, without keeping secrets: the whole
 * credential (a wrong security token is another identity) and the transport (TLS verification and
 * proxy), so that an answer obtained without verification, or through another proxy, is never
 * handed to a lookup that verifies.
 */
function identityOf(credentials: Credentials, transport: Transport): string {
  const who =
    credentials.kind === "aksk"
      ? [credentials.accessKey, credentials.secretKey, credentials.securityToken ?? null]
      : [credentials.token];
  return createHash("sha256")
    .update(JSON.stringify([who, transportKey(transport)]))
    .digest("hex")
    .slice(0, 32);
}

/** The error a lookup fails with when its time bound passes. */
function timeoutError(context: string, timeoutMs: number): ModelArtsTimeoutError {
  return new ModelArtsTimeoutError(
    `${context} did not finish within ${timeoutMs / 1000} s; the requests still in flight were cancelled. ` +
      "Raise the bound with the timeoutSeconds argument or HW_MODELARTS_TIMEOUT (seconds, at most 3600), or narrow the lookup (status, searchContent).",
  );
}

/** Options of {@link lookupVisualizationJobs}: its dependencies, and a name for messages. */
export interface LookupOptions extends LookupDependencies {
  /** What the arguments were given to, as error messages name it; default `lookupVisualizationJobs`. */
  readonly context?: string;
}

/**
 * Looks up visualization jobs: the lookup behind `getVisualizationJobs`, with every dependency
 * injectable (config getter, environment, undici dispatcher, logger, caches, concurrency, timing).
 * Outside Pulumi, settings come from `options.env` (default `process.env`).
 *
 * @example
 * ```ts
 * const result = await lookupVisualizationJobs({ status: "RUNNING" }, { env: process.env, cache: false });
 * console.log(result.serviceUrls);
 * ```
 * @throws ModelArtsValidationError before any request when the arguments are invalid; then
 *   ModelArtsConfigError, ModelArtsApiError, ModelArtsNetworkError or ModelArtsResponseError.
 */
export function lookupVisualizationJobs(
  args: VisualizationJobsQueryArgs = {},
  options: LookupOptions = {},
): Promise<VisualizationJobsResult> {
  const { context = "lookupVisualizationJobs", ...deps } = options;
  return runLookup(args, context, deps);
}

/**
 * Empties what lookups in this process share: listings, project ids found through IAM, page sizes
 * servers refused, and the keep-alive connection pools (closed once their requests finish). For tests that change the
 * emulator's jobs and look again within the 60 s a listing is shared.
 */
export function resetSharedState(): void {
  processListingCache.clear();
  processProjectIds.clear();
  processTemporaryKeys.clear();
  forgetServerLimits();
  closeSharedDispatchers();
}

/**
 * Runs a lookup from inputs as an engine or a caller hands them over, not yet typed: everything is
 * validated here.
 *
 * @param context what the arguments were given to, for messages (`getVisualizationJobs`).
 * @internal
 */
export async function runLookup(
  args: unknown,
  context: string,
  deps: LookupDependencies = {},
): Promise<VisualizationJobsResult> {
  return (await runLookupWithSettings(args, context, deps)).result;
}

/**
 * An authentication failure that names where the keys came from, when a user could not tell: the
 * agency whose temporary keys were refused, or the KooCLI profile (and its file) that gave them.
 */
function withKeysNamed(error: unknown, settings: Settings): unknown {
  if (!ModelArtsApiError.isInstance(error) || error.status !== 401) return error;
  const source = settings.credentials;
  if (source.kind === "assumeRole") {
    const base = settings.keysFrom === undefined ? [] : words` from ${settings.keysFrom}`;
    return error.withHint(
      words`The keys were for the agency "${source.agencies.at(-1)!.agencyName}": IAM gives its temporary keys to the base keys${base}`,
    );
  }
  return settings.keysFrom === undefined
    ? error
    : error.withHint(words`The keys came from ${settings.keysFrom}`);
}

/** A lookup's result, with the query and the settings it ran with. @internal */
export interface LookupRun {
  readonly query: NormalizedQuery;
  readonly settings: Settings;
  readonly result: VisualizationJobsResult;
}

/**
 * {@link runLookup}, also giving the normalised query and the resolved settings, for a caller that
 * reports them (the Terraform provider's `region` and id) without resolving them a second time:
 * a shared config file could have changed in between.
 *
 * @internal
 */
export async function runLookupWithSettings(
  args: unknown,
  context: string,
  deps: LookupDependencies = {},
): Promise<LookupRun> {
  const query = parseQueryArgs(args, context);
  const env = deps.env ?? process.env;
  const settings = resolveSettings(query, deps.config ?? (() => undefined), env);
  const transport = transportFor({ insecure: settings.insecure, env });
  const logger = redactingLogger(deps.logger ?? silentLogger);
  // One signal ends the lookup's work: the time bound, or the first failure that ends the lookup,
  // cancels the requests in flight and starts no new one (five failed AK/SK attempts lock the key).
  const controller = new AbortController();
  // Each request in flight, and each wait between attempts, listens to it: more than Node's default
  // warning threshold of 10 at once is expected here, not a leak.
  setMaxListeners(4 * MAX_MAX_CONCURRENCY, controller.signal);
  const deadline = setTimeout(
    () => controller.abort(timeoutError(context, settings.timeoutMs)),
    settings.timeoutMs,
  );
  const clientFor = (credentials?: Credentials) =>
    new ApiClient({
      dispatcher: deps.dispatcher ?? dispatcherFor(transport),
      credentials,
      signingAlgorithm: settings.signingAlgorithm,
      maxRetries: settings.maxRetries,
      timing: deps.timing,
      timeouts: deps.timeouts,
      clock: deps.clock,
      sleep: deps.sleep,
      random: deps.random,
      logger,
      signal: controller.signal,
    });
  for (const warning of settings.warnings) logger.warn(warning);
  const cancel = () =>
    controller.abort(
      new ModelArtsCancelledError(
        `${context} was cancelled: its caller is stopping (Ctrl-C, or the tool shutting down).`,
      ),
    );
  if (deps.signal?.aborted) cancel();
  deps.signal?.addEventListener("abort", cancel, { once: true });
  try {
    controller.signal.throwIfAborted();
    const credentials = await obtainCredentials(settings.credentials, {
      iamClient: clientFor,
      iamBase: settings.authUrl?.replace(/\/v3$/, ""),
      stsBase: settings.stsEndpoint,
      cache: deps.temporaryKeys ?? processTemporaryKeys,
      signal: controller.signal,
      transportKey: transportKey(transport),
    });
    const client = clientFor(credentials);
    const identity = identityOf(credentials, transport);
    const projectId =
      settings.projectId !== undefined
        ? settings.projectId
        : await discoverProjectId(
            client,
            { authUrl: settings.authUrl, projectName: settings.projectName, identity },
            deps.projectIds ?? processProjectIds,
          );
    const result = await queryVisualizationJobs(
      {
        context,
        client,
        endpoint: settings.endpoint,
        projectId,
        identity,
        limiter: new AdaptiveLimiter(deps.concurrency ?? settings.maxConcurrency),
        logger,
        cache: deps.cache === false ? undefined : (deps.cache ?? processListingCache),
        signal: controller.signal,
      },
      query,
    );
    return { query, settings, result };
  } catch (error) {
    controller.abort(error);
    throw withKeysNamed(error, settings);
  } finally {
    clearTimeout(deadline);
    deps.signal?.removeEventListener("abort", cancel);
  }
}
