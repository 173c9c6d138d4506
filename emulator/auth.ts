/**
 * How the emulator authenticates a request, as the API gateway does: a signature by any of Huawei's
 * four algorithms (SDK-HMAC-SHA256, SDK-HMAC-SM3, SDK-ECDSA-P256-SHA256, SDK-SM2-SM3; verified with
 * the same canonical-request code the client signs with, from the request as it arrived), an `X-Sdk-Date` within 15 minutes of the server clock, or an `X-Auth-Token`.
 */
import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { HEADER } from "../provider/wire/headerNames";
import {
  algorithmOfWireName,
  canonicalRequest,
  parseSdkDate,
  SIGNING_ALGORITHMS,
  type SigningAlgorithm,
  signatureMatches,
} from "../provider/wire/signer";

/** One access key the emulator accepts. */
interface AcceptedKey {
  readonly secretKey: string;
  /** When set, the key is temporary: requests must carry this as `X-Security-Token`. */
  readonly securityToken?: string;
}

/** The credentials the emulator accepts: access keys, and an IAM token. */
export interface KeyRing {
  /** The key of an access key, if the emulator knows it. */
  keyOf(accessKey: string): AcceptedKey | undefined;
  /** An IAM token accepted as `X-Auth-Token`. */
  readonly token?: string;
}

/** The largest difference between `X-Sdk-Date` and the server clock the gateway accepts. */
const MAX_CLOCK_SKEW_MS = 15 * 60_000;

/** A request as it arrived: method, raw path and query, headers. */
export interface ArrivedRequest {
  readonly method: string;
  readonly rawPath: string;
  readonly rawQuery: string;
  readonly headers: IncomingHttpHeaders;
  /** The body of a POST, signed with it. */
  readonly body?: string;
}

/** Why a request was refused (the gateway's `error_msg`), or undefined when it is accepted. */
export type AuthOutcome =
  | { readonly ok: true; readonly accessKey?: string; readonly algorithm?: SigningAlgorithm }
  | { readonly ok: false; readonly message: string };

const AUTH_PATTERN =
  /^(SDK-[A-Z0-9-]{1,40})\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-fA-F]{1,400})$/;

/** Decodes a raw query string into pairs, `+` kept as it is (the signer encodes spaces as %20). */
export function parseRawQuery(rawQuery: string): Array<[string, string]> {
  if (rawQuery === "") return [];
  return rawQuery.split("&").map((pair) => {
    const eq = pair.indexOf("=");
    const [k, v] = eq < 0 ? [pair, ""] : [pair.slice(0, eq), pair.slice(eq + 1)];
    return [decodeURIComponent(k), decodeURIComponent(v)];
  });
}

/** A header's value; own properties only, so that a signed-header name such as `constructor` is absent. */
function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  if (!Object.hasOwn(headers, name)) return undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

function equalSecrets(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Checks a request's credentials as the gateway would. */
export function authenticate(request: ArrivedRequest, keys: KeyRing, now: Date): AuthOutcome {
  const token = header(request.headers, HEADER.authToken);
  if (token !== undefined) {
    return keys.token !== undefined && equalSecrets(token, keys.token)
      ? { ok: true }
      : { ok: false, message: "Incorrect IAM authentication information: verify token failed" };
  }
  const authorization = header(request.headers, HEADER.authorization);
  if (authorization === undefined) {
    return {
      ok: false,
      message: "Incorrect IAM authentication information: Authorization not found in header",
    };
  }
  const match = AUTH_PATTERN.exec(authorization.trim());
  const algorithm = match === null ? undefined : algorithmOfWireName(match[1]!);
  if (!match || algorithm === undefined) {
    return {
      ok: false,
      message: `Incorrect IAM authentication information: the Authorization header is not one of ${Object.values(
        SIGNING_ALGORITHMS,
      )
        .map((a) => a.wire)
        .join(", ")}`,
    };
  }
  const [, , accessKey, signedHeaderList, signature] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  const accepted = keys.keyOf(accessKey);
  if (accepted === undefined) {
    return { ok: false, message: `Incorrect IAM authentication information: ak ${accessKey} not exist` };
  }
  const names = signedHeaderList.split(";");
  if (!names.includes(HEADER.sdkDate)) {
    return {
      ok: false,
      message: "Incorrect IAM authentication information: x-sdk-date is not a signed header",
    };
  }
  const sdkDate = parseSdkDate(header(request.headers, HEADER.sdkDate) ?? "");
  if (sdkDate === undefined) {
    return {
      ok: false,
      message: "Incorrect IAM authentication information: x-sdk-date is missing or not YYYYMMDDTHHMMSSZ",
    };
  }
  if (Math.abs(now.getTime() - sdkDate.getTime()) > MAX_CLOCK_SKEW_MS) {
    return {
      ok: false,
      message:
        "Incorrect IAM authentication information: the request has expired (x-sdk-date is more than 15 minutes from the server time)",
    };
  }
  if (accepted.securityToken !== undefined) {
    const sent = header(request.headers, HEADER.securityToken);
    if (
      sent === undefined ||
      !names.includes(HEADER.securityToken) ||
      !equalSecrets(sent, accepted.securityToken)
    ) {
      return {
        ok: false,
        message: "Incorrect IAM authentication information: the security token is missing, unsigned or wrong",
      };
    }
  }
  const signedHeaders: Record<string, string> = {};
  for (const name of names) signedHeaders[name] = header(request.headers, name) ?? "";
  const signable = {
    method: request.method,
    path: request.rawPath.split("/").map(decodeURIComponent).join("/"),
    query: parseRawQuery(request.rawQuery),
    headers: signedHeaders,
    body: request.body,
  };
  const key = { accessKey, secretKey: accepted.secretKey };
  if (!signatureMatches(signable, key, header(request.headers, HEADER.sdkDate) ?? "", algorithm, signature)) {
    const canonical = canonicalRequest(signable, SIGNING_ALGORITHMS[algorithm].hash)
      .text.split("\n")
      .join("|");
    return {
      ok: false,
      message: `Incorrect IAM authentication information: verify aksk signature fail, canonicalRequest: ${canonical}`,
    };
  }
  return { ok: true, accessKey, algorithm };
}
