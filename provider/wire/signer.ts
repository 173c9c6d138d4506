/**
 * SDK-HMAC-SHA256, Huawei Cloud's request signature (API Request Signing Guide, devg-apisign; the
 * official SDKs' `core/auth/signer`). Pure functions: the date, the keys and the request are given,
 * so the published test vectors reproduce exactly (test/unit/provider/signer.test.ts). The emulator
 * verifies signatures with the same functions.
 */
import { createHash, createHmac } from "node:crypto";

/** The algorithm name, first word of the `Authorization` header and of the string to sign. */
export const SIGNING_ALGORITHM = "SDK-HMAC-SHA256";

/** Hex SHA-256 of an empty body. */
const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** A request as the signer sees it: the path and query decoded, the headers to be signed. */
export interface SignableRequest {
  readonly method: string;
  /** The decoded path, e.g. `/v1/0123abcd/visualization-jobs`. */
  readonly path: string;
  /** Decoded query pairs; a key may repeat. */
  readonly query: ReadonlyArray<readonly [string, string]>;
  /** Every header to sign, by name in any case. Must include `X-Sdk-Date`. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
}

/** An access key and its secret. */
export interface SigningKey {
  readonly accessKey: string;
  readonly secretKey: string;
}

/**
 * Percent-encodes every byte of the UTF-8 form except the unreserved characters `A-Z a-z 0-9 - _ . ~`,
 * with upper-case hex. (encodeURIComponent also keeps `! ' ( ) *`, which the signer must encode.)
 */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The canonical URI: each segment encoded, and a `/` appended when the path does not end with one. */
export function canonicalUri(path: string): string {
  const encoded = path.split("/").map(percentEncode).join("/");
  if (encoded === "") return "/";
  return encoded.endsWith("/") ? encoded : `${encoded}/`;
}

function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/** The canonical query: keys in byte order, a repeated key's values sorted, all percent-encoded. */
export function canonicalQuery(query: ReadonlyArray<readonly [string, string]>): string {
  return [...query]
    .sort(([ka, va], [kb, vb]) => byteOrder(ka, kb) || byteOrder(va, vb))
    .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
    .join("&");
}

/** The signed-headers list (`host;x-sdk-date`) and the canonical headers block of a request. */
function canonicalHeaders(headers: Readonly<Record<string, string>>): {
  signedHeaders: string;
  block: string;
} {
  const entries = Object.entries(headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim()] as const)
    .sort(([a], [b]) => byteOrder(a, b));
  return {
    signedHeaders: entries.map(([name]) => name).join(";"),
    block: entries.map(([name, value]) => `${name}:${value}\n`).join(""),
  };
}

function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** The canonical request, lines joined by `\n`, and its signed-headers list. */
export function canonicalRequest(request: SignableRequest): { text: string; signedHeaders: string } {
  const { signedHeaders, block } = canonicalHeaders(request.headers);
  const body =
    request.body === undefined || request.body.length === 0 ? EMPTY_BODY_SHA256 : sha256Hex(request.body);
  const text = [
    request.method.toUpperCase(),
    canonicalUri(request.path),
    canonicalQuery(request.query),
    block,
    signedHeaders,
    body,
  ].join("\n");
  return { text, signedHeaders };
}

/** `SDK-HMAC-SHA256\n{X-Sdk-Date}\n{hex(sha256(canonical request))}`. */
function stringToSign(sdkDate: string, canonicalRequestText: string): string {
  return `${SIGNING_ALGORITHM}\n${sdkDate}\n${sha256Hex(canonicalRequestText)}`;
}

/** The `X-Sdk-Date` form of a time: `YYYYMMDDTHHMMSSZ`, UTC. */
export function formatSdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** The time an `X-Sdk-Date` value names, or undefined when it is not of that form. */
export function parseSdkDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const time = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  return Number.isNaN(time) ? undefined : new Date(time);
}

/**
 * The hex signature of a request: HMAC-SHA256 of the string to sign, keyed by the secret key.
 * `sdkDate` is the `X-Sdk-Date` the request carries among its signed headers: given, not looked up,
 * so that a request cannot be signed without one.
 */
export function computeSignature(
  request: SignableRequest,
  secretKey: string,
  sdkDate: string,
): {
  signature: string;
  signedHeaders: string;
} {
  const canonical = canonicalRequest(request);
  const signature = createHmac("sha256", secretKey)
    .update(stringToSign(sdkDate.trim(), canonical.text))
    .digest("hex");
  return { signature, signedHeaders: canonical.signedHeaders };
}

/**
 * The `Authorization` header value for a request:
 * `SDK-HMAC-SHA256 Access={AK}, SignedHeaders={h1;h2}, Signature={hex}`.
 */
export function authorizationHeader(request: SignableRequest, key: SigningKey, sdkDate: string): string {
  const { signature, signedHeaders } = computeSignature(request, key.secretKey, sdkDate);
  return `${SIGNING_ALGORITHM} Access=${key.accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}
