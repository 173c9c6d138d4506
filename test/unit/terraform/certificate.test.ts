/**
 * The provider's self-signed certificate, written as DER by hand: every one of many fresh ones must
 * load where TLS loads it (a strict DER parser: one in 256 used to have a padded serial number and
 * crash the provider's start), be for localhost and 127.0.0.1, self-signed, and valid from a minute ago.
 */
import { X509Certificate } from "node:crypto";
import { createSecureContext } from "node:tls";
import { selfSignedCertificate } from "../../../terraform/certificate";

describe("the self-signed certificate", () => {
  it("loads into a TLS context with its key, 1,000 fresh ones out of 1,000", () => {
    const refused: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const { certificatePem, privateKeyPem } = selfSignedCertificate();
      try {
        createSecureContext({ cert: certificatePem, key: privateKeyPem });
      } catch (error) {
        refused.push(`${(error as Error).message}\n${certificatePem}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it("is for localhost and 127.0.0.1, signed by its own key, a CA for servers and clients, valid from a minute ago", () => {
    const now = new Date("2026-11-29T12:00:00Z");
    const made = selfSignedCertificate(now);
    const certificate = new X509Certificate(made.certificatePem);
    expect(certificate.raw.equals(made.der)).toBe(true);
    expect(certificate.subject).toBe("CN=localhost");
    expect(certificate.subjectAltName).toBe("DNS:localhost, IP Address:127.0.0.1");
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(certificate.ca).toBe(true);
    expect(certificate.keyUsage).toEqual(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"]);
    expect(new Date(certificate.validFrom)).toEqual(new Date("2026-11-29T11:59:00Z"));
    expect(new Date(certificate.validTo).getTime()).toBeGreaterThan(now.getTime() + 300 * 24 * 3600 * 1000);
  });
});
