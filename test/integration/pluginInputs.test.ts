/**
 * The plugin's provider with inputs as the engine encodes them (what `toJavaScript()` of the request
 * gives), against the emulator over real sockets: a resource reference or a value not known yet where
 * a filter belongs is a failure naming the argument and sends no request (never a lookup widened to
 * every job); an unknown value only waits in Check; a secret argument is never echoed.
 */
import { demoJobs, type RunningEmulator, startEmulator } from "../../emulator";
import { ModelArtsProvider } from "../../plugin/modelartsProvider";
import { TOKENS } from "../../plugin/schema";
import { resetSharedState } from "../../provider/lookup/lookup";

const SIGNATURE = "4dabf18193072939515e22adb298388d";
const secret = (value: unknown) => ({ [SIGNATURE]: "1b47061264138c4ac30d75fd1eb44270", value });
const unknownOutput = {
  [SIGNATURE]: "d0e6a833031e9bbcd3f4e8bde6ca49a4",
  dependencies: ["urn:pulumi:dev::p::t::r"],
};
const resourceReference = {
  [SIGNATURE]: "5cf8f73096256a8f31e491e813e4eb8e",
  urn: "urn:pulumi:dev::p::modelarts:index:VisualizationJobsLookup::other",
  id: "lookup-1",
};
const URN = "urn:pulumi:dev::p::modelarts:index:VisualizationJobsLookup::mine";

let emulator: RunningEmulator;
let provider: ModelArtsProvider;
beforeEach(async () => {
  emulator = await startEmulator({ jobs: demoJobs() });
  provider = new ModelArtsProvider("0.1.0", () => ({}), emulator.env);
  resetSharedState();
});
afterEach(() => emulator.close());

describe("inputs the engine wraps", () => {
  it("a resource reference as a filter fails the invoke and the check, naming the argument, with no request", async () => {
    const invoked = await provider.invoke(TOKENS.getVisualizationJobs, {
      name: resourceReference,
      status: "RUNNING",
    });
    expect(invoked.failures).toEqual([
      {
        property: "name",
        reason: expect.stringMatching(
          /^name is a resource reference \(urn:pulumi:dev::p::modelarts:index:VisualizationJobsLookup::other\): pass one of the resource's outputs/,
        ),
      },
    ]);
    const checked = await provider.check(URN, {}, { name: resourceReference });
    expect(checked.failures?.map((f) => f.property)).toEqual(["name"]);
    await expect(provider.create(URN, { name: resourceReference })).rejects.toThrow(
      /name is a resource reference/,
    );
    expect(emulator.requests).toEqual([]);
  });

  it("a value not known yet waits in a check, and fails an invoke instead of listing every job", async () => {
    const checked = await provider.check(URN, {}, { name: unknownOutput, status: "RUNING" });
    expect(checked.failures?.map((f) => f.property)).toEqual(["status"]);
    const invoked = await provider.invoke(TOKENS.getVisualizationJobs, { name: unknownOutput });
    expect(invoked.failures).toEqual([
      { property: "name", reason: expect.stringContaining("name is not known yet") },
    ]);
    expect(invoked.outputs).toEqual({});
    expect(emulator.requests).toEqual([]);
  });

  it("a known output value is its value, and a secret one is never echoed", async () => {
    const known = await provider.invoke(TOKENS.getVisualizationJobs, {
      name: { [SIGNATURE]: "d0e6a833031e9bbcd3f4e8bde6ca49a4", value: "speech-whisper-tb" },
    });
    expect(known.outputs.names).toEqual(["speech-whisper-tb", "speech-whisper-tb"]);
    const hidden = "payroll-forecast-tb";
    const none = provider.invoke(TOKENS.getVisualizationJob, { name: secret(hidden), status: "RUNNING" });
    await expect(none).rejects.toThrow(
      'MODELARTS_NO_MATCH: modelarts:index:getVisualizationJob found no visualization job matching name "[secret]"',
    );
    const badRegion = provider.invoke(TOKENS.getVisualizationJobs, { region: secret("not a region!") });
    await expect(badRegion).rejects.toThrow(
      'The region from the region argument must be a region name such as "cn-north-4", got "[secret]"',
    );
    const badRegex = await provider.invoke(TOKENS.getVisualizationJobs, {
      nameRegex: secret("(unclosed-secret"),
    });
    expect(badRegex.failures?.[0]?.reason).toContain('got "[secret]"');
  });

  it("a lookup resource given a secret name keeps every output derived from it secret, and plain inputs plain", async () => {
    const isSecret = (value: unknown) =>
      typeof value === "object" &&
      value !== null &&
      (value as Record<string, unknown>)[SIGNATURE] === secret(0)[SIGNATURE];
    const inputs = { name: secret("vision-resnet50-tb"), status: "RUNNING" };
    const created = await provider.create(URN, inputs);
    const outs = created.outs as Record<string, unknown>;
    expect(outs.status).toBe("RUNNING");
    for (const key of ["name", "names", "jobs", "ids", "serviceUrls", "totalCount"]) {
      expect({ key, secret: isSecret(outs[key]) }).toEqual({ key, secret: true });
    }
    expect(JSON.stringify((outs.names as { value: unknown }).value)).toContain("vision-resnet50-tb");
    // Refreshed from its state (secrets wrapped as the engine keeps them), and updated, the same.
    const read = await provider.read(created.id, URN, outs);
    expect(isSecret((read.props as Record<string, unknown>).names)).toBe(true);
    const updated = await provider.update(created.id, URN, outs, inputs);
    expect(isSecret((updated.outs as Record<string, unknown>).names)).toBe(true);
    // Without a secret input nothing is wrapped.
    const open = await provider.create(URN, { status: "RUNNING" });
    expect(isSecret((open.outs as Record<string, unknown>).names)).toBe(false);
  });

  it("a Read of a state changed outside Pulumi is an error naming the state, with no request", async () => {
    const read = provider.read("lookup-1", URN, { status: "RUNNING", jobs: [null], ids: [] });
    await expect(read).rejects.toThrow(
      "MODELARTS_VALIDATION: Invalid arguments to modelarts:index:VisualizationJobsLookup: jobs[0] in the state is not a job with a numeric jobId (got null)",
    );
    expect(emulator.requests).toEqual([]);
  });
});

describe("status and statuses, as the Go and Python SDKs type them", () => {
  const statusesOf = (outputs: Record<string, unknown>) =>
    new Set((outputs.jobs as Array<{ statusName: string }>).map((j) => j.statusName));

  it("an invoke lists the union of the one status and the list", async () => {
    const both = await provider.invoke(TOKENS.getVisualizationJobs, {
      status: "RUNNING",
      statuses: ["WAITING"],
    });
    expect(both.failures ?? []).toEqual([]);
    expect(statusesOf(both.outputs)).toEqual(new Set(["RUNNING", "WAITING"]));
    const running = await provider.invoke(TOKENS.getVisualizationJobs, { status: "RUNNING" });
    const waiting = await provider.invoke(TOKENS.getVisualizationJobs, { statuses: ["WAITING"] });
    expect((both.outputs.ids as number[]).length).toBe(
      (running.outputs.ids as number[]).length + (waiting.outputs.ids as number[]).length,
    );
  });

  it("a bad element is named where it was written: statuses[1], or a repeat of status in statuses[0]", async () => {
    const misspelt = await provider.check(URN, {}, { statuses: ["RUNNING", "RUNING"] });
    expect(misspelt.failures).toEqual([
      { property: "statuses", reason: expect.stringMatching(/^statuses\[1\] must be a status name/) },
    ]);
    const repeated = await provider.invoke(TOKENS.getVisualizationJobs, { status: "RUNNING", statuses: [8] });
    expect(repeated.failures).toEqual([
      {
        property: "statuses",
        reason: expect.stringMatching(/^statuses\[0\] repeats .*: give each status once, got 8$/),
      },
    ]);
    const single = await provider.check(URN, {}, { status: "RUNING", statuses: ["WAITING"] });
    expect(single.failures?.map((f) => f.property)).toEqual(["status"]);
    expect(emulator.requests).toEqual([]);
  });

  it("a lookup resource keeps status and statuses as given, so that Go reads status back as one JobStatus", async () => {
    const created = await provider.create(URN, { status: "RUNNING", statuses: ["WAITING"] });
    const outs = created.outs as Record<string, unknown>;
    expect({ status: outs.status, statuses: outs.statuses }).toEqual({
      status: "RUNNING",
      statuses: ["WAITING"],
    });
    expect(statusesOf(outs)).toEqual(new Set(["RUNNING", "WAITING"]));
    const read = await provider.read(created.id, URN, outs);
    expect(read.inputs).toEqual({ status: "RUNNING", statuses: ["WAITING"] });
    const diff = await provider.diff(created.id, URN, outs, {
      status: "RUNNING",
      statuses: ["WAITING", "KILLED"],
    });
    expect(diff.changes).toBe(true);
  });
});
