/**
 * The core query over real sockets against the emulator: filters, sorting, paging, the page-size
 * cap, faults, authentication failures, IAM discovery and jobs that change while a listing is paged.
 */

import { demoJobs, generateJobs } from "../../emulator";
import type { EmulatorJob } from "../../emulator/jobStore";
import { ListingCache } from "../../provider/listing/listingCache";
import {
  ModelArtsApiError,
  ModelArtsResponseError,
  ModelArtsValidationError,
} from "../../provider/support/errors";
import { failure } from "../support/failure";
import { lookup, useEmulator } from "./helpers";

const idsWhere = (jobs: EmulatorJob[], keep: (j: EmulatorJob) => boolean) =>
  jobs
    .filter(keep)
    .map((j) => j.jobId)
    .sort((a, b) => a - b);

describe("lookup against the emulator: filters and order", () => {
  const emulator = useEmulator({ jobs: demoJobs() });

  it("lists every job when no filter is given, with counts as the API reports them", async () => {
    const result = await lookup(emulator());
    expect(result.ids).toEqual(idsWhere(emulator().jobs(), () => true));
    expect(result.totalCount).toBe(30);
    expect(result.jobCountLimit).toBeGreaterThan(0);
    expect(result.quotas).toBe(100);
  });

  it("filters by one status, and by several as their union (one listing per status)", async () => {
    const running = await lookup(emulator(), { status: "RUNNING" });
    expect(running.ids).toEqual(idsWhere(emulator().jobs(), (j) => j.status === 8));
    expect(running.jobs.every((j) => j.statusName === "RUNNING")).toBe(true);

    emulator().requests.length = 0;
    const several = await lookup(emulator(), { status: ["FAILED", "CANCELED", 8] });
    expect(several.ids).toEqual(idsWhere(emulator().jobs(), (j) => [8, 11, 13].includes(j.status)));
    expect(several.totalCount).toBe(several.ids.length);
    expect(
      emulator()
        .listRequests()
        .map((r) => r.query.status)
        .sort(),
    ).toEqual(["11", "13", "8"]);
  });

  it("finds jobs by exact name, narrowed on the server by search_content", async () => {
    const result = await lookup(emulator(), { name: "vision-resnet50-tb" });
    expect(result.names).toEqual(["vision-resnet50-tb", "vision-resnet50-tb"]);
    expect(emulator().listRequests()[0]!.query.search_content).toBe("vision-resnet50-tb");
  });

  it("matches a name pattern and a status together, and cuts to the limit after filtering", async () => {
    const result = await lookup(emulator(), { nameRegex: "^(nlp|speech)-", status: "RUNNING", limit: 3 });
    const expected = idsWhere(
      emulator().jobs(),
      (j) => /^(nlp|speech)-/.test(j.jobName) && j.status === 8,
    ).slice(0, 3);
    expect(result.ids).toEqual(expected);
    expect(result.serviceUrls).toEqual(expected.map((id) => `${emulator().url}/visualization/${id}/`));
  });

  it.each(["job_id", "job_name", "job_desc", "create_time", "status"] as const)(
    "orders by %s in both directions, ties by job id",
    async (sortBy) => {
      const field = {
        job_id: "jobId",
        job_name: "jobName",
        job_desc: "jobDesc",
        create_time: "createTime",
        status: "status",
      }[sortBy];
      for (const order of ["asc", "desc"] as const) {
        const result = await lookup(emulator(), { sortBy, order, pageSize: 7 });
        const sign = order === "asc" ? 1 : -1;
        const expected = [...emulator().jobs()]
          .sort((a, b) => {
            const ka = a[field as keyof EmulatorJob] as string | number;
            const kb = b[field as keyof EmulatorJob] as string | number;
            return ka < kb ? -sign : ka > kb ? sign : a.jobId - b.jobId;
          })
          .map((j) => j.jobId);
        expect(result.ids).toEqual(expected);
      }
    },
  );

  it("passes searchContent and workspaceId to the server", async () => {
    emulator().putJobs({ jobId: 5000, jobName: "other-space-tb", workspaceId: "ws-2" });
    expect((await lookup(emulator(), { workspaceId: "ws-2" })).ids).toEqual([5000]);
    expect((await lookup(emulator(), { searchContent: "RESNET" })).ids).toEqual([1001, 1002]);
  });

  it("reports the server's refusal of an unknown workspace with the hint", async () => {
    const error = await failure(lookup(emulator(), { workspaceId: "no-such-space" }));
    expect(error).toBeInstanceOf(ModelArtsApiError);
    expect(error.message).toMatch(
      /HTTP 400 ModelArts\.0102 Workspace no-such-space does not exist \(request id emu-.*\)\. Check workspaceId/,
    );
  });

  it("validates arguments before sending any request", async () => {
    const error = await failure(lookup(emulator(), { pageSize: 0, status: "NAPPING" }));
    expect(error).toBeInstanceOf(ModelArtsValidationError);
    expect(error.message).toContain("pageSize must be an integer from 1 to 1000, got 0");
    expect(emulator().requests).toHaveLength(0);
  });

  it("reads numbers sent as numeric strings", async () => {
    emulator().setNumbersAsStrings(true);
    const result = await lookup(emulator(), { status: 8 });
    expect(result.ids.length).toBeGreaterThan(0);
    expect(typeof result.jobs[0]!.createTime).toBe("number");
    expect(result.totalCount).toBe(result.ids.length);
  });

  it("shares one listing between identical lookups when given a cache", async () => {
    const cache = new ListingCache();
    const [a, b] = await Promise.all([
      lookup(emulator(), { status: 8 }, { cache }),
      lookup(emulator(), { status: 8 }, { cache }),
    ]);
    await lookup(emulator(), { status: 8, nameRegex: "vision" }, { cache });
    expect(a).toEqual(b);
    expect(emulator().listRequests()).toHaveLength(1);
  });
});

describe("lookup against the emulator: paging", () => {
  const jobs = generateJobs(2_345, { seed: 7 });
  const emulator = useEmulator({ jobs });

  it("fetches every page: page 1, then the rest", async () => {
    const result = await lookup(emulator(), { pageSize: 500 });
    expect(result.ids).toEqual(jobs.map((j) => j.jobId));
    expect(new Set(result.ids).size).toBe(2_345);
    const pages = emulator()
      .listRequests()
      .map((r) => Number(r.query.page));
    expect(pages[0]).toBe(1);
    expect([...pages].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
  });

  it("adapts to a server that caps the page size (the doc's older 1..100 limit)", async () => {
    emulator().setMaxPageSize(100);
    const result = await lookup(emulator(), { status: 8 });
    expect(result.ids).toEqual(idsWhere(emulator().jobs(), (j) => j.status === 8));
    const perPage = emulator()
      .listRequests()
      .map((r) => r.query.per_page);
    expect(perPage[0]).toBe("1000");
    expect(perPage.slice(1).every((p) => p === "100")).toBe(true);
  });

  it("lists again when jobs are created while it pages, and loses no job", async () => {
    let created = 0;
    emulator().onListRequest((request) => {
      if (request.query.page === "3" && created < 2) {
        emulator().putJobs({ jobId: 900_000 + created, jobName: `late-${created}`, status: 8 });
        created++;
      }
    });
    const result = await lookup(emulator(), { pageSize: 400 });
    expect(result.ids).toEqual(idsWhere(emulator().jobs(), () => true));
    expect(result.ids).toContain(900_001);
    expect(new Set(result.ids).size).toBe(result.ids.length);
  });

  it("lists again when jobs are deleted while it pages, and loses none that existed throughout", async () => {
    const before = idsWhere(emulator().jobs(), () => true);
    let deleted = false;
    emulator().onListRequest((request) => {
      if (request.query.page === "2" && !deleted) {
        emulator().removeJob(before[10]!);
        emulator().removeJob(before[2000]!);
        deleted = true;
      }
    });
    const result = await lookup(emulator(), { pageSize: 400 });
    expect(result.ids).toEqual(before.filter((id) => id !== before[10] && id !== before[2000]));
  });

  it("lists again when a job changes status while a status listing pages", async () => {
    const running = idsWhere(emulator().jobs(), (j) => j.status === 8);
    let changed = false;
    emulator().onListRequest((request) => {
      if (request.query.page === "2" && !changed) {
        emulator().updateJob(running[0]!, { status: 10 });
        changed = true;
      }
    });
    const result = await lookup(emulator(), { status: "RUNNING", pageSize: 200 });
    expect(result.ids).toEqual(running.slice(1));
  });

  it("reports a listing that never holds still instead of returning part of it", async () => {
    let next = 800_000;
    emulator().onListRequest((request) => {
      if (request.query.page === "2") emulator().putJobs({ jobId: next++, jobName: "churn" });
    });
    const error = await failure(lookup(emulator(), { pageSize: 1000 }));
    expect(error).toBeInstanceOf(ModelArtsResponseError);
    expect(error.message).toMatch(
      /gave pages that disagree, 4 listings in a row: job_total_count was \d+ on page 1 but \d+ on page 2/,
    );
  });
});
