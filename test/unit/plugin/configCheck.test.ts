/**
 * The plugin's CheckConfig: credentials wrapped as secrets whatever way they were set, a key the
 * provider does not have refused with the one most likely meant, a bad value refused and an unknown
 * one left for later.
 */
import { checkProviderConfig } from "../../../plugin/configCheck";
import { closestName } from "../../../provider/support/closestName";

const SIGNATURE = "4dabf18193072939515e22adb298388d";
const SECRET = "1b47061264138c4ac30d75fd1eb44270";

describe("CheckConfig", () => {
  it("wraps each credential as a secret, once, and leaves the other settings as they are", () => {
    const { inputs, failures } = checkProviderConfig({
      region: "cn-north-4",
      accessKey: "AK",
      secretKey: { [SIGNATURE]: SECRET, value: "SK" },
      securityToken: "T",
      authToken: "X",
      version: "0.1.0",
    });
    expect(failures).toEqual([]);
    expect(inputs).toEqual({
      region: "cn-north-4",
      accessKey: { [SIGNATURE]: SECRET, value: "AK" },
      secretKey: { [SIGNATURE]: SECRET, value: "SK" },
      securityToken: { [SIGNATURE]: SECRET, value: "T" },
      authToken: { [SIGNATURE]: SECRET, value: "X" },
      version: "0.1.0",
    });
  });

  it.each([
    ["acessKey", "did you mean modelarts:accessKey?"],
    ["endpoints", "did you mean modelarts:endpoint?"],
    ["regoin", "did you mean modelarts:region?"],
  ])("refuses modelarts:%s, naming the setting meant", (key, hint) => {
    const { failures } = checkProviderConfig({ [key]: "x" });
    expect(failures).toEqual([
      {
        property: key,
        reason: expect.stringContaining(
          `modelarts:${key} is not a setting of the modelarts provider; ${hint}`,
        ),
      },
    ]);
  });

  it("refuses a value the lookup would refuse, but lets a value not known yet wait for Configure", () => {
    const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    const OUTPUT_VALUE = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
    expect(checkProviderConfig({ maxRetries: "1e9" }).failures).toEqual([
      { property: "maxRetries", reason: expect.stringContaining("must be an integer from 0 to 20") },
    ]);
    // A preview's unknowns, as a plain marker, as an output value without one, and inside an object.
    expect(
      checkProviderConfig({
        maxRetries: UNKNOWN,
        maxConcurrency: { [SIGNATURE]: OUTPUT_VALUE },
        assumeRole: { agencyName: UNKNOWN, durationSeconds: 5 },
      }).failures,
    ).toEqual([]);
  });

  it("checks every setting the description gives a rule: the signing algorithm, STS's endpoint, an OIDC block's fields", () => {
    const { failures } = checkProviderConfig({
      signingAlgorithm: "HmacSHA1",
      stsEndpoint: "http://sts.example.com",
      assumeRoleWithOidc: { idpId: "ci", idTokn: "x" },
      projectName: "no spaces allowed",
    });
    expect(failures.map((f) => f.property).sort()).toEqual([
      "assumeRoleWithOidc",
      "projectName",
      "signingAlgorithm",
      "stsEndpoint",
    ]);
    expect(failures.find((f) => f.property === "signingAlgorithm")?.reason).toContain(
      "must be one of HmacSHA256, HmacSM3, EcdsaP256SHA256, SM2SM3",
    );
    expect(failures.find((f) => f.property === "stsEndpoint")?.reason).toContain("plain http://");
    expect(failures.find((f) => f.property === "assumeRoleWithOidc")?.reason).toContain(
      'unknown field "idTokn"',
    );
  });

  it("offers no guess for a name near nothing", () => {
    expect(checkProviderConfig({ favouriteColour: "blue" }).failures[0]?.reason).toMatch(
      /provider\. Its settings: region, /,
    );
    expect(closestName("favouriteColour", ["region", "profile"])).toBeUndefined();
  });
});
