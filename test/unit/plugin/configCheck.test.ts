/**
 * The plugin's CheckConfig: credentials wrapped as secrets whatever way they were set, and a key the
 * provider does not have refused with the one most likely meant.
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

  it("offers no guess for a name near nothing", () => {
    expect(checkProviderConfig({ favouriteColour: "blue" }).failures[0]?.reason).toMatch(
      /provider\. Its settings: region, /,
    );
    expect(closestName("favouriteColour", ["region", "profile"])).toBeUndefined();
  });
});
