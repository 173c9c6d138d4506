/**
 * Temporary keys (an agency's, an identity provider's, an ECS instance's) and their cache: shared
 * by the lookups of a process until five minutes before they expire, registered for redaction as
 * soon as they are read, and never kept anywhere else.
 */

import type { AkskCredentials } from "../settings/credentials";
import { BoundedMap } from "../support/boundedMap";
import { ModelArtsResponseError } from "../support/errors";
import { registerSecrets } from "../support/redact";

/** Keys are fetched afresh this long before they expire. */
const REFRESH_BEFORE_MS = 5 * 60_000;
/** The most sets of keys kept (base identity and agency, or metadata address). */
const MAX_ENTRIES = 64;

/** Temporary keys and when they stop working (epoch ms). */
export interface TemporaryKeys {
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

/** Where an answer holds its keys: the object, and its four fields. */
export interface KeyFields {
  readonly object: string;
  readonly access: string;
  readonly secret: string;
  readonly token: string;
  readonly expires: string;
}

/** IAM's (an agency, a subject token) and the metadata service's `credential.{access, secret, securitytoken, expires_at}`. */
const IAM_KEY_FIELDS: KeyFields = {
  object: "credential",
  access: "access",
  secret: "secret",
  token: "securitytoken",
  expires: "expires_at",
};

/** The temporary keys an answer holds, registered as secrets at once; a response error when it holds none. */
export function temporaryKeysOf(
  body: unknown,
  what: string,
  fields: KeyFields = IAM_KEY_FIELDS,
): TemporaryKeys {
  const held = (body as Record<string, Record<string, unknown> | undefined> | null)?.[fields.object];
  const [access, secret, token] = [held?.[fields.access], held?.[fields.secret], held?.[fields.token]];
  const named = `${fields.object} {${[fields.access, fields.secret, fields.token, fields.expires].join(", ")}}`;
  if (
    typeof access !== "string" ||
    typeof secret !== "string" ||
    typeof token !== "string" ||
    !access ||
    !secret ||
    !token
  ) {
    throw new ModelArtsResponseError(`${what} answered without ${named}.`);
  }
  registerSecrets(secret, token);
  const expiresAt = Date.parse(String(held?.[fields.expires]));
  if (Number.isNaN(expiresAt)) {
    throw new ModelArtsResponseError(
      `${what} answered with a ${fields.object} whose ${fields.expires} is not a time.`,
    );
  }
  return {
    credentials: { kind: "aksk", accessKey: access, secretKey: secret, securityToken: token },
    expiresAt,
  };
}
