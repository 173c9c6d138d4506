/**
 * pulumi-modelarts: look up Huawei Cloud ModelArts visualization jobs (TensorBoard / MindInsight)
 * from Pulumi programs. The public exports, nothing else.
 */
export type { ClientTimeouts } from "../provider/client";
export {
  type ApiErrorDetails,
  type FoundJob,
  ModelArtsAmbiguousMatchError,
  ModelArtsApiError,
  ModelArtsCancelledError,
  ModelArtsConfigError,
  ModelArtsError,
  type ModelArtsErrorCode,
  ModelArtsNetworkError,
  ModelArtsNoMatchError,
  ModelArtsResponseError,
  ModelArtsTimeoutError,
  ModelArtsValidationError,
  type ValidationIssue,
} from "../provider/errors";
export { ListingCache } from "../provider/listingCache";
export type { Logger } from "../provider/logger";
export {
  type LookupDependencies,
  type LookupOptions,
  lookupVisualizationJobs,
  resetSharedState,
} from "../provider/lookup";
export type {
  JobFlavor,
  JobSchedule,
  JobStatusInput,
  LookupDrift,
  SortField,
  SortOrder,
  VisualizationJob,
  VisualizationJobsQueryArgs,
  VisualizationJobsResult,
} from "../provider/model";
export { ProjectIdCache } from "../provider/projectDiscovery";
export type { RetryTiming } from "../provider/retryPolicy";
export type { ConfigGetter, Environment } from "../provider/settings";
export { JobStatus, type JobStatusName, jobStatusName } from "../provider/status";
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
