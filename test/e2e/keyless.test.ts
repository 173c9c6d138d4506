/**
 * Keyless CI (OIDC federation) on every surface but Terraform's (terraform.test.ts runs OpenTofu's),
 * with no access key anywhere: only the region, the endpoints, the identity provider, the agency by
 * its domain's id, and the id token's place: a file, or GitHub Actions' token service (a loopback
 * server). The release's command line with no Node.js on PATH; a TypeScript program through the
 * real engine; the plugin under the YAML language host. Each lists the emulator's running jobs with
 * the agency's keys, and neither the state nor the engine's `-v=9` log holds the id token, the
 * request token, a subject token or a security token.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LocalWorkspace } from "@pulumi/pulumi/automation";
import { parse } from "yaml";
import { findCommand, findPulumiCli, isolatedPulumiEnv } from "../../demo/exampleStack";
import { demoJobs, type RunningEmulator, startEmulator } from "../../emulator";
import { buildingPlatform } from "../../packaging/platforms";
import { commandLineTarballName } from "../../packaging/release";
import { getVisualizationJobsOutput } from "../../sdk/nodejs";
import { textUnder } from "../support/backendText";
import { type KeylessCi, keylessCi } from "../support/keyless";
import { fencedBlockAfter } from "../support/readme";
import { RELEASE_DIR, VERSION } from "../support/release";
import { runScript } from "../support/shellScript";
import { yamlExampleWithRepoPlugin } from "../support/yamlExample";

jest.setTimeout(300_000);

const cli = findPulumiCli();
const yamlHost = findCommand("pulumi-language-yaml");
if (cli === undefined)
  process.stdout.write("keyless e2e tests of the engine skipped: no `pulumi` CLI on PATH\n");

/** The running jobs of the demo data, by name. */
const RUNNING = demoJobs()
  .filter((job) => job.status === 8)
  .map((job) => job.jobName);

let emulator: RunningEmulator;
let root: string;
let ci: KeylessCi;
beforeEach(async () => {
  // The agency the credentials page's files name.
  emulator = await startEmulator({
    jobs: demoJobs(),
    agencies: [{ agencyName: "ci-reader", domainName: "emulator-account", domainId: "emulator-domain" }],
  });
  root = mkdtempSync(join(tmpdir(), "modelarts-keyless-"));
  ci = await keylessCi(emulator, root);
});
afterEach(async () => {
  await ci.close();
  await emulator.close();
  rmSync(root, { recursive: true, force: true });
});

/** The variant's environment, by name. */
const variants = () => ({ "a token file": ci.fileEnv, "GitHub Actions' token service": ci.actionsEnv });
const VARIANTS = ["a token file", "GitHub Actions' token service"] as const;

/** The agency's keys signed every list request, and the token service was asked only when it was the token's place. */
function expectAgencyKeys(variant: (typeof VARIANTS)[number]): void {
  const issued = emulator.issuedKeys();
  expect(issued.map((k) => k.issuedFor)).toEqual(["federated@github-actions", "ci-reader@emulator-account"]);
  expect(emulator.listRequests().every((r) => r.accessKey === issued[1]!.accessKey)).toBe(true);
  expect(ci.actionsAsked().length > 0).toBe(variant !== "a token file");
}

/** The release's command line, unpacked: its folder, a PATH holding it alone (no Node.js). */
function commandLine(): string {
  const dir = mkdtempSync(join(root, "cli-"));
  execFileSync("tar", [
    "-xzf",
    join(RELEASE_DIR, commandLineTarballName(VERSION, buildingPlatform())),
    "-C",
    dir,
  ]);
  return dir;
}

/** Runs a shell line with only the command line and the shell on PATH, in `env`. */
function shell(line: string, bin: string, env: Record<string, string>) {
  return runScript(line, root, { ...env, HOME: root, PATH: bin });
}

it.each(VARIANTS)("the release's command line, no Node.js on PATH, with %s", async (variant) => {
  const run = await shell(
    "pulumi-modelarts jobs --status running --output json",
    commandLine(),
    variants()[variant],
  );
  expect([run.code, run.stderr]).toEqual([0, ""]);
  expect(JSON.parse(run.stdout).names.sort()).toEqual([...RUNNING].sort());
  expectAgencyKeys(variant);
  expect(ci.leaks(`${run.stdout}${run.stderr}${JSON.stringify(emulator.requests)}`)).toEqual([]);
});

it.each(["HmacSM3", "EcdsaP256SHA256", "SM2SM3"])(
  "the release's command line signs STS's and ModelArts' requests with HW_SIGNING_ALGORITHM=%s",
  async (algorithm) => {
    const run = await shell("pulumi-modelarts jobs --status running --output json", commandLine(), {
      ...ci.fileEnv,
      HW_SIGNING_ALGORITHM: algorithm,
    });
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(JSON.parse(run.stdout).names.sort()).toEqual([...RUNNING].sort());
    // IAM's federation calls are unsigned; every signed request was signed so.
    const signed = emulator.requests.filter((r) => r.signedWith !== undefined);
    expect(signed.map((r) => r.path)).toContain("/v5/agencies/assume");
    expect(new Set(signed.map((r) => r.signedWith))).toEqual(new Set([algorithm]));
  },
);

describe("the credentials page's CI files, run against the emulator", () => {
  /** Where the emulator is: what a real job takes from the region instead. */
  const endpoints = () => {
    const { HW_MODELARTS_ENDPOINT, HW_AUTH_URL, HW_STS_ENDPOINT } = ci.fileEnv;
    return {
      HW_MODELARTS_ENDPOINT: HW_MODELARTS_ENDPOINT!,
      HW_AUTH_URL: HW_AUTH_URL!,
      HW_STS_ENDPOINT: HW_STS_ENDPOINT!,
    };
  };
  const domainId = () => emulator.settings.agencies[0]!.domainId;

  it("GitHub Actions: the workflow's lookup step, with the job's env and the token service GitHub gives it", async () => {
    const workflow = parse(fencedBlockAfter("docs/credentials.md", "<!-- excerpt: a workflow;"));
    expect(workflow.permissions["id-token"]).toBe("write");
    const job = workflow.jobs.lookup;
    const env = Object.fromEntries(
      Object.entries(job.env as Record<string, string>).map(([k, v]) => [
        k,
        // GitHub's expression for a repository variable, as GitHub would fill it in.
        v.replace(/^\$\{\{ vars\.HUAWEICLOUD_DOMAIN_ID \}\}$/, domainId()),
      ]),
    );
    const { ACTIONS_ID_TOKEN_REQUEST_URL, ACTIONS_ID_TOKEN_REQUEST_TOKEN } = ci.actionsEnv;
    const step = job.steps.at(-1).run as string;
    const run = await shell(step, commandLine(), {
      ...env,
      ...endpoints(),
      ACTIONS_ID_TOKEN_REQUEST_URL: ACTIONS_ID_TOKEN_REQUEST_URL!,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: ACTIONS_ID_TOKEN_REQUEST_TOKEN!,
    });
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(JSON.parse(run.stdout).names.sort()).toEqual([...RUNNING].sort());
    expectAgencyKeys("GitHub Actions' token service");
  });

  it("GitLab CI: the job's script, with its variables and the id token GitLab puts in HW_ID_TOKEN", async () => {
    const job = parse(fencedBlockAfter("docs/credentials.md", "<!-- excerpt: a job;"))["tensorboard-urls"];
    const [variable] = Object.keys(job.id_tokens);
    const [token] = emulator.identityProvider(job.variables.HW_ASSUME_ROLE_IDP_ID);
    const variables = { ...job.variables, HW_ASSUME_ROLE_DOMAIN_ID: domainId() };
    const run = await shell(job.script.join("\n"), commandLine(), {
      ...variables,
      ...endpoints(),
      [variable!]: token!,
    });
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(JSON.parse(run.stdout).names.sort()).toEqual([...RUNNING].sort());
    expect(emulator.issuedKeys().map((k) => k.issuedFor)).toEqual([
      "federated@gitlab",
      "ci-reader@emulator-account",
    ]);
  });
});

(cli === undefined ? it.skip : it).each(VARIANTS)(
  "a TypeScript program through the engine, with %s",
  async (variant) => {
    const env = variants()[variant];
    const saved = { ...process.env };
    // The program runs in this process and reads its environment, as a CI job's program does.
    Object.assign(process.env, env);
    try {
      const stack = await LocalWorkspace.createOrSelectStack(
        {
          stackName: "ci",
          projectName: "keyless",
          program: async () => {
            const running = getVisualizationJobsOutput({ status: "RUNNING" });
            return { names: running.names };
          },
        },
        { workDir: root, envVars: { ...isolatedPulumiEnv(root), ...env } },
      );
      const up = await stack.up({ logToStdErr: true, logVerbosity: 9 });
      expect([...up.outputs.names!.value].sort()).toEqual([...RUNNING].sort());
      expectAgencyKeys(variant);
      expect(ci.leaks(`${up.stdout}${up.stderr}${textUnder(join(root, ".pulumi"))}`)).toEqual([]);
    } finally {
      for (const key of Object.keys(env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  },
);

(cli === undefined || yamlHost === undefined ? it.skip : it).each(VARIANTS)(
  "the plugin under the YAML language host, with %s",
  async (variant) => {
    const project = yamlExampleWithRepoPlugin(root);
    const stack = await LocalWorkspace.createOrSelectStack(
      { stackName: "ci", workDir: project },
      { envVars: { ...isolatedPulumiEnv(root), ...variants()[variant] } },
    );
    await stack.setConfig("team", { value: "nlp" });
    const up = await stack.up({ logToStdErr: true, logVerbosity: 9 });
    expect(up.outputs.jobNames!.value).toEqual(RUNNING.filter((name) => name.startsWith("nlp-")));
    expectAgencyKeys(variant);
    expect(ci.leaks(`${up.stdout}${up.stderr}${textUnder(join(root, ".pulumi"))}`)).toEqual([]);
    await stack.destroy();
  },
);
