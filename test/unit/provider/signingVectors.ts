/**
 * The published SDK-HMAC-SHA256 test vectors, and SDK-HMAC-SM3's where published: Huawei's API
 * Request Signing Guide and the huaweicloud-sdk-go-v3 signer tests (signer_test.go, sm3_signer_test.go) (docs/api-notes.md, "Published test vectors"). Kept as data:
 * they are the signer's oracle.
 */
import type { SignableRequest, SigningKey } from "../../../provider/wire/signer";

export interface SigningVector {
  readonly source: string;
  readonly key: SigningKey;
  readonly request: SignableRequest;
  readonly canonicalRequest?: string;
  readonly canonicalRequestSha256?: string;
  readonly signature: string;
  /** The SDK-HMAC-SM3 signature of the same request, where the source publishes one. */
  readonly signatureSm3?: string;
}

export const SIGNING_VECTORS: readonly SigningVector[] = [
  {
    source: "Huawei API Request Signing Guide",
    key: { accessKey: "QTWAOYTTINDUT2QVKYUC", secretKey: "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc" },
    request: {
      method: "GET",
      path: "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
      query: [
        ["limit", "2"],
        ["marker", "13551d6b-755d-4757-b956-536f674975c0"],
      ],
      headers: {
        "Content-Type": "application/json",
        "X-Sdk-Date": "20191115T033655Z",
        Host: "service.region.example.com",
      },
    },
    canonicalRequestSha256: "b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a",
    signature: "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
  },
  {
    source: "huaweicloud-sdk-go-v3 signer test, GET",
    key: { accessKey: "AccessKey", secretKey: "SecretKey" },
    request: {
      method: "GET",
      path: "/path",
      query: [["limit", "1"]],
      headers: { "X-Sdk-Date": "20060102T150405Z" },
    },
    canonicalRequest:
      "GET\n/path/\nlimit=1\nx-sdk-date:20060102T150405Z\n\nx-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    signature: "5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624",
    signatureSm3: "acdeecf8061419275127135b54532c2c20b683bf9bbb8a32bee021a8c40befd4",
  },
  {
    source: "huaweicloud-sdk-go-v3 signer test, POST with a body",
    key: { accessKey: "AccessKey", secretKey: "SecretKey" },
    request: {
      method: "POST",
      path: "/path",
      query: [["key", "value"]],
      headers: { "X-Sdk-Date": "20060102T150405Z" },
      body: '{"Name":"test","Id":1}\n',
    },
    signature: "cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59",
    signatureSm3: "359e49285fe5a469f82b86fd761b1a4a7ee16e3181de7d643c53a30667cde508",
  },
];

/** The Go SDK's query-encoding vector: pairs in, canonical query out. */
export const QUERY_ENCODING_VECTOR = {
  query: [
    ["enable", "true"],
    ["limit", "1"],
    ["multi", "3"],
    ["multi", "1"],
    ["multi", "2"],
    ["path", "/tmp/123"],
    ["test", "一 (&=?!#%.*)"],
  ] as ReadonlyArray<readonly [string, string]>,
  canonical:
    "enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29",
};
