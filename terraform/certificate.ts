/**
 * The provider's own TLS certificate for go-plugin's AutoMTLS: a self-signed P-256 certificate for
 * `localhost` and 127.0.0.1, made fresh at each start, as go-plugin's own `generateCert` makes one.
 * Terraform trusts exactly the certificate the handshake line carries. Node.js can sign but not
 * build an X.509 certificate, so its DER is written here (RFC 5280, the fields Go's verifier reads).
 */
import { generateKeyPairSync, randomBytes, sign } from "node:crypto";

/** A DER element: tag, length, contents. */
function der(tag: number, ...contents: Buffer[]): Buffer {
  const body = Buffer.concat(contents);
  const n = body.length;
  const length =
    n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, body]);
}

const sequence = (...items: Buffer[]) => der(0x30, ...items);

function oid(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split(".").map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const groups = [arc & 0x7f];
    for (let v = arc >> 7; v > 0; v >>= 7) groups.unshift((v & 0x7f) | 0x80);
    bytes.push(...groups);
  }
  return der(0x06, Buffer.from(bytes));
}

/** UTCTime, `YYMMDDHHMMSSZ` (valid for years before 2050). */
function utcTime(date: Date): Buffer {
  const text = date.toISOString().replace(/[-:T]/g, "").slice(2, 14);
  return der(0x17, Buffer.from(`${text}Z`, "ascii"));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return sequence(oid(id), ...(critical ? [der(0x01, Buffer.from([0xff]))] : []), der(0x04, value));
}

const ECDSA_WITH_SHA256 = sequence(oid("1.2.840.10045.4.3.2"));
const NAME = sequence(der(0x31, sequence(oid("2.5.4.3"), der(0x0c, Buffer.from("localhost")))));
/** How long the certificate is valid: far longer than any run of Terraform, never past 2049. */
const VALIDITY_MS = 365 * 24 * 3600 * 1000;

/** The extensions go-plugin's certificates carry: a CA for itself, for servers and clients, for localhost. */
const EXTENSIONS = der(
  0xa3,
  sequence(
    extension("2.5.29.19", true, sequence(der(0x01, Buffer.from([0xff])))),
    // digitalSignature, keyEncipherment and keyCertSign: bits 0, 2 and 5, two unused bits.
    extension("2.5.29.15", true, der(0x03, Buffer.from([0x02, 0xa4]))),
    extension("2.5.29.37", false, sequence(oid("1.3.6.1.5.5.7.3.1"), oid("1.3.6.1.5.5.7.3.2"))),
    extension(
      "2.5.29.17",
      false,
      sequence(der(0x82, Buffer.from("localhost")), der(0x87, Buffer.from([127, 0, 0, 1]))),
    ),
  ),
);

/** A certificate and its key, as PEM, and the certificate's DER (what the handshake line carries). */
export interface SelfSignedCertificate {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
  readonly der: Buffer;
}

/** Makes a fresh key and a self-signed certificate for it, valid from a minute ago. */
export function selfSignedCertificate(now: Date = new Date()): SelfSignedCertificate {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const serial = randomBytes(16);
  // DER integers are minimal and signed: a first byte of 0x40-0x7f is positive and never padding.
  serial[0] = ((serial[0] ?? 0) & 0x3f) | 0x40;
  const tbs = sequence(
    der(0xa0, der(0x02, Buffer.from([2]))),
    der(0x02, serial),
    ECDSA_WITH_SHA256,
    NAME,
    sequence(utcTime(new Date(now.getTime() - 60_000)), utcTime(new Date(now.getTime() + VALIDITY_MS))),
    NAME,
    publicKey.export({ type: "spki", format: "der" }),
    EXTENSIONS,
  );
  const signature = sign("sha256", tbs, privateKey);
  const certificate = sequence(tbs, ECDSA_WITH_SHA256, der(0x03, Buffer.from([0]), signature));
  const base64 = certificate.toString("base64").replace(/(.{64})/g, "$1\n");
  return {
    certificatePem: `-----BEGIN CERTIFICATE-----\n${base64.trimEnd()}\n-----END CERTIFICATE-----\n`,
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    der: certificate,
  };
}
