/**
 * pulumi-modelarts: look up Huawei Cloud ModelArts visualization jobs (TensorBoard / MindInsight)
 * from Pulumi programs. The public exports, nothing else.
 */

export { ListingCache } from "../../provider/listing/listingCache";
export { ProjectIdCache } from "../../provider/listing/projectDiscovery";
export {
  type LookupDependencies,
  type LookupOptions,
  lookupVisualizationJobs,
  resetSharedState,
} from "../../provider/lookup/lookup";
export type { ConfigGetter, Environment } from "../../provider/settings/settings";
export {
  type ApiErrorDetails,
  type FoundJob,
  ModelArtsAmbiguousMatchError,
  ModelArtsApiError,
  ModelArtsCancelledError,
  ModelArtsConfigError,
  ModelArtsEmulatorError,
  ModelArtsError,
  type ModelArtsErrorCode,
  ModelArtsNetworkError,
  ModelArtsNoMatchError,
  ModelArtsProtocolError,
  ModelArtsProxyError,
  ModelArtsResponseError,
  ModelArtsTimeoutError,
  ModelArtsValidationError,
  type ValidationIssue,
} from "../../provider/support/errors";
export type { Logger } from "../../provider/support/logger";
export type { ClientTimeouts } from "../../provider/transport/client";
export type { RetryTiming } from "../../provider/transport/retryPolicy";
export type { VisualizationJob } from "../../provider/wire/job.generated";
export type { JobFlavor, JobSchedule } from "../../provider/wire/jobParts";
export type { JobStatusInput, LookupDrift, SortField, SortOrder } from "../../provider/wire/model";
export type { VisualizationJobsQueryArgs } from "../../provider/wire/queryArgs.generated";
export type { VisualizationJobsResult } from "../../provider/wire/result.generated";
export { JobStatus, type JobStatusName, jobStatusName } from "../../provider/wire/status";
export {
  type GetVisualizationJobArgs,
  type GetVisualizationJobOutputArgs,
  type GetVisualizationJobResult,
  type GetVisualizationJobsArgs,
  type GetVisualizationJobsOutputArgs,
  type GetVisualizationJobsResult,
  getVisualizationJob,
  getVisualizationJobOutput,
  getVisualizationJobs,
  getVisualizationJobsOutput,
} from "./getVisualizationJobs";
export {
  type ExactLookupArgs,
  VisualizationJobsLookup,
  type VisualizationJobsLookupArgs,
} from "./visualizationJobsLookup";
