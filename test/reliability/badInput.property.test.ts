/**
 * Bad input of any kind, generated (fast-check): random argument objects are accepted or refused
 * with a ModelArtsValidationError naming a field, before any request; random and mutated response
 * bodies end in a correct result or a ModelArtsError, never another exception.
 */
import fc from "fast-check";
import { MockAgent } from "undici";
import { parseQueryArgs, QUERY_ARGUMENT_NAMES } from "../../provider/boundary/queryArguments";
import { runLookup } from "../../provider/lookup/lookup";
import { ModelArtsError, ModelArtsValidationError } from "../../provider/support/errors";
import { failure } from "../support/failure";
import { MOCK_ORIGIN, mockEnv } from "../support/mockApi";

const ORIGIN = MOCK_ORIGIN;
const ENV = mockEnv("property-test-secret");
const KNOWN = QUERY_ARGUMENT_NAMES;

/** Values of every JSON type and a few others, biased towards the edges of each rule. */
const anyValue = fc.oneof(
  fc.constantFrom(
    "RUNNING",
    "running",
    "JOBSTAT_FAILED",
    "8",
    "",
    "(",
    "job_name",
    "asc",
    "desc",
    "x".repeat(65),
    "x".repeat(101),
    0,
    1,
    1000,
    1001,
    -1,
    1.5,
    Number.NaN,
  ),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 4 }),
  fc.object({ maxDepth: 2 }),
);
const argsObject = fc.dictionary(fc.oneof(fc.constantFrom(...KNOWN), fc.string({ maxLength: 8 })), anyValue, {
  maxKeys: 6,
});

describe("arguments", () => {
  it("are accepted, or refused with a validation error naming a field, never a TypeError", () => {
    fc.assert(
      fc.property(fc.oneof(argsObject, anyValue), (args) => {
        try {
          parseQueryArgs(args, "getVisualizationJobs");
        } catch (e) {
          expect(e).toBeInstanceOf(ModelArtsValidationError);
          const issues = (e as ModelArtsValidationError).issues;
          expect(issues.length).toBeGreaterThan(0);
          for (const issue of issues)
            expect(issue.message).toContain(issue.field === "(arguments)" ? "arguments" : issue.field);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("that are invalid never cause a request", async () => {
    const agent = new MockAgent();
    agent.disableNetConnect(); // any request would fail with a network error, not a validation error
    await fc.assert(
      fc.asyncProperty(argsObject, async (args) => {
        let valid = true;
        try {
          parseQueryArgs(args, "x");
        } catch {
          valid = false;
        }
        fc.pre(!valid);
        await failure(
          runLookup(args, "x", { env: ENV, dispatcher: agent, cache: false }),
          ModelArtsValidationError,
        );
      }),
      { numRuns: 300 },
    );
  });
});

/** A valid page, then mutated: a field dropped, retyped, enlarged, nested or the whole body replaced. */
const validBody = fc.record({
  is_success: fc.constant(true),
  job_total_count: fc.constant(2),
  jobs: fc.constant([
    {
      job_id: 1,
      job_name: "a",
      status: 8,
      create_time: 1,
      duration: 2,
      service_url: "u",
      train_url: "t",
      resource_id: "r",
      job_desc: "",
    },
    { job_id: 2, job_name: "b", status: 10 },
  ]),
});
const junk = fc.oneof(
  fc.constantFrom(null, "", "1e400", 2 ** 60, -1, 1.5, "12abc", true, [], {}, "9".repeat(30)),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 6 }),
);
const mutatedBody = fc.oneof(
  validBody.map((b) => JSON.stringify(b)),
  fc
    .tuple(
      validBody,
      fc.constantFrom("is_success", "job_total_count", "jobs", "job_count_limit", "quotas"),
      junk,
    )
    .map(([b, k, v]) => JSON.stringify({ ...b, [k]: v })),
  fc
    .tuple(
      validBody,
      fc.constantFrom("job_id", "job_name", "status", "create_time", "duration", "service_url"),
      junk,
    )
    .map(([b, k, v]) => JSON.stringify({ ...b, jobs: [{ ...b.jobs[0], [k]: v }, b.jobs[1]] })),
  fc.tuple(validBody, fc.constantFrom("job_id", "job_name", "status")).map(([b, k]) => {
    const { [k as keyof (typeof b.jobs)[0]]: _, ...rest } = b.jobs[0]!;
    return JSON.stringify({ ...b, jobs: [rest, b.jobs[1]] });
  }),
  fc.jsonValue({ maxDepth: 8 }).map((v) => JSON.stringify(v)),
  fc.string(),
  fc.constantFrom("", "{", "[[[[[[[[[[", "null", '{"jobs": null}', `${"[".repeat(5000)}${"]".repeat(5000)}`),
);

describe("response bodies", () => {
  it("end in a correct result or a ModelArtsError, never another exception", async () => {
    await fc.assert(
      fc.asyncProperty(mutatedBody, fc.constantFrom(200, 400, 500), async (body, status) => {
        const agent = new MockAgent();
        agent.disableNetConnect();
        agent
          .get(ORIGIN)
          .intercept({ path: () => true })
          .reply(status, body)
          .persist();
        const outcome = await runLookup({}, "x", {
          env: { ...ENV, HW_MAX_RETRIES: "0" },
          dispatcher: agent,
          cache: false,
        }).then(
          (result) => ({ result }),
          (error: unknown) => ({ error }),
        );
        if ("error" in outcome) {
          expect(ModelArtsError.isInstance(outcome.error)).toBe(true);
        } else {
          // Only a 200 whose body still has the documented shape, with its two distinct jobs, succeeds.
          expect(status).toBe(200);
          expect(outcome.result.ids).toHaveLength(2);
          expect(new Set(outcome.result.ids).size).toBe(2);
          expect(outcome.result.totalCount).toBe(2);
        }
        await agent.close();
      }),
      { numRuns: 400 },
    );
  });
});
