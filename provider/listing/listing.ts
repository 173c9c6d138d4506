/**
 * One server-side listing (one status, or all), every page of it, and never a silent partial
 * result. Page 1 tells the total; the remaining pages are then fetched concurrently through the
 * lookup's shared limiter. The gathered jobs must agree with `job_total_count`: a server that caps
 * the page size is detected (fewer jobs than asked on a page that is not the last) and paged at its
 * own size; a listing that changed while it was paged (totals that differ between pages, duplicates
 * or gaps from jobs created or deleted) is listed again, and after a few tries reported.
 */

import { listQueryParams, type ServerQuery } from "../boundary/queryArguments";
import { parseJobsPage } from "../boundary/responseBodies";
import { ModelArtsResponseError, ModelArtsValidationError, validationIssue } from "../support/errors";
import type { Logger } from "../support/logger";
import type { ApiClient } from "../transport/client";
import type { AdaptiveLimiter } from "../transport/concurrency";
import type { VisualizationJob } from "../wire/job.generated";
import { DOCUMENTED_SEARCH_CONTENT, FALLBACK_PAGE_SIZE, type JobsPage } from "../wire/model";
import { jobStatusName } from "../wire/status";
import { pageSizeFor, refusesPageSize, refusesSearchContent, rememberPageSizeLimit } from "./serverLimits";

/** The list call, as messages name it. */
const LIST_OPERATION = "GET /v1/{project_id}/visualization-jobs";

/** How many times a listing that changed while it was paged is listed again before giving up. */
const CONSISTENCY_RETRIES = 3;

/**
 * The most pages one listing may take (10 million jobs at 1000 a page). A total beyond it is not a
 * real account: a server reporting `job_total_count` of a billion with 2 jobs a page must get an
 * error, not half a billion requests.
 */
const MAX_PAGES = 10_000;

/**
 * The requests a listing may spend, over all its passes: twice the pages of its first pass plus
 * this. A server whose pages never agree (one that repeats a job on every page, say) then gets one
 * new listing and an error, not an amplification of three more whole listings.
 */
const EXTRA_REQUESTS = 10;

/**
 * The most bytes of pages one listing may receive, over all its passes: 256 MiB, about a million
 * jobs of ordinary size. Each page is bounded, and a listing may take 10,000 pages, so without this
 * a server could make a lookup hold gigabytes (60,000 jobs of 16,000-character names took the
 * command line to 1.34 GB) before its deadline.
 */
export const MAX_LISTING_BYTES = 256 * 1024 * 1024;

/**
 * The most bytes one page's body may have: a job is well under 1 KiB on the wire; 16 KiB a job and
 * 64 KiB besides leave room for long descriptions and still stop a body that never ends.
 */
function maxPageBytes(perPage: number): number {
  return perPage * 16 * 1024 + 64 * 1024;
}

/** Where and how a listing runs. */
export interface ListingContext {
  /** What the lookup's arguments were given to, for a validation error the server causes. */
  readonly context: string;
  readonly client: ApiClient;
  readonly endpoint: string;
  readonly projectId: string;
  readonly limiter: AdaptiveLimiter;
  readonly logger: Logger;
}

/** Every job of one server-side query, and the counts the API reported with them. */
export interface Listing {
  readonly totalCount: number;
  readonly jobCountLimit?: number;
  readonly quotas?: number;
  readonly jobs: readonly VisualizationJob[];
}

/** The reason a listing's pages disagree; thrown inside, caught by {@link listAll}. */
class Inconsistency {
  constructor(readonly detail: string) {}
}

function describe(query: ServerQuery): string {
  const parts = [query.status === undefined ? "all statuses" : `status ${jobStatusName(query.status)}`];
  if (query.searchContent !== undefined) parts.push(`search_content ${JSON.stringify(query.searchContent)}`);
  return parts.join(", ");
}

async function fetchPage(
  ctx: ListingContext,
  query: ServerQuery,
  page: number,
  perPage: number,
  budget: ListingBudget,
): Promise<JobsPage> {
  const response = await ctx.client.getJson({
    baseUrl: ctx.endpoint,
    path: `/v1/${ctx.projectId}/visualization-jobs`,
    query: listQueryParams(query, page, perPage),
    operation: LIST_OPERATION,
    projectId: ctx.projectId,
    gate: ctx.limiter,
    maxBodyBytes: maxPageBytes(perPage),
  });
  budget.receive(response.bodyBytes);
  return parseJobsPage(response.body, { operation: LIST_OPERATION, requestId: response.requestId });
}

/** Counts a listing's requests against its bound, set by its first pass, and its bytes against theirs. */
class ListingBudget {
  private spent = 0;
  private bytes = 0;
  private limit: number | undefined;
  private firstPassPages = 0;

  constructor(private readonly query: ServerQuery) {}

  /** Counts a page's bytes; past {@link MAX_LISTING_BYTES} the listing ends with an error. */
  receive(bytes: number): void {
    this.bytes += bytes;
    if (this.bytes > MAX_LISTING_BYTES) {
      throw new ModelArtsResponseError(
        `ModelArts ${LIST_OPERATION} (${describe(this.query)}) answered more than ${MAX_LISTING_BYTES / (1024 * 1024)} MiB of pages, more than one lookup holds. ` +
          "Narrow the lookup (status, searchContent) so that fewer jobs are listed, and check that the endpoint points at the ModelArts API.",
      );
    }
  }

  /** Spends `requests`; the first pass's page count, once known, sets the bound. */
  spend(requests: number, passPages?: number): void {
    if (passPages !== undefined && this.limit === undefined) {
      this.firstPassPages = passPages;
      this.limit = 2 * passPages + EXTRA_REQUESTS;
    }
    this.spent += requests;
    if (this.limit !== undefined && this.spent > this.limit) {
      throw new ModelArtsResponseError(
        `ModelArts ${LIST_OPERATION} (${describe(this.query)}) would take more than ${this.limit} requests: its pages kept disagreeing (a listing of ${this.firstPassPages} pages, listed again). ` +
          "Check that the endpoint points at the ModelArts API and that nothing between rewrites its answers; run the lookup again.",
      );
    }
  }
}

/**
 * Page 1, at `asked` jobs a page, or at {@link FALLBACK_PAGE_SIZE} when the server refuses that
 * `per_page` (remembered for the endpoint). A refused `search_content` is the caller's argument:
 * it becomes a validation error of `searchContent`.
 */
async function firstPage(
  ctx: ListingContext,
  query: ServerQuery,
  asked: number,
  budget: ListingBudget,
): Promise<{ first: JobsPage; perPage: number }> {
  try {
    budget.spend(1);
    try {
      return { first: await fetchPage(ctx, query, 1, asked, budget), perPage: asked };
    } catch (e) {
      if (!(asked > FALLBACK_PAGE_SIZE && refusesPageSize(e))) throw e;
      rememberPageSizeLimit(ctx.endpoint, FALLBACK_PAGE_SIZE);
      ctx.logger.debug(
        `${ctx.endpoint} refused per_page=${asked} (${e.errorMessage}); asking ${FALLBACK_PAGE_SIZE} a page from now on`,
      );
      budget.spend(1);
      return {
        first: await fetchPage(ctx, query, 1, FALLBACK_PAGE_SIZE, budget),
        perPage: FALLBACK_PAGE_SIZE,
      };
    }
  } catch (e) {
    if (!refusesSearchContent(e, query.searchContent)) throw e;
    throw new ModelArtsValidationError(ctx.context, [
      validationIssue("searchContent", [
        `was refused by the server (${e.errorCode} ${e.errorMessage}): it takes fewer characters than the ${query.searchContent?.length} given (every server takes ${DOCUMENTED_SEARCH_CONTENT})`,
      ]),
    ]);
  }
}

/**
 * How many distinct job ids `jobs` holds. Ids that only rise or only fall, as a listing ordered by
 * job id has them, are distinct without a set of 100,000 ids being built after the last page.
 */
function distinctIds(jobs: readonly VisualizationJob[]): number {
  let rising = true;
  let falling = true;
  for (let i = 1; i < jobs.length && (rising || falling); i++) {
    const step = jobs[i]!.jobId - jobs[i - 1]!.jobId;
    rising &&= step > 0;
    falling &&= step < 0;
  }
  return rising || falling ? jobs.length : new Set(jobs.map((job) => job.jobId)).size;
}

/** One pass over the listing; throws {@link Inconsistency} when the pages disagree. */
async function listOnce(
  ctx: ListingContext,
  query: ServerQuery,
  pageSize: number,
  budget: ListingBudget,
): Promise<Listing> {
  const asked = pageSizeFor(ctx.endpoint, pageSize);
  const { first, perPage: accepted } = await firstPage(ctx, query, asked, budget);
  const total = first.totalCount;
  let perPage = accepted;
  if (first.jobs.length < Math.min(accepted, total)) {
    if (first.jobs.length === 0)
      throw new Inconsistency(`page 1 held no job though job_total_count was ${total}`);
    perPage = first.jobs.length;
    ctx.logger.debug(
      `the server returned ${perPage} jobs on page 1 of ${total} though ${accepted} were asked: paging at ${perPage} per page`,
    );
  }
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  if (pageCount > MAX_PAGES) {
    throw new ModelArtsResponseError(
      `ModelArts ${LIST_OPERATION} (${describe(query)}) reported job_total_count ${total} with ${perPage} jobs a page: ${pageCount} pages, more than the ${MAX_PAGES} a listing may take. Check that the endpoint points at the ModelArts API, or narrow the lookup (status, searchContent).`,
    );
  }
  budget.spend(pageCount - 1, pageCount);
  const rest = await Promise.all(
    Array.from({ length: pageCount - 1 }, (_, i) => fetchPage(ctx, query, i + 2, perPage, budget)),
  );
  const pages = [first, ...rest];

  pages.forEach((page, i) => {
    if (page.totalCount !== total) {
      throw new Inconsistency(
        `job_total_count was ${total} on page 1 but ${page.totalCount} on page ${i + 1}`,
      );
    }
  });
  const jobs = ([] as VisualizationJob[]).concat(...pages.map((page) => page.jobs));
  const distinct = distinctIds(jobs);
  if (jobs.length !== total || distinct !== total) {
    throw new Inconsistency(
      `job_total_count was ${total}, but the ${pageCount} pages held ${jobs.length} jobs, ${distinct} of them distinct`,
    );
  }
  ctx.logger.debug(
    `listed ${total} visualization jobs (${describe(query)}) in ${pageCount} pages of ${perPage}`,
  );
  return {
    totalCount: total,
    jobCountLimit: first.jobCountLimit,
    quotas: first.quotas,
    jobs,
  };
}

/**
 * Lists every job of a server-side query.
 *
 * @throws ModelArtsResponseError when the pages still disagree after {@link CONSISTENCY_RETRIES} new listings,
 *   and the client's errors as they come.
 */
export async function listAll(ctx: ListingContext, query: ServerQuery, pageSize: number): Promise<Listing> {
  const budget = new ListingBudget(query);
  for (let attempt = 1; ; attempt++) {
    try {
      return await listOnce(ctx, query, pageSize, budget);
    } catch (e) {
      if (!(e instanceof Inconsistency)) throw e;
      if (attempt > CONSISTENCY_RETRIES) {
        throw new ModelArtsResponseError(
          `ModelArts ${LIST_OPERATION} (${describe(query)}) gave pages that disagree, ${attempt} listings in a row: ${e.detail}. ` +
            "Jobs are probably being created or deleted faster than they can be listed, or the server ignores paging; run the lookup again.",
        );
      }
      ctx.logger.debug(
        `the listing (${describe(query)}) changed while it was paged (${e.detail}); listing it again`,
      );
    }
  }
}
