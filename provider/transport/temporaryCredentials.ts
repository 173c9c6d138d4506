/**
 * Obtains the credentials a lookup signs with when they are not given as keys: an agency's
 * temporary keys from IAM (`POST /v3.0/OS-CREDENTIAL/securitytokens` with the `assume_role`
 * method, signed with the base keys), or the ECS instance's from its metadata service. Temporary
 * keys are shared by the lookups of a process until five minutes before they expire, registered
 * for redaction at once, and never kept anywhere else.
 */
import { createHash } from "node:crypto";
import { get as httpGet } from "node:http";
import type { Agency, AkskCredentials, CredentialSource, Credentials } from "../settings/settings";
import { BoundedMap } from "../support/boundedMap";
import {
  ModelArtsApiError,
  ModelArtsConfigError,
  ModelArtsError,
  ModelArtsNetworkError,
  ModelArtsResponseError,
} from "../support/errors";
import { registerSecrets } from "../support/redact";
import { words } from "../surfaces/wording";
import type { ApiClient } from "./client";

const ASSUME_ROLE_PATH = "/v3.0/OS-CREDENTIAL/securitytokens";
const ASSUME_ROLE = `POST ${ASSUME_ROLE_PATH}`;
/** Keys are fetched afresh this long before they expire. */
const REFRESH_BEFORE_MS = 5 * 60_000;
/** How long the metadata service may take to answer; a machine that is not an ECS instance never does. */
const METADATA_TIMEOUT_MS = 1_000;
/** The most sets of keys kept (base identity and agency, or metadata address). */
const MAX_ENTRIES = 64;
/** The most bytes of a metadata answer read. */
const MAX_METADATA_BYTES = 64 * 1024;

/** Temporary keys and when they stop working (epoch ms). */
interface TemporaryKeys {
  readonly credentials: AkskCredentials;
  readonly expiresAt: number;
}

/** Temporary keys shared by key until shortly before they expire; a failure is forgotten at once. */
export class TemporaryKeyCache {
  private readonly entries = new BoundedMap<string, Promise<TemporaryKeys>>(MAX_ENTRIES);

  constructor(private readonly now: () => number = Date.now) {}

  /** The keys for `key`: kept ones while fresh, else those `fetch` brings. */
  async get(key: string, fetch: () => Promise<TemporaryKeys>): Promise<AkskCredentials> {
    const kept = this.entries.get(key);
    if (kept !== undefined) {
      const keys = await kept.catch(() => undefined);
      if (keys !== undefined && keys.expiresAt - REFRESH_BEFORE_MS > this.now()) return keys.credentials;
    }
    const fetched = fetch();
    this.entries.set(key, fetched);
    fetched.catch(() => {
      if (this.entries.get(key) === fetched) this.entries.delete(key);
    });
    return (await fetched).credentials;
  }

  /** Forgets every key. */
  clear(): void {
    this.entries.clear();
  }
}

/** The temporary keys lookups share unless given another cache. */
export const processTemporaryKeys = new TemporaryKeyCache();

/** The `credential` object both IAM and the metadata service answer with. */
function temporaryKeysOf(body: unknown, what: string): TemporaryKeys {
  const credential = (body as { credential?: Record<string, unknown> } | null)?.credential;
  const access = credential?.access;
  const secret = credential?.secret;
  const token = credential?.securitytoken;
  const expiresAt = Date.parse(String(credential?.expires_at));
  if (
    typeof access !== "string" ||
    typeof secret !== "string" ||
    typeof token !== "string" ||
    !access ||
    !secret ||
    !token
  ) {
    throw new ModelArtsResponseError(
      `${what} answered without a credential {access, secret, securitytoken, expires_at}.`,
    );
  }
  registerSecrets(secret, token);
  if (Number.isNaN(expiresAt)) {
    throw new ModelArtsResponseError(`${what} answered with a credential whose expires_at is not a time.`);
  }
  return {
    credentials: { kind: "aksk", accessKey: access, secretKey: secret, securityToken: token },
    expiresAt,
  };
}

function agencyLabel(agency: Agency): string {
  return `agency "${agency.agencyName}" of domain ${agency.domainName !== undefined ? `"${agency.domainName}"` : `id ${agency.domainId}`}`;
}

/** Asks IAM for the agency's temporary keys, signed with the base keys. Never retried after 401 or 403. */
async function assumeRole(iam: ApiClient, iamBase: string, agency: Agency): Promise<TemporaryKeys> {
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
    throw new ModelArtsApiError({
      service: "IAM",
      operation: ASSUME_ROLE,
      status: error.status,
      errorCode: error.errorCode,
      errorMessage: error.errorMessage,
      requestId: error.requestId,
      hint: `Assuming the ${agencyLabel(agency)} was refused. Check that the agency exists in that domain, that it delegates to the account of the base keys, and that the base identity may assume it (iam:agencies:assume)`,
    });
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

/** What obtaining credentials needs: an IAM client for given base keys, where IAM is, and the shared keys. */
export interface TemporaryCredentialContext {
  readonly iamClient: (base: AkskCredentials) => ApiClient;
  /** The IAM endpoint without its `/v3` (`https://iam.cn-north-4.myhuaweicloud.com`). */
  readonly iamBase: string | undefined;
  readonly cache: TemporaryKeyCache;
  readonly signal?: AbortSignal;
  /** Tells apart how requests travel (TLS verification, proxy), for the cache key. */
  readonly transportKey: string;
}

const hashOf = (parts: unknown[]): string => createHash("sha256").update(JSON.stringify(parts)).digest("hex");

/** The credentials to sign with: the given ones, an agency's temporary keys, or the instance's. */
export async function obtainCredentials(
  source: CredentialSource,
  context: TemporaryCredentialContext,
): Promise<Credentials> {
  if (source.kind === "aksk" || source.kind === "token") return source;
  if (source.kind === "ecsMetadata") {
    return context.cache.get(hashOf(["ecs", source.url]), () => fetchMetadata(source.url, context.signal));
  }
  const { base, agency } = source;
  const iamBase = context.iamBase;
  if (iamBase === undefined) {
    throw new ModelArtsConfigError(
      words`Assuming an agency needs IAM's endpoint: set a region, or ${{ setting: "authUrl", as: "names" }}.`,
    );
  }
  const key = hashOf([
    "agency",
    base.accessKey,
    base.secretKey,
    base.securityToken ?? null,
    agency,
    iamBase,
    context.transportKey,
  ]);
  return context.cache.get(key, () => assumeRole(context.iamClient(base), iamBase, agency));
}
