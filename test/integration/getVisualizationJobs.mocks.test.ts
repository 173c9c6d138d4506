/**
 * The program-side functions inside a Pulumi program run by `pulumi.runtime.setMocks` (in a file of
 * its own: the mocks are process-global), against the emulator over real sockets: the Output form,
 * previews with unknown inputs or dependencies, stack config before the environment, and the
 * singular form's errors.
 */
import * as pulumi from "@pulumi/pulumi";
import { demoJobs, type RunningEmulator, startEmulator } from "../../emulator";
import {
  getVisualizationJob,
  getVisualizationJobOutput,
  getVisualizationJobs,
  getVisualizationJobsOutput,
  ModelArtsAmbiguousMatchError,
  ModelArtsError,
  ModelArtsNoMatchError,
  ModelArtsValidationError,
} from "../../sdk/nodejs";
import { failure } from "../support/failure";

/** Whether an Output is known, and its value (Output internals: what the engine would see). */
async function settle<T>(output: pulumi.Output<T>): Promise<{ known: boolean; value: T }> {
  const internal = output as unknown as { isKnown: Promise<boolean>; promise(): Promise<T> };
  return { known: await internal.isKnown, value: await internal.promise() };
}

function useMocks(preview: boolean) {
  pulumi.runtime.setMocks(
    {
      newResource: (args) => ({
        id: preview ? undefined : `${args.name}-id`,
        state: { ...args.inputs, label: preview ? undefined : `${args.name}-label` },
      }),
      call: () => ({}),
    },
    "project",
    "stack",
    preview,
  );
}

class Thing extends pulumi.CustomResource {
  declare readonly label: pulumi.Output<string>;
  constructor(name: string) {
    super("test:index:Thing", name, { label: undefined });
  }
}

describe("the lookup functions in a Pulumi program", () => {
  let emulator: RunningEmulator;
  const saved = { ...process.env };

  beforeEach(async () => {
    emulator = await startEmulator({ jobs: demoJobs() });
    Object.assign(process.env, emulator.env);
    pulumi.runtime.setAllConfig({});
  });
  afterEach(async () => {
    process.env = { ...saved };
    await emulator.close();
  });

  it("returns the matching jobs from the Promise form and the Output form", async () => {
    useMocks(false);
    const plain = await getVisualizationJobs({ status: "RUNNING", nameRegex: "^speech-" });
    expect(plain.names).toEqual(["speech-whisper-tb", "speech-tts-mi"]);
    const output = await settle(
      getVisualizationJobsOutput({ status: pulumi.output("RUNNING"), nameRegex: "^speech-" }),
    );
    expect(output).toMatchObject({ known: true, value: { ids: plain.ids, serviceUrls: plain.serviceUrls } });
  });

  it("waits for dependsOn and for resource outputs among the inputs when they are known", async () => {
    useMocks(false);
    const thing = new Thing("thing");
    const result = await settle(
      getVisualizationJobOutput({ name: "vision-vit-b16-tb" }, { dependsOn: [thing] }),
    );
    expect(result).toMatchObject({ known: true, value: { jobId: 1003, statusName: "RUNNING" } });
  });

  it("is unknown in a preview, sending no request, when an input is unknown", async () => {
    useMocks(true);
    const thing = new Thing("thing");
    const result = await settle(getVisualizationJobsOutput({ name: thing.label }));
    expect(result.known).toBe(false);
    expect(emulator.requests).toHaveLength(0);
  });

  it("is unknown in a preview, sending no request, when a dependsOn resource is not created yet", async () => {
    useMocks(true);
    const thing = new Thing("thing");
    const result = await settle(getVisualizationJobsOutput({ status: "RUNNING" }, { dependsOn: thing }));
    expect(result.known).toBe(false);
    expect(emulator.requests).toHaveLength(0);
  });

  it("runs in a preview when every input is known, as data sources do", async () => {
    useMocks(true);
    const result = await settle(getVisualizationJobsOutput({ status: "RUNNING", limit: 2 }));
    expect(result).toMatchObject({ known: true, value: { ids: [1001, 1003] } });
  });

  it("takes settings from the stack config before the environment", async () => {
    useMocks(false);
    process.env.HW_PROJECT_ID = "ffffffffffffffffffffffffffffffff";
    process.env.HW_SECRET_KEY = "wrong-secret-in-the-environment";
    pulumi.runtime.setAllConfig(
      {
        "huaweicloud:projectId": emulator.settings.projectId,
        "huaweicloud:secretKey": emulator.settings.secretKey,
      },
      ["huaweicloud:secretKey"],
    );
    expect((await getVisualizationJobs({ status: 8 })).ids.length).toBe(13);
    pulumi.runtime.setAllConfig({});
    await expect(getVisualizationJobs({ status: 8 })).rejects.toThrow(/HTTP 401 APIGW\.0301/);
  });

  it("names the filters when the singular form finds no job", async () => {
    useMocks(false);
    const error = await failure(
      getVisualizationJob({ name: "no-such-tb", status: "RUNNING" }),
      ModelArtsNoMatchError,
    );
    expect(error.code).toBe("MODELARTS_NO_MATCH");
    expect(error.message).toBe(
      'getVisualizationJob found no visualization job matching name "no-such-tb", status "RUNNING". Check the filters, or list the candidates with getVisualizationJobs.',
    );
  });

  it("echoes an argument given as a secret as [secret], in the Output form's errors", async () => {
    useMocks(false);
    const output = getVisualizationJobOutput({
      name: pulumi.secret("payroll-forecast-tb"),
      status: "RUNNING",
    });
    const internal = output as unknown as Record<"isKnown" | "isSecret", Promise<boolean>> & {
      promise(): Promise<unknown>;
    };
    // Each of the Output's promises rejects with the same failure, awaited below.
    for (const p of [internal.isKnown, internal.isSecret]) p.catch(() => undefined);
    const error = await failure(internal.promise(), ModelArtsNoMatchError);
    expect(error.message).toContain('matching name "[secret]", status "RUNNING"');
    expect(error.message).not.toContain("payroll-forecast-tb");
  });

  it("cuts a long value in a message to 80 characters", async () => {
    useMocks(false);
    const error = await failure(getVisualizationJob({ name: "x".repeat(2_000_000) }), ModelArtsNoMatchError);
    expect(error.message.length).toBeLessThan(400);
    expect(error.message).toContain(`name "${"x".repeat(76)}...`);
  });

  it("lists the ids and names when the singular form finds several jobs", async () => {
    useMocks(false);
    const error = await failure(
      getVisualizationJob({ name: "recsys-two-tower-tb" }),
      ModelArtsAmbiguousMatchError,
    );
    expect(error.code).toBe("MODELARTS_AMBIGUOUS_MATCH");
    expect(error.jobs.map((j) => j.jobId)).toEqual([1020, 1021]);
    expect(error.message).toContain(
      'found 2 visualization jobs matching name "recsys-two-tower-tb": 1020 "recsys-two-tower-tb" (RUNNING), 1021 "recsys-two-tower-tb" (COMPLETED)',
    );
  });

  it("lets limit: 1 pick one of several", async () => {
    useMocks(false);
    const job = await getVisualizationJob({
      name: "recsys-two-tower-tb",
      sortBy: "create_time",
      order: "desc",
      limit: 1,
    });
    expect(job.jobId).toBe(1021);
  });

  it("points at the Output form when the Promise form is given Outputs", async () => {
    useMocks(false);
    const error = await failure(getVisualizationJobs({ name: pulumi.output("x") as unknown as string }));
    expect(error).toBeInstanceOf(ModelArtsValidationError);
    expect(error.message).toContain("call getVisualizationJobsOutput, which takes Inputs");
    expect(ModelArtsError.isInstance(error)).toBe(true);
  });
});
