import { type Environment, resolveSettings } from "../../../provider/settings/settings";
import { ModelArtsConfigError } from "../../../provider/support/errors";
import { failureOf } from "../../support/failure";

const AKSK: Environment = { HW_ACCESS_KEY: "AK-ENV", HW_SECRET_KEY: "SK-ENV-secret" };
const noConfig = () => undefined;
const configOf = (values: Record<string, string>) => (key: string) => values[key];

describe("resolveSettings", () => {
  it("takes the call's argument first, then stack config, then the environment", () => {
    const env = { ...AKSK, HW_REGION_NAME: "cn-east-3", HW_PROJECT_ID: "envproject" };
    const config = configOf({ "huaweicloud:region": "cn-north-4", "huaweicloud:projectId": "configproject" });
    expect(resolveSettings({}, noConfig, env)).toMatchObject({
      region: "cn-east-3",
      projectId: "envproject",
    });
    expect(resolveSettings({}, config, env)).toMatchObject({
      region: "cn-north-4",
      projectId: "configproject",
    });
    expect(resolveSettings({ region: "ap-southeast-1", projectId: "argproject" }, config, env)).toMatchObject(
      {
        region: "ap-southeast-1",
        projectId: "argproject",
        endpoint: "https://modelarts.ap-southeast-1.myhuaweicloud.com",
        authUrl: "https://iam.ap-southeast-1.myhuaweicloud.com/v3",
      },
    );
  });

  it("reads the SDK's environment names when the Terraform ones are unset", () => {
    const s = resolveSettings({}, noConfig, {
      HUAWEICLOUD_SDK_AK: "AK2",
      HUAWEICLOUD_SDK_SK: "SK2-secret",
      HUAWEICLOUD_SDK_SECURITY_TOKEN: "temp-token-value",
      HUAWEICLOUD_SDK_PROJECT_ID: "p2",
      HW_REGION_NAME: "cn-north-4",
    });
    expect(s.credentials).toEqual({
      kind: "aksk",
      accessKey: "AK2",
      secretKey: "SK2-secret",
      securityToken: "temp-token-value",
    });
    expect(s.projectId).toBe("p2");
  });

  it("uses myhuaweicloud.eu for eu-west-1 regions and HW_CLOUD when set", () => {
    expect(resolveSettings({}, noConfig, { ...AKSK, HW_REGION_NAME: "eu-west-101" }).endpoint).toBe(
      "https://modelarts.eu-west-101.myhuaweicloud.eu",
    );
    expect(
      resolveSettings({}, noConfig, { ...AKSK, HW_REGION_NAME: "cn-north-4", HW_CLOUD: "example.cloud" })
        .authUrl,
    ).toBe("https://iam.cn-north-4.example.cloud/v3");
  });

  it("takes the ModelArts endpoint from the endpoints map before HW_MODELARTS_ENDPOINT, and strips a trailing slash", () => {
    const env = { ...AKSK, HW_REGION_NAME: "cn-north-4", HW_MODELARTS_ENDPOINT: "https://env.example.com/" };
    expect(resolveSettings({}, noConfig, env).endpoint).toBe("https://env.example.com");
    const config = configOf({
      "huaweicloud:endpoints": '{"modelarts": "https://map.example.com/prefix/", "obs": "x"}',
    });
    expect(resolveSettings({}, config, env).endpoint).toBe("https://map.example.com/prefix");
    expect(resolveSettings({ endpoint: "https://arg.example.com" }, config, env).endpoint).toBe(
      "https://arg.example.com",
    );
  });

  it("prefers AK/SK over an IAM token, and uses the token alone when there are no keys", () => {
    expect(
      resolveSettings({}, noConfig, { ...AKSK, HW_AUTH_TOKEN: "tok-abc", HW_REGION_NAME: "r1" }).credentials
        .kind,
    ).toBe("aksk");
    expect(
      resolveSettings({}, noConfig, { HW_AUTH_TOKEN: "tok-abc", HW_REGION_NAME: "r1" }).credentials,
    ).toEqual({
      kind: "token",
      token: "tok-abc",
    });
  });

  it("lists every name it looked at when there are no credentials", () => {
    const error = failureOf(
      () => resolveSettings({}, noConfig, { HW_REGION_NAME: "cn-north-4" }),
      ModelArtsConfigError,
    );
    for (const name of [
      "huaweicloud:accessKey",
      "HW_ACCESS_KEY",
      "HUAWEICLOUD_SDK_AK",
      "huaweicloud:secretKey",
      "HW_SECRET_KEY",
      "HUAWEICLOUD_SDK_SK",
      "huaweicloud:token",
      "HW_AUTH_TOKEN",
    ]) {
      expect(error!.message).toContain(name);
    }
  });

  it("names the missing half of incomplete keys without printing the half it found", () => {
    expect(() =>
      resolveSettings({}, noConfig, { HW_SECRET_KEY: "only-the-secret", HW_REGION_NAME: "r" }),
    ).toThrow(/no access key in huaweicloud:accessKey, HW_ACCESS_KEY, HUAWEICLOUD_SDK_AK/);
    expect(() =>
      resolveSettings({}, noConfig, { HW_SECRET_KEY: "only-the-secret", HW_REGION_NAME: "r" }),
    ).not.toThrow(/only-the-secret/);
  });

  it("asks for a region unless both the endpoint and the project id are given", () => {
    expect(() => resolveSettings({}, noConfig, AKSK)).toThrow(
      /No region found.*huaweicloud:region, HW_REGION_NAME/,
    );
    expect(() => resolveSettings({ endpoint: "https://x.example.com" }, noConfig, AKSK)).toThrow(
      /No region found/,
    );
    expect(
      resolveSettings({ endpoint: "https://x.example.com", projectId: "p" }, noConfig, AKSK).region,
    ).toBeUndefined();
  });

  it("accepts http:// only for loopback hosts", () => {
    const env = { ...AKSK, HW_REGION_NAME: "r", HW_PROJECT_ID: "p" };
    for (const ok of ["http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9", "http://127.3.4.5"]) {
      expect(resolveSettings({ endpoint: ok }, noConfig, env).endpoint).toBe(ok);
    }
    for (const bad of ["http://10.0.0.1", "http://modelarts.example.com", "http://127.0.0.1.example.com"]) {
      expect(() => resolveSettings({ endpoint: bad }, noConfig, env)).toThrow(
        /plain http:\/\/ with the non-loopback host/,
      );
    }
    expect(() => resolveSettings({}, noConfig, { ...env, HW_AUTH_URL: "http://iam.example.com/v3" })).toThrow(
      /IAM endpoint from environment variable HW_AUTH_URL uses plain http/,
    );
  });

  it("rejects malformed settings with the name they came from", () => {
    const env = { ...AKSK, HW_REGION_NAME: "cn-north-4" };
    expect(() => resolveSettings({}, noConfig, { ...env, HW_MAX_RETRIES: "many" })).toThrow(
      /The setting from environment variable HW_MAX_RETRIES must be an integer from 0 to 20, got "many"/,
    );
    expect(() => resolveSettings({}, configOf({ "huaweicloud:insecure": "maybe" }), env)).toThrow(
      /stack config huaweicloud:insecure must be true or false/,
    );
    expect(() => resolveSettings({}, configOf({ "huaweicloud:endpoints": "{oops" }), env)).toThrow(
      /must be a JSON object/,
    );
    expect(() => resolveSettings({ endpoint: "ftp://x" }, noConfig, env)).toThrow(
      /must be an https:\/\/ URL/,
    );
    expect(() => resolveSettings({ projectId: "../../etc" }, noConfig, env)).toThrow(
      /project id from the projectId argument/,
    );
    expect(() => resolveSettings({ region: "cn north" }, noConfig, env)).toThrow(
      /must be a region name such as "cn-north-4"/,
    );
    // Valid JSON that is not an object was once ignored, and the request went to the public endpoint.
    for (const notAnObject of ['"https://x.example.com"', "[1]", "42", "null"]) {
      expect(() => resolveSettings({}, configOf({ "huaweicloud:endpoints": notAnObject }), env)).toThrow(
        `stack config huaweicloud:endpoints must be a JSON object such as {"modelarts": "https://..."}, got ${JSON.stringify(notAnObject)}.`,
      );
    }
  });

  it("reads retries and TLS verification, with defaults 5 and verify", () => {
    const env = { ...AKSK, HW_REGION_NAME: "cn-north-4" };
    expect(resolveSettings({}, noConfig, env)).toMatchObject({ maxRetries: 5, insecure: false });
    expect(
      resolveSettings({}, configOf({ "huaweicloud:maxRetries": "0", "huaweicloud:insecure": "true" }), env),
    ).toMatchObject({
      maxRetries: 0,
      insecure: true,
    });
  });

  it("reads the cap on requests in flight: default 16, from stack config or HW_MODELARTS_MAX_CONCURRENCY, 1 to 32", () => {
    const env = { ...AKSK, HW_REGION_NAME: "cn-north-4" };
    expect(resolveSettings({}, noConfig, env).maxConcurrency).toBe(16);
    expect(resolveSettings({}, noConfig, { ...env, HW_MODELARTS_MAX_CONCURRENCY: "2" }).maxConcurrency).toBe(
      2,
    );
    const config = configOf({ "huaweicloud:maxConcurrency": "8" });
    expect(resolveSettings({}, config, { ...env, HW_MODELARTS_MAX_CONCURRENCY: "2" }).maxConcurrency).toBe(8);
    for (const bad of ["0", "33", "many", "4.5"]) {
      expect(() => resolveSettings({}, noConfig, { ...env, HW_MODELARTS_MAX_CONCURRENCY: bad })).toThrow(
        `The setting from environment variable HW_MODELARTS_MAX_CONCURRENCY must be an integer from 1 to 32, got "${bad}".`,
      );
    }
  });
});
