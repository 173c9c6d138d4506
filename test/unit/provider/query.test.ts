import { parseQueryArgs } from "../../../provider/boundary/queryArguments";
import { orderJobs, planListings, refineJobs } from "../../../provider/listing/query";
import type { VisualizationJob } from "../../../provider/wire/job.generated";
import { jobStatusName } from "../../../provider/wire/status";

const job = (jobId: number, jobName: string, status: number, createTime = 0): VisualizationJob => ({
  jobId,
  jobName,
  status,
  statusName: jobStatusName(status),
  createTime,
  duration: 0,
  jobDesc: "",
  serviceUrl: `https://s/${jobId}`,
  trainUrl: "",
  resourceId: "",
});

describe("planListings", () => {
  it("lists all statuses at once when none is asked", () => {
    expect(planListings(parseQueryArgs({}, "x"))).toEqual([
      { searchContent: undefined, workspaceId: "0", sortBy: "job_id", order: "asc" },
    ]);
  });

  it("plans one server-side listing per status, since the API filters by one code per call", () => {
    expect(planListings(parseQueryArgs({ status: ["FAILED", "RUNNING"] }, "x")).map((q) => q.status)).toEqual(
      [8, 11],
    );
  });

  it("narrows an exact-name lookup with search_content, unless the name is too long or searchContent is given", () => {
    expect(planListings(parseQueryArgs({ name: "tb-main" }, "x"))[0]!.searchContent).toBe("tb-main");
    expect(planListings(parseQueryArgs({ name: "x".repeat(65) }, "x"))[0]!.searchContent).toBeUndefined();
    expect(
      planListings(parseQueryArgs({ name: "tb-main", searchContent: "tb" }, "x"))[0]!.searchContent,
    ).toBe("tb");
  });
});

describe("refineJobs", () => {
  const jobs = [job(1, "vision-a", 8), job(2, "vision-b", 10), job(3, "nlp-a", 8), job(4, "vision-a-2", 8)];

  it("keeps exact names only, not names that merely contain the text", () => {
    expect(refineJobs(jobs, parseQueryArgs({ name: "vision-a" }, "x")).map((j) => j.jobId)).toEqual([1]);
  });

  it("matches the name pattern and the statuses again on the client", () => {
    expect(
      refineJobs(jobs, parseQueryArgs({ nameRegex: "^vision-", status: "RUNNING" }, "x")).map((j) => j.jobId),
    ).toEqual([1, 4]);
  });
});

describe("orderJobs", () => {
  const jobs = [job(5, "b", 8, 300), job(2, "a", 8, 100), job(9, "b", 8, 100), job(1, "c", 8, 200)];

  it("orders by the field asked, with ties by job id ascending, in either direction", () => {
    expect(orderJobs(jobs, { sortBy: "job_name", order: "asc" }).map((j) => j.jobId)).toEqual([2, 5, 9, 1]);
    expect(orderJobs(jobs, { sortBy: "job_name", order: "desc" }).map((j) => j.jobId)).toEqual([1, 5, 9, 2]);
    expect(orderJobs(jobs, { sortBy: "create_time", order: "desc" }).map((j) => j.jobId)).toEqual([
      5, 1, 2, 9,
    ]);
    expect(orderJobs(jobs, { sortBy: "job_id", order: "desc" }).map((j) => j.jobId)).toEqual([9, 5, 2, 1]);
  });
});
