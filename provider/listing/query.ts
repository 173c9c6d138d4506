/**
 * The query: plan the server-side listings (one per status, since the API filters by one status
 * code per call), run them concurrently under one shared bound, merge and de-duplicate by job id,
 * then refine on the client (exact name, regex, status again in case a server ignores the filter),
 * order as asked with ties by job id, and cut to the limit.
 */

import type { ServerQuery } from "../boundary/queryArguments";
import type { VisualizationJob } from "../wire/job.generated";
import { DOCUMENTED_SEARCH_CONTENT, type NormalizedQuery } from "../wire/model";
import { compileNamePattern } from "../wire/namePattern";
import type { VisualizationJobsResult } from "../wire/result.generated";
import { type Listing, type ListingContext, listAll } from "./listing";
import { ListingCache } from "./listingCache";

/** The server-side listings a query needs. */
export function planListings(query: NormalizedQuery): ServerQuery[] {
  // An exact name narrows the listing on the server too: search_content matches the job name.
  const searchContent =
    query.searchContent ??
    (query.name !== undefined && query.name.length <= DOCUMENTED_SEARCH_CONTENT ? query.name : undefined);
  const common = { searchContent, workspaceId: query.workspaceId, sortBy: query.sortBy, order: query.order };
  if (query.statuses.length === 0) return [common];
  return query.statuses.map((status) => ({ ...common, status }));
}

/** The fields of a job that ordering reads (the emulator's jobs have them too). */
export type SortableJob = Pick<VisualizationJob, "jobId" | "jobName" | "jobDesc" | "createTime" | "status">;

const SORT_KEYS = {
  job_id: (j: SortableJob) => j.jobId,
  job_name: (j: SortableJob) => j.jobName,
  job_desc: (j: SortableJob) => j.jobDesc,
  create_time: (j: SortableJob) => j.createTime,
  status: (j: SortableJob) => j.status,
} as const;

/** Orders jobs by the requested field and direction; ties by job id, ascending. */
export function orderJobs<T extends SortableJob>(
  jobs: readonly T[],
  query: Pick<NormalizedQuery, "sortBy" | "order">,
): T[] {
  const key = SORT_KEYS[query.sortBy];
  const sign = query.order === "desc" ? -1 : 1;
  return [...jobs].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka < kb) return -sign;
    if (ka > kb) return sign;
    return a.jobId - b.jobId;
  });
}

/** The client-side filters: status (again), exact name, name pattern. */
export function refineJobs(jobs: readonly VisualizationJob[], query: NormalizedQuery): VisualizationJob[] {
  const statuses = query.statuses.length > 0 ? new Set(query.statuses) : undefined;
  const pattern = query.nameRegex !== undefined ? compileNamePattern(query.nameRegex) : undefined;
  return jobs.filter(
    (job) =>
      (statuses === undefined || statuses.has(job.status)) &&
      (query.name === undefined || job.jobName === query.name) &&
      (pattern === undefined || pattern.test(job.jobName)),
  );
}

/** The jobs of several listings, each once (a listing's own jobs are distinct already). */
function mergeListings(listings: readonly Listing[]): readonly VisualizationJob[] {
  if (listings.length === 1) return listings[0]!.jobs;
  const byId = new Map<number, VisualizationJob>();
  for (const listing of listings) for (const job of listing.jobs) byId.set(job.jobId, job);
  return [...byId.values()];
}

/** What a query needs besides the listing context: the cache, and what identifies the caller in it. */
export interface QueryContext extends ListingContext {
  /** Shares listings between identical lookups; undefined to list afresh. */
  readonly cache?: ListingCache;
  /** Who is asking (a hash of the credentials): listings are shared only within one identity. */
  readonly identity: string;
  /** The lookup's signal: aborted when it runs out of time or a failure ends it. */
  readonly signal?: AbortSignal;
}

/** A shared listing that its lookup cancelled when that lookup ended: not a verdict on the listing. */
class ListingCancelled {
  constructor(readonly reason: unknown) {}
}

/**
 * A listing shared through the cache. The lookup that starts it runs it under its own signal; when
 * that lookup ends early (its time bound, or a failure of another of its listings), the listing is
 * cancelled, and a lookup that was waiting for it lists for itself instead of inheriting an error
 * that is not its own.
 */
function sharedListing(ctx: QueryContext, cache: ListingCache, key: string, list: () => Promise<Listing>) {
  const owned = () =>
    list().catch((error: unknown) => {
      throw ctx.signal?.aborted && error === ctx.signal.reason ? new ListingCancelled(error) : error;
    });
  return cache.get(key, owned).catch((error: unknown) => {
    if (!(error instanceof ListingCancelled)) throw error;
    if (ctx.signal?.aborted) throw ctx.signal.reason;
    return list();
  });
}

/** Runs a validated query. */
export async function queryVisualizationJobs(
  ctx: QueryContext,
  query: NormalizedQuery,
): Promise<VisualizationJobsResult> {
  const listings = await Promise.all(
    planListings(query).map((serverQuery) => {
      const list = () => listAll(ctx, serverQuery, query.pageSize);
      if (ctx.cache === undefined) return list();
      const key = ListingCache.key([ctx.endpoint, ctx.projectId, ctx.identity, serverQuery, query.pageSize]);
      return sharedListing(ctx, ctx.cache, key, list);
    }),
  );
  const ordered = orderJobs(refineJobs(mergeListings(listings), query), query);
  const jobs = query.limit === undefined ? ordered : ordered.slice(0, query.limit);
  return {
    jobs,
    ids: jobs.map((j) => j.jobId),
    names: jobs.map((j) => j.jobName),
    // Each job's URL was made safe as its page was read (boundary/serviceUrl.ts).
    serviceUrls: jobs.map((j) => j.serviceUrl),
    totalCount: listings.reduce((n, l) => n + l.totalCount, 0),
    jobCountLimit: listings[0]?.jobCountLimit,
    quotas: listings[0]?.quotas,
  };
}
