/**
 * Keyless credentials (OIDC federation) against the emulator over real sockets, with no access key
 * anywhere: the id token from a file (read again when the keys are renewed), from a variable
 * (GitLab CI), from GitHub Actions' token service (a loopback server in its place), and from stack
 * config; IAM's id-token and token-method calls, then the agency through STS. Every message, log
 * line and the emulator's request log are searched for the id token, the subject token and the keys.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { demoJobs } from "../../emulator";
import { ModelArtsProvider } from "../../plugin/modelartsProvider";
import { TOKENS } from "../../plugin/schema";
import { ModelArtsApiError, ModelArtsConfigError } from "../../provider/support/errors";
import { TemporaryKeyCache } from "../../provider/transport/temporaryKeys";
import { failure } from "../support/failure";
import { type KeylessCi, keylessCi } from "../support/keyless";
import { lookup, useEmulator } from "./helpers";

const emulator = useEmulator({ jobs: demoJobs() });
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "modelarts-federation-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Where the emulator is (ModelArts, IAM, STS), and no key: only what keyless CI has. */
function keyless(extra: Record<string, string>): Record<string, string> {
  const { HW_ACCESS_KEY: _a, HW_SECRET_KEY: _s, ...place } = emulator().env as Record<string, string>;
  return { ...place, HOME: dir, ...extra };
}

/** The agency of the emulator, by its domain's id, as CI names it. */
const agency = () => ({
  HW_ASSUME_ROLE_AGENCY_NAME: emulator().settings.agencies[0]!.agencyName,
  HW_ASSUME_ROLE_DOMAIN_ID: emulator().settings.agencies[0]!.domainId,
});

/** A lookup with a fresh key cache (unless given), its log lines collected. */
async function logged(env: Record<string, string>, cache = new TemporaryKeyCache()) {
  const lines: string[] = [];
  const logger = { debug: (m: string) => lines.push(m), warn: (m: string) => lines.push(`WARN ${m}`) };
  const result = await lookup(emulator(), {}, { env, logger, temporaryKeys: cache });
  return { result, lines };
}

/** Whatever the emulator keeps of the requests, as text. */
const requestLogText = () => JSON.stringify(emulator().requests);

describe("OIDC federation", () => {
  it("a token file, an identity provider and an agency by domain id list the jobs with the agency's keys", async () => {
    const [token] = emulator().identityProvider("github-actions");
    const file = join(dir, "token");
    writeFileSync(file, `${token}\n`);
    const { result, lines } = await logged(
      keyless({ HW_ASSUME_ROLE_IDP_ID: "github-actions", HW_ASSUME_ROLE_ID_TOKEN_FILE: file, ...agency() }),
    );
    expect(result.ids).toHaveLength(30);
    const issued = emulator().issuedKeys();
    expect(issued.map((k) => k.issuedFor)).toEqual([
      "federated@github-actions",
      "modelarts-reader@emulator-account",
    ]);
    expect(
      emulator()
        .listRequests()
        .every((r) => r.accessKey === issued[1]!.accessKey),
    ).toBe(true);
    const paths = emulator().requests.map((r) => `${r.method} ${r.path}`);
    expect(paths.slice(0, 3)).toEqual([
      "POST /v3.0/OS-AUTH/id-token/tokens",
      "POST /v3.0/OS-CREDENTIAL/securitytokens",
      "POST /v5/agencies/assume",
    ]);
    const seen = `${lines.join("\n")}\n${requestLogText()}`;
    expect(seen).not.toContain(token);
    expect(seen).not.toMatch(/emulator-subject-token|emulator-security-token/);
  });

  it("without an agency, the federated user's own keys list the jobs", async () => {
    const [token] = emulator().identityProvider("gitlab");
    const { result } = await logged(
      keyless({
        HW_ASSUME_ROLE_IDP_ID: "gitlab",
        HW_ASSUME_ROLE_ID_TOKEN_ENV: "HW_ID_TOKEN",
        HW_ID_TOKEN: token!,
      }),
    );
    expect(result.ids).toHaveLength(30);
    expect(
      emulator()
        .issuedKeys()
        .map((k) => k.issuedFor),
    ).toEqual(["federated@gitlab"]);
  });

  it("the token file is read again when the keys are renewed: a rotated token is used, a stale one refused", async () => {
    const [first, second] = emulator().identityProvider("ci", ["first-id-token", "second-id-token"]);
    const file = join(dir, "token");
    writeFileSync(file, first!);
    let now = Date.now();
    const cache = new TemporaryKeyCache(() => now);
    const env = keyless({ HW_ASSUME_ROLE_IDP_ID: "ci", HW_ASSUME_ROLE_ID_TOKEN_FILE: file, ...agency() });
    await logged(env, cache);
    await logged(env, cache);
    expect(emulator().issuedKeys()).toHaveLength(2); // shared while fresh
    // An hour on, the keys are due: the file is read again; CI wrote a token IAM does not know.
    now += 3600_000;
    writeFileSync(file, "revoked-id-token");
    const refused = await failure(logged(env, cache), ModelArtsApiError);
    expect(refused.message).toContain('Federation with the identity provider "ci" was refused');
    expect(refused.message).toContain("IAM.0031");
    expect(refused.message).not.toContain("revoked-id-token");
    writeFileSync(file, second!);
    await logged(env, cache);
    expect(emulator().issuedKeys()).toHaveLength(4);
  });

  describe("GitHub Actions' token service", () => {
    let ci: KeylessCi;
    beforeEach(async () => {
      ci = await keylessCi(emulator(), dir);
    });
    afterEach(() => ci.close());
    /** GitHub's variables, as a job with `id-token: write` has them. */
    const actions = () => {
      const { ACTIONS_ID_TOKEN_REQUEST_URL, ACTIONS_ID_TOKEN_REQUEST_TOKEN } = ci.actionsEnv;
      return {
        ACTIONS_ID_TOKEN_REQUEST_URL: ACTIONS_ID_TOKEN_REQUEST_URL!,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: ACTIONS_ID_TOKEN_REQUEST_TOKEN!,
      };
    };

    it("is asked for the token with the audience, when the job has one and no token is given", async () => {
      const { result, lines } = await logged(
        keyless({
          HW_ASSUME_ROLE_IDP_ID: "github-actions",
          ...actions(),
          HW_ASSUME_ROLE_ID_TOKEN_AUDIENCE: "sts.myhuaweicloud.com",
          ...agency(),
        }),
      );
      expect(result.ids).toHaveLength(30);
      expect(ci.actionsAsked()).toEqual([
        "/_apis/pipelines/idtoken?api-version=2.0&audience=sts.myhuaweicloud.com",
      ]);
      expect(ci.leaks(lines.join("\n"))).toEqual([]);
    });

    it("a refused request token is an error naming the service, without the token", async () => {
      const error = await failure(
        logged(
          keyless({
            HW_ASSUME_ROLE_IDP_ID: "github-actions",
            ...actions(),
            ACTIONS_ID_TOKEN_REQUEST_TOKEN: "a-stale-request-token",
          }),
        ),
        ModelArtsApiError,
      );
      expect(error.message).toContain("GitHub Actions' id token service");
      expect(error.message).toContain("401");
      expect(error.message).not.toContain("a-stale-request-token");
      expect(ci.actionsAsked()[0]).toBe("/_apis/pipelines/idtoken?api-version=2.0");
    });
  });

  it("huaweicloud:assumeRoleWithOidc in stack config, the token given as a secret value", async () => {
    const [token] = emulator().identityProvider("idp-in-config");
    const object = {
      idpId: "idp-in-config",
      idToken: token,
      agencyName: emulator().settings.agencies[0]!.agencyName,
      domainId: emulator().settings.agencies[0]!.domainId,
      durationSeconds: 1800,
    };
    const config = (key: string) =>
      key === "huaweicloud:assumeRoleWithOidc" ? JSON.stringify(object) : undefined;
    const result = await lookup(
      emulator(),
      {},
      { env: keyless({}), config, temporaryKeys: new TemporaryKeyCache() },
    );
    expect(result.ids).toHaveLength(30);
  });

  it("the plugin's modelarts:assumeRoleWithOidc: the invoke lists the jobs, and no failure shows the token", async () => {
    const [token] = emulator().identityProvider("idp-of-the-plugin");
    const { agencyName, domainId } = emulator().settings.agencies[0]!;
    const config = {
      assumeRoleWithOidc: { idpId: "idp-of-the-plugin", idToken: token, agencyName, domainId },
    };
    const provider = new ModelArtsProvider("0.1.0", () => config, keyless({}));
    const found = await provider.invoke(TOKENS.getVisualizationJobs, {});
    expect(found.failures ?? []).toEqual([]);
    expect((found.outputs.ids as number[]).length).toBe(30);
    expect(
      emulator()
        .issuedKeys()
        .map((k) => k.issuedFor),
    ).toEqual(["federated@idp-of-the-plugin", "modelarts-reader@emulator-account"]);
    const refused = new ModelArtsProvider(
      "0.1.0",
      () => ({ assumeRoleWithOidc: { ...config.assumeRoleWithOidc, idpId: "another" } }),
      keyless({}),
    );
    const failed = await refused.invoke(TOKENS.getVisualizationJobs, {}).catch((e: Error) => e.message);
    expect(String(failed)).toContain('Federation with the identity provider "another" was refused');
    expect(String(failed)).not.toContain(token!);
  });

  it("bad settings are config errors that say what to set, before any request", async () => {
    const base = keyless({ HW_ASSUME_ROLE_IDP_ID: "github-actions" });
    const none = await failure(lookup(emulator(), {}, { env: base }), ModelArtsConfigError);
    expect(none.message).toContain("names an identity provider but no id token");
    expect(none.message).toContain("HW_ASSUME_ROLE_ID_TOKEN_FILE");
    expect(none.message).toContain("permissions: id-token: write");
    const two = await failure(
      lookup(
        emulator(),
        {},
        { env: { ...base, HW_ASSUME_ROLE_ID_TOKEN: "t", HW_ASSUME_ROLE_ID_TOKEN_FILE: "/f" } },
      ),
      ModelArtsConfigError,
    );
    expect(two.message).toMatch(
      /gives the id token in 2 ways \(environment variable HW_ASSUME_ROLE_ID_TOKEN, environment variable HW_ASSUME_ROLE_ID_TOKEN_FILE\): give one/,
    );
    const noDomain = await failure(
      lookup(
        emulator(),
        {},
        { env: { ...base, HW_ASSUME_ROLE_ID_TOKEN: "t", HW_ASSUME_ROLE_AGENCY_NAME: "a" } },
      ),
      ModelArtsConfigError,
    );
    expect(noDomain.message).toContain('The agency "a"');
    expect(noDomain.message).toContain("HW_ASSUME_ROLE_DOMAIN_ID");
    const badFile = await failure(
      lookup(emulator(), {}, { env: { ...base, HW_ASSUME_ROLE_ID_TOKEN_FILE: dir } }),
      ModelArtsConfigError,
    );
    expect(badFile.message).toContain(`The id token file ${dir} is a directory, not a regular file`);
    expect(emulator().requests).toEqual([]);
  });

  it("a refused identity provider or agency is named, with what to check, and nothing is listed", async () => {
    const [token] = emulator().identityProvider("known");
    const unknownIdp = await failure(
      lookup(
        emulator(),
        {},
        { env: keyless({ HW_ASSUME_ROLE_IDP_ID: "unknown", HW_ASSUME_ROLE_ID_TOKEN: token! }) },
      ),
      ModelArtsApiError,
    );
    expect(unknownIdp.message).toContain('Federation with the identity provider "unknown" was refused');
    expect(unknownIdp.message).toContain("audience");
    const env = keyless({
      HW_ASSUME_ROLE_IDP_ID: "known",
      HW_ASSUME_ROLE_ID_TOKEN: token!,
      HW_ASSUME_ROLE_AGENCY_NAME: "admin",
      HW_ASSUME_ROLE_DOMAIN_ID: "other-domain",
    });
    const agencyRefused = await failure(
      lookup(emulator(), {}, { env, temporaryKeys: new TemporaryKeyCache() }),
      ModelArtsApiError,
    );
    expect(agencyRefused.message).toContain('agency "admin" of domain id other-domain');
    expect(agencyRefused.message).toContain('with the keys of the identity provider "known"');
    expect(agencyRefused.message).toContain("STS.0003");
    expect(`${unknownIdp.message}${agencyRefused.message}`).not.toContain(token!);
    expect(emulator().listRequests()).toEqual([]);
  });
});
