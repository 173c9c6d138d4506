/**
 * Obtains the credentials a lookup signs with when they are not given as keys: an agency's
 * temporary keys (from IAM, `POST /v3.0/OS-CREDENTIAL/securitytokens` with the `assume_role`
 * method, for an agency named by its domain's name; from STS for one named by its domain's id),
 * signed with the base keys; an identity provider's (federation.ts); or the ECS instance's, from
 * its metadata service. They are shared through temporaryKeys.ts's cache.
 */
import { createHash } from "node:crypto";
import { get as httpGet } from "node:http";
import type { Agency, AkskCredentials, CredentialSource, Credentials } from "../settings/settings";
import {
  ModelArtsApiError,
  ModelArtsConfigError,
  ModelArtsError,
  ModelArtsNetworkError,
} from "../support/errors";
import { words } from "../surfaces/wording";
import type { ApiClient } from "./client";
import { federatedKeys } from "./federation";
import { agencyLabel, assumeAgencyWithSts } from "./stsAgency";
import { type TemporaryKeyCache, type TemporaryKeys, temporaryKeysOf } from "./temporaryKeys";

const ASSUME_ROLE_PATH = "/v3.0/OS-CREDENTIAL/securitytokens";
const ASSUME_ROLE = `POST ${ASSUME_ROLE_PATH}`;
/** How long the metadata service may take to answer; a machine that is not an ECS instance never does. */
const METADATA_TIMEOUT_MS = 1_000;
/** The most bytes of a metadata answer read. */
const MAX_METADATA_BYTES = 64 * 1024;

/**
 * Asks IAM for the agency's temporary keys, signed with the keys of `hop` (the base keys, or the
 * hop before in a chain). Never retried after 401 or 403.
 */
async function assumeRole(
  iam: ApiClient,
  iamBase: string,
  agency: Agency,
  hop: string,
): Promise<TemporaryKeys> {
  const body = {
    auth: {
      identity: {
        methods: ["assume_role"],
        assume_role: {
          agency_name: agency.agencyName,
          ...(agency.domainName !== undefined
            ? { domain_name: agency.domainName }
            : { domain_id: agency.domainId }),
          duration_seconds: agency.durationSeconds,
        },
      },
    },
  };
  try {
    const response = await iam.getJson({
      baseUrl: iamBase,
      path: ASSUME_ROLE_PATH,
      query: [],
      operation: ASSUME_ROLE,
      service: "IAM",
      jsonBody: JSON.stringify(body),
    });
    return temporaryKeysOf(response.body, `IAM ${ASSUME_ROLE} for the ${agencyLabel(agency)}`);
  } catch (error) {
    if (!ModelArtsApiError.isInstance(error)) throw error;
    throw error.withOwnHint(
      `Assuming the ${agencyLabel(agency)} ${hop} was refused. Check that the agency exists in that domain, that it delegates to the account of the keys that asked, and that this identity may assume it (iam:agencies:assume)`,
    );
  }
}

/** GETs the instance's keys from the metadata service: plain HTTP on the link-local address, no proxy. */
function fetchMetadata(url: string, signal: AbortSignal | undefined): Promise<TemporaryKeys> {
  const notHere = (detail: string, cause?: unknown) =>
    new ModelArtsNetworkError(
      words`No ECS instance keys: the metadata service at ${url} ${detail}. This machine is not an ECS instance, or its instance has no agency attached; give keys instead, or turn off ${{ setting: "ecsMetadata", as: "names" }}.`,
      cause,
    );
  return new Promise((resolve, reject) => {
    const request = httpGet(
      url,
      { timeout: METADATA_TIMEOUT_MS, signal, headers: { accept: "application/json" } },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_METADATA_BYTES) response.destroy(new Error("answer too large"));
          else chunks.push(chunk);
        });
        response.on("error", (error) => reject(notHere(`broke off its answer (${error.message})`, error)));
        response.on("end", () => {
          if (response.statusCode !== 200) return reject(notHere(`answered HTTP ${response.statusCode}`));
          try {
            resolve(
              temporaryKeysOf(
                JSON.parse(Buffer.concat(chunks).toString("utf8")),
                `The metadata service at ${url}`,
              ),
            );
          } catch (error) {
            reject(
              ModelArtsError.isInstance(error)
                ? error
                : notHere("answered with a body that is not JSON", error),
            );
          }
        });
      },
    );
    request.on("timeout", () =>
      request.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })),
    );
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (signal?.aborted) return reject(signal.reason);
      reject(
        notHere(
          `did not answer within ${METADATA_TIMEOUT_MS / 1000} s (${error.code ?? error.message})`,
          error,
        ),
      );
    });
  });
}

/** What obtaining credentials needs: clients, where IAM and STS are, and the shared keys. */
export interface TemporaryCredentialContext {
  /** A client signing with these keys; with none, one that sends unsigned requests. */
  readonly iamClient: (base?: AkskCredentials) => ApiClient;
  /** The IAM endpoint without its `/v3` (`https://iam.cn-north-4.myhuaweicloud.com`). */
  readonly iamBase: string | undefined;
  /** The STS endpoint (`https://sts.cn-north-4.myhuaweicloud.com`). */
  readonly stsBase: string | undefined;
  readonly cache: TemporaryKeyCache;
  readonly signal?: AbortSignal;
  /** Tells apart how requests travel (TLS verification, proxy), for the cache key. */
  readonly transportKey: string;
}

const hashOf = (parts: unknown[]): string => createHash("sha256").update(JSON.stringify(parts)).digest("hex");

/** An endpoint the credentials need, or a config error naming the setting that gives it. */
function needed(base: string | undefined, what: string, setting: "authUrl" | "stsEndpoint"): string {
  if (base !== undefined) return base;
  throw new ModelArtsConfigError(
    words`${what} needs its endpoint: set a region, or ${{ setting, as: "names" }}.`,
  );
}

/** Which keys assume hop `i` of `n`, as a refusal names it. */
function hopLabel(i: number, n: number): string {
  if (n === 1) return "with the base keys";
  return `(hop ${i + 1} of ${n}, with ${i === 0 ? "the base keys" : `the keys of hop ${i}`})`;
}

/** Whether an agency is assumed through STS: named by its domain's id. */
const throughSts = (agency: Agency) => agency.domainName === undefined && agency.domainId !== undefined;

/**
 * The agencies assumed in turn: each with the keys of the one before (the first with the base keys),
 * through STS when named by its domain's id, else through IAM. The endpoints are checked first.
 */
function agencyChainKeys(
  base: AkskCredentials,
  agencies: readonly Agency[],
  context: TemporaryCredentialContext,
) {
  const sts = agencies.some(throughSts)
    ? needed(context.stsBase, "Assuming an agency by its domain's id", "stsEndpoint")
    : "";
  const iam = agencies.some((a) => !throughSts(a))
    ? needed(context.iamBase, "Assuming an agency", "authUrl")
    : "";
  return async (): Promise<TemporaryKeys> => {
    let keys: TemporaryKeys | undefined;
    for (const [i, agency] of agencies.entries()) {
      const client = context.iamClient(keys?.credentials ?? base);
      const hop = hopLabel(i, agencies.length);
      keys = throughSts(agency)
        ? await assumeAgencyWithSts(client, sts, { ...agency, domainId: agency.domainId! }, hop)
        : await assumeRole(client, iam, agency, hop);
    }
    return keys!;
  };
}

/** The credentials to sign with: the given ones, an agency's or an identity provider's temporary keys, or the instance's. */
export async function obtainCredentials(
  source: CredentialSource,
  context: TemporaryCredentialContext,
): Promise<Credentials> {
  if (source.kind === "aksk" || source.kind === "token") return source;
  if (source.kind === "ecsMetadata") {
    return context.cache.get(hashOf(["ecs", source.url]), () => fetchMetadata(source.url, context.signal));
  }
  if (source.kind === "oidc") {
    const { federation } = source;
    const iamBase = needed(context.iamBase, "Federation with an identity provider", "authUrl");
    const stsBase =
      federation.agency === undefined ? "" : needed(context.stsBase, "Assuming an agency", "stsEndpoint");
    // The token itself is no part of the key: a file's or a variable's changes each time CI rotates it.
    const { env: _, ...tokenPlace } = federation.idToken as { env?: unknown };
    const key = hashOf([
      "oidc",
      { ...federation, idToken: tokenPlace },
      iamBase,
      stsBase,
      context.transportKey,
    ]);
    return context.cache.get(key, () =>
      federatedKeys(federation, {
        iamBase,
        stsBase,
        anonymous: context.iamClient(),
        signedWith: context.iamClient,
      }),
    );
  }
  const { base, agencies } = source;
  const key = hashOf([
    "agency",
    base.accessKey,
    base.secretKey,
    base.securityToken ?? null,
    agencies,
    context.iamBase,
    context.stsBase,
    context.transportKey,
  ]);
  return context.cache.get(key, agencyChainKeys(base, agencies, context));
}
