/**
 * The HTTP header names of the API, defined once (as smithy's signature-v4 does), lower-case as
 * Node and undici hand them over. The client, the signer, redaction and the emulator all use these.
 */

/** The headers the API reads or sends. */
export const HEADER = {
  host: "host",
  accept: "accept",
  userAgent: "user-agent",
  /** `SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...`. */
  authorization: "authorization",
  /** The signing time, `YYYYMMDDTHHMMSSZ`; must be signed. */
  sdkDate: "x-sdk-date",
  /** Sent, and signed, with AK/SK credentials. */
  projectId: "x-project-id",
  /** The token of temporary AK/SK credentials; sent and signed. */
  securityToken: "x-security-token",
  /** An IAM token, sent instead of a signature. */
  authToken: "x-auth-token",
  /** The token IAM returns when one is issued. */
  subjectToken: "x-subject-token",
  /** The identity provider an id token is exchanged with (IAM federation). */
  idpId: "x-idp-id",
  /** The id of a request, in responses: quoted in error messages. */
  requestId: "x-request-id",
  retryAfter: "retry-after",
  /** A body's declared length: a response past the bound is refused before it is read. */
  contentLength: "content-length",
  /** A response's compression, which this client never asks for but a proxy may send. */
  contentEncoding: "content-encoding",
  /** Of a POST's JSON body (signed), and of a response (its charset is honoured). */
  contentType: "content-type",
} as const;

/** Headers whose value is a credential: never logged, recorded or shown. */
export const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set([
  HEADER.authorization,
  HEADER.authToken,
  HEADER.securityToken,
  HEADER.subjectToken,
  "proxy-authorization",
  "cookie",
]);
