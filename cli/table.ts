/** The `jobs` command's table: one line a job, columns padded, server text made safe for a terminal. */
import type { VisualizationJobsResult } from "../provider/model";
import { escapeControls } from "../provider/redact";

const HEADERS = ["ID", "NAME", "STATUS", "CREATED (UTC)", "SERVICE URL"] as const;

/** The result as a table, with a closing line that counts the jobs. */
export function formatJobsTable(result: VisualizationJobsResult): string {
  const rows = result.jobs.map((job, i) => [
    String(job.jobId),
    escapeControls(job.jobName),
    job.statusName,
    job.createTime > 0 ? new Date(job.createTime).toISOString().slice(0, 16).replace("T", " ") : "",
    result.serviceUrls[i] ?? "",
  ]);
  const widths = HEADERS.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c]!)))
      .join("  ")
      .trimEnd();
  const count = `${result.jobs.length} job${result.jobs.length === 1 ? "" : "s"} (job_total_count ${result.totalCount})`;
  return [line(HEADERS), ...rows.map(line), count].join("\n");
}
