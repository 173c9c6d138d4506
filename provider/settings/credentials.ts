/**
 * The shapes of credentials: keys or an IAM token, where they come from (given, an agency, the ECS
 * instance), an agency to assume, and which of their values are secret. Shared by the settings that
 * find them, the code that turns them into temporary keys, and the client that signs with them.
 */

/** How requests are authenticated. */
export type Credentials =
  | {
      readonly kind: "aksk";
      readonly accessKey: string;
      readonly secretKey: string;
      /** Present with temporary credentials; sent, and signed, as `X-Security-Token`. */
      readonly securityToken?: string;
    }
  | { readonly kind: "token"; readonly token: string };

/** Access key and secret key, with the security token of temporary keys. */
export type AkskCredentials = Extract<Credentials, { kind: "aksk" }>;

/** An agency to assume: IAM gives its temporary keys to the base identity (cross-account too). */
export interface Agency {
  readonly agencyName: string;
  /** The domain (account) that owns the agency, by name or id; one of them is set. */
  readonly domainName?: string;
  readonly domainId?: string;
  /** How long the temporary keys last, in seconds (900 to 86400). */
  readonly durationSeconds: number;
}

/**
 * Where an OIDC id token comes from. It is read afresh each time keys are fetched: CI systems
 * rotate a token file, and a token lasts minutes.
 */
export type IdTokenSource =
  | { readonly kind: "value"; readonly token: string }
  | { readonly kind: "file"; readonly path: string }
  | {
      readonly kind: "env";
      readonly name: string;
      readonly env: Readonly<Record<string, string | undefined>>;
    }
  /** GitHub Actions' token service: `GET <url>&audience=<aud>` with the request token as bearer. */
  | {
      readonly kind: "actions";
      readonly url: string;
      readonly requestToken: string;
      readonly audience?: string;
    };

/**
 * Keyless credentials: IAM exchanges an id token of the identity provider for temporary keys; with
 * an agency (by domain id), STS assumes it with them.
 */
export interface Federation {
  readonly idpId: string;
  readonly idToken: IdTokenSource;
  /** How long the temporary keys last, in seconds. */
  readonly durationSeconds: number;
  readonly agency?: Agency & { readonly domainId: string };
}

/**
 * Where a lookup's credentials come from: keys as given (or an IAM token), an agency assumed with
 * base keys, an identity provider's id token (OIDC), or the ECS instance's metadata service. All but
 * the first are fetched before listing.
 */
export type CredentialSource =
  | Credentials
  /** Agencies assumed in turn (a chain), the first with the base keys, each next with the keys of the one before. */
  | { readonly kind: "assumeRole"; readonly base: AkskCredentials; readonly agencies: readonly Agency[] }
  | { readonly kind: "oidc"; readonly federation: Federation }
  | { readonly kind: "ecsMetadata"; readonly url: string };

/** The secret values of credentials: what redaction must remove wherever it appears. */
export function secretsOf(credentials: Credentials): Array<string | undefined> {
  return credentials.kind === "aksk"
    ? [credentials.secretKey, credentials.securityToken]
    : [credentials.token];
}
