/**
 * Fidelity to the API beyond its one doc page: servers that refuse `per_page` above 100 (Huawei's
 * SDK reference) or take `search_content` up to 100 characters (the server's own message), the job
 * fields real answers carry (`job_type`, `flavor`, `schedule`, `remaining_duration`), and Open
 * Telekom Cloud's endpoints. Each variant is played by the emulator over real sockets.
 */
import { demoJobs, generateJobs, startEmulator } from "../../emulator";
import { resetSharedState } from "../../provider/lookup/lookup";
import { resolveSettings } from "../../provider/settings/settings";
import { ModelArtsApiError, ModelArtsValidationError } from "../../provider/support/errors";
import { failure } from "../support/failure";
import { lookup, useEmulator } from "./helpers";

afterEach(() => resetSharedState());

describe("a server that refuses per_page above 100", () => {
  const emulator = useEmulator({ jobs: generateJobs(350, { seed: 3 }), refusePageSizeAbove: 100 });

  it("still returns every job: per_page=1000 refused once, then pages of 100, remembered for the endpoint", async () => {
    const logs: string[] = [];
    const logger = { debug: (m: string) => logs.push(m), warn: (m: string) => logs.push(m) };
    const result = await lookup(emulator(), {}, { logger });
    expect(result.ids).toEqual(
      emulator()
        .jobs()
        .map((j) => j.jobId),
    );
    const asked = emulator()
      .listRequests()
      .map((r) => [r.query.per_page, r.status]);
    expect(asked).toEqual([
      ["1000", 400],
      ["100", 200],
      ["100", 200],
      ["100", 200],
      ["100", 200],
    ]);
    expect(
      logs.some((l) => l.includes("refused per_page=1000") && l.includes("asking 100 a page from now on")),
    ).toBe(true);

    // The next lookup of the same endpoint asks 100 at once.
    const again = await lookup(emulator(), { status: "RUNNING" });
    expect(again.jobs.every((j) => j.status === 8)).toBe(true);
    expect(
      emulator()
        .listRequests()
        .slice(5)
        .every((r) => r.query.per_page === "100"),
    ).toBe(true);
  });
});

describe("search_content above the doc page's 64 characters", () => {
  const long = `vision-${"x".repeat(73)}`; // 80 characters

  it("is sent, and answered, by a server that takes 100", async () => {
    const emulator = await startEmulator({
      jobs: [
        { jobId: 1, jobName: long },
        { jobId: 2, jobName: "other" },
      ],
      maxSearchContent: 100,
    });
    try {
      expect((await lookup(emulator, { searchContent: long })).ids).toEqual([1]);
      expect(emulator.listRequests()[0]!.query.search_content).toBe(long);
    } finally {
      await emulator.close();
    }
  });

  it("is refused by a server that takes 64 as a validation error of searchContent", async () => {
    const emulator = await startEmulator({ jobs: demoJobs() });
    try {
      const error = await failure(lookup(emulator, { searchContent: long }), ModelArtsValidationError);
      expect(error.issues).toEqual([
        expect.objectContaining({
          field: "searchContent",
          message: expect.stringContaining("searchContent was refused by the server (ModelArts.0104"),
        }),
      ]);
      expect(error.message).toContain("search_content length must be in [0,64]");
    } finally {
      await emulator.close();
    }
  });

  it.each([
    ["Invalid search content.", "vision"],
    ["searchContent is too long", "vision"],
    ["Invalid parameter.", long],
  ])(
    "a 0104 worded %j, for a search of %j, is a validation error of searchContent",
    async (wording, search) => {
      const emulator = await startEmulator({ jobs: demoJobs(), maxSearchContent: 100 });
      try {
        emulator.injectFault({
          kind: "apiFailure",
          status: 400,
          errorCode: "ModelArts.0104",
          errorMessage: wording,
        });
        const error = await failure(lookup(emulator, { searchContent: search }), ModelArtsValidationError);
        expect(error.issues.map((i) => i.field)).toEqual(["searchContent"]);
      } finally {
        await emulator.close();
      }
    },
  );

  it("a 0104 naming nothing, for a short search, stays the API's error, its hint naming searchContent", async () => {
    const emulator = await startEmulator({ jobs: demoJobs() });
    try {
      emulator.injectFault({
        kind: "apiFailure",
        status: 400,
        errorCode: "ModelArts.0104",
        errorMessage: "Invalid parameter.",
      });
      const error = await failure(lookup(emulator, { searchContent: "vision" }), ModelArtsApiError);
      expect(error.message).toContain(
        "check the lookup's arguments (workspaceId, status, sortBy, searchContent)",
      );
    } finally {
      await emulator.close();
    }
  });

  it("over 100 is refused before any request", async () => {
    const error = await failure(
      lookup({ env: {} } as never, { searchContent: "x".repeat(101) }),
      ModelArtsValidationError,
    );
    expect(error.message).toContain("searchContent must be a string of at most 100 characters");
  });
});

describe("the job fields real answers carry", () => {
  const emulator = useEmulator({ jobs: demoJobs() });

  it("are exposed on each job: jobType, flavor, schedule, remainingDuration (absent when null)", async () => {
    const result = await lookup(emulator(), { name: "nlp-tokenizer-mi" });
    expect(result.jobs[0]).toMatchObject({
      jobType: "mindinsight",
      flavor: { code: "modelarts.vm.cpu.2u" },
      schedule: [{ type: "stop", timeUnit: "HOURS", duration: 4 }],
      remainingDuration: expect.any(Number),
    });
    const stopped = await lookup(emulator(), { name: "nlp-t5-small-tb" });
    expect(stopped.jobs[0]).not.toHaveProperty("remainingDuration");
  });

  it("tolerate timeUnit as well as time_unit, a single rule, numbers as strings, and nulls", async () => {
    emulator().setJobs([
      {
        jobId: 1,
        jobName: "a",
        schedule: [{ type: "stop", timeUnit: "MINUTES", duration: "30" }],
        remainingDuration: 1_800_000.5,
      },
      { jobId: 2, jobName: "b", schedule: [{ time_unit: null, duration: null }], remainingDuration: null },
      { jobId: 3, jobName: "c" },
    ]);
    emulator().setNumbersAsStrings(true);
    const result = await lookup(emulator());
    expect(result.jobs[0]).toMatchObject({
      schedule: [{ type: "stop", timeUnit: "MINUTES", duration: 30 }],
      remainingDuration: 1_800_000.5,
    });
    expect(result.jobs[1]!.schedule).toEqual([{}]);
    expect(result.jobs[1]).not.toHaveProperty("remainingDuration");
    expect(Object.keys(result.jobs[2]!)).not.toEqual(
      expect.arrayContaining(["jobType", "flavor", "schedule"]),
    );
  });
});

describe("Open Telekom Cloud (the same API at otc.t-systems.com)", () => {
  it("builds the ModelArts endpoint and the IAM URL from HW_CLOUD and the region", () => {
    const settings = resolveSettings({}, () => undefined, {
      HW_ACCESS_KEY: "AK",
      HW_SECRET_KEY: "SK-otc-test",
      HW_REGION_NAME: "eu-de",
      HW_CLOUD: "otc.t-systems.com",
    });
    expect(settings.endpoint).toBe("https://modelarts.eu-de.otc.t-systems.com");
    expect(settings.authUrl).toBe("https://iam.eu-de.otc.t-systems.com/v3");
  });
});
