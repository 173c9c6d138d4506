import { createHash } from "node:crypto";
import {
  authorizationHeader,
  canonicalQuery,
  canonicalRequest,
  canonicalUri,
  formatSdkDate,
  parseSdkDate,
  SIGNING_ALGORITHMS,
  signatureMatches,
} from "../../../provider/wire/signer";
import { QUERY_ENCODING_VECTOR, SIGNING_VECTORS, type SigningVector } from "./signingVectors";

describe("SDK-HMAC-SHA256 signer", () => {
  describe.each(SIGNING_VECTORS)("published vector: $source", (vector) => {
    it("produces the published signature", () => {
      const header = authorizationHeader(vector.request, vector.key, vector.request.headers["X-Sdk-Date"]!);
      expect(header).toMatch(
        /^SDK-HMAC-SHA256 Access=[^,]+, SignedHeaders=[a-z;-]+, Signature=[0-9a-f]{64}$/,
      );
      expect(header.endsWith(`Signature=${vector.signature}`)).toBe(true);
      expect(header).toContain(`Access=${vector.key.accessKey}, `);
    });
  });

  it.each(SIGNING_VECTORS.filter((v) => v.signatureSm3 !== undefined))(
    "produces the published SDK-HMAC-SM3 signature: $source",
    (vector) => {
      const header = authorizationHeader(
        vector.request,
        vector.key,
        vector.request.headers["X-Sdk-Date"]!,
        "HmacSM3",
      );
      expect(header).toBe(
        `SDK-HMAC-SM3 Access=${vector.key.accessKey}, SignedHeaders=x-sdk-date, Signature=${vector.signatureSm3}`,
      );
    },
  );

  it.each(["EcdsaP256SHA256", "SM2SM3"] as const)(
    "%s: a signature of the published GET vector verifies, and no other request's or key's does",
    (algorithm) => {
      const [, get, post] = SIGNING_VECTORS as [SigningVector, SigningVector, SigningVector];
      const date = get.request.headers["X-Sdk-Date"]!;
      const header = authorizationHeader(get.request, get.key, date, algorithm);
      const signature = /Signature=([0-9a-f]+)$/.exec(header)![1]!;
      expect(
        header.startsWith(
          `${SIGNING_ALGORITHMS[algorithm].wire} Access=AccessKey, SignedHeaders=x-sdk-date, `,
        ),
      ).toBe(true);
      expect(signatureMatches(get.request, get.key, date, algorithm, signature)).toBe(true);
      expect(signatureMatches(post.request, get.key, date, algorithm, signature)).toBe(false);
      expect(
        signatureMatches(get.request, { ...get.key, secretKey: "other" }, date, algorithm, signature),
      ).toBe(false);
      // Randomized: a second signature differs, and verifies too.
      const again = /Signature=([0-9a-f]+)$/.exec(
        authorizationHeader(get.request, get.key, date, algorithm),
      )![1]!;
      expect(again).not.toBe(signature);
      expect(signatureMatches(get.request, get.key, date, algorithm, again)).toBe(true);
    },
  );

  // Only the vectors that publish their canonical request (or its hash) can check it.
  it.each(SIGNING_VECTORS.filter((v) => v.canonicalRequest !== undefined))(
    "builds the published canonical request: $source",
    (vector) => {
      expect(canonicalRequest(vector.request).text).toBe(vector.canonicalRequest);
    },
  );

  it.each(SIGNING_VECTORS.filter((v) => v.canonicalRequestSha256 !== undefined))(
    "builds a canonical request with the published hash: $source",
    (vector) => {
      const { text } = canonicalRequest(vector.request);
      expect(createHash("sha256").update(text).digest("hex")).toBe(vector.canonicalRequestSha256);
    },
  );

  it("hashes a request body into the canonical request (the POST vector)", () => {
    const post = SIGNING_VECTORS.find((v) => v.request.body !== undefined)!;
    const lines = canonicalRequest(post.request).text.split("\n");
    expect(lines.at(-1)).toBe(createHash("sha256").update(post.request.body!).digest("hex"));
    expect(lines.at(-1)).not.toBe(
      canonicalRequest({ ...post.request, body: undefined })
        .text.split("\n")
        .at(-1),
    );
  });

  it("encodes a query as the Go SDK's test expects (sorted keys, repeated keys sorted, RFC 3986)", () => {
    expect(canonicalQuery(QUERY_ENCODING_VECTOR.query)).toBe(QUERY_ENCODING_VECTOR.canonical);
  });

  it("keeps the case of query keys (sortBy stays sortBy)", () => {
    expect(
      canonicalQuery([
        ["sortBy", "job_name"],
        ["page", "2"],
      ]),
    ).toBe("page=2&sortBy=job_name");
  });

  it("appends a slash to the canonical URI, encodes each segment and maps an empty path to /", () => {
    expect(canonicalUri("")).toBe("/");
    expect(canonicalUri("/")).toBe("/");
    expect(canonicalUri("/v1/abc/visualization-jobs")).toBe("/v1/abc/visualization-jobs/");
    expect(canonicalUri("/a b/c*d")).toBe("/a%20b/c%2Ad/");
  });

  it("signs the headers sorted by lower-case name with trimmed values", () => {
    const { text, signedHeaders } = canonicalRequest({
      method: "get",
      path: "/p",
      query: [],
      headers: { "X-Sdk-Date": " 20060102T150405Z ", Host: "h.example.com", "X-Project-Id": "p1" },
    });
    expect(signedHeaders).toBe("host;x-project-id;x-sdk-date");
    expect(text.split("\n").slice(0, 7)).toEqual([
      "GET",
      "/p/",
      "",
      "host:h.example.com",
      "x-project-id:p1",
      "x-sdk-date:20060102T150405Z",
      "",
    ]);
  });

  it("changes the signature when any signed part changes", () => {
    const base = SIGNING_VECTORS[1]!;
    const date = base.request.headers["X-Sdk-Date"]!;
    const signature = (patch: object, sdkDate = date) =>
      authorizationHeader({ ...base.request, ...patch }, base.key, sdkDate);
    const original = signature({});
    expect(signature({ path: "/path2" })).not.toBe(original);
    expect(signature({ query: [["limit", "2"]] })).not.toBe(original);
    expect(signature({ headers: { "X-Sdk-Date": "20060102T150406Z" } }, "20060102T150406Z")).not.toBe(
      original,
    );
    expect(authorizationHeader(base.request, { ...base.key, secretKey: "other" }, date)).not.toBe(original);
  });

  it("formats and parses X-Sdk-Date", () => {
    const date = new Date(Date.UTC(2019, 10, 15, 3, 36, 55, 123));
    expect(formatSdkDate(date)).toBe("20191115T033655Z");
    expect(parseSdkDate("20191115T033655Z")?.getTime()).toBe(Date.UTC(2019, 10, 15, 3, 36, 55));
    expect(parseSdkDate("2019-11-15T03:36:55Z")).toBeUndefined();
  });
});
