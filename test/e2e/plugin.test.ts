/**
 * The `modelarts` provider plugin, this repository's build of it, with the real engine, against the
 * emulator: the YAML example run by the YAML language host with credentials from the environment,
 * from keys set without --secret, from a KooCLI profile and through an agency, with the failures a
 * user meets on the way (a bad argument, a misspelt setting); and a TypeScript program's
 * `pulumi.runtime.invoke` through the engine returning what the in-process lookup returns. The
 * stored state is searched for the credentials. The release's plugin, installed as users install it,
 * runs in standalonePlugin.test.ts (up, refresh, destroy with provider config) and the examples'
 * READMEs. Skipped, with one line saying why, without the `pulumi` CLI or the YAML language host.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { LocalWorkspace, type ProjectSettings } from "@pulumi/pulumi/automation";
import { findCommand, findPulumiCli, isolatedPulumiEnv } from "../../demo/exampleStack";
import { demoJobs, type RunningEmulator, startEmulator } from "../../emulator";
import { lookupVisualizationJobs } from "../../provider/lookup/lookup";
import { PLUGIN_DIR, yamlExampleWithRepoPlugin } from "../support/yamlExample";

jest.setTimeout(300_000);

const cli = findPulumiCli();
const yamlHost = findCommand("pulumi-language-yaml");
if (cli === undefined) process.stdout.write("plugin e2e tests skipped: no `pulumi` CLI on PATH\n");
else if (yamlHost === undefined)
  process.stdout.write(
    "plugin YAML tests skipped: no pulumi-language-yaml on PATH (../shared/tools/pulumi-language-yaml builds it)\n",
  );

/** A temporary backend and Pulumi home for one test. */
function sandbox(): { root: string; envVars: Record<string, string>; cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), "modelarts-plugin-"));
  return {
    root,
    envVars: isolatedPulumiEnv(root),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

function expectNoCredentials(stateFile: string, emulator: RunningEmulator): void {
  const state = readFileSync(stateFile, "utf8");
  expect(state).toContain('"resources"');
  for (const credential of [
    emulator.settings.accessKey,
    emulator.settings.secretKey,
    emulator.settings.token,
  ]) {
    expect(state).not.toContain(credential);
  }
}

describe("the modelarts plugin with the real engine", () => {
  let emulator: RunningEmulator;
  let box: ReturnType<typeof sandbox>;
  beforeEach(async () => {
    emulator = await startEmulator({ jobs: demoJobs() });
    box = sandbox();
  });
  afterEach(async () => {
    box.cleanup();
    await emulator.close();
  });

  /** The YAML example in a temporary folder, pointing at this repository's build of the plugin. */
  async function yamlStack(envVars: Record<string, string>) {
    const project = yamlExampleWithRepoPlugin(box.root);
    const stack = await LocalWorkspace.createOrSelectStack(
      { stackName: "dev", workDir: project },
      { envVars: { ...box.envVars, ...envVars } },
    );
    return { stack, stateFile: join(box.root, ".pulumi", "stacks", "yaml-tensorboard-urls", "dev.json") };
  }

  /** The plugin's config pointing at the emulator; the keys set with --secret or, as some users do, without. */
  function pluginConfig(keysAsSecrets: boolean) {
    const s = emulator.settings;
    return {
      "modelarts:region": { value: s.region },
      "modelarts:projectId": { value: s.projectId },
      "modelarts:accessKey": { value: s.accessKey, secret: keysAsSecrets },
      "modelarts:secretKey": { value: s.secretKey, secret: keysAsSecrets },
      "modelarts:endpoint": { value: s.endpoint },
    };
  }

  const withYaml = cli === undefined || yamlHost === undefined ? it.skip : it;

  withYaml(
    "YAML: credentials from the environment the CLI runs in; a bad argument is a check failure naming the field",
    async () => {
      const { stack, stateFile } = await yamlStack({ ...emulator.env });
      await stack.setConfig("team", { value: "speech" });
      const up = await stack.up();
      expect(up.outputs.jobNames!.value).toEqual(["speech-whisper-tb", "speech-tts-mi"]);
      expectNoCredentials(stateFile, emulator);
      await stack.destroy();

      await stack.setConfig("team", { value: "(" });
      const failed = await stack.up().then(
        () => "UNEXPECTED SUCCESS",
        (e: Error) => String(e.message),
      );
      expect(failed).toContain(
        "property nameRegex value {^(-} has a problem: nameRegex must be a non-empty, valid RE2",
      );
      expect(failed).not.toContain(emulator.settings.secretKey);
    },
  );

  withYaml(
    "YAML: keys set without --secret are still encrypted in the state; a misspelt setting fails with the one meant",
    async () => {
      const { stack, stateFile } = await yamlStack({});
      const s = emulator.settings;
      await stack.setAllConfig(pluginConfig(false));
      const up = await stack.up();
      expect(up.outputs.jobNames!.value).toHaveLength(3);
      expectNoCredentials(stateFile, emulator);
      await stack.destroy();

      await stack.removeConfig("modelarts:accessKey");
      await stack.setConfig("modelarts:acessKey", { value: s.accessKey });
      const before = emulator.listRequests().length;
      const failed = await stack.preview().then(
        () => "UNEXPECTED SUCCESS",
        (e: Error) => String(e.message),
      );
      expect(failed).toContain(
        "modelarts:acessKey is not a setting of the modelarts provider; did you mean modelarts:accessKey?",
      );
      expect(emulator.listRequests()).toHaveLength(before);
    },
  );

  withYaml(
    "YAML: keys from a KooCLI profile, then an agency's temporary keys; neither the state nor the -v=9 log holds a key",
    async () => {
      const s = emulator.settings;
      const profiles = join(box.root, "koo.json");
      writeFileSync(
        profiles,
        JSON.stringify({
          current: "other",
          profiles: [
            { name: "other", mode: "AKSK", accessKeyId: "NOTTHISONE", secretAccessKey: "not-this-secret" },
            { name: "work", mode: "AKSK", accessKeyId: s.accessKey, secretAccessKey: s.secretKey },
          ],
        }),
        { mode: 0o600 },
      );
      const { HW_MODELARTS_ENDPOINT, HW_REGION_NAME, HW_PROJECT_ID, HW_AUTH_URL } = emulator.env;
      const { stack, stateFile } = await yamlStack({ HOME: box.root });
      await stack.setAllConfig({
        "modelarts:region": { value: HW_REGION_NAME! },
        "modelarts:projectId": { value: HW_PROJECT_ID! },
        "modelarts:endpoint": { value: HW_MODELARTS_ENDPOINT! },
        "modelarts:authUrl": { value: HW_AUTH_URL! },
        "modelarts:sharedConfigFile": { value: profiles },
        "modelarts:profile": { value: "work" },
      });
      const verbose = { logToStdErr: true, logVerbosity: 9 } as const;
      const first = await stack.up(verbose);
      expect(first.outputs.trackedIds!.value).toEqual([1001, 1003, 1007]);
      expect(emulator.listRequests().every((r) => r.accessKey === s.accessKey)).toBe(true);

      await stack.setConfig("modelarts:assumeRole", {
        value: JSON.stringify({ agencyName: "modelarts-reader", domainName: "emulator-account" }),
      });
      emulator.updateJob(1003, { status: 10 });
      const second = await stack.up(verbose);
      // The invokes ran again, with the agency's keys (the lookup resource changes only on refresh).
      expect(second.outputs.jobNames!.value).toEqual(["vision-resnet50-tb", "vision-dino-tb"]);
      const [issued] = emulator.issuedKeys();
      expect(issued!.issuedFor).toBe("modelarts-reader@emulator-account");
      expect(emulator.listRequests().at(-1)!.accessKey).toBe(issued!.accessKey);

      const logs = `${first.stderr}\n${second.stderr}`;
      expect(logs.length).toBeGreaterThan(1000); // -v=9 wrote the engine's log
      // ...with the plugin's own request log, as the TypeScript functions write theirs.
      expect(logs).toMatch(/pulumi-modelarts: GET \S+visualization-jobs\S* -> 200 in \d+ ms/);
      const state = readFileSync(stateFile, "utf8");
      for (const secret of [s.secretKey, "emulator-security-token"]) {
        expect(logs).not.toContain(secret);
        expect(state).not.toContain(secret);
      }
      await stack.destroy();
    },
  );

  withYaml(
    "YAML: modelarts:assumeRole as a list is an agency chain, each hop with the keys of the one before",
    async () => {
      const s = emulator.settings;
      const [agency] = s.agencies;
      const { stack } = await yamlStack({ HW_STS_ENDPOINT: s.stsEndpoint, HW_AUTH_URL: s.authUrl });
      await stack.setAllConfig({
        ...pluginConfig(true),
        "modelarts:assumeRole": {
          value: JSON.stringify([
            { agencyName: agency!.agencyName, domainName: agency!.domainName },
            { agencyName: agency!.agencyName, domainId: agency!.domainId },
          ]),
        },
      });
      const up = await stack.up();
      expect(up.outputs.jobNames!.value).toHaveLength(3);
      const [first, second] = emulator.issuedKeys();
      expect(emulator.requests.filter((r) => r.method === "POST").map((r) => [r.path, r.accessKey])).toEqual([
        ["/v3.0/OS-CREDENTIAL/securitytokens", s.accessKey],
        ["/v5/agencies/assume", first!.accessKey],
      ]);
      expect(emulator.listRequests().every((r) => r.accessKey === second!.accessKey)).toBe(true);
      await stack.destroy();
    },
  );

  (cli === undefined ? it.skip : it)(
    "TypeScript: pulumi.runtime.invoke through the engine returns what the in-process lookup returns",
    async () => {
      const args = { status: "RUNNING", nameRegex: "^nlp-" };
      const stack = await LocalWorkspace.createOrSelectStack(
        {
          stackName: "dev",
          projectName: "invoke-through-engine",
          program: async () => {
            const viaEngine = await pulumi.runtime.invoke("modelarts:index:getVisualizationJobs", args);
            const badArguments = await pulumi.runtime
              .invoke("modelarts:index:getVisualizationJobs", { pageSize: 0, stauts: "RUNNING" })
              .then(
                () => "UNEXPECTED SUCCESS",
                (e: Error) => e.message,
              );
            const noMatch = await pulumi.runtime
              .invoke("modelarts:index:getVisualizationJob", { name: "no-such-job" })
              .then(
                () => "UNEXPECTED SUCCESS",
                (e: Error) => e.message,
              );
            return { viaEngine, badArguments, noMatch };
          },
        },
        {
          workDir: box.root,
          envVars: { ...box.envVars, ...emulator.env },
          // `plugins` is honoured by the CLI; the ProjectSettings type of @pulumi/pulumi 3.248 lacks it.
          projectSettings: {
            name: "invoke-through-engine",
            runtime: "nodejs",
            plugins: { providers: [{ name: "modelarts", path: PLUGIN_DIR }] },
          } as ProjectSettings,
        },
      );
      const up = await stack.up();
      const inProcess = await lookupVisualizationJobs(args as never, { env: emulator.env, cache: false });
      expect(up.outputs.viaEngine!.value).toEqual(JSON.parse(JSON.stringify(inProcess)));
      // Failures reach the program: one per bad field, and our code and message.
      process.stdout.write(
        `invoke failures as a program sees them:\n${up.outputs.badArguments!.value}\n${up.outputs.noMatch!.value}\n`,
      );
      expect(up.outputs.badArguments!.value).toContain("pageSize must be an integer from 1 to 1000, got 0");
      expect(up.outputs.badArguments!.value).toContain('unknown argument "stauts"');
      expect(up.outputs.noMatch!.value).toContain(
        'MODELARTS_NO_MATCH: modelarts:index:getVisualizationJob found no visualization job matching name "no-such-job"',
      );
      await stack.destroy();
    },
  );
});
