/**
 * The asymmetric signatures of Huawei's signer (huaweicloud-sdk-go-v3 core/auth/signer):
 * SDK-ECDSA-P256-SHA256 and SDK-SM2-SM3. The private key is derived from the access key and secret
 * key (`derivePrivateInt`: HMAC of a counter block until the candidate is at most n-2, then +1), so
 * the gateway, which holds the secret key, derives the same public key. ECDSA is Node.js's own over a
 * JWK of that key; SM2 (GB/T 32918, with the default distinguishing id `1234567812345678`, as
 * tjfoc/gmsm's `Sm2Sign` uses for an empty one) is written here over Node.js's SM2 curve, whose
 * scalar multiplication of the base point `createECDH` gives. Signatures are ASN.1 DER, as hex.
 */
import {
  createECDH,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  randomBytes,
  sign,
  verify,
} from "node:crypto";

/** The curves, their orders, and the HMAC that derives a key on each. */
const CURVES = {
  "SDK-ECDSA-P256-SHA256": {
    curve: "prime256v1",
    n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
    hmac: "sha256",
  },
  "SDK-SM2-SM3": {
    curve: "SM2",
    n: 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n,
    hmac: "sm3",
  },
} as const;

/** The algorithms whose key is derived, by their wire names. */
export type DerivedAlgorithm = keyof typeof CURVES;

/** Whether an algorithm (by its wire name) signs with a key pair derived here, not an HMAC. */
export function isDerivedAlgorithm(wire: string): wire is DerivedAlgorithm {
  return Object.hasOwn(CURVES, wire);
}

/** SM2's a, b and base point, as ZA hashes them (GB/T 32918.2, the recommended curve). */
const SM2_ZA_PARAMETERS = Buffer.from(
  "fffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffc" +
    "28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93" +
    "32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7" +
    "bc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0",
  "hex",
);
/** The default distinguishing id, used when a signer gives none. */
const SM2_DEFAULT_ID = Buffer.from("1234567812345678");

const toBytes = (n: bigint): Buffer => Buffer.from(n.toString(16).padStart(64, "0"), "hex");
const toBigInt = (bytes: Uint8Array): bigint => BigInt(`0x${Buffer.from(bytes).toString("hex") || "0"}`);
const mod = (a: bigint, n: bigint): bigint => ((a % n) + n) % n;

/** a^-1 mod n (n prime), by Fermat. */
function inverse(a: bigint, n: bigint): bigint {
  let [result, base, exponent] = [1n, mod(a, n), n - 2n];
  while (exponent > 0n) {
    if (exponent & 1n) result = (result * base) % n;
    base = (base * base) % n;
    exponent >>= 1n;
  }
  return result;
}

/** The private scalar Huawei's signer derives from the access key and secret key. */
function derivePrivateKey(algorithm: DerivedAlgorithm, accessKey: string, secretKey: string): bigint {
  const { n, hmac } = CURVES[algorithm];
  for (let counter = 0; counter <= 0xff; counter++) {
    const data = Buffer.concat([
      Buffer.from([0, 0, 0, 1]),
      Buffer.from(algorithm),
      Buffer.from([0]),
      Buffer.from(accessKey),
      Buffer.from([counter]),
      Buffer.from([0, 0, 1, 0]),
    ]);
    const candidate = toBigInt(createHmac(hmac, secretKey).update(data).digest());
    if (candidate <= n - 2n) return candidate + 1n;
  }
  throw new Error("the signing key cannot be derived from these keys (no candidate in 256 tries)");
}

/** d·G, uncompressed (`04 ‖ X ‖ Y`), by Node.js's curve. */
function basePointTimes(algorithm: DerivedAlgorithm, d: bigint): Buffer {
  const ecdh = createECDH(CURVES[algorithm].curve);
  ecdh.setPrivateKey(toBytes(d));
  return ecdh.getPublicKey();
}

/** The public key of the derived private key: `04 ‖ X ‖ Y`, hex. */
export function derivedPublicKey(algorithm: DerivedAlgorithm, accessKey: string, secretKey: string): string {
  return basePointTimes(algorithm, derivePrivateKey(algorithm, accessKey, secretKey)).toString("hex");
}

/** DER of SEQUENCE { INTEGER r, INTEGER s }. */
function derSignature(r: bigint, s: bigint): Buffer {
  const integer = (v: bigint) => {
    const hex = v.toString(16);
    let bytes = Buffer.from(hex.length % 2 === 0 ? hex : `0${hex}`, "hex");
    // A leading 1 bit would read as negative: DER adds a zero byte.
    if (bytes[0]! & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
    return Buffer.concat([Buffer.from([0x02, bytes.length]), bytes]);
  };
  const body = Buffer.concat([integer(r), integer(s)]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
}

/** r and s of a DER signature; undefined when it is not one. */
function parseDer(signature: Buffer): { r: bigint; s: bigint } | undefined {
  if (signature[0] !== 0x30 || signature[1] !== signature.length - 2) return undefined;
  const values: bigint[] = [];
  let at = 2;
  for (let i = 0; i < 2; i++) {
    const length = signature[at + 1];
    if (signature[at] !== 0x02 || length === undefined || at + 2 + length > signature.length)
      return undefined;
    values.push(toBigInt(signature.subarray(at + 2, at + 2 + length)));
    at += 2 + length;
  }
  return at === signature.length ? { r: values[0]!, s: values[1]! } : undefined;
}

/** e = SM3(ZA ‖ message), ZA = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA). */
function sm2Digest(publicPoint: Buffer, message: Buffer): bigint {
  const entl = Buffer.from([(SM2_DEFAULT_ID.length * 8) >> 8, (SM2_DEFAULT_ID.length * 8) & 0xff]);
  const za = createHash("sm3")
    .update(Buffer.concat([entl, SM2_DEFAULT_ID, SM2_ZA_PARAMETERS, publicPoint.subarray(1)]))
    .digest();
  return toBigInt(
    createHash("sm3")
      .update(Buffer.concat([za, message]))
      .digest(),
  );
}

/** The x coordinate of k·G. */
const xOf = (algorithm: DerivedAlgorithm, k: bigint): bigint =>
  toBigInt(basePointTimes(algorithm, k).subarray(1, 33));

/** SM2's signature of `message` with the private key `d`. */
function sm2Sign(d: bigint, message: Buffer): Buffer {
  const { n } = CURVES["SDK-SM2-SM3"];
  const e = sm2Digest(basePointTimes("SDK-SM2-SM3", d), message);
  for (;;) {
    const k = mod(toBigInt(randomBytes(40)), n - 1n) + 1n;
    const r = mod(e + xOf("SDK-SM2-SM3", k), n);
    if (r === 0n || r + k === n) continue;
    const s = mod(inverse(1n + d, n) * (k - r * d), n);
    if (s !== 0n) return derSignature(r, s);
  }
}

/** SM2's check, with the private key `d` at hand: (s + t·d)·G is s·G + t·P, whose x must give r. */
function sm2Verify(d: bigint, message: Buffer, signature: Buffer): boolean {
  const { n } = CURVES["SDK-SM2-SM3"];
  const parsed = parseDer(signature);
  if (parsed === undefined) return false;
  const { r, s } = parsed;
  if (r < 1n || r >= n || s < 1n || s >= n) return false;
  const t = mod(r + s, n);
  if (t === 0n) return false;
  const e = sm2Digest(basePointTimes("SDK-SM2-SM3", d), message);
  const k = mod(s + t * d, n);
  return k !== 0n && mod(e + xOf("SDK-SM2-SM3", k), n) === r;
}

/** The P-256 key as Node.js takes it: a JWK of d and its public point. */
function p256Key(d: bigint, which: "private" | "public") {
  const point = basePointTimes("SDK-ECDSA-P256-SHA256", d);
  const jwk = {
    kty: "EC",
    crv: "P-256",
    x: point.subarray(1, 33).toString("base64url"),
    y: point.subarray(33).toString("base64url"),
    ...(which === "private" && { d: toBytes(d).toString("base64url") }),
  };
  return which === "private"
    ? createPrivateKey({ key: jwk, format: "jwk" })
    : createPublicKey({ key: jwk, format: "jwk" });
}

/** The hex signature of the string to sign with the key derived from the access key and secret key. */
export function signWithDerivedKey(
  algorithm: DerivedAlgorithm,
  key: { readonly accessKey: string; readonly secretKey: string },
  stringToSign: string,
): string {
  const d = derivePrivateKey(algorithm, key.accessKey, key.secretKey);
  const message = Buffer.from(stringToSign);
  if (algorithm === "SDK-SM2-SM3") return sm2Sign(d, message).toString("hex");
  return sign("sha256", message, { key: p256Key(d, "private"), dsaEncoding: "der" }).toString("hex");
}

/** Whether a hex signature of the string to sign is by the key derived from the access key and secret key. */
export function verifyWithDerivedKey(
  algorithm: DerivedAlgorithm,
  key: { readonly accessKey: string; readonly secretKey: string },
  stringToSign: string,
  signatureHex: string,
): boolean {
  if (!/^(?:[0-9a-f]{2}){8,80}$/i.test(signatureHex)) return false;
  const d = derivePrivateKey(algorithm, key.accessKey, key.secretKey);
  const message = Buffer.from(stringToSign);
  const signature = Buffer.from(signatureHex, "hex");
  if (algorithm === "SDK-SM2-SM3") return sm2Verify(d, message, signature);
  return verify("sha256", message, { key: p256Key(d, "public"), dsaEncoding: "der" }, signature);
}
