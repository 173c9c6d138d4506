/** A job in the API's wire format (snake_case), numbers optionally as numeric strings. */
import type { EmulatorJob } from "./jobStore";

/** The wire form of a job, with its service URL resolved. */
export function toWireJob(
  job: EmulatorJob,
  serviceUrl: string,
  numbersAsStrings: boolean,
): Record<string, unknown> {
  const n = (value: number) => (numbersAsStrings ? String(value) : value);
  return {
    job_id: n(job.jobId),
    job_name: job.jobName,
    status: n(job.status),
    create_time: n(job.createTime),
    duration: n(job.duration),
    job_desc: job.jobDesc,
    service_url: serviceUrl,
    train_url: job.trainUrl,
    resource_id: job.resourceId,
    ...(job.jobType !== undefined && { job_type: job.jobType }),
    ...(job.flavor !== undefined && { flavor: { code: job.flavor.code } }),
    ...(job.schedule !== undefined && { schedule: job.schedule }),
    ...(job.remainingDuration !== undefined && {
      remaining_duration: job.remainingDuration === null ? null : n(job.remainingDuration),
    }),
  };
}
