/**
 * Huawei Cloud's request signatures (API Request Signing Guide, devg-apisign; the official SDKs'
 * `core/auth/signer`): SDK-HMAC-SHA256, and for China's commercial-cryptography rules SDK-HMAC-SM3,
 * SDK-ECDSA-P256-SHA256 and SDK-SM2-SM3, which share one canonical request and differ in its hash
 * and in how the string to sign is signed. Pure functions but for the asymmetric signatures' random
 * nonce: the date, the keys and the request are given, so the published test vectors reproduce
 * exactly (test/unit/provider/signer.test.ts), and test/reliability/huaweiSigner.test.ts compares
 * every algorithm with Huawei's own Go signer. The emulator verifies signatures with the same functions.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import {
  type DerivedAlgorithm,
  isDerivedAlgorithm,
  signWithDerivedKey,
  verifyWithDerivedKey,
} from "./derivedKeys";

/** Each signing algorithm, by the name users set (HW_SIGNING_ALGORITHM): its wire name, and its hash. */
export const SIGNING_ALGORITHMS = {
  HmacSHA256: { wire: "SDK-HMAC-SHA256", hash: "sha256" },
  HmacSM3: { wire: "SDK-HMAC-SM3", hash: "sm3" },
  EcdsaP256SHA256: { wire: "SDK-ECDSA-P256-SHA256", hash: "sha256" },
  SM2SM3: { wire: "SDK-SM2-SM3", hash: "sm3" },
} as const;

/** A signing algorithm's name, as users set it. */
export type SigningAlgorithm = keyof typeof SIGNING_ALGORITHMS;

/** The algorithm unless one is set: the one every Huawei Cloud API takes. */
export const DEFAULT_SIGNING_ALGORITHM: SigningAlgorithm = "HmacSHA256";

/** The algorithm of a wire name (`SDK-HMAC-SM3`); undefined for one Huawei's signers do not have. */
export function algorithmOfWireName(wire: string): SigningAlgorithm | undefined {
  return (Object.keys(SIGNING_ALGORITHMS) as SigningAlgorithm[]).find(
    (a) => SIGNING_ALGORITHMS[a].wire === wire,
  );
}

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

/** The hex digest of data by the algorithm's hash (an empty body's too). */
function hexDigest(hash: "sha256" | "sm3", data: string | Uint8Array): string {
  return createHash(hash).update(data).digest("hex");
}

/** The canonical request, lines joined by `\n`, and its signed-headers list; the body hashed by `hash`. */
export function canonicalRequest(
  request: SignableRequest,
  hash: "sha256" | "sm3" = "sha256",
): { text: string; signedHeaders: string } {
  const { signedHeaders, block } = canonicalHeaders(request.headers);
  const body = hexDigest(hash, request.body ?? "");
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

/** `{ALGORITHM}\n{X-Sdk-Date}\n{hex(hash(canonical request))}`, and the signed-headers list. */
export function stringToSign(
  request: SignableRequest,
  sdkDate: string,
  algorithm: SigningAlgorithm = DEFAULT_SIGNING_ALGORITHM,
): { text: string; signedHeaders: string } {
  const { wire, hash } = SIGNING_ALGORITHMS[algorithm];
  const canonical = canonicalRequest(request, hash);
  return {
    text: `${wire}\n${sdkDate.trim()}\n${hexDigest(hash, canonical.text)}`,
    signedHeaders: canonical.signedHeaders,
  };
}

/** The wire name of an algorithm that signs with a derived key pair (one with a curve); undefined for an HMAC. */
function derived(algorithm: SigningAlgorithm): DerivedAlgorithm | undefined {
  const { wire } = SIGNING_ALGORITHMS[algorithm];
  return isDerivedAlgorithm(wire) ? wire : undefined;
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
 * The hex signature of a request: the HMAC of the string to sign keyed by the secret key, or its
 * signature by the key pair derived from both keys. `sdkDate` is the `X-Sdk-Date` the request carries
 * among its signed headers: given, not looked up, so that a request cannot be signed without one.
 */
function computeSignature(
  request: SignableRequest,
  key: SigningKey,
  sdkDate: string,
  algorithm: SigningAlgorithm = DEFAULT_SIGNING_ALGORITHM,
): { signature: string; signedHeaders: string } {
  const { text, signedHeaders } = stringToSign(request, sdkDate, algorithm);
  const pair = derived(algorithm);
  const signature =
    pair === undefined
      ? createHmac(SIGNING_ALGORITHMS[algorithm].hash, key.secretKey).update(text).digest("hex")
      : signWithDerivedKey(pair, key, text);
  return { signature, signedHeaders };
}

/** Whether `signature` (hex) is the request's by the keys under the algorithm: as the gateway checks it. */
export function signatureMatches(
  request: SignableRequest,
  key: SigningKey,
  sdkDate: string,
  algorithm: SigningAlgorithm,
  signature: string,
): boolean {
  const pair = derived(algorithm);
  if (pair !== undefined)
    return verifyWithDerivedKey(pair, key, stringToSign(request, sdkDate, algorithm).text, signature);
  const expected = Buffer.from(computeSignature(request, key, sdkDate, algorithm).signature);
  const given = Buffer.from(signature.toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * The `Authorization` header value for a request:
 * `SDK-HMAC-SHA256 Access={AK}, SignedHeaders={h1;h2}, Signature={hex}` (the algorithm's wire name first).
 */
export function authorizationHeader(
  request: SignableRequest,
  key: SigningKey,
  sdkDate: string,
  algorithm: SigningAlgorithm = DEFAULT_SIGNING_ALGORITHM,
): string {
  const { signature, signedHeaders } = computeSignature(request, key, sdkDate, algorithm);
  return `${SIGNING_ALGORITHMS[algorithm].wire} Access=${key.accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}
