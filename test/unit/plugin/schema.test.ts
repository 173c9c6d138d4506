/**
 * The plugin's schema against the TypeScript surface: the same arguments, result fields and job
 * fields (the tables are keyed by the TypeScript types, so a missing field does not compile; this
 * checks the runtime lists too), and plugin/schema.json as regenerating it would write it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ARGUMENT_PROPERTIES, JOB_PROPERTIES, RESULT_PROPERTIES, TOKENS } from "../../../plugin/schema";
import { schemaJson } from "../../../plugin/writeSchema";
import { QUERY_ARGUMENT_NAMES } from "../../../provider/boundary/queryArguments";
import { SPLIT_ARGUMENTS } from "../../../provider/boundary/splitArguments";
import { RESULT_FIELD_KEYS } from "../../../provider/wire/description";
import { JobStatus } from "../../../provider/wire/status";

/** The plugin's arguments: the lookup's, and the lists split off them (`statuses`). */
const PLUGIN_ARGUMENTS = [...QUERY_ARGUMENT_NAMES, ...SPLIT_ARGUMENTS.map((s) => s.list)];

const REPO = join(__dirname, "../../..");

describe("the plugin's schema", () => {
  it("declares exactly the arguments the lookup validates, and the result's fields", () => {
    expect(Object.keys(ARGUMENT_PROPERTIES).sort()).toEqual(PLUGIN_ARGUMENTS.sort());
    expect(Object.keys(RESULT_PROPERTIES).sort()).toEqual([...RESULT_FIELD_KEYS].sort());
  });

  it("types status and statuses by the JobStatus enum, whose members are the status names (Go's JobStatusSubmitTrying)", () => {
    const schema = JSON.parse(readFileSync(join(REPO, "plugin", "schema.json"), "utf8"));
    const token = "modelarts:index:JobStatus";
    const members = schema.types[token].enum as Array<{ name: string; value: string }>;
    expect(members.map((m) => m.value)).toEqual(Object.keys(JobStatus));
    expect(members.find((m) => m.value === "SUBMIT_TRYING")?.name).toBe("SubmitTrying");
    const inputs = schema.functions[TOKENS.getVisualizationJobs].inputs.properties;
    expect(inputs.status.$ref).toBe(`#/types/${token}`);
    expect(inputs.statuses.items.$ref).toBe(`#/types/${token}`);
    expect(schema.resources[TOKENS.lookup].inputProperties.status.$ref).toBe(`#/types/${token}`);
  });

  it("is committed as npm run plugin:schema writes it (regenerating changes nothing)", () => {
    const { version } = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8"));
    expect(readFileSync(join(REPO, "plugin", "schema.json"), "utf8")).toBe(schemaJson(version));
  });

  it("gives the functions the lookup's arguments, and the resource the arguments, the result and drift", () => {
    const schema = JSON.parse(readFileSync(join(REPO, "plugin", "schema.json"), "utf8"));
    const plural = schema.functions[TOKENS.getVisualizationJobs];
    expect(Object.keys(plural.inputs.properties)).toEqual(Object.keys(ARGUMENT_PROPERTIES));
    expect(Object.keys(schema.functions[TOKENS.getVisualizationJob].outputs.properties)).toEqual(
      Object.keys(JOB_PROPERTIES),
    );
    const lookup = schema.resources[TOKENS.lookup];
    expect(Object.keys(lookup.properties).sort()).toEqual(
      [...PLUGIN_ARGUMENTS, ...RESULT_FIELD_KEYS, "drift"].sort(),
    );
    const secrets = Object.entries(schema.config.variables)
      .filter(([, v]) => (v as { secret?: boolean }).secret)
      .map(([k]) => k);
    expect(secrets.sort()).toEqual(["accessKey", "authToken", "secretKey", "securityToken"]);
  });
});
