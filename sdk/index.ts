/**
 * pulumi-modelarts: look up Huawei Cloud ModelArts visualization jobs (TensorBoard / MindInsight)
 * from Pulumi programs. The public exports, nothing else.
 */
export {
  type ApiErrorDetails,
  ModelArtsApiError,
  ModelArtsConfigError,
  ModelArtsError,
  type ModelArtsErrorCode,
  ModelArtsNetworkError,
  ModelArtsResponseError,
  ModelArtsValidationError,
  type ValidationIssue,
} from "../provider/errors";
export { type LookupDependencies, lookupVisualizationJobs } from "../provider/lookup";
export type {
  JobStatusInput,
  SortField,
  SortOrder,
  VisualizationJob,
  VisualizationJobsQueryArgs,
  VisualizationJobsResult,
} from "../provider/model";
export { JobStatus, type JobStatusName, jobStatusName } from "../provider/status";
export {
  type GetVisualizationJobArgs,
  type GetVisualizationJobOutputArgs,
  type GetVisualizationJobsArgs,
  type GetVisualizationJobsOutputArgs,
  type GetVisualizationJobsResult,
  getVisualizationJob,
  getVisualizationJobOutput,
  getVisualizationJobs,
  getVisualizationJobsOutput,
} from "./getVisualizationJobs";
export { VisualizationJobsLookup, type VisualizationJobsLookupArgs } from "./visualizationJobsLookup";
