import { formatJobsTable } from "../../../cli/table";
import type { VisualizationJob } from "../../../provider/wire/job.generated";
import type { VisualizationJobsResult } from "../../../provider/wire/result.generated";

const job = (jobId: number, fields: Partial<VisualizationJob> = {}): VisualizationJob => ({
  jobId,
  jobName: `job-${jobId}`,
  jobDesc: "",
  status: 8,
  statusName: "RUNNING",
  createTime: Date.UTC(2026, 10, 29, 14, 35),
  duration: 0,
  serviceUrl: "",
  trainUrl: "",
  resourceId: "",
  ...fields,
});

const resultOf = (jobs: VisualizationJob[], serviceUrls: string[]): VisualizationJobsResult => ({
  jobs,
  ids: jobs.map((j) => j.jobId),
  names: jobs.map((j) => j.jobName),
  serviceUrls,
  totalCount: jobs.length,
});

describe("the jobs table", () => {
  it("escapes control, ANSI, C1 and bidi characters in every column the server fills", () => {
    const table = formatJobsTable(
      resultOf([job(1, { jobName: "evil\u202e\u001b[31mred\u0085\u2066x" })], ["https://h/\u2067"]),
    );
    expect(table).toContain("evil\\u202e\\x1b[31mred\\x85\\u2066x");
    expect(table).toContain("https://h/\\u2067");
    for (const line of table.split("\n")) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
      expect(line).not.toMatch(/[\u0000-\u001f\u0080-\u009f\u202a-\u202e\u2066-\u2069]/);
    }
  });

  it("prints a creation time outside the Date range as the raw number instead of failing the listing", () => {
    const table = formatJobsTable(resultOf([job(1, { createTime: 9e15 }), job(2)], ["", ""]));
    expect(table.split("\n")[1]).toContain("9000000000000000");
    expect(table.split("\n")[2]).toContain("2026-11-29 14:35");
    expect(table.split("\n").at(-1)).toBe("2 jobs (job_total_count 2)");
  });
});
