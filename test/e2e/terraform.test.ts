/**
 * The Terraform provider as an OpenTofu user meets it: the linux_amd64 zip from `release/`, alone in
 * a filesystem mirror, installed by `tofu init`, then `plan`, `apply` and `output -json` against the
 * emulator, with a PATH that holds tofu and no Node.js. What each data source returns is compared with
 * the core's own lookup of the same emulator. Skipped, saying why, without `tofu` on PATH (.ci/run
 * builds it with ../shared/tools/tofu-cli).
 */
import { execFile, execFileSync, spawnSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findCommand } from "../../demo/exampleStack";
import { demoJobs, type RunningEmulator, startEmulator } from "../../emulator";
import { sha256File } from "../../packaging/archives";
import { PLATFORMS, platformName } from "../../packaging/platforms";
import { release, terraformSumsName, terraformZipName } from "../../packaging/release";
import { writeTerraformMirror } from "../../packaging/terraformMirror";
import { signChecksums } from "../../packaging/terraformRegistry";
import { lookupVisualizationJobs, resetSharedState } from "../../provider/lookup/lookup";
import type {} from "../../provider/wire/model";
import type { VisualizationJobsQueryArgs } from "../../provider/wire/queryArgs.generated";
import { serveFolder } from "../support/folderServer";
import { type ThrowawayKey, throwawayKey } from "../support/gpg";
import { keylessCi } from "../support/keyless";
import { serveProviderRegistry } from "../support/providerRegistry";
import { fencedBlockAfter } from "../support/readme";
import { pathWithOnly, RELEASE_DIR, VERSION, zipMember } from "../support/release";
import { runScript, type ScriptRun } from "../support/shellScript";

jest.setTimeout(900_000);

const tofuPath = findCommand("tofu");
if (tofuPath === undefined) process.stdout.write("Terraform provider tests skipped: no `tofu` on PATH\n");
const withTofu = tofuPath === undefined ? describe.skip : describe;

const REPO = join(__dirname, "../..");
const ADDRESS = "registry.opentofu.org/pulumi-modelarts/modelarts";
const HOST_ZIP = `terraform-provider-modelarts_${VERSION}_linux_amd64.zip`;
const REQUIRED = `terraform {\n  required_providers {\n    modelarts = { source = "pulumi-modelarts/modelarts" }\n  }\n}\n`;

withTofu("the Terraform provider from the release, under OpenTofu, with no Node.js on PATH", () => {
  let emulator: RunningEmulator;
  let root: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "modelarts-tofu-"));
    // The mirror holds the one zip a linux_amd64 machine needs, in the packed layout.
    const mirror = join(root, "mirror", ...ADDRESS.split("/"));
    mkdirSync(mirror, { recursive: true });
    const zip = `terraform-provider-modelarts_${VERSION}_linux_amd64.zip`;
    copyFileSync(join(RELEASE_DIR, zip), join(mirror, zip));
    writeFileSync(
      join(root, "cli.tfrc"),
      `provider_installation {\n  filesystem_mirror {\n    path    = "${join(root, "mirror")}"\n    include = ["${ADDRESS}"]\n  }\n}\n`,
    );
    // tofu, and the two commands the docs' scripts use besides the shell's own: no Node.js.
    const PATH = pathWithOnly([tofuPath!, findCommand("mkdir")!, findCommand("cp")!], root);
    expect(() => execFileSync("/bin/sh", ["-c", "command -v node"], { env: { PATH } })).toThrow();
    env = {
      HOME: root,
      PATH,
      TF_CLI_CONFIG_FILE: join(root, "cli.tfrc"),
      TF_IN_AUTOMATION: "1",
      CHECKPOINT_DISABLE: "1",
    };
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  beforeEach(async () => {
    emulator = await startEmulator({ jobs: demoJobs() });
    resetSharedState();
  });
  afterEach(() => emulator.close());

  /** Runs tofu in `dir`: asynchronously, since the emulator answers from this process. */
  function tofu(dir: string, args: string[], extra: NodeJS.ProcessEnv = {}): Promise<ScriptRun> {
    return new Promise((resolve) => {
      execFile(
        "tofu",
        [...args, "-no-color"],
        { cwd: dir, env: { ...env, ...extra }, encoding: "utf8" },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  }

  /** A configuration in its own folder, initialised from the mirror. */
  async function project(name: string, hcl: string, header = REQUIRED): Promise<string> {
    const dir = join(root, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "main.tf"), `${header}${hcl}`);
    const init = await tofu(dir, ["init", "-input=false"]);
    expect(init.stderr).toBe("");
    expect(init.code).toBe(0);
    return dir;
  }

  /** The provider block with the emulator's keys in it. */
  function providerBlock(secretKey = emulator.settings.secretKey): string {
    const s = emulator.settings;
    return `provider "modelarts" {
  region     = "${s.region}"
  project_id = "${s.projectId}"
  access_key = "${s.accessKey}"
  secret_key = "${secretKey}"
  endpoints  = { modelarts = "${s.endpoint}" }
}
`;
  }

  it("its docs pass HashiCorp's tfplugindocs validate against the schema this provider serves", async () => {
    // The workplace tool builds tfplugindocs from its Go module (cached after); without it, say so.
    const tool = spawnSync(join(REPO, "..", "shared", "tools", "tfplugindocs"), { encoding: "utf8" });
    if (tool.status !== 0) {
      process.stdout.write(`tfplugindocs validate skipped: ${tool.stderr.trim() || "no tfplugindocs"}\n`);
      return;
    }
    const dir = await project("docs-schema", "");
    const schema = await tofu(dir, ["providers", "schema", "-json"]);
    expect(schema.code).toBe(0);
    // tfplugindocs looks the provider up under registry.terraform.io/hashicorp/<name>.
    const parsed = JSON.parse(schema.stdout) as { provider_schemas: Record<string, unknown> };
    parsed.provider_schemas = {
      "registry.terraform.io/hashicorp/modelarts": parsed.provider_schemas[ADDRESS],
    };
    writeFileSync(join(root, "schema.json"), JSON.stringify(parsed));
    // The Terraform pages alone in a provider folder's docs/, as the provider's own repository holds them.
    cpSync(join(REPO, "docs", "terraform"), join(root, "provider-docs", "docs"), { recursive: true });
    const validated = spawnSync(
      tool.stdout.trim(),
      [
        "validate",
        "--provider-dir",
        join(root, "provider-docs"),
        "--provider-name",
        "modelarts",
        "--providers-schema",
        join(root, "schema.json"),
      ],
      { encoding: "utf8" },
    );
    expect(validated.stderr).not.toContain("Error");
    expect(validated.status).toBe(0);
  });

  it("installs as the README inside its zip says, word for word, into OpenTofu's implicit mirror", async () => {
    const zip = `terraform-provider-modelarts_${VERSION}_linux_amd64.zip`;
    const readme = zipMember(join(RELEASE_DIR, zip), "README.md").toString();
    expect(readme).toContain(`terraform-provider-modelarts ${VERSION} (linux_amd64)`);
    const commands = readme
      .split("\n")
      .filter((line) => line.startsWith("    "))
      .map((line) => line.trim());
    expect(commands.at(-1)).toBe("tofu init");
    // A user's home with no CLI configuration, and a folder holding the zip and a configuration.
    const home = join(root, "readme-home");
    const work = join(root, "readme-work");
    mkdirSync(home, { recursive: true });
    mkdirSync(work, { recursive: true });
    copyFileSync(join(RELEASE_DIR, zip), join(work, zip));
    writeFileSync(join(work, "main.tf"), REQUIRED);
    const run = spawnSync("/bin/sh", ["-ec", commands.join("\n")], {
      cwd: work,
      env: { HOME: home, PATH: env.PATH, TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1" },
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Installing pulumi-modelarts/modelarts v");
  });

  /** Runs a script of the docs in the tofu user's shell (no Node.js on PATH). */
  const shell = (script: string, cwd: string, extra: NodeJS.ProcessEnv = {}) =>
    runScript(script, cwd, { ...env, ...extra });

  it("installs from a network mirror laid out and served as its page says, and locks two platforms with -net-mirror", async () => {
    // The release's files as downloaded: this machine's zip, and darwin_arm64's, built here by the
    // release's own code; the mirror page the release writes for the two.
    const downloads = join(root, "downloads");
    mkdirSync(downloads);
    const darwin = PLATFORMS.find((p) => platformName(p) === "darwin-arm64")!;
    await release(REPO, join(root, "darwin-release"), [darwin]);
    const zips = [HOST_ZIP, terraformZipName(VERSION, darwin)];
    copyFileSync(join(RELEASE_DIR, zips[0]!), join(downloads, zips[0]!));
    copyFileSync(join(root, "darwin-release", zips[1]!), join(downloads, zips[1]!));
    writeTerraformMirror(downloads, VERSION, zips);
    const page = (marker: string) => fencedBlockAfter("docs/terraform/index.md", marker);
    const layout = await shell(page("<!-- run: mirror-layout"), downloads);
    expect(layout.stderr).toBe("");
    const mirror = await serveFolder(join(downloads, "mirror"));
    try {
      const placed = (id: string) => page(id).replaceAll("https://mirror.example.com/", mirror.url);
      writeFileSync(join(root, "network-mirror.tfrc"), placed("<!-- run: mirror-cli-config"));
      writeFileSync(join(root, "network-mirror.pem"), mirror.certificatePem);
      const extra = {
        TF_CLI_CONFIG_FILE: join(root, "network-mirror.tfrc"),
        SSL_CERT_FILE: join(root, "network-mirror.pem"),
      };
      const dir = join(root, "network-mirror");
      mkdirSync(dir);
      writeFileSync(join(dir, "main.tf"), REQUIRED);
      const init = await tofu(dir, ["init", "-input=false"], extra);
      expect(init.code).toBe(0);
      expect(init.stdout).toContain(`Installed pulumi-modelarts/modelarts v${VERSION}`);
      // As the page says: init locks this platform's package alone, and warns so.
      expect(init.stdout).toContain("Incomplete lock file information");
      const initial = readFileSync(join(dir, ".terraform.lock.hcl"), "utf8");
      expect([initial.match(/"h1:/g)?.length, initial.match(/"zh:/g)?.length]).toEqual([1, 1]);
      const lock = await shell(placed("<!-- run: mirror-lock"), dir, extra);
      expect(lock.stderr).toBe("");
      expect(lock.code).toBe(0);
      // Both platforms' packages were fetched and checked, and the lock file holds both.
      for (const zip of zips) {
        expect(mirror.requested).toContain(`/registry.opentofu.org/pulumi-modelarts/modelarts/${zip}`);
      }
      const locked = readFileSync(join(dir, ".terraform.lock.hcl"), "utf8");
      for (const zip of zips) expect(locked).toContain(`zh:${sha256File(join(downloads, zip))}`);
      expect(locked.match(/"h1:/g)?.length).toBeGreaterThanOrEqual(2);
    } finally {
      await mirror.close();
    }
  });

  /** The core's answer to the same query, against the same emulator. */
  function coreLookup(args: VisualizationJobsQueryArgs) {
    return lookupVisualizationJobs(args, { env: emulator.env, cache: false });
  }

  const FILTERS: Record<string, { hcl: string; args: VisualizationJobsQueryArgs }> = {
    running: { hcl: `status = "RUNNING"`, args: { status: "RUNNING" } },
    union: { hcl: `statuses = ["waiting", "10"]`, args: { status: ["WAITING", 10] } },
    both: { hcl: `status = "KILLED"\n  statuses = ["CANCELED"]`, args: { status: ["KILLED", "CANCELED"] } },
    named: { hcl: `name = "speech-whisper-tb"`, args: { name: "speech-whisper-tb" } },
    regex: { hcl: `name_regex = "^nlp-.*-tb$"`, args: { nameRegex: "^nlp-.*-tb$" } },
    search: { hcl: `search_content = "two-tower"`, args: { searchContent: "two-tower" } },
    newest: {
      hcl: `sort_by = "create_time"\n  order = "desc"\n  limit = 3\n  workspace_id = "0"`,
      args: { sortBy: "create_time", order: "desc", limit: 3, workspaceId: "0" },
    },
    none: { hcl: `name_regex = "^no-such-job$"`, args: { nameRegex: "^no-such-job$" } },
  };

  it("each filter gives the core's jobs, with credentials from the provider block; the state holds no secret", async () => {
    const sources = Object.entries(FILTERS)
      .map(
        ([key, f]) =>
          `data "modelarts_visualization_jobs" "${key}" {\n  ${f.hcl}\n}\noutput "${key}" { value = data.modelarts_visualization_jobs.${key} }\n`,
      )
      .join("");
    const dir = await project("filters", `${providerBlock()}${sources}`);
    const apply = await tofu(dir, ["apply", "-auto-approve", "-input=false"]);
    expect(apply.stderr).toBe("");
    expect(apply.code).toBe(0);
    const outputs = JSON.parse((await tofu(dir, ["output", "-json"])).stdout) as Record<
      string,
      { value: Record<string, unknown> }
    >;
    for (const [key, filter] of Object.entries(FILTERS)) {
      const expected = await coreLookup(filter.args);
      const got = outputs[key]!.value;
      expect({ key, ids: got.ids, names: got.names, urls: got.service_urls, total: got.total_count }).toEqual(
        {
          key,
          ids: expected.ids.map(String),
          names: expected.names,
          urls: expected.serviceUrls,
          total: expected.totalCount,
        },
      );
      expect(got.id).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(outputs.none!.value.jobs).toEqual([]);
    expect(
      (outputs.running!.value.jobs as Array<{ status: string }>).every((j) => j.status === "RUNNING"),
    ).toBe(true);
    const job = (outputs.named!.value.jobs as Array<Record<string, unknown>>)[0];
    const emulated = emulator.jobs().find((j) => j.jobId === Number(job?.id))!;
    expect(job).toMatchObject({
      name: "speech-whisper-tb",
      status_code: emulated.status,
      created_at: new Date(emulated.createTime).toISOString(),
      service_url: (await coreLookup(FILTERS.named!.args)).jobs[0]?.serviceUrl,
    });
    const state = readFileSync(join(dir, "terraform.tfstate"), "utf8");
    expect(state).toContain("speech-whisper-tb");
    expect(state).not.toContain(emulator.settings.secretKey);
    expect(state).not.toContain(emulator.settings.accessKey);
  });

  it("the example applies as its README says, with the settings from the environment", async () => {
    const example = join(REPO, "examples", "terraform-tensorboard-urls");
    expect((await tofu(example, ["fmt", "-check", "-diff"])).stdout).toBe("");
    const dir = await project("example", readFileSync(join(example, "main.tf"), "utf8"), "");
    const apply = await tofu(
      dir,
      ["apply", "-auto-approve", "-input=false", "-var", "team=nlp"],
      emulator.env,
    );
    expect(apply.stderr).toBe("");
    const outputs = JSON.parse((await tofu(dir, ["output", "-json"])).stdout);
    const expected = await coreLookup({ status: ["RUNNING", "WAITING"], nameRegex: "^nlp-" });
    expect(outputs.tensorboard_urls.value).toEqual(
      Object.fromEntries(expected.names.map((name, i) => [name, expected.serviceUrls[i]])),
    );
    const newest = (
      await coreLookup({ status: "RUNNING", nameRegex: "^nlp-", sortBy: "create_time", order: "desc" })
    ).jobs[0]!;
    expect(outputs.newest.value).toEqual({
      name: newest.jobName,
      service_url: newest.serviceUrl,
      created_at: new Date(newest.createTime).toISOString(),
    });
  });

  it("the singular data source: one job at the top level, with credentials from the environment", async () => {
    const dir = await project(
      "single",
      `provider "modelarts" {}\ndata "modelarts_visualization_job" "whisper" {\n  name   = "speech-whisper-tb"\n  status = "8"\n}\noutput "whisper" { value = data.modelarts_visualization_job.whisper }\n`,
    );
    const apply = await tofu(dir, ["apply", "-auto-approve", "-input=false"], emulator.env);
    expect(apply.stderr).toBe("");
    const output = JSON.parse((await tofu(dir, ["output", "-json", "whisper"])).stdout) as Record<
      string,
      unknown
    >;
    expect(output).toMatchObject({
      id: "1014",
      name: "speech-whisper-tb",
      status: "RUNNING",
      status_code: 8,
      region: emulator.settings.region,
    });
  });

  it("a KooCLI profile's keys, through an agency in an assume_role block: the agency's temporary keys sign the lookup", async () => {
    const s = emulator.settings;
    const profiles = join(root, "hcloud-config.json");
    const profile = {
      name: "ci",
      mode: "AKSK",
      accessKeyId: s.accessKey,
      secretAccessKey: s.secretKey,
      region: s.region,
    };
    writeFileSync(
      profiles,
      JSON.stringify({
        current: "other",
        profiles: [profile, { ...profile, name: "other", accessKeyId: "X" }],
      }),
    );
    const dir = await project(
      "agency",
      `provider "modelarts" {
  shared_config_file = "${profiles}"
  profile            = "ci"
  project_id         = "${s.projectId}"
  auth_url           = "${s.authUrl}"
  endpoints          = { modelarts = "${s.endpoint}" }
  assume_role {
    agency_name = "modelarts-reader"
    domain_name = "emulator-account"
  }
}
data "modelarts_visualization_jobs" "running" { status = "RUNNING" }
output "count" { value = length(data.modelarts_visualization_jobs.running.ids) }
`,
    );
    const apply = await tofu(dir, ["apply", "-auto-approve", "-input=false"], {
      TF_LOG: "debug",
      TF_LOG_PATH: join(dir, "tofu.log"),
    });
    expect(apply.stderr).toBe("");
    // The file was written with the default mode: the lookup's warning is shown as a plan's warning,
    // and its request log reaches OpenTofu's log at debug level, from the provider's stderr.
    expect(apply.stdout).toContain("Warning: Warning from the modelarts provider");
    expect(apply.stdout.replace(/\s+/g, " ")).toContain(
      `${profiles} holds keys and can be read by others (mode 644)`,
    );
    const log = readFileSync(join(dir, "tofu.log"), "utf8");
    expect(log).toMatch(
      /\[DEBUG\] provider\.terraform-provider-modelarts[^:]*: GET .*\/visualization-jobs.* 200/,
    );
    expect(log).not.toContain(s.secretKey);
    const expected = await coreLookup({ status: "RUNNING" });
    expect(JSON.parse((await tofu(dir, ["output", "-json", "count"])).stdout)).toBe(expected.ids.length);
    const issued = emulator.issuedKeys();
    expect(issued.map((k) => k.issuedFor)).toEqual(["modelarts-reader@emulator-account"]);
    const listedWith = new Set(emulator.listRequests().map((r) => r.accessKey));
    expect(listedWith).toContain(issued[0]!.accessKey);
    const state = readFileSync(join(dir, "terraform.tfstate"), "utf8");
    expect(state).not.toContain(s.secretKey);
  });

  it("an agency chain in two assume_role blocks: IAM with the base keys, then STS with the first hop's keys", async () => {
    const s = emulator.settings;
    const [agency] = s.agencies;
    const dir = await project(
      "agency-chain",
      `provider "modelarts" {
  region     = "${s.region}"
  project_id = "${s.projectId}"
  access_key = "${s.accessKey}"
  secret_key = "${s.secretKey}"
  auth_url   = "${s.authUrl}"
  endpoints  = { modelarts = "${s.endpoint}", sts = "${s.stsEndpoint}" }
  assume_role {
    agency_name = "${agency!.agencyName}"
    domain_name = "${agency!.domainName}"
  }
  assume_role {
    agency_name = "${agency!.agencyName}"
    domain_id   = "${agency!.domainId}"
  }
}
data "modelarts_visualization_jobs" "all" {}
output "count" { value = length(data.modelarts_visualization_jobs.all.ids) }
`,
    );
    const apply = await tofu(dir, ["apply", "-auto-approve", "-input=false"]);
    expect(apply.stderr).toBe("");
    expect(JSON.parse((await tofu(dir, ["output", "-json", "count"])).stdout)).toBe(30);
    const [first, second] = emulator.issuedKeys();
    const posts = emulator.requests.filter((r) => r.method === "POST").map((r) => [r.path, r.accessKey]);
    expect(posts).toEqual([
      ["/v3.0/OS-CREDENTIAL/securitytokens", s.accessKey],
      ["/v5/agencies/assume", first!.accessKey],
    ]);
    expect(emulator.listRequests().every((r) => r.accessKey === second!.accessKey)).toBe(true);
  });

  it("keyless CI (OIDC): the HW_ASSUME_ROLE_* variables with a token file, then an assume_role_with_oidc block with GitHub Actions' token service; no token in the state or the trace log", async () => {
    const ci = await keylessCi(emulator, root);
    try {
      const running = `data "modelarts_visualization_jobs" "running" { status = "RUNNING" }
output "count" { value = length(data.modelarts_visualization_jobs.running.ids) }
`;
      const expected = (await coreLookup({ status: "RUNNING" })).ids.length;
      const fromEnv = await project("keyless-env", running);
      const log = join(fromEnv, "trace.log");
      const apply = await tofu(fromEnv, ["apply", "-auto-approve", "-input=false"], {
        ...ci.fileEnv,
        TF_LOG: "trace",
        TF_LOG_PATH: log,
      });
      expect(apply.stderr).toBe("");
      expect(JSON.parse((await tofu(fromEnv, ["output", "-json", "count"], ci.fileEnv)).stdout)).toBe(
        expected,
      );
      expect(emulator.issuedKeys().map((k) => k.issuedFor)).toContain("federated@github-actions");
      const { HW_ASSUME_ROLE_IDP_ID, HW_ASSUME_ROLE_AGENCY_NAME, HW_ASSUME_ROLE_DOMAIN_ID, ...elsewhere } =
        ci.actionsEnv;
      const inBlock = await project(
        "keyless-block",
        `provider "modelarts" {
  assume_role_with_oidc {
    idp_id            = "${HW_ASSUME_ROLE_IDP_ID}"
    agency_name       = "${HW_ASSUME_ROLE_AGENCY_NAME}"
    domain_id         = "${HW_ASSUME_ROLE_DOMAIN_ID}"
    id_token_audience = "huaweicloud"
  }
}
${running}`,
      );
      const applied = await tofu(inBlock, ["apply", "-auto-approve", "-input=false"], elsewhere);
      expect(applied.stderr).toBe("");
      expect(ci.actionsAsked().length).toBeGreaterThan(0);
      expect(JSON.parse((await tofu(inBlock, ["output", "-json", "count"], elsewhere)).stdout)).toBe(
        expected,
      );
      const seen = [log, join(fromEnv, "terraform.tfstate"), join(inBlock, "terraform.tfstate")]
        .map((file) => readFileSync(file, "utf8"))
        .join("\n");
      expect(seen).toContain("POST /v5/agencies/assume");
      expect(ci.leaks(seen)).toEqual([]);
    } finally {
      await ci.close();
    }
  });

  it("the singular data source with none and with several matches: a diagnostic each, naming the jobs found", async () => {
    const dir = await project(
      "single-errors",
      `provider "modelarts" {}\ndata "modelarts_visualization_job" "none" { name = "no-such-job" }\ndata "modelarts_visualization_job" "several" { name = "speech-whisper-tb" }\n`,
    );
    const plan = await tofu(dir, ["plan", "-input=false"], emulator.env);
    expect(plan.code).not.toBe(0);
    const text = plan.stderr.replace(/\s+/g, " ");
    expect(text).toContain("No visualization job matches (MODELARTS_NO_MATCH)");
    expect(text).toContain("with data.modelarts_visualization_job.none");
    expect(text).toContain("More than one visualization job matches (MODELARTS_AMBIGUOUS_MATCH)");
    expect(text).toContain('1014 "speech-whisper-tb" (RUNNING), 1015 "speech-whisper-tb" (FAILED)');
    expect(text).toContain("sort_by, order and limit = 1");
  });

  it("a misspelt argument, or a misspelt status, fails the plan naming it, and sends no request", async () => {
    const misspelt = await project(
      "misspelt",
      `provider "modelarts" {}\ndata "modelarts_visualization_jobs" "x" { stauts = "RUNNING" }\n`,
    );
    const plan = await tofu(misspelt, ["plan", "-input=false"], emulator.env);
    expect(plan.code).not.toBe(0);
    expect(plan.stderr).toContain('An argument named "stauts" is not expected here');

    const badValue = await project(
      "bad-value",
      `provider "modelarts" {}\ndata "modelarts_visualization_jobs" "x" {\n  statuses = ["RUNNING", "RUNING"]\n  limit = 0\n}\n`,
    );
    const second = await tofu(badValue, ["plan", "-input=false"], emulator.env);
    expect(second.code).not.toBe(0);
    const text = second.stderr.replace(/\s+/g, " ");
    expect(text).toContain('statuses[1] must be a status name such as "RUNNING"');
    expect(text).toContain('got "RUNING"');
    expect(text).toContain("limit must be an integer of at least 1, got 0");
    expect(text).toContain("on main.tf line");
    expect(emulator.requests).toEqual([]);
  });

  it("bad credentials give a diagnostic that says what to do, with no secret in it", async () => {
    const wrong = "wrong-secret-0f9e8d7c6b5a";
    const dir = await project(
      "bad-keys",
      `${providerBlock(wrong)}data "modelarts_visualization_jobs" "x" {}\n`,
    );
    const plan = await tofu(dir, ["plan", "-input=false"]);
    expect(plan.code).not.toBe(0);
    const text = plan.stderr.replace(/\s+/g, " ");
    expect(text).toContain("The ModelArts API refused the lookup (MODELARTS_API)");
    expect(text).toContain(
      "Check the credentials (access_key, HW_ACCESS_KEY, HUAWEICLOUD_SDK_AK and secret_key, HW_SECRET_KEY, HUAWEICLOUD_SDK_SK, or token, HW_AUTH_TOKEN)",
    );
    expect(`${plan.stdout}${plan.stderr}`).not.toContain(wrong);
    expect(existsSync(join(dir, "terraform.tfstate"))).toBe(false);
  });

  /** The registry's copy of the release's Terraform files, its sums signed by the release's own code. */
  function signedRegistryFiles(): { dir: string; key: ThrowawayKey } {
    const dir = join(root, "registry-files");
    mkdirSync(dir, { recursive: true });
    const zip = `terraform-provider-modelarts_${VERSION}_linux_amd64.zip`;
    for (const file of [zip, terraformSumsName(VERSION)])
      copyFileSync(join(RELEASE_DIR, file), join(dir, file));
    const key = throwawayKey(root);
    signChecksums(dir, terraformSumsName(VERSION), { RELEASE_GPG_KEY_FILE: key.keyFile });
    return { dir, key };
  }

  it("tofu init installs from a provider registry over HTTPS, verifying the release's signature, and refuses another key", async () => {
    const { dir, key } = signedRegistryFiles();
    const other = throwawayKey(root, "Someone Else");
    const content = (signer: { keyId: string; publicKey: string }) => ({
      dir,
      namespace: "pulumi-modelarts",
      type: "modelarts",
      version: VERSION,
      platforms: [{ os: "linux", arch: "amd64" }],
      zipName: (os: string, arch: string) => `terraform-provider-modelarts_${VERSION}_${os}_${arch}.zip`,
      sumsName: terraformSumsName(VERSION),
      sha256: sha256File,
      key: signer,
    });
    const noMirror = join(root, "no-mirror.tfrc");
    writeFileSync(noMirror, "");
    for (const [name, signer] of [
      ["registry-ok", key],
      ["registry-wrong-key", other],
    ] as const) {
      const registry = await serveProviderRegistry(content(signer));
      try {
        writeFileSync(join(root, `${name}.pem`), registry.certificatePem);
        const project = join(root, name);
        mkdirSync(project);
        const source = `${registry.host}/pulumi-modelarts/modelarts`;
        writeFileSync(
          join(project, "main.tf"),
          `terraform {\n  required_providers {\n    modelarts = { source = "${source}", version = "${VERSION}" }\n  }\n}\n${providerBlock()}data "modelarts_visualization_jobs" "running" {\n  status = "RUNNING"\n}\noutput "ids" { value = data.modelarts_visualization_jobs.running.ids }\n`,
        );
        const extra = { TF_CLI_CONFIG_FILE: noMirror, SSL_CERT_FILE: join(root, `${name}.pem`) };
        const init = await tofu(project, ["init", "-input=false"], extra);
        if (signer === other) {
          expect(init.code).not.toBe(0);
          expect(init.stderr).toMatch(/signature|key/i);
          continue;
        }
        expect(init.stderr).toBe("");
        expect(init.stdout).toContain(`Installed ${source} v${VERSION} (signed, key ID ${key.keyId})`);
        expect(registry.requested).toEqual(
          expect.arrayContaining([
            "/.well-known/terraform.json",
            `/files/${terraformSumsName(VERSION)}.sig`,
            `/files/terraform-provider-modelarts_${VERSION}_linux_amd64.zip`,
          ]),
        );
        const apply = await tofu(project, ["apply", "-auto-approve", "-input=false"], extra);
        expect(apply.code).toBe(0);
        const ids = JSON.parse((await tofu(project, ["output", "-json"], extra)).stdout).ids.value;
        expect(ids).toEqual((await coreLookup({ status: "RUNNING" })).ids.map(String));
      } finally {
        await registry.close();
      }
    }
  });
});
