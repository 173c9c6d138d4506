/**
 * The single-job lookup's rule: exactly one job must match. Zero or several is an error that names
 * the filters and, for several, the jobs found. Shared by `getVisualizationJob` (sdk/) and the
 * plugin's `modelarts:index:getVisualizationJob`.
 */

import { show } from "../boundary/values";
import { ModelArtsAmbiguousMatchError, ModelArtsNoMatchError } from "../support/errors";
import { joinWords, type Words, words } from "../surfaces/wording";
import type { VisualizationJob } from "../wire/job.generated";
import type { VisualizationJobsResult } from "../wire/result.generated";

/** The arguments that are filters (the others say where to look, or how), each in the surface's names. */
function describeFilters(args: object): Words {
  const filters = Object.entries(args).filter(
    ([k, v]) =>
      v !== undefined &&
      v !== null &&
      !["pageSize", "region", "projectId", "endpoint", "timeoutSeconds"].includes(k),
  );
  // Each value cut to its first 80 characters: a 2 MB name must not make a 4 MB message.
  return filters.length === 0
    ? ["no filter"]
    : joinWords(
        filters.map(([k, v]) => [{ argument: k }, ` ${show(v)}`]),
        ", ",
      );
}

/**
 * The one job of a result.
 *
 * @param context the function, as messages name it (`getVisualizationJob`).
 * @throws ModelArtsNoMatchError or ModelArtsAmbiguousMatchError.
 */
export function exactlyOneJob(
  result: VisualizationJobsResult,
  args: object,
  context: string,
): VisualizationJob {
  const [first, ...rest] = result.jobs;
  if (first !== undefined && rest.length === 0) return first;
  if (first === undefined) {
    throw new ModelArtsNoMatchError(
      words`${context} found no visualization job matching ${describeFilters(args)}. Check the filters, or list the candidates with ${{ lookup: "getVisualizationJobs" }}.`,
    );
  }
  const shown = result.jobs.slice(0, 10).map((j) => `${j.jobId} ${show(j.jobName)} (${j.statusName})`);
  const more = result.jobs.length > 10 ? ` and ${result.jobs.length - 10} more` : "";
  throw new ModelArtsAmbiguousMatchError(
    words`${context} found ${result.jobs.length} visualization jobs matching ${describeFilters(args)}: ${shown.join(", ")}${more}. Narrow the filters (${{ argument: "status" }}, ${{ argument: "name" }}, ${{ argument: "nameRegex" }}), or pick one with ${{ argument: "sortBy" }}, ${{ argument: "order" }} and ${{ argument: "limit", setTo: "1" }}.`,
    result.jobs,
  );
}
