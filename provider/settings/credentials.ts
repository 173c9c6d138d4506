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
 * Where a lookup's credentials come from: keys as given (or an IAM token), an agency assumed with
 * base keys, or the ECS instance's metadata service. The last two are fetched before listing.
 */
export type CredentialSource =
  | Credentials
  | { readonly kind: "assumeRole"; readonly base: AkskCredentials; readonly agency: Agency }
  | { readonly kind: "ecsMetadata"; readonly url: string };

/** The secret values of credentials: what redaction must remove wherever it appears. */
export function secretsOf(credentials: Credentials): Array<string | undefined> {
  return credentials.kind === "aksk"
    ? [credentials.secretKey, credentials.securityToken]
    : [credentials.token];
}
