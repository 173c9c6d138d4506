/**
 * The listing maps pages with a hand-written fast path (`npm run bench`: the description's zod schema
 * costs several times as much on 100 pages of 1,000 jobs). This holds the two equal: on generated
 * pages, valid and invalid, the fast path accepts exactly what the description's schema accepts.
 */
import { parseJobsPage } from "../../../provider/boundary/responseBodies";
import { WIRE_JOBS_PAGE } from "../../../provider/wire/description";
import { random } from "../../support/random";

/** Values a field may hold on the wire: valid for some fields, wrong for others. */
const VALUES: unknown[] = [
  undefined,
  null,
  0,
  8,
  -1,
  1.5,
  2 ** 53,
  9e15,
  8_640_000_000_000_000,
  Number.NaN,
  "8",
  "-3",
  "1.5",
  "12345678901234567",
  "",
  "x",
  true,
  [],
  {},
  { code: "c" },
  { code: 5 },
  [{ type: "stop", time_unit: "HOURS", duration: 4 }],
  [{ timeUnit: 5 }],
  { type: "stop", duration: "2.5" },
  [null],
  ["x"],
];

const FIELDS = [
  "job_id",
  "job_name",
  "job_desc",
  "status",
  "create_time",
  "duration",
  "service_url",
  "train_url",
  "resource_id",
  "job_type",
  "flavor",
  "schedule",
  "remaining_duration",
];

function validJob(i: number): Record<string, unknown> {
  return {
    job_id: 1000 + i,
    job_name: `job-${i}`,
    job_desc: "",
    status: 8,
    create_time: 1795165200000,
    duration: 0,
    service_url: "https://x/",
    train_url: "/obs/",
    resource_id: "r",
  };
}

function generatedPage(next: () => number): unknown {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const jobs: unknown[] = Array.from({ length: 1 + Math.floor(next() * 3) }, (_, i) => validJob(i));
  // Most pages break one thing: a job's field, the count, or the page's shape.
  const roll = next();
  if (roll < 0.7) (jobs[0] as Record<string, unknown>)[pick(FIELDS)] = pick(VALUES);
  if (roll >= 0.9 && roll < 0.95) jobs[0] = pick(VALUES);
  const page: Record<string, unknown> = { jobs, job_total_count: jobs.length };
  if (roll >= 0.7 && roll < 0.8) page.job_total_count = pick(VALUES);
  if (roll >= 0.8 && roll < 0.85) page.quotas = pick(VALUES);
  if (roll >= 0.85 && roll < 0.9) page.jobs = pick(VALUES);
  return roll >= 0.98 ? pick(VALUES) : page;
}

const accepts = (body: unknown) => {
  try {
    parseJobsPage(body, { operation: "test" });
    return true;
  } catch {
    return false;
  }
};

describe("the listing's page parser", () => {
  it("accepts exactly the pages the description's zod schema accepts (5,000 generated, valid and invalid)", () => {
    const next = random(20261203);
    const disagreements: string[] = [];
    let valid = 0;
    for (let n = 0; n < 5000; n++) {
      const page = generatedPage(next);
      const zod = WIRE_JOBS_PAGE.safeParse(page).success;
      if (zod) valid++;
      if (accepts(page) !== zod) disagreements.push(JSON.stringify(page));
    }
    expect(disagreements.slice(0, 3)).toEqual([]);
    // Both kinds are well represented, or the comparison would prove little.
    expect(valid).toBeGreaterThan(1000);
    expect(5000 - valid).toBeGreaterThan(1000);
  });
});
