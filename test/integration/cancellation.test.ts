/**
 * Lookups stop when their caller stops: the plugin's Cancel (the engine's answer to Ctrl-C) and the
 * Terraform provider's StopProvider end a lookup in flight at once, with a ModelArtsCancelledError,
 * instead of letting it run to its timeout; the requests in flight are cancelled.
 */
import { demoJobs, type RunningEmulator, startEmulator } from "../../emulator";
import { ModelArtsProvider } from "../../plugin/modelartsProvider";
import { TOKENS } from "../../plugin/schema";
import { lookupVisualizationJobs, resetSharedState } from "../../provider/lookup/lookup";
import { ModelArtsCancelledError } from "../../sdk/nodejs";
import { encodeCty } from "../../terraform/ctyCodec";
import { blockType, JOBS_DATA_SOURCE, PROVIDER_BLOCK } from "../../terraform/schema";
import { TerraformProvider } from "../../terraform/terraformProvider";
import { failure } from "../support/failure";

let emulator: RunningEmulator;
beforeEach(async () => {
  // An answer ten minutes away: a lookup that ends within the test's bound (jest's 30 s) was ended by
  // its caller, whatever the load on the machine, with no clock in the test.
  emulator = await startEmulator({ jobs: demoJobs(), latencyMs: 600_000 });
  resetSharedState();
});
afterEach(async () => {
  resetSharedState();
  await emulator.close();
});

describe("cancellation", () => {
  it("an aborted signal ends a lookup in flight with MODELARTS_CANCELLED", async () => {
    const controller = new AbortController();
    const lookup = lookupVisualizationJobs(
      {},
      { env: emulator.env, cache: false, signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 200);
    const error = await failure(lookup, ModelArtsCancelledError);
    expect(error.message).toBe(
      "lookupVisualizationJobs was cancelled: its caller is stopping (Ctrl-C, or the tool shutting down).",
    );
    const already = await failure(
      lookupVisualizationJobs({}, { env: emulator.env, signal: AbortSignal.abort() }),
      ModelArtsCancelledError,
    );
    expect(already.code).toBe("MODELARTS_CANCELLED");
  });

  it("the plugin's Cancel ends its invokes in flight at once, not when the server answers", async () => {
    const provider = new ModelArtsProvider("0.1.0", () => ({}), emulator.env);
    const invoke = provider.invoke(TOKENS.getVisualizationJobs, { status: "RUNNING" });
    setTimeout(() => void provider.cancel(), 200);
    await expect(invoke).rejects.toThrow(
      "MODELARTS_CANCELLED: modelarts:index:getVisualizationJobs was cancelled",
    );
  });

  it("Terraform's StopProvider ends a read in flight with a diagnostic", async () => {
    const provider = new TerraformProvider(emulator.env);
    await provider.ConfigureProvider({ config: { msgpack: encodeCty(blockType(PROVIDER_BLOCK), {}) } });
    const read = provider.ReadDataSource({
      typeName: "modelarts_visualization_jobs",
      config: { msgpack: encodeCty(blockType(JOBS_DATA_SOURCE), {}) },
    });
    setTimeout(() => void provider.StopProvider(), 200);
    const { diagnostics, state } = await read;
    expect(state).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({ summary: "The lookup was cancelled (MODELARTS_CANCELLED)" }),
    ]);
  });
});
