/**
 * An agency assumed through STS (IAM v5): `POST {sts}/v5/agencies/assume`, signed with the keys of
 * the hop before (their security token included), as terraform-provider-huaweicloud does when an
 * agency is named by its domain's id. The answer's keys are registered as secrets at once.
 */
import type { Agency } from "../settings/credentials";
import { ModelArtsApiError } from "../support/errors";
import type { ApiClient } from "./client";
import { type KeyFields, type TemporaryKeys, temporaryKeysOf } from "./temporaryKeys";

const ASSUME_PATH = "/v5/agencies/assume";
const ASSUME = `POST ${ASSUME_PATH}`;

/** The agency as messages name it: `agency "ci-reader" of domain id 0970...`. */
export function agencyLabel(agency: Agency): string {
  return `agency "${agency.agencyName}" of domain ${agency.domainName !== undefined ? `"${agency.domainName}"` : `id ${agency.domainId}`}`;
}

/** STS's `credentials.{access_key_id, secret_access_key, security_token, expiration}`. */
const STS_KEY_FIELDS: KeyFields = {
  object: "credentials",
  access: "access_key_id",
  secret: "secret_access_key",
  token: "security_token",
  expires: "expiration",
};

/**
 * Assumes the agency (its domain by id) through STS at `stsBase`, with the keys `sts` signs with.
 * Never retried after 401 or 403; a refusal names the agency, its domain, and `hop` (with which
 * keys: "with the base keys", "as hop 2 of 3").
 */
export async function assumeAgencyWithSts(
  sts: ApiClient,
  stsBase: string,
  agency: Agency & { readonly domainId: string },
  hop: string,
): Promise<TemporaryKeys> {
  const body = {
    agency_urn: `iam::${agency.domainId}:agency:${agency.agencyName}`,
    agency_session_name: agency.agencyName,
    duration_seconds: agency.durationSeconds,
  };
  try {
    const response = await sts.getJson({
      baseUrl: stsBase,
      path: ASSUME_PATH,
      query: [],
      operation: ASSUME,
      service: "STS",
      jsonBody: JSON.stringify(body),
    });
    return temporaryKeysOf(response.body, `STS ${ASSUME} for the ${agencyLabel(agency)}`, STS_KEY_FIELDS);
  } catch (error) {
    if (!ModelArtsApiError.isInstance(error)) throw error;
    throw error.withOwnHint(
      `Assuming the ${agencyLabel(agency)} ${hop} was refused. Check that the agency exists in that domain, that it trusts the identity that asked, and that this identity may assume it (sts:agencies:assume)`,
    );
  }
}
