/**
 * End-to-end: each example run by the real Pulumi engine (CLI, file backend, the real
 * dynamic-provider plugin) against the emulator: preview, up, refresh after the jobs changed, up
 * again, destroy; the stack outputs, the resources' state, and no credential in the state.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  createExampleStack,
  type ExampleStack,
  findPulumiCli,
  HOW_TO_GET_PULUMI,
} from "../../demo/exampleStack";
import { demoJobs, type RunningEmulator, startEmulator } from "../../emulator";

const cli = findPulumiCli();
if (cli === undefined) process.stdout.write(`e2e tests skipped: ${HOW_TO_GET_PULUMI}\n`);
const describeWithPulumi = cli === undefined ? describe.skip : describe;

jest.setTimeout(180_000);

describeWithPulumi("the examples with the real Pulumi engine", () => {
  let emulator: RunningEmulator;
  let example: ExampleStack | undefined;

  beforeEach(async () => {
    emulator = await startEmulator({ jobs: demoJobs() });
  });
  afterEach(async () => {
    example?.cleanup();
    example = undefined;
    await emulator.close();
  });

  /**
   * The state as stored holds none of the emulator's credentials. (`exportStack` shows secrets in
   * plain text, so the stored file is what is searched.) Returns the stored state.
   */
  async function expectNoCredentialsInState(stack: ExampleStack): Promise<string> {
    const state = readFileSync(stack.stateFile, "utf8");
    expect(state).toContain('"resources"');
    const s = emulator.settings;
    for (const credential of [s.accessKey, s.secretKey, s.token]) expect(state).not.toContain(credential);
    return state;
  }

  it("tensorboard-urls: looks up running jobs in preview and up, feeds their URLs to a dashboard, follows a stopped job", async () => {
    example = await createExampleStack("tensorboard-urls", emulator, { team: "vision" });
    const { stack, workDir } = example;
    const dashboard = join(workDir, "dashboard.html");
    await stack.setConfig("modelarts-tensorboard-urls:dashboardPath", { value: dashboard });

    const preview = await stack.preview();
    expect(preview.changeSummary).toMatchObject({ create: 2 });
    expect(emulator.listRequests().length).toBeGreaterThan(0); // the lookup runs during previews too

    const up = await stack.up();
    expect(up.outputs.jobNames!.value).toEqual(["vision-dino-tb", "vision-resnet50-tb", "vision-vit-b16-tb"]);
    expect(up.outputs.serviceUrls!.value).toEqual(
      [1007, 1001, 1003].map((id) => `${emulator.url}/visualization/${id}/`),
    );
    expect(up.outputs.reachable!.value).toBe(3);
    expect(readFileSync(dashboard, "utf8")).toContain(
      `<a href="${emulator.url}/visualization/1003/">vision-vit-b16-tb</a> (HTTP 200)`,
    );
    await expectNoCredentialsInState(example);

    emulator.updateJob(1003, { status: 10 });
    await stack.refresh();
    const again = await stack.up();
    expect(again.summary.resourceChanges).toMatchObject({ update: 1 });
    expect(again.outputs.jobNames!.value).toEqual(["vision-dino-tb", "vision-resnet50-tb"]);
    expect(readFileSync(dashboard, "utf8")).not.toContain("vision-vit-b16-tb");

    await stack.destroy();
    expect(existsSync(dashboard)).toBe(false);
    expect(emulator.requests.every((r) => r.method === "GET")).toBe(true);
  });

  it("single-job: feeds one job's URL into a probe that reaches it", async () => {
    example = await createExampleStack("single-job", emulator, { jobName: "vision-vit-b16-tb" });
    const { stack } = example;
    await stack.preview();
    const up = await stack.up();
    expect(up.outputs.jobId!.value).toBe(1003);
    expect(up.outputs.serviceUrl!.value).toBe(`${emulator.url}/visualization/1003/`);
    expect(up.outputs.httpStatus!.value).toBe(200);
    expect(up.outputs.pageTitle!.value).toBe("TensorBoard - vision-vit-b16-tb");
    await expectNoCredentialsInState(example);

    await stack.setConfig("modelarts-single-job:jobName", { value: "vision-dino-tb" });
    await stack.refresh();
    expect((await stack.up()).outputs.jobId!.value).toBe(1007);
    await stack.destroy();
  });

  it("single-job: a name that matches nothing fails the update with an error naming the filters", () => {
    const output = execFileSync(process.execPath, [join(__dirname, "noMatchUp.js")], { encoding: "utf8" });
    expect(output).not.toContain("UNEXPECTED SUCCESS");
    expect(output).toContain(
      'getVisualizationJob found no visualization job matching name "no-such-job", status "RUNNING". Check the filters',
    );
  });

  it("state-tracked: refresh picks up a job whose status changed; an argument change is an update, not a replace", async () => {
    example = await createExampleStack("state-tracked", emulator, { nameRegex: "^nlp-" });
    const { stack } = example;
    await stack.preview();
    const up = await stack.up();
    expect(up.outputs.ids!.value).toEqual([1008, 1010, 1013]);
    expect(up.outputs.totalCount!.value).toBe(13);

    // Nothing changed: the refresh says so.
    const calm = await stack.refresh();
    expect(calm.summary.resourceChanges).not.toHaveProperty("update");

    // A job stopped: the refresh shows the lookup as updated, as Pulumi users see drift.
    emulator.updateJob(1010, { status: 12 });
    const refresh = await stack.refresh();
    expect(refresh.summary.resourceChanges).toMatchObject({ update: 1 });
    expect(refresh.stdout).toMatch(/~\s+.*running-tensorboards\s+update/);
    const state = JSON.parse(await expectNoCredentialsInState(example));
    const lookup = state.checkpoint.latest.resources.find((r: { type: string }) =>
      r.type.endsWith("VisualizationJobsLookup"),
    );
    expect(lookup.outputs.ids).toEqual([1008, 1013]);
    expect(lookup.outputs.drift).toEqual({ appeared: [], disappeared: [1010], changed: [] });
    expect(lookup.outputs.__provider.length).toBeLessThan(4096);
    // The next up runs the lookup again and clears the drift; then all is calm.
    const settled = await stack.up();
    expect(settled.summary.resourceChanges).toMatchObject({ update: 1 });
    expect(settled.outputs.ids!.value).toEqual([1008, 1013]);
    expect(settled.outputs.drift!.value).toEqual({ appeared: [], disappeared: [], changed: [] });
    expect(settled.stdout).not.toContain("Undefined value");
    expect((await stack.preview()).changeSummary).not.toHaveProperty("update");

    await stack.setConfig("modelarts-state-tracked:nameRegex", { value: "^speech-" });
    const preview = await stack.preview();
    expect(preview.changeSummary).toMatchObject({ update: 1 });
    expect(preview.changeSummary.replace).toBeUndefined();
    const changed = await stack.up();
    expect(changed.outputs.names!.value).toEqual(["speech-whisper-tb", "speech-tts-mi"]);

    await stack.destroy();
    expect(emulator.requests.every((r) => r.method === "GET")).toBe(true);
  });
});
