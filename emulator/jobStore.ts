/**
 * The emulator's jobs and the list query over them: filter by workspace, status and search text,
 * sort, page. Sorted views are kept per query until the jobs change, so that paging through
 * 100,000 jobs does not sort them again for every page; at most MAX_VIEWS of them.
 */

import { orderJobs } from "../provider/listing/query";
import type { SortField } from "../provider/wire/model";

/** A job as the emulator holds it. */
export interface EmulatorJob {
  readonly jobId: number;
  readonly jobName: string;
  readonly jobDesc: string;
  readonly status: number;
  readonly createTime: number;
  readonly duration: number;
  /** Empty to have the emulator serve the job's page at `{url}/visualization/{jobId}/`. */
  readonly serviceUrl: string;
  readonly trainUrl: string;
  readonly resourceId: string;
  /** Default `"0"`. */
  readonly workspaceId: string;
  /** Sent as `job_type` when set (real answers carry it; the list call's doc page does not). */
  readonly jobType?: string;
  /** Sent as `flavor: { code }` when set. */
  readonly flavor?: { readonly code: string };
  /**
   * Sent as `schedule` when set, each rule as given: `{ type, time_unit, duration }`, or with
   * `timeUnit`, as both spellings occur.
   */
  readonly schedule?: ReadonlyArray<Readonly<Record<string, unknown>>>;
  /** Sent as `remaining_duration` when set, `null` included. */
  readonly remainingDuration?: number | null;
}

/** A job to add: only the id and name are required. */
export type EmulatorJobInput = Partial<EmulatorJob> & Pick<EmulatorJob, "jobId" | "jobName">;

/** A validated list query. */
export interface StoreQuery {
  readonly workspaceId: string;
  readonly status?: number;
  readonly searchContent?: string;
  readonly sortBy: SortField;
  readonly order: "asc" | "desc";
}

/** Fills in the defaults of a job input. */
function completeJob(input: EmulatorJobInput): EmulatorJob {
  return {
    jobDesc: "",
    status: 8,
    createTime: 0,
    duration: 0,
    serviceUrl: "",
    trainUrl: "",
    resourceId: "",
    workspaceId: "0",
    ...input,
  };
}

/**
 * The most sorted views kept: a client paging through a query reuses its view, but distinct
 * searches and sorts (250 of them once took the emulator from 146 to 384 MB) must not pile up.
 */
export const MAX_VIEWS = 32;

/** The jobs, and the sorted views of them that queries ask for. */
export class JobStore {
  private jobs = new Map<number, EmulatorJob>();
  private views = new Map<string, EmulatorJob[]>();
  private statusCounts: Map<number, number> | undefined;

  constructor(jobs: readonly EmulatorJobInput[] = []) {
    this.replace(jobs);
  }

  /** Every job, by id. */
  all(): EmulatorJob[] {
    return [...this.jobs.values()].sort((a, b) => a.jobId - b.jobId);
  }

  /** How many jobs have this status; counted once per change of the jobs, not per request. */
  countWithStatus(status: number): number {
    let counts = this.statusCounts;
    if (counts === undefined) {
      counts = new Map();
      for (const job of this.jobs.values()) counts.set(job.status, (counts.get(job.status) ?? 0) + 1);
      this.statusCounts = counts;
    }
    return counts.get(status) ?? 0;
  }

  get(jobId: number): EmulatorJob | undefined {
    return this.jobs.get(jobId);
  }

  /** The workspaces that exist: `"0"` and those of the jobs. */
  hasWorkspace(workspaceId: string): boolean {
    if (workspaceId === "0") return true;
    for (const job of this.jobs.values()) if (job.workspaceId === workspaceId) return true;
    return false;
  }

  replace(jobs: readonly EmulatorJobInput[]): void {
    this.jobs = new Map(jobs.map((j) => [j.jobId, completeJob(j)]));
    this.changed();
  }

  /** Adds jobs, or replaces those with the same id. */
  put(...jobs: EmulatorJobInput[]): void {
    for (const job of jobs) this.jobs.set(job.jobId, completeJob(job));
    this.changed();
  }

  /** Changes fields of a job; false when there is no such job. */
  update(jobId: number, patch: Partial<Omit<EmulatorJob, "jobId">>): boolean {
    const job = this.jobs.get(jobId);
    if (job === undefined) return false;
    this.jobs.set(jobId, { ...job, ...patch });
    this.changed();
    return true;
  }

  remove(jobId: number): boolean {
    const removed = this.jobs.delete(jobId);
    if (removed) this.changed();
    return removed;
  }

  /** Forgets what was derived from the jobs. */
  private changed(): void {
    this.views.clear();
    this.statusCounts = undefined;
  }

  /** The jobs a query matches, in its order (ties by job id, ascending). */
  query(q: StoreQuery): readonly EmulatorJob[] {
    const viewKey = JSON.stringify([q.workspaceId, q.status, q.searchContent, q.sortBy, q.order]);
    let view = this.views.get(viewKey);
    if (view === undefined) {
      const search = q.searchContent?.toLowerCase();
      const matching = [...this.jobs.values()].filter(
        (j) =>
          j.workspaceId === q.workspaceId &&
          (q.status === undefined || j.status === q.status) &&
          (!search || j.jobName.toLowerCase().includes(search)),
      );
      // The same order as the client's (ties by job id): a real server's tie order is unspecified.
      view = orderJobs(matching, q);
      // The oldest view goes first: Maps iterate in insertion order.
      if (this.views.size >= MAX_VIEWS) this.views.delete(this.views.keys().next().value!);
      this.views.set(viewKey, view);
    }
    return view;
  }
}
