import { apiFailureOf, parseJobsPage, parseProjectIds } from "../../../provider/boundary/responseBodies";
import { ModelArtsResponseError } from "../../../provider/support/errors";

describe("parseJobsPage", () => {
  const context = { operation: "GET /v1/{project_id}/visualization-jobs", requestId: "req-1" };

  it("maps wire names to camelCase and adds the status name", () => {
    const page = parseJobsPage(
      {
        is_success: true,
        job_total_count: 1,
        job_count_limit: 9,
        quotas: 100,
        jobs: [
          {
            job_id: 10,
            job_name: "tb",
            status: 8,
            create_time: 1524189990635,
            duration: 5,
            job_desc: "d",
            service_url: "https://s",
            train_url: "/obs/logs/",
            resource_id: "r",
            extra_field: { ignored: true },
          },
        ],
      },
      context,
    );
    expect(page).toEqual({
      totalCount: 1,
      jobCountLimit: 9,
      quotas: 100,
      jobs: [
        {
          jobId: 10,
          jobName: "tb",
          jobDesc: "d",
          status: 8,
          statusName: "RUNNING",
          createTime: 1524189990635,
          duration: 5,
          serviceUrl: "https://s/", // as every surface hands it out: WHATWG-normalised
          trainUrl: "/obs/logs/",
          resourceId: "r",
        },
      ],
    });
  });

  it("gives each job's own serviceUrl the check the result's serviceUrls get", () => {
    const urls = [
      "data:text/html,<script>alert(1)</script>",
      "https://user:pass@h.example/x",
      "javascript:alert(1)",
      "HTTPS://H.example:443/a b",
      "https://h.example/tb/1",
    ];
    const page = parseJobsPage(
      {
        job_total_count: 5,
        jobs: urls.map((u, i) => ({ job_id: i, job_name: `j${i}`, status: 8, service_url: u })),
      },
      context,
    );
    expect(page.jobs.map((j) => j.serviceUrl)).toEqual(["", "", "", "", "https://h.example/tb/1"]);
    expect(Object.isFrozen(page.jobs[0])).toBe(true);
  });

  it("reads numbers sent as numeric strings, and absent optional fields as empty", () => {
    const page = parseJobsPage(
      {
        job_total_count: "1",
        jobs: [{ job_id: "10", job_name: "tb", status: "8", create_time: "1524189990635" }],
      },
      context,
    );
    expect(page.jobs[0]).toMatchObject({
      jobId: 10,
      status: 8,
      createTime: 1524189990635,
      duration: 0,
      serviceUrl: "",
      jobDesc: "",
    });
    expect(page.jobCountLimit).toBeUndefined();
  });

  it("maps the fields beyond the doc page: a single schedule rule, either spelling, nulls left out", () => {
    const page = parseJobsPage(
      {
        job_total_count: 2,
        jobs: [
          {
            job_id: 1,
            job_name: "a",
            status: 8,
            job_type: "tensorboard",
            flavor: { code: "modelarts.vm.cpu.2u" },
            schedule: { type: "stop", time_unit: "HOURS", duration: 2 },
            remaining_duration: "3600000",
          },
          { job_id: 2, job_name: "b", status: 8, flavor: null, schedule: null, remaining_duration: null },
        ],
      },
      context,
    );
    expect(page.jobs[0]).toMatchObject({
      jobType: "tensorboard",
      flavor: { code: "modelarts.vm.cpu.2u" },
      schedule: [{ type: "stop", timeUnit: "HOURS", duration: 2 }],
      remainingDuration: 3_600_000,
    });
    expect(Object.keys(page.jobs[1]!)).not.toContain("flavor");
    expect(Object.keys(page.jobs[1]!)).not.toContain("remainingDuration");
  });

  it.each([
    [
      { job_total_count: 1, jobs: [{ job_id: 1, job_name: "a", status: 8, flavor: "big" }] },
      "jobs[0].flavor must be an object",
    ],
    [
      { job_total_count: 1, jobs: [{ job_id: 1, job_name: "a", status: 8, remaining_duration: "soon" }] },
      'jobs[0].remaining_duration must be a number or a numeric string, got "soon"',
    ],
    [
      {
        job_total_count: 2,
        jobs: [
          { job_id: 1, job_name: "a", status: 8 },
          { job_id: 2, job_name: "b", status: 8, schedule: [{ type: "stop" }, { duration: "an hour" }] },
        ],
      },
      'jobs[1].schedule[1].duration must be a number or a numeric string, got "an hour"',
    ],
    [{ job_total_count: 1 }, "jobs must be an array, got undefined"],
    [
      { job_total_count: "many", jobs: [] },
      'job_total_count must be an integer or a numeric string, got "many"',
    ],
    [
      { job_total_count: 1, jobs: [{ job_id: 1.5, job_name: "a", status: 8 }] },
      "jobs[0].job_id must be an integer",
    ],
    [
      { job_total_count: 1, jobs: [{ job_id: 1, job_name: 7, status: 8 }] },
      "jobs[0].job_name must be a string, got 7",
    ],
    [
      { job_total_count: 2, jobs: [{ job_id: 1, job_name: "a", status: 8 }, null] },
      "jobs[1] must be an object, got null",
    ],
    [
      { job_total_count: 1, jobs: [{ job_id: "99999999999999999999", job_name: "a", status: 8 }] },
      "jobs[0].job_id must be an integer",
    ],
    [[], "the body must be a JSON object, got []"],
  ])("names the first wrong field of %j", (body, problem) => {
    expect(() => parseJobsPage(body, context)).toThrow(ModelArtsResponseError);
    expect(() => parseJobsPage(body, context)).toThrow(problem);
    expect(() => parseJobsPage(body, context)).toThrow("(request id req-1)");
  });
});

describe("apiFailureOf", () => {
  it("reads ModelArts bodies with error_message or the older error_msg, and gateway bodies", () => {
    expect(apiFailureOf({ is_success: false, error_code: "ModelArts.0104", error_message: "bad" })).toEqual({
      errorCode: "ModelArts.0104",
      errorMessage: "bad",
      requestId: undefined,
    });
    expect(
      apiFailureOf({ is_success: false, error_code: "ModelArts.0104", error_msg: "old" })?.errorMessage,
    ).toBe("old");
    expect(apiFailureOf({ error_code: "APIGW.0301", error_msg: "sig", request_id: "r9" })).toEqual({
      errorCode: "APIGW.0301",
      errorMessage: "sig",
      requestId: "r9",
    });
  });

  it("sees no failure in a success body or a non-object", () => {
    expect(apiFailureOf({ is_success: true, jobs: [] })).toBeUndefined();
    expect(apiFailureOf([1, 2])).toBeUndefined();
    expect(apiFailureOf("text")).toBeUndefined();
  });
});

describe("parseProjectIds", () => {
  it("lists the ids of an IAM projects body, and refuses another shape", () => {
    expect(
      parseProjectIds({ projects: [{ id: "p1", name: "cn-north-4" }] }, { operation: "GET /v3/projects" }),
    ).toEqual(["p1"]);
    expect(() => parseProjectIds({ items: [] }, { operation: "GET /v3/projects" })).toThrow(
      ModelArtsResponseError,
    );
  });
});
