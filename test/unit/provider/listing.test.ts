/**
 * The listing against servers that misreport, through an injected MockAgent: the checks that keep
 * a lookup from returning part of a listing, or from paging forever.
 */
import { MockAgent } from "undici";
import { MAX_LISTING_BYTES } from "../../../provider/listing/listing";
import { runLookup } from "../../../provider/lookup/lookup";
import { ModelArtsResponseError } from "../../../provider/support/errors";
import { failure } from "../../support/failure";
import { MOCK_ORIGIN, mockEnv } from "../../support/mockApi";

const ORIGIN = MOCK_ORIGIN;
const ENV = mockEnv("listing-test-secret");
const job = (id: number) => ({ job_id: id, job_name: `j${id}`, status: 8 });

function serverAnswering(answer: (page: number, perPage: number) => object): {
  agent: MockAgent;
  pages: number[];
} {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const pages: number[] = [];
  agent
    .get(ORIGIN)
    .intercept({ path: () => true })
    .reply(200, (options) => {
      const url = new URL(String(options.path), ORIGIN);
      const page = Number(url.searchParams.get("page"));
      pages.push(page);
      return JSON.stringify(answer(page, Number(url.searchParams.get("per_page"))));
    })
    .persist();
  return { agent, pages };
}

const run = (agent: MockAgent, args: object = {}) =>
  runLookup(args, "x", { env: ENV, dispatcher: agent, cache: false });

describe("listing", () => {
  it("ends a listing whose pages add up to more than 256 MiB, saying to narrow it", async () => {
    // 18 pages of 1,000 jobs with 15,000-character names: each page under its own bound (16 MiB),
    // 271 MB together.
    const name = "n".repeat(15_000);
    const body = (page: number) =>
      JSON.stringify({
        job_total_count: 18_000,
        jobs: Array.from({ length: 1000 }, (_, i) => ({
          job_id: (page - 1) * 1000 + i,
          job_name: name,
          status: 8,
        })),
      });
    const first = body(1);
    const bodies = new MockAgent();
    bodies.disableNetConnect();
    bodies
      .get(ORIGIN)
      .intercept({ path: () => true })
      .reply(200, (options) =>
        new URL(String(options.path), ORIGIN).searchParams.get("page") === "1" ? first : body(2),
      )
      .persist();
    const error = await failure(run(bodies, { pageSize: 1000 }));
    expect(error).toBeInstanceOf(ModelArtsResponseError);
    expect(error.message).toContain(`answered more than ${MAX_LISTING_BYTES / 1024 / 1024} MiB of pages`);
    expect(error.message).toContain("Narrow the lookup (status, searchContent)");
  });

  it("refuses a total that would take more pages than a listing may, after one request", async () => {
    const { agent, pages } = serverAnswering(() => ({
      job_total_count: 1_000_000_000,
      jobs: [job(1), job(2)],
    }));
    const error = await failure(run(agent));
    expect(error).toBeInstanceOf(ModelArtsResponseError);
    expect(error.message).toContain(
      "reported job_total_count 1000000000 with 2 jobs a page: 500000000 pages, more than the 10000",
    );
    expect(pages).toEqual([1]);
  });

  it("reports a server that ignores the page parameter, after listing again", async () => {
    const { agent, pages } = serverAnswering(() => ({ job_total_count: 4, jobs: [job(1), job(2)] }));
    const error = await failure(run(agent, { pageSize: 2 }));
    expect(error.message).toContain("job_total_count was 4, but the 2 pages held 4 jobs, 2 of them distinct");
    expect(pages).toEqual([1, 2, 1, 2, 1, 2, 1, 2]);
  });

  it("lists again when a job shows on two pages and another on none (a job deleted while paging)", async () => {
    // Ids still in order but one repeated: the count matches, the ids do not.
    const { agent, pages } = serverAnswering((page) => ({
      job_total_count: 4,
      jobs: page === 1 ? [job(1), job(2)] : [job(2), job(4)],
    }));
    const error = await failure(run(agent, { pageSize: 2 }));
    expect(error.message).toContain("job_total_count was 4, but the 2 pages held 4 jobs, 3 of them distinct");
    expect(pages).toEqual([1, 2, 1, 2, 1, 2, 1, 2]);
  });

  it("reports a first page that is empty though the total says otherwise", async () => {
    const { agent } = serverAnswering(() => ({ job_total_count: 3, jobs: [] }));
    expect((await failure(run(agent))).message).toContain("page 1 held no job though job_total_count was 3");
  });

  it("pages a server that returns fewer jobs than asked at the size it returns", async () => {
    const all = Array.from({ length: 7 }, (_, i) => job(i + 1));
    const { agent } = serverAnswering((page, perPage) => {
      const size = Math.min(perPage, 3);
      return { job_total_count: 7, jobs: all.slice((page - 1) * size, page * size) };
    });
    expect((await run(agent)).ids).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
