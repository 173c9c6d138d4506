/**
 * The emulator's issuer of temporary keys: IAM's `POST /v3.0/OS-CREDENTIAL/securitytokens` with the
 * `assume_role` method, for the agencies it is told about, and the ECS metadata service's
 * `GET /openstack/latest/securitykey`. Keys it issued sign list requests until they expire, each
 * with its security token.
 */
import { randomBytes } from "node:crypto";
import { BoundedMap } from "../provider/support/boundedMap";
import type { Reply } from "./replies";
import { gatewayError } from "./replies";

/** An agency the emulator lets the base identity assume. */
export interface EmulatorAgency {
  readonly agencyName: string;
  readonly domainName: string;
  readonly domainId: string;
}

/** The agency the emulator knows unless told otherwise. */
export const DEFAULT_AGENCIES: readonly EmulatorAgency[] = [
  { agencyName: "modelarts-reader", domainName: "emulator-account", domainId: "emulator-domain" },
];

/** Keys the emulator issued: who for, and until when. */
export interface IssuedKey {
  readonly secretKey: string;
  readonly securityToken: string;
  readonly expiresAt: number;
  /** The agency (`name@domain`), or `ecs-instance` for the metadata service's keys. */
  readonly issuedFor: string;
}

/** The path of IAM's call for an agency's temporary keys. */
export const SECURITY_TOKENS_PATH = "/v3.0/OS-CREDENTIAL/securitytokens";
/** The path of STS's call for an agency's temporary keys (IAM v5). */
export const STS_ASSUME_PATH = "/v5/agencies/assume";
/** The metadata service's path for the instance's temporary keys. */
export const METADATA_PATH = "/openstack/latest/securitykey";

/** How long keys may last, as IAM and STS take `duration_seconds`: the default, the most, the code refusing more. */
export const IAM_DURATION = { byDefault: 900, max: 86_400, code: "IAM.0011" } as const;
const STS_DURATION = { byDefault: 3600, max: 43_200, code: "STS.0001" } as const;

/** A request's `duration_seconds` (the default when absent), or the 400 refusing one that is not from 900 to the most. */
export function requestedDuration(
  value: unknown,
  bounds: typeof IAM_DURATION | typeof STS_DURATION,
  requestId: string,
): number | Reply {
  const duration = value === undefined ? bounds.byDefault : Number(value);
  if (Number.isInteger(duration) && duration >= 900 && duration <= bounds.max) return duration;
  return gatewayError(400, bounds.code, `duration_seconds must be from 900 to ${bounds.max}`, requestId);
}

/**
 * The most temporary keys remembered: the metadata service answers anyone without a key, and
 * 60,000 requests to it grew an unbounded map from 59 to 115 MB. The oldest go first.
 */
const MAX_ISSUED_KEYS = 10_000;

/** Issues and remembers temporary keys. */
export class TemporaryKeyIssuer {
  private readonly issued = new BoundedMap<string, IssuedKey>(MAX_ISSUED_KEYS);

  constructor(
    readonly agencies: readonly EmulatorAgency[],
    private readonly now: () => number,
  ) {}

  /** The unexpired key of an access key the emulator issued. */
  keyOf(accessKey: string): IssuedKey | undefined {
    const key = this.issued.get(accessKey);
    return key !== undefined && key.expiresAt > this.now() ? key : undefined;
  }

  /** Every key remembered, by access key (for tests: who they were for). */
  all(): Array<[string, IssuedKey]> {
    return [...this.issued.keys()].map((access) => [access, this.issued.get(access)!]);
  }

  /** New keys for `issuedFor`, remembered until they expire. */
  private issue(issuedFor: string, durationSeconds: number): { access: string; key: IssuedKey } {
    // Expired keys are of no use to anyone: the oldest few are looked at, and forgotten, each time.
    let looked = 0;
    for (const access of this.issued.keys()) {
      if (++looked > 16) break;
      if (this.keyOf(access) === undefined) this.issued.delete(access);
    }
    const access = `EMUTEMP${randomBytes(8).toString("hex").toUpperCase()}`;
    const key: IssuedKey = {
      secretKey: randomBytes(20).toString("base64url"),
      securityToken: `emulator-security-token-${randomBytes(24).toString("hex")}`,
      expiresAt: this.now() + durationSeconds * 1000,
      issuedFor,
    };
    this.issued.set(access, key);
    return { access, key };
  }

  /** New keys as IAM (and the metadata service) answer them: 201 `credential.{access, secret, securitytoken, expires_at}`. */
  iamCredential(issuedFor: string, durationSeconds: number): Reply {
    const { access, key } = this.issue(issuedFor, durationSeconds);
    return {
      status: 201,
      body: {
        credential: {
          access,
          secret: key.secretKey,
          securitytoken: key.securityToken,
          expires_at: new Date(key.expiresAt).toISOString(),
        },
      },
    };
  }

  /** The ECS metadata service's answer: keys of the instance's agency, for an hour. */
  instanceKeys(): Reply {
    return { ...this.iamCredential("ecs-instance", 3600), status: 200 };
  }

  /**
   * STS's answer to `POST /v5/agencies/assume` (signed, already authenticated, by any keys: a chain
   * assumes with temporary ones): the agency named by `iam::<domain id>:agency:<name>`, or 403.
   */
  assumeWithSts(body: string, requestId: string): Reply {
    let request: Record<string, unknown> | undefined;
    try {
      request = JSON.parse(body);
    } catch {}
    const urn = /^iam::([^:]+):agency:(.+)$/.exec(String(request?.agency_urn ?? ""));
    const session = request?.agency_session_name;
    if (urn === null || typeof session !== "string" || !/^[\w+=,.@-]{2,64}$/.test(session)) {
      return gatewayError(
        400,
        "STS.0001",
        "agency_urn (iam::<domain id>:agency:<name>) and agency_session_name are required",
        requestId,
      );
    }
    const duration = requestedDuration(request?.duration_seconds, STS_DURATION, requestId);
    if (typeof duration !== "number") return duration;
    const [, domainId, agencyName] = urn;
    const agency = this.agencies.find((a) => a.domainId === domainId && a.agencyName === agencyName);
    if (agency === undefined) {
      return gatewayError(
        403,
        "STS.0003",
        `You do not have permission to assume agency ${agencyName} of domain ${domainId}`,
        requestId,
      );
    }
    const { access, key } = this.issue(`${agency.agencyName}@${agency.domainName}`, duration);
    return {
      status: 201,
      body: {
        credentials: {
          access_key_id: access,
          secret_access_key: key.secretKey,
          security_token: key.securityToken,
          expiration: new Date(key.expiresAt).toISOString(),
        },
      },
    };
  }

  /** IAM's answer to an assume-role request (signed by base keys, already authenticated). */
  assumeRole(body: string, requestId: string): Reply {
    let identity: Record<string, unknown> | undefined;
    try {
      identity = JSON.parse(body)?.auth?.identity;
    } catch {}
    const role = identity?.assume_role as Record<string, unknown> | undefined;
    const methods = identity?.methods;
    if (
      !Array.isArray(methods) ||
      !methods.includes("assume_role") ||
      typeof role?.agency_name !== "string"
    ) {
      return gatewayError(
        400,
        "IAM.0011",
        "Request body is invalid: auth.identity.assume_role is required",
        requestId,
      );
    }
    const duration = requestedDuration(role.duration_seconds, IAM_DURATION, requestId);
    if (typeof duration !== "number") return duration;
    const agency = this.agencies.find(
      (a) =>
        a.agencyName === role.agency_name &&
        (a.domainName === role.domain_name || a.domainId === role.domain_id),
    );
    if (agency === undefined) {
      return gatewayError(
        403,
        "IAM.0002",
        `You do not have permission to assume agency ${String(role.agency_name)} of domain ${String(role.domain_name ?? role.domain_id)}`,
        requestId,
      );
    }
    return this.iamCredential(`${agency.agencyName}@${agency.domainName}`, duration);
  }
}
