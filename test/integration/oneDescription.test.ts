/**
 * The one description holds every surface to the same rules: for each whole-number argument and
 * setting, the value at each edge of its range is accepted and the value one past it is refused, on
 * every surface that has it (TypeScript, the plugin, Terraform, the command line), with the same
 * rule in the message, in that surface's names; and the docs state that range and default.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main as commandLine } from "../../cli/commandLine";
import { demoJobs, type RunningEmulator, startEmulator } from "../../emulator";
import { checkProviderConfig } from "../../plugin/configCheck";
import { ModelArtsProvider } from "../../plugin/modelartsProvider";
import { TOKENS } from "../../plugin/schema";
import { lookupVisualizationJobs, resetSharedState } from "../../provider/lookup/lookup";
import { resolveSettings } from "../../provider/settings/settings";
import {
  ARGUMENT_KEYS,
  ARGUMENTS,
  defaultText,
  metaOf,
  rangeOf,
  SETTINGS,
} from "../../provider/wire/description";
import type { ArgumentKey, SettingKey } from "../../provider/wire/entryKeys.generated";
import { type CtyObject, encodeCty } from "../../terraform/ctyCodec";
import { blockType, JOBS_DATA_SOURCE, PROVIDER_BLOCK } from "../../terraform/schema";
import { TerraformProvider } from "../../terraform/terraformProvider";

const REPO = join(__dirname, "../..");
const silent = { debug: () => {}, warn: () => {} };

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ jobs: demoJobs() });
});
afterAll(() => emulator.close());
afterEach(() => resetSharedState());

/** The command line run in this process: its exit status and what it wrote on stderr. */
async function runCommand(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  const written: string[] = [];
  const io = {
    stdout: { write: () => true } as unknown as NodeJS.WritableStream,
    stderr: {
      write: (text: string) => {
        written.push(text);
        return true;
      },
    } as unknown as NodeJS.WritableStream,
    env,
  };
  const code = await commandLine(args, io);
  return { code, stderr: written.join("") };
}

/** The edges of a range, and the values one past them (an unsafe integer is past MAX_SAFE_INTEGER). */
function edges(range: { min: number; max: number }): { accepted: number[]; refused: number[] } {
  return { accepted: [range.min, range.max], refused: [range.min - 1, range.max + 1] };
}

const numericArguments = ARGUMENT_KEYS.filter((key) => rangeOf(ARGUMENTS[key]) !== undefined);
const numericSettings = (Object.keys(SETTINGS) as SettingKey[]).filter(
  (key) => rangeOf(SETTINGS[key]) !== undefined,
);

it("covers every whole-number entry of the description", () => {
  expect(numericArguments.sort()).toEqual(["limit", "pageSize", "timeoutSeconds"]);
  expect(numericSettings.sort()).toEqual(["agencyDuration", "maxConcurrency", "maxRetries", "timeout"]);
});

/** An argument's value through each surface that has it: whether it was accepted, and what was said. */
const argumentSurfaces: Record<string, (key: ArgumentKey, value: number) => Promise<string | undefined>> = {
  async typescript(key, value) {
    try {
      await lookupVisualizationJobs(
        { [key]: value, limit: key === "limit" ? value : 1 },
        { env: emulator.env, cache: false },
      );
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  },
  async plugin(key, value) {
    const provider = new ModelArtsProvider("0.1.0", () => ({}), emulator.env);
    const result = await provider.invoke(TOKENS.getVisualizationJobs, { [key]: value });
    return result.failures?.length
      ? result.failures.map((f) => `${f.property}: ${f.reason}`).join("; ")
      : undefined;
  },
  async terraform(key, value) {
    const attribute = metaOf(ARGUMENTS[key]).terraform;
    if (attribute === undefined) return "(not on this surface)";
    const config = Object.fromEntries(
      Object.keys(JOBS_DATA_SOURCE.attributes).map((name) => [name, null]),
    ) as CtyObject;
    config[attribute] = value;
    const response = await new TerraformProvider(emulator.env, silent).ValidateDataResourceConfig({
      typeName: "modelarts_visualization_jobs",
      config: { msgpack: encodeCty(blockType(JOBS_DATA_SOURCE), config) },
    });
    const errors = (response.diagnostics as Array<{ detail: string; severity: number }>).filter(
      (d) => d.severity === 1,
    );
    return errors.length ? errors.map((d) => d.detail).join("; ") : undefined;
  },
  async cli(key, value) {
    const flag = metaOf(ARGUMENTS[key]).flag;
    if (flag === undefined) return "(not on this surface)";
    const args = ["jobs", `--${flag}`, String(value), ...(key === "limit" ? [] : ["--limit", "1"])];
    const { code, stderr } = await runCommand(args, emulator.env);
    return code === 0 ? undefined : stderr;
  },
};

describe.each(numericArguments)("the argument %s", (key) => {
  const range = rangeOf(ARGUMENTS[key])!;
  const { rule } = metaOf(ARGUMENTS[key]);
  it.each(Object.keys(argumentSurfaces))("is held to its range on the %s surface", async (surface) => {
    const run = argumentSurfaces[surface]!;
    const first = await run(key, range.min);
    if (first === "(not on this surface)") return;
    for (const value of edges(range).accepted)
      expect([value, await run(key, value)]).toEqual([value, undefined]);
    for (const value of edges(range).refused) {
      const said = await run(key, value);
      // Past 2^53 Terraform's number decoding refuses first, saying so: no number is silently rounded.
      if (!Number.isSafeInteger(value) && surface === "terraform")
        expect(said).toContain("beyond the numbers");
      else expect(said).toContain(`must be ${rule}`);
    }
  });
});

/** A setting's value through each surface that sets it: undefined when accepted, else the message. */
const settingSurfaces: Record<string, (key: SettingKey, value: number) => Promise<string | undefined>> = {
  async typescript(key, value) {
    const meta = metaOf(SETTINGS[key]);
    const config = (name: string) =>
      key === "agencyDuration"
        ? name === "huaweicloud:assumeRole"
          ? JSON.stringify({ agencyName: "a", domainName: "d", durationSeconds: value })
          : undefined
        : name === `huaweicloud:${meta.config}`
          ? String(value)
          : undefined;
    try {
      resolveSettings({}, config, {
        ...emulator.env,
        ...(key === "timeout" && { HW_MODELARTS_TIMEOUT: String(value) }),
      });
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  },
  async plugin(key, value) {
    const meta = metaOf(SETTINGS[key]);
    if (meta.plugin === undefined) return "(not on this surface)";
    const news =
      key === "agencyDuration"
        ? { assumeRole: { agencyName: "a", domainName: "d", durationSeconds: value } }
        : { [meta.plugin]: value };
    const { failures } = checkProviderConfig(news);
    return failures.length ? failures.map((f) => `${f.property}: ${f.reason}`).join("; ") : undefined;
  },
  async terraform(key, value) {
    const meta = metaOf(SETTINGS[key]);
    if (meta.terraform === undefined) return "(not on this surface)";
    const block = Object.fromEntries(
      Object.keys(PROVIDER_BLOCK.attributes).map((name) => [name, null]),
    ) as CtyObject;
    // Repeated blocks: a list, empty when none is written.
    block.assume_role =
      key === "agencyDuration"
        ? [{ agency_name: "a", domain_name: "d", domain_id: null, duration: value }]
        : [];
    if (key !== "agencyDuration") block[meta.terraform] = value;
    const response = await new TerraformProvider(emulator.env, silent).ValidateProviderConfig({
      config: { msgpack: encodeCty(blockType(PROVIDER_BLOCK), block) },
    });
    const errors = (response.diagnostics as Array<{ detail: string; severity: number }>).filter(
      (d) => d.severity === 1,
    );
    return errors.length ? errors.map((d) => d.detail).join("; ") : undefined;
  },
};

describe.each(numericSettings)("the setting %s", (key) => {
  const range = rangeOf(SETTINGS[key])!;
  const { rule } = metaOf(SETTINGS[key]);
  it.each(Object.keys(settingSurfaces))("is held to its range on the %s surface", async (surface) => {
    const run = settingSurfaces[surface]!;
    const first = await run(key, range.min);
    if (first === "(not on this surface)") return;
    for (const value of edges(range).accepted)
      expect([value, await run(key, value)]).toEqual([value, undefined]);
    for (const value of edges(range).refused) expect(await run(key, value)).toContain(`must be ${rule}`);
  });

  it("is documented with that range and its default, in the configuration table and Terraform's docs", () => {
    const meta = metaOf(SETTINGS[key]);
    const table = readFileSync(join(REPO, "docs/installation-configuration.md"), "utf8");
    const row = table.split("\n").find((line) => line.startsWith(`| ${key} `))!;
    expect(row).toContain(`${range.min} to ${range.max}`);
    if (meta.default !== undefined) expect(row).toContain(`\`${defaultText(meta.default)}\``);
    if (meta.terraform !== undefined) {
      const docs = readFileSync(join(REPO, "docs/terraform/index.md"), "utf8");
      const entry = docs.split("\n\n").find((p) => p.startsWith(`- \`${meta.terraform}\` - `))!;
      expect(entry).toContain(`${range.min} to ${range.max}`);
      if (meta.default !== undefined) expect(entry).toContain(`Default ${defaultText(meta.default)}.`);
    }
  });
});

describe("messages in each surface's names", () => {
  /** The folders wrongProfile made, removed after each test. */
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  /** A KooCLI file whose profile "ci" holds keys the emulator refuses. */
  function wrongProfile(): string {
    const dir = mkdtempSync(join(tmpdir(), "modelarts-profile-"));
    made.push(dir);
    const file = join(dir, "config.json");
    writeFileSync(
      file,
      JSON.stringify({
        current: "ci",
        profiles: [{ name: "ci", mode: "AKSK", accessKeyId: "AK", secretAccessKey: "wrong" }],
      }),
      { mode: 0o600 },
    );
    return file;
  }
  const place = () => {
    const { HW_ACCESS_KEY: _a, HW_SECRET_KEY: _s, ...env } = emulator.env as Record<string, string>;
    return env;
  };

  it("a 401 names the KooCLI profile and file the keys came from, on every surface", async () => {
    const file = wrongProfile();
    const named = `profile "ci" of ${file}`;
    const env = { ...place(), HW_SHARED_CONFIG_FILE: file };
    await expect(lookupVisualizationJobs({}, { env, cache: false })).rejects.toThrow(
      `The keys came from ${named}`,
    );
    const plugin = new ModelArtsProvider("0.1.0", () => ({}), env);
    await expect(plugin.invoke(TOKENS.getVisualizationJobs, {})).rejects.toThrow(
      `The keys came from ${named}`,
    );
    const { code, stderr } = await runCommand(["jobs"], env);
    expect(code).toBe(1);
    expect(stderr).toContain(`The keys came from ${named}`);
  });

  it("a 401 through an agency names the agency", async () => {
    const env = {
      ...place(),
      HW_ACCESS_KEY: "AK",
      HW_SECRET_KEY: "wrong",
      HW_ASSUME_ROLE_AGENCY_NAME: "modelarts-reader",
      HW_ASSUME_ROLE_DOMAIN_NAME: "emulator-account",
    };
    await expect(lookupVisualizationJobs({}, { env, cache: false })).rejects.toThrow(
      'The keys were for the agency "modelarts-reader"',
    );
  });

  it("the plugin refuses a bad setting in CheckConfig, by the lookup's rule, naming its modelarts: key", () => {
    const { failures } = checkProviderConfig({ maxRetries: 1e9, insecure: "maybe", region: "cn north" });
    expect(failures).toEqual([
      {
        property: "region",
        reason: expect.stringContaining("stack config modelarts:region must be a region name such as"),
      },
      {
        property: "maxRetries",
        reason: expect.stringContaining("modelarts:maxRetries must be an integer from 0 to 20"),
      },
      {
        property: "insecure",
        reason: expect.stringContaining('modelarts:insecure must be true or false, got "maybe"'),
      },
    ]);
  });

  it("Terraform refuses a bad provider argument in ValidateProviderConfig and ConfigureProvider, pointing at it", async () => {
    const block = Object.fromEntries(
      Object.keys(PROVIDER_BLOCK.attributes).map((name) => [name, null]),
    ) as CtyObject;
    Object.assign(block, { insecure: null, max_concurrency: 64, assume_role: null });
    const request = { config: { msgpack: encodeCty(blockType(PROVIDER_BLOCK), block) } };
    const provider = new TerraformProvider(emulator.env, silent);
    for (const response of [
      await provider.ValidateProviderConfig(request),
      await provider.ConfigureProvider(request),
    ]) {
      expect(response.diagnostics).toEqual([
        expect.objectContaining({
          severity: 1,
          detail: expect.stringContaining(
            'the provider argument max_concurrency must be an integer from 1 to 32, got "64"',
          ),
          attribute: { steps: [{ attributeName: "max_concurrency" }] },
        }),
      ]);
    }
  });

  it("a function is named as each surface calls it: a Python or Go user never reads getVisualizationJobs", async () => {
    const plugin = new ModelArtsProvider("0.1.0", () => ({}), emulator.env);
    await expect(plugin.invoke(TOKENS.getVisualizationJob, { name: "no-such-job" })).rejects.toThrow(
      /list the candidates with modelarts:index:getVisualizationJobs\./,
    );
    const error = await lookupVisualizationJobs({ pageSize: 0, nmae: "x" } as never, {
      env: emulator.env,
    }).catch((e) => e);
    expect(error.messageOn("cli")).toContain("--page-size must be an integer from 1 to 1000, got 0");
    expect(error.messageOn("terraform")).toContain(
      'unknown argument "nmae"; the arguments are status, statuses, name, name_regex',
    );
    // The plugin's SDKs split status too: their users are told of statuses; TypeScript's are not.
    expect(error.messageOn("plugin")).toContain("the arguments are status, statuses, name, nameRegex");
    expect(error.messageOn("typescript")).toContain("the arguments are status, name, nameRegex");
    expect(error.messageOn("plugin")).not.toMatch(/huaweicloud:|--page-size/);
  });

  it("tells a plugin user whose settings are missing, and only then, that the plugin reads modelarts:*, not huaweicloud:*", async () => {
    const plugin = new ModelArtsProvider("0.1.0", () => ({}), {});
    await expect(plugin.invoke(TOKENS.getVisualizationJobs, {})).rejects.toThrow(
      /No credentials found\. Looked for an access key in modelarts:accessKey, HW_ACCESS_KEY.*`pulumi config set --secret modelarts:accessKey AK` or export HW_ACCESS_KEY=AK.*keys set as huaweicloud:\* are pulumi-huaweicloud's/,
    );
    // A value it read from modelarts:* and refused is named; the hint would only distract.
    const given = new ModelArtsProvider("0.1.0", () => ({ maxRetries: "1e9" }), emulator.env);
    const refused = await given.invoke(TOKENS.getVisualizationJobs, {}).then(
      () => "UNEXPECTED SUCCESS",
      (error: Error) => error.message,
    );
    expect(refused).toContain("modelarts:maxRetries");
    expect(refused).not.toContain("huaweicloud:*");
  });
});
