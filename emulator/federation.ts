/**
 * The emulator's identity providers (OIDC federation), as IAM plays them: a test registers a
 * provider and the id tokens it accepts, or has tokens issued; `POST /v3.0/OS-AUTH/id-token/tokens`
 * (header `X-Idp-Id`) exchanges an accepted token for a subject token, answered in `X-Subject-Token`;
 * `POST /v3.0/OS-CREDENTIAL/securitytokens` with the `token` method exchanges the subject token for
 * temporary keys. Both calls are unsigned, as IAM takes them: the tokens authenticate them.
 */
import { randomBytes } from "node:crypto";
import { BoundedMap } from "../provider/support/boundedMap";
import { ModelArtsEmulatorError } from "../provider/support/errors";
import { HEADER } from "../provider/wire/headerNames";
import { gatewayError, type Reply } from "./replies";
import { IAM_DURATION, requestedDuration, type TemporaryKeyIssuer } from "./temporaryKeys";

/** IAM's path for exchanging an id token. */
export const ID_TOKEN_PATH = "/v3.0/OS-AUTH/id-token/tokens";

/** The most providers, tokens a provider accepts, and subject tokens remembered: the oldest go first. */
const MAX_PROVIDERS = 64;
const MAX_TOKENS_PER_PROVIDER = 1_000;
const MAX_SUBJECTS = 10_000;
/** How long a subject token lasts, as IAM's tokens do: a day. */
const SUBJECT_LIFETIME_MS = 24 * 3600_000;

/** The JSON body of a POST, or undefined when it is not JSON. */
function jsonBody(body: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Checks a registration's field: a non-empty string of at most `max` characters. */
function text(value: unknown, field: string, max: number): string {
  if (typeof value === "string" && value !== "" && value.length <= max) return value;
  throw new ModelArtsEmulatorError(`${field} must be a non-empty string of at most ${max} characters`);
}

/** Identity providers, the id tokens each accepts, and the subject tokens issued. */
export class IdentityProviders {
  private readonly accepted = new BoundedMap<string, BoundedMap<string, true>>(MAX_PROVIDERS);
  private readonly subjects = new BoundedMap<string, { idpId: string; expiresAt: number }>(MAX_SUBJECTS);

  constructor(
    private readonly issuer: TemporaryKeyIssuer,
    private readonly now: () => number,
  ) {}

  /**
   * Registers the provider `id` (again: adds to it) with the id tokens it accepts; with none given,
   * issues one. Returns the tokens it was given or issued.
   *
   * @throws ModelArtsEmulatorError for an empty or overlong id or token, or more than 1,000 tokens.
   */
  register(id: unknown, tokens?: unknown): string[] {
    const idpId = text(id, "id", 128);
    if (tokens !== undefined && (!Array.isArray(tokens) || tokens.length > MAX_TOKENS_PER_PROVIDER)) {
      throw new ModelArtsEmulatorError(
        `tokens must be a list of at most ${MAX_TOKENS_PER_PROVIDER} id tokens`,
      );
    }
    const given = (tokens ?? [`emulator-id-token-${randomBytes(24).toString("base64url")}`]).map((t, i) =>
      text(t, `tokens[${i}]`, 16_384),
    );
    const known = this.accepted.get(idpId) ?? new BoundedMap<string, true>(MAX_TOKENS_PER_PROVIDER);
    for (const token of given) known.set(token, true);
    this.accepted.set(idpId, known);
    return given;
  }

  /** IAM's answer to an id token: 201 with a subject token in `X-Subject-Token`, or 401. */
  exchangeIdToken(idpHeader: string | undefined, body: string, requestId: string): Reply {
    const idToken = (jsonBody(body)?.auth as { id_token?: { id?: unknown } } | undefined)?.id_token?.id;
    if (typeof idToken !== "string" || idToken === "") {
      return gatewayError(
        400,
        "IAM.0011",
        "Request body is invalid: auth.id_token.id is required",
        requestId,
      );
    }
    const known = idpHeader === undefined ? undefined : this.accepted.get(idpHeader);
    if (known === undefined) {
      return gatewayError(
        404,
        "IAM.0030",
        `The identity provider ${String(idpHeader)} does not exist`,
        requestId,
      );
    }
    if (!known.has(idToken)) {
      return gatewayError(401, "IAM.0031", "The id token is invalid or has expired", requestId);
    }
    const subject = `emulator-subject-token-${randomBytes(24).toString("hex")}`;
    const expiresAt = this.now() + SUBJECT_LIFETIME_MS;
    this.subjects.set(subject, { idpId: idpHeader!, expiresAt });
    return {
      status: 201,
      headers: { [HEADER.subjectToken]: subject },
      body: { token: { methods: ["token"], expires_at: new Date(expiresAt).toISOString() } },
    };
  }

  /** Whether a securitytokens body asks by the `token` method (federation), which needs no signature. */
  static asksByToken(body: string): boolean {
    const methods = (jsonBody(body)?.auth as { identity?: { methods?: unknown } } | undefined)?.identity
      ?.methods;
    return Array.isArray(methods) && methods.includes("token");
  }

  /** IAM's answer to a subject token: the federated user's temporary keys, or 401. */
  keysForSubject(body: string, requestId: string): Reply {
    const token = (
      jsonBody(body)?.auth as { identity?: { token?: { id?: unknown; duration_seconds?: unknown } } }
    )?.identity?.token;
    const subject = typeof token?.id === "string" ? this.subjects.get(token.id) : undefined;
    if (subject === undefined || subject.expiresAt <= this.now()) {
      return gatewayError(401, "IAM.0031", "The token is invalid or has expired", requestId);
    }
    const duration = requestedDuration(token?.duration_seconds, IAM_DURATION, requestId);
    if (typeof duration !== "number") return duration;
    return this.issuer.iamCredential(`federated@${subject.idpId}`, duration);
  }
}
