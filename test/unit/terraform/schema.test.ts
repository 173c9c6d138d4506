/**
 * The Terraform schema against the core's types: the data sources take exactly the lookup arguments
 * the table maps, every argument the core validates is either an attribute or deliberately left to
 * the provider, a job's attributes hold values of their declared types, and a state of each data
 * source encodes and decodes as Terraform would store it. Also: the committed protocol descriptor is
 * the vendored .proto's.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { QUERY_ARGUMENT_NAMES } from "../../../provider/boundary/queryArguments";
import type { VisualizationJob } from "../../../provider/wire/job.generated";
import { type CtyObject, decodeCty, encodeCty } from "../../../terraform/ctyCodec";
import {
  ARGUMENT_ATTRIBUTES,
  blockType,
  JOB_DATA_SOURCE,
  JOB_TYPE,
  JOBS_DATA_SOURCE,
  jobObject,
  PROVIDER_BLOCK,
  SHOWN_JOB_ATTRIBUTES,
} from "../../../terraform/schema";

const job: VisualizationJob = {
  jobId: 1014,
  jobName: "speech-whisper-tb",
  jobDesc: "",
  status: 8,
  statusName: "RUNNING",
  createTime: Date.UTC(2026, 10, 20, 22),
  duration: 5000,
  serviceUrl: "https://tb.example.com/1014/",
  trainUrl: "/bucket/logs/",
  resourceId: "res-1",
  flavor: { code: "modelarts.vm.cpu.2u" },
};

const argumentsOf = (attributes: Record<string, { computed?: true; optional?: true }>) =>
  Object.entries(attributes)
    .filter(([, a]) => a.optional)
    .map(([name]) => name)
    .sort();

describe("the Terraform schema", () => {
  it("maps every argument the core validates, and takes exactly the mapped ones", () => {
    expect(Object.keys(ARGUMENT_ATTRIBUTES).sort()).toEqual([...QUERY_ARGUMENT_NAMES].sort());
    const mapped = Object.values(ARGUMENT_ATTRIBUTES).flat().sort();
    expect(argumentsOf(JOBS_DATA_SOURCE.attributes)).toEqual(mapped);
    expect(argumentsOf(JOB_DATA_SOURCE.attributes)).toEqual(mapped);
  });

  it("gives the plural the result's lists and the singular the job's attributes at the top level", () => {
    const computed = (b: typeof JOBS_DATA_SOURCE) =>
      Object.entries(b.attributes)
        .filter(([, a]) => a.computed && !a.optional)
        .map(([n]) => n);
    expect(computed(JOBS_DATA_SOURCE)).toEqual(["id", "jobs", "ids", "names", "service_urls", "total_count"]);
    const jobAttributes = SHOWN_JOB_ATTRIBUTES.map((a) => a.name);
    expect(jobAttributes).toEqual(
      expect.arrayContaining(["id", "name", "status", "status_code", "created_at", "service_url"]),
    );
    for (const name of jobAttributes) expect(JOB_DATA_SOURCE.attributes[name]?.computed).toBe(true);
  });

  it("gives a job's attributes values of their declared types, dates as RFC 3339, absent fields as null", () => {
    const object = jobObject(job);
    expect(object).toMatchObject({
      id: "1014",
      status: "RUNNING",
      status_code: 8,
      created_at: "2026-11-20T22:00:00.000Z",
    });
    expect(object.remaining_duration).toBeNull();
    expect(object.job_type).toBeNull();
    for (const a of SHOWN_JOB_ATTRIBUTES) {
      const value = object[a.name];
      if (value !== null)
        expect([a.name, typeof value]).toEqual([a.name, a.type === "bool" ? "boolean" : a.type]);
    }
    expect(decodeCty(JOB_TYPE, encodeCty(JOB_TYPE, object))).toEqual(object);
  });

  it("encodes a state of each data source and the provider block, every attribute present", () => {
    const plural: CtyObject = {
      jobs: [jobObject(job)],
      ids: ["1014"],
      names: ["speech-whisper-tb"],
      total_count: 1,
    };
    const type = blockType(JOBS_DATA_SOURCE);
    const decoded = decodeCty(type, encodeCty(type, plural)) as CtyObject;
    expect(Object.keys(decoded).sort()).toEqual(Object.keys(JOBS_DATA_SOURCE.attributes).sort());
    expect(decoded.jobs).toEqual(plural.jobs);
    const provider = decodeCty(
      blockType(PROVIDER_BLOCK),
      encodeCty(blockType(PROVIDER_BLOCK), {
        assume_role: [{ agency_name: "reader" }, { agency_name: "next", domain_id: "d" }],
      }),
    ) as CtyObject;
    expect(provider.assume_role).toEqual([
      { agency_name: "reader", domain_name: null, domain_id: null, duration: null },
      { agency_name: "next", domain_name: null, domain_id: "d", duration: null },
    ]);
  });

  it("marks the secrets sensitive, as the plugin marks them secret: access_key, secret_key, security_token and token", () => {
    const sensitive = Object.entries(PROVIDER_BLOCK.attributes)
      .filter(([, a]) => a.sensitive)
      .map(([n]) => n);
    expect(sensitive.sort()).toEqual(["access_key", "secret_key", "security_token", "token"]);
  });
});

describe("the Terraform docs", () => {
  const docs = join(__dirname, "../../../docs/terraform");
  /** The names a doc lists as `- \`name\` - ...`. */
  const documented = (file: string) =>
    new Set([...readFileSync(join(docs, file), "utf8").matchAll(/^[-*] `(\w+)` - /gm)].map((m) => m[1]));

  it("document every provider argument, assume_role's included", () => {
    const names = documented("index.md");
    const expected = [...Object.keys(PROVIDER_BLOCK.attributes), ...Object.keys(PROVIDER_BLOCK.blocks ?? {})];
    expected.push(...Object.keys(PROVIDER_BLOCK.blocks?.assume_role?.attributes ?? {}));
    for (const name of expected) expect([name, names.has(name)]).toEqual([name, true]);
  });

  it.each([
    ["modelarts_visualization_jobs", JOBS_DATA_SOURCE],
    ["modelarts_visualization_job", JOB_DATA_SOURCE],
  ])("document every argument and attribute of %s, and nothing it does not have", (name, block) => {
    const names = documented(`data-sources/${name}.md`);
    const expected = new Set([...Object.keys(block.attributes), ...SHOWN_JOB_ATTRIBUTES.map((a) => a.name)]);
    expect([...names].sort()).toEqual([...expected].sort());
  });
});
