/** The `jobs` command's table: one line a job, columns padded, server text made safe for a terminal. */

import { escapeControls } from "../provider/support/redact";
import type { VisualizationJobsResult } from "../provider/wire/result.generated";

const HEADERS = ["ID", "NAME", "STATUS", "CREATED (UTC)", "SERVICE URL"] as const;

/** A creation time as `YYYY-MM-DD HH:MM`; the raw number when it is outside the Date range. */
function createdColumn(createTime: number): string {
  if (!(createTime > 0)) return "";
  const date = new Date(createTime);
  return Number.isNaN(date.getTime())
    ? String(createTime)
    : date.toISOString().slice(0, 16).replace("T", " ");
}

/** The result as a table, with a closing line that counts the jobs. */
export function formatJobsTable(result: VisualizationJobsResult): string {
  // Every column escaped: each comes from the server.
  const rows = result.jobs.map((job, i) =>
    [
      String(job.jobId),
      job.jobName,
      job.statusName,
      createdColumn(job.createTime),
      result.serviceUrls[i] ?? "",
    ].map(escapeControls),
  );
  const widths = HEADERS.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c]!)))
      .join("  ")
      .trimEnd();
  const count = `${result.jobs.length} job${result.jobs.length === 1 ? "" : "s"} (job_total_count ${result.totalCount})`;
  return [line(HEADERS), ...rows.map(line), count].join("\n");
}
