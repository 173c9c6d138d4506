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
import { RESULT_FIELD_KEYS } from "../../../provider/wire/description";

const REPO = join(__dirname, "../../..");

describe("the plugin's schema", () => {
  it("declares exactly the arguments the lookup validates, and the result's fields", () => {
    expect(Object.keys(ARGUMENT_PROPERTIES).sort()).toEqual([...QUERY_ARGUMENT_NAMES].sort());
    expect(Object.keys(RESULT_PROPERTIES).sort()).toEqual([...RESULT_FIELD_KEYS].sort());
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
      [...QUERY_ARGUMENT_NAMES, ...RESULT_FIELD_KEYS, "drift"].sort(),
    );
    const secrets = Object.entries(schema.config.variables)
      .filter(([, v]) => (v as { secret?: boolean }).secret)
      .map(([k]) => k);
    expect(secrets.sort()).toEqual(["accessKey", "authToken", "secretKey", "securityToken"]);
  });
});
