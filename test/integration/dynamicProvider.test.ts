/**
 * VisualizationJobsLookup's provider through Pulumi's real dynamic-provider host over gRPC, as the
 * engine drives it, against the emulator: Configure with secret config, Check, Create, Read
 * (refresh), Diff, Update, Delete; and no secret in anything the state would hold.
 */
import { demoJobs, type RunningEmulator, startEmulator } from "../../emulator";
import { providerShim } from "../../sdk/nodejs/visualizationJobsLookup";
import { type Host, serializeProvider, stackConfigFor, startHost } from "../support/dynamicProviderHost";

const SECRET_KEY = "dynamic-provider-test-secret-key-0123";
const DIFF_NONE = 1;
const DIFF_SOME = 2;

describe("VisualizationJobsLookup through the real dynamic-provider host", () => {
  let emulator: RunningEmulator;
  let host: Host;
  let provider: string;

  beforeAll(async () => {
    provider = await serializeProvider(providerShim);
  });
  beforeEach(async () => {
    emulator = await startEmulator({ jobs: demoJobs(), secretKey: SECRET_KEY });
    host = await startHost();
    await host.configure(stackConfigFor(emulator.settings, { secretKey: SECRET_KEY }));
  });
  afterEach(async () => {
    await host.close();
    await emulator.close();
  });

  it("serializes to a small shim that holds no code of the package and no credential", () => {
    expect(provider.length).toBeLessThan(4096);
    expect(provider).toContain('require("pulumi-modelarts/dynamic-provider")');
    expect(provider).not.toMatch(/undici|zod|HMAC|secret/i);
  });

  it("creates, refreshes, updates and deletes a lookup, with the state showing drift", async () => {
    const inputs = { __provider: provider, status: "RUNNING", nameRegex: "^vision-" };
    const checked = await host.check({}, inputs);
    expect(checked.failures).toEqual([]);

    const created = await host.create(checked.inputs);
    expect(created.id).toMatch(/^lookup-/);
    expect(created.properties.names).toEqual(["vision-resnet50-tb", "vision-vit-b16-tb", "vision-dino-tb"]);
    expect(created.properties.ids).toEqual([1001, 1003, 1007]);
    expect(created.properties.serviceUrls).toEqual(
      [1001, 1003, 1007].map((id) => `${emulator.url}/visualization/${id}/`),
    );
    expect(created.properties.totalCount).toBe(13);
    expect(created.properties.__provider).toBe(provider);
    // Defined after a create, so that `export const drift = lookup.drift` never warns "undefined".
    expect(created.properties.drift).toEqual({ appeared: [], disappeared: [], changed: [] });

    emulator.updateJob(1003, { status: 10 });
    const refreshed = await host.read(created.id, created.properties);
    expect(refreshed.id).toBe(created.id);
    expect(refreshed.properties.ids).toEqual([1001, 1007]);
    expect(refreshed.properties.drift).toEqual({ appeared: [], disappeared: [1003], changed: [] });

    const news = { ...checked.inputs, nameRegex: "^nlp-" };
    const diff = await host.diff(created.id, refreshed.properties, news);
    expect(diff).toEqual({ changes: DIFF_SOME, replaces: [] });
    const updated = await host.update(created.id, refreshed.properties, news);
    expect(updated.properties.names).toEqual(["nlp-bert-base-tb", "nlp-llama-lora-tb", "nlp-tokenizer-mi"]);
    expect(updated.properties.drift).toEqual({ appeared: [], disappeared: [], changed: [] });

    await expect(host.delete(created.id, updated.properties)).resolves.toBeUndefined();
    expect(emulator.requests.every((r) => r.method === "GET")).toBe(true);

    const everything = JSON.stringify([created, refreshed, updated]) + host.stderr();
    expect(everything).not.toContain(SECRET_KEY);
  });

  it("never echoes an argument the program gave as a secret, which the host hands over unwrapped", async () => {
    const inputs = { __provider: provider, nameRegex: "(payroll-forecast", __secretArguments: ["nameRegex"] };
    const checked = await host.check({}, inputs);
    expect(checked.failures).toEqual([
      { property: "nameRegex", reason: expect.stringContaining('got "[secret]"') },
    ]);
    // The inputs hold it, as the engine keeps (and encrypts) a secret input; the failures do not.
    expect(JSON.stringify(checked.failures) + host.stderr()).not.toContain("payroll-forecast");
  });

  it("reports no change when only the provider (the package version) differs", async () => {
    const olds = { __provider: provider, status: "RUNNING", ids: [1], names: ["x"] };
    const news = { __provider: `${provider}\n// another version`, status: "RUNNING" };
    expect(await host.diff("lookup-1", olds, news)).toEqual({ changes: DIFF_NONE, replaces: [] });
  });

  it("returns one check failure per bad field, naming the rule and the value", async () => {
    const { failures } = await host.check(
      {},
      { __provider: provider, pageSize: 0, order: "up", status: ["RUNNING", "NAPPING"] },
    );
    expect(failures).toEqual(
      expect.arrayContaining([
        { property: "pageSize", reason: "pageSize must be an integer from 1 to 1000, got 0" },
        { property: "order", reason: 'order must be "asc" or "desc", got "up"' },
        {
          property: "status",
          reason: expect.stringContaining('status[1] must be a status name such as "RUNNING"'),
        },
      ]),
    );
    expect(failures).toHaveLength(3);
  });

  it("refuses a misspelt argument in check, naming the known ones, instead of widening the lookup", async () => {
    const { failures } = await host.check(
      {},
      { __provider: provider, stauts: "RUNNING", ids: [], drift: null },
    );
    expect(failures).toEqual([
      {
        property: "stauts",
        reason: expect.stringContaining('unknown argument "stauts"; the arguments are status, name'),
      },
    ]);
  });

  it("shows drift found by a refresh as a change, and none once the lookup ran again", async () => {
    const olds = { __provider: provider, status: "RUNNING", ids: [1] };
    const news = { __provider: provider, status: "RUNNING" };
    const drift = { appeared: [], disappeared: [1], changed: [] };
    expect((await host.diff("lookup-1", { ...olds, drift }, news)).changes).toBe(DIFF_SOME);
    expect((await host.diff("lookup-1", olds, news)).changes).toBe(DIFF_NONE);
  });

  it("passes check with unknown inputs during a preview", async () => {
    const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    expect((await host.check({}, { __provider: provider, limit: unknown, name: unknown })).failures).toEqual(
      [],
    );
  });

  it("fails create with the API's error, without the secret", async () => {
    // Configure applies once per host process: a new host takes the new config.
    await host.close();
    host = await startHost();
    await host.configure(stackConfigFor(emulator.settings, { secretKey: "wrong-secret-for-this-test" }));
    const error = await host.create({ __provider: provider, status: "RUNNING" }).catch((e: Error) => e);
    expect(String(error)).toMatch(/HTTP 401 APIGW\.0301/);
    expect(String(error) + host.stderr()).not.toContain("wrong-secret-for-this-test");
  });

  it("falls back to the host's environment when the stack config has no credentials", async () => {
    await host.close();
    host = await startHost(emulator.env);
    await host.configure({});
    const created = await host.create({ __provider: provider, name: "speech-whisper-tb" });
    expect(created.properties.ids).toEqual([1014, 1015]);
  });
});
