import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  DEFAULT_ECS_METADATA_URL,
  resolveCredentialSource,
} from "../../../provider/settings/credentialSource";
import { resolveSettings } from "../../../provider/settings/settings";
import { ModelArtsConfigError } from "../../../provider/support/errors";
import { failureOf } from "../../support/failure";

const noConfig = () => undefined;
let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "modelarts-home-"));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function koocli(profile: Record<string, unknown> = {}): string {
  mkdirSync(join(home, ".hcloud"));
  const file = join(home, ".hcloud", "config.json");
  const entry = {
    name: "p",
    mode: "AKSK",
    accessKeyId: "FILEAK",
    secretAccessKey: "file-secret",
    region: "cn-east-3",
    ...profile,
  };
  writeFileSync(file, JSON.stringify({ current: "p", profiles: [entry] }), { mode: 0o600 });
  return file;
}

describe("where credentials come from", () => {
  it("keys in stack config or the environment win over any profile", () => {
    koocli();
    const fromEnv = resolveCredentialSource(noConfig, {
      HOME: home,
      HW_ACCESS_KEY: "ENVAK",
      HW_SECRET_KEY: "env-secret",
    });
    expect(fromEnv).toEqual({
      source: { kind: "aksk", accessKey: "ENVAK", secretKey: "env-secret", securityToken: undefined },
    });
    const config = (k: string) =>
      ({ "huaweicloud:accessKey": "CFGAK", "huaweicloud:secretKey": "cfg-secret" })[k];
    expect(resolveCredentialSource(config, { HOME: home }).source).toMatchObject({ accessKey: "CFGAK" });
  });

  it("KooCLI's file when nothing else gives keys, its region only where nothing else sets one", () => {
    koocli();
    expect(resolveCredentialSource(noConfig, { HOME: home }).source).toMatchObject({
      kind: "aksk",
      accessKey: "FILEAK",
    });
    const env = { HOME: home, HW_PROJECT_ID: "p1" };
    expect(resolveSettings({}, noConfig, env).region).toBe("cn-east-3");
    expect(resolveSettings({}, noConfig, { ...env, HW_REGION_NAME: "cn-north-4" }).region).toBe("cn-north-4");
  });

  it("the instance's keys when opted in, even beside KooCLI's file; never without the opt-in", () => {
    koocli();
    expect(resolveCredentialSource(noConfig, { HOME: home, HW_ECS_METADATA: "true" }).source).toEqual({
      kind: "ecsMetadata",
      url: DEFAULT_ECS_METADATA_URL,
    });
    rmSync(join(home, ".hcloud"), { recursive: true });
    const none = failureOf(() => resolveCredentialSource(noConfig, { HOME: home }), ModelArtsConfigError);
    expect(none.message).toMatch(/^No credentials found\./);
    const elsewhere = failureOf(
      () =>
        resolveCredentialSource(noConfig, {
          HOME: home,
          HW_ECS_METADATA: "1",
          HW_ECS_METADATA_URL: "http://10.0.0.1/x",
        }),
      ModelArtsConfigError,
    );
    expect(elsewhere.message).toMatch(/must be http:\/\/ to 169\.254\.169\.254 or a loopback host/);
  });

  it("an agency over keys, from the environment or the profile; not over an IAM token", () => {
    const keys = { HOME: home, HW_ACCESS_KEY: "AK", HW_SECRET_KEY: "sk-secret" };
    const agency = {
      HW_ASSUME_ROLE_AGENCY_NAME: "reader",
      HW_ASSUME_ROLE_DOMAIN_ID: "d-1",
      HW_ASSUME_ROLE_DURATION: "3600",
    };
    expect(resolveCredentialSource(noConfig, { ...keys, ...agency }).source).toEqual({
      kind: "assumeRole",
      base: { kind: "aksk", accessKey: "AK", secretKey: "sk-secret", securityToken: undefined },
      agencies: [{ agencyName: "reader", domainId: "d-1", durationSeconds: 3600 }],
    });
    koocli({ agencyName: "from-profile", agencyDomainName: "acct" });
    expect(resolveCredentialSource(noConfig, { HOME: home }).source).toMatchObject({
      kind: "assumeRole",
      agencies: [{ agencyName: "from-profile", domainName: "acct", durationSeconds: 900 }],
    });
    const token = failureOf(
      () => resolveCredentialSource(noConfig, { HOME: home, HW_AUTH_TOKEN: "tok", ...agency }),
      ModelArtsConfigError,
    );
    expect(token.message).toMatch(/needs an access key and secret key; an IAM token cannot sign/);
    const short = failureOf(
      () => resolveCredentialSource(noConfig, { ...keys, ...agency, HW_ASSUME_ROLE_DURATION: "60" }),
      ModelArtsConfigError,
    );
    expect(short.message).toMatch(/HW_ASSUME_ROLE_DURATION must be an integer from 900 to 86400, got "60"/);
  });
});
