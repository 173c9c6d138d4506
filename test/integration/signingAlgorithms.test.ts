/**
 * Each of Huawei's four signing algorithms (HW_SIGNING_ALGORITHM) against the emulator over real
 * sockets, which verifies each as the gateway does: a lookup with base keys, one through an agency
 * (IAM's call signed so too) and one through STS, every request signed by the algorithm asked for.
 * A signature changed by one digit, or an algorithm Huawei does not have, is refused; a bad setting
 * names the four. test/reliability/huaweiSigner.test.ts holds the signatures to Huawei's own signer.
 */
import { demoJobs } from "../../emulator";
import { ModelArtsApiError, ModelArtsConfigError } from "../../provider/support/errors";
import { TemporaryKeyCache } from "../../provider/transport/temporaryKeys";
import { SIGNING_ALGORITHMS, type SigningAlgorithm } from "../../provider/wire/signer";
import { failure } from "../support/failure";
import { lookup, useEmulator } from "./helpers";

const emulator = useEmulator({ jobs: demoJobs() });
const ALGORITHMS = Object.keys(SIGNING_ALGORITHMS) as SigningAlgorithm[];

describe.each(ALGORITHMS)("HW_SIGNING_ALGORITHM=%s", (algorithm) => {
  it("lists every job with the base keys, each request signed so", async () => {
    const result = await lookup(
      emulator(),
      {},
      { env: { ...emulator().env, HW_SIGNING_ALGORITHM: algorithm } },
    );
    expect(result.ids).toHaveLength(30);
    expect(emulator().requests.length).toBeGreaterThan(0);
    expect(new Set(emulator().requests.map((r) => r.signedWith))).toEqual(new Set([algorithm]));
  });

  it("assumes an agency through IAM and through STS with it, and lists with the agency's keys so signed", async () => {
    const { agencyName, domainName, domainId } = emulator().settings.agencies[0]!;
    for (const domain of [
      { HW_ASSUME_ROLE_DOMAIN_NAME: domainName },
      { HW_ASSUME_ROLE_DOMAIN_ID: domainId },
    ]) {
      const env = {
        ...emulator().env,
        HW_SIGNING_ALGORITHM: algorithm,
        HW_ASSUME_ROLE_AGENCY_NAME: agencyName,
        ...domain,
      };
      expect(
        (await lookup(emulator(), {}, { env, temporaryKeys: new TemporaryKeyCache() })).ids,
      ).toHaveLength(30);
    }
    expect(
      emulator()
        .requests.filter((r) => r.method === "POST")
        .map((r) => r.path),
    ).toEqual(["/v3.0/OS-CREDENTIAL/securitytokens", "/v5/agencies/assume"]);
    expect(emulator().requests.every((r) => r.signedWith === algorithm)).toBe(true);
    const issued = emulator()
      .issuedKeys()
      .map((k) => k.accessKey);
    expect(
      emulator()
        .listRequests()
        .every((r) => issued.includes(r.accessKey!)),
    ).toBe(true);
  });
});

it("a signature changed by one digit is refused, whatever the algorithm; an unknown algorithm is named", async () => {
  const { accessKey } = emulator().settings;
  for (const algorithm of ALGORITHMS) {
    const response = await fetch(`${emulator().url}/v3/projects`, {
      headers: {
        "x-sdk-date": "20260101T000000Z",
        authorization: `${SIGNING_ALGORITHMS[algorithm].wire} Access=${accessKey}, SignedHeaders=x-sdk-date, Signature=${"ab".repeat(36)}`,
      },
    });
    expect(response.status).toBe(401);
  }
  const unknown = await fetch(`${emulator().url}/v3/projects`, {
    headers: { authorization: `SDK-HMAC-MD5 Access=${accessKey}, SignedHeaders=x-sdk-date, Signature=00` },
  });
  expect(await unknown.text()).toContain(
    "not one of SDK-HMAC-SHA256, SDK-HMAC-SM3, SDK-ECDSA-P256-SHA256, SDK-SM2-SM3",
  );
});

it("a bad HW_SIGNING_ALGORITHM is a config error naming the four, and nothing is sent", async () => {
  const error = await failure(
    lookup(emulator(), {}, { env: { ...emulator().env, HW_SIGNING_ALGORITHM: "HmacSHA1" } }),
    ModelArtsConfigError,
  );
  expect(error.message).toContain(
    'The signing algorithm from environment variable HW_SIGNING_ALGORITHM must be one of HmacSHA256, HmacSM3, EcdsaP256SHA256, SM2SM3, got "HmacSHA1"',
  );
  expect(emulator().requests).toEqual([]);
});

it("keys of another account sign SM2 in vain: the gateway's check is by the derived key, not the form", async () => {
  const env = { ...emulator().env, HW_SIGNING_ALGORITHM: "SM2SM3", HW_SECRET_KEY: "not-the-emulator-secret" };
  const error = await failure(lookup(emulator(), {}, { env }), ModelArtsApiError);
  expect(error.message).toContain("verify aksk signature fail");
});
