/**
 * The page behind a job's `service_url`, as a TensorBoard would answer: 200 with a small HTML page
 * while the job runs, 503 otherwise, 404 for no such job. It lets a resource fed with a looked-up
 * URL really reach it.
 */
import type { EmulatorJob } from "./jobStore";

const RUNNING = 8;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The status and HTML of a job's service page. */
export function renderServicePage(job: EmulatorJob | undefined): { status: number; html: string } {
  if (job === undefined) {
    return { status: 404, html: "<!doctype html><title>Not found</title><p>No such visualization job.</p>" };
  }
  const name = escapeHtml(job.jobName);
  if (job.status !== RUNNING) {
    return {
      status: 503,
      html: `<!doctype html><title>${name}</title><p>Visualization job ${name} is not running.</p>`,
    };
  }
  return {
    status: 200,
    html: `<!doctype html><html><head><title>TensorBoard - ${name}</title></head><body><h1>TensorBoard</h1><p data-job-id="${job.jobId}">${name}: ${escapeHtml(job.jobDesc)}</p><p>Logs: ${escapeHtml(job.trainUrl)}</p></body></html>`,
  };
}
