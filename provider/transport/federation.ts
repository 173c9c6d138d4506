/**
 * Keyless credentials (OIDC federation), as terraform-provider-huaweicloud obtains them: the id
 * token is exchanged with IAM for a subject token (`POST /v3.0/OS-AUTH/id-token/tokens`, header
 * `X-Idp-Id`; the token in `X-Subject-Token`), the subject token for temporary keys
 * (`POST /v3.0/OS-CREDENTIAL/securitytokens`, method `token`), and, given an agency, the agency is
 * assumed with those keys through STS. Both IAM calls are unsigned: the tokens in their bodies
 * authenticate them. Every token and key is registered as a secret as soon as it is read.
 */
import type { AkskCredentials, Federation } from "../settings/credentials";
import { ModelArtsApiError, ModelArtsResponseError } from "../support/errors";
import { registerSecrets } from "../support/redact";
import { HEADER } from "../wire/headerNames";
import type { ApiClient } from "./client";
import { readIdToken } from "./idToken";
import { assumeAgencyWithSts } from "./stsAgency";
import { type TemporaryKeys, temporaryKeysOf } from "./temporaryKeys";

const ID_TOKEN_PATH = "/v3.0/OS-AUTH/id-token/tokens";
const SECURITY_TOKENS_PATH = "/v3.0/OS-CREDENTIAL/securitytokens";

/** Where federation's calls go, and the clients they are sent with. */
export interface FederationContext {
  /** The IAM endpoint without its `/v3`. */
  readonly iamBase: string;
  /** The STS endpoint, for the agency. */
  readonly stsBase: string;
  /** A client that sends unsigned requests (IAM's federation calls, GitHub's token service). */
  readonly anonymous: ApiClient;
  /** A client signing with these keys. */
  readonly signedWith: (keys: AkskCredentials) => ApiClient;
}

/** A refusal of one of IAM's calls, with what to check. */
function refused(error: unknown, federation: Federation, hint: string): unknown {
  if (!ModelArtsApiError.isInstance(error)) return error;
  return error.withOwnHint(
    `Federation with the identity provider "${federation.idpId}" was refused. ${hint}`,
  );
}

/** The id token exchanged for IAM's subject token (an unscoped token of the federated user). */
async function subjectToken(
  federation: Federation,
  idToken: string,
  context: FederationContext,
): Promise<string> {
  const operation = `POST ${ID_TOKEN_PATH}`;
  try {
    const response = await context.anonymous.getJson({
      baseUrl: context.iamBase,
      path: ID_TOKEN_PATH,
      query: [],
      operation,
      service: "IAM",
      anonymous: true,
      headers: { [HEADER.idpId]: federation.idpId },
      jsonBody: JSON.stringify({ auth: { id_token: { id: idToken } } }),
    });
    const token = response.headers[HEADER.subjectToken];
    if (typeof token !== "string" || token === "") {
      throw new ModelArtsResponseError(`IAM ${operation} answered without the token in X-Subject-Token.`);
    }
    registerSecrets(token);
    return token;
  } catch (error) {
    throw refused(
      error,
      federation,
      "Check that the identity provider exists in IAM with that id, that the token's audience (aud) is the client id configured there, and that the token has not expired",
    );
  }
}

/** The subject token exchanged for temporary keys of the federated user. */
async function keysForSubject(
  federation: Federation,
  subject: string,
  context: FederationContext,
): Promise<TemporaryKeys> {
  const operation = `POST ${SECURITY_TOKENS_PATH}`;
  const body = {
    auth: {
      identity: {
        methods: ["token"],
        token: { id: subject, duration_seconds: federation.durationSeconds },
      },
    },
  };
  try {
    const response = await context.anonymous.getJson({
      baseUrl: context.iamBase,
      path: SECURITY_TOKENS_PATH,
      query: [],
      operation,
      service: "IAM",
      anonymous: true,
      jsonBody: JSON.stringify(body),
    });
    return temporaryKeysOf(response.body, `IAM ${operation} for the identity provider "${federation.idpId}"`);
  } catch (error) {
    throw refused(error, federation, "Check the identity provider's identity conversion rules");
  }
}

/** Temporary keys for the federation: the federated user's, or the agency's assumed with them. */
export async function federatedKeys(
  federation: Federation,
  context: FederationContext,
): Promise<TemporaryKeys> {
  const idToken = await readIdToken(federation.idToken, context.anonymous);
  const subject = await subjectToken(federation, idToken, context);
  const own = await keysForSubject(federation, subject, context);
  if (federation.agency === undefined) return own;
  return assumeAgencyWithSts(
    context.signedWith(own.credentials),
    context.stsBase,
    federation.agency,
    `with the keys of the identity provider "${federation.idpId}"`,
  );
}
