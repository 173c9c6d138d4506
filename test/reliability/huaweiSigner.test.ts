/**
 * Our four signing algorithms against Huawei's own: huaweicloud-sdk-go-v3's `core/auth/signer`,
 * unchanged, built from the Go module proxy into a small program (test/fixtures/huawei-signer) that
 * signs each generated request. For SDK-HMAC-SHA256 and SDK-HMAC-SM3 the Authorization headers are
 * byte-equal. ECDSA and SM2 signatures are randomized, so for those: the header's algorithm, access
 * key and signed headers are equal; Huawei's signing key (`GetSigningKey(ak, sk).Verify`) accepts our
 * signature of our string to sign; ours accepts Huawei's signature of the same request (so the two
 * strings to sign are one); and Huawei's derived public key is ours. Skipped, saying why, without Go.
 *
 * The generated requests keep to what both signers take alike: header names without `_` and other
 * than Content-Type (Huawei's signer leaves those unsigned; ours signs every header it is given,
 * which the gateway accepts, since it checks the headers the request lists).
 */
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { findCommand } from "../../demo/exampleStack";
import { derivedPublicKey, isDerivedAlgorithm } from "../../provider/wire/derivedKeys";
import {
  authorizationHeader,
  SIGNING_ALGORITHMS,
  type SigningAlgorithm,
  signatureMatches,
  stringToSign,
} from "../../provider/wire/signer";
import { queryPairs, queryParams, sdkDate, segment } from "../support/signingRequests";

jest.setTimeout(600_000);

const ORACLE_SOURCE = join(__dirname, "../fixtures/huawei-signer");
const go = findCommand("go");
if (go === undefined) process.stdout.write("Huawei signer differential skipped: no Go toolchain on PATH\n");

/** Requests per algorithm. */
const RUNS = 300;

const headerName = fc
  .array(fc.constantFrom(..."abcxyz019-"), { minLength: 1, maxLength: 12 })
  .map((cs) => `X-${cs.join("")}`);
const headerValue = fc.string({ maxLength: 20 }).filter((v) => !/[\r\n\0]/.test(v));
const keyText = fc.array(
  fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"),
  {
    minLength: 8,
    maxLength: 40,
  },
);

/** One generated request, as both signers take it. */
const generatedRequest = fc.record({
  accessKey: keyText.map((cs) => cs.join("")),
  secretKey: keyText.map((cs) => cs.join("")),
  post: fc.boolean(),
  segments: fc.array(segment, { minLength: 1, maxLength: 5 }),
  params: queryParams,
  date: sdkDate,
  headers: fc.dictionary(headerName, headerValue, { maxKeys: 4 }),
  body: fc.json({ maxDepth: 2 }),
});
type Generated = fc.Arbitrary<typeof generatedRequest extends fc.Arbitrary<infer T> ? T : never>;

/** Huawei's answer to one job. */
interface OracleAnswer {
  readonly authorization: string;
  readonly accepted?: boolean;
  readonly publicKey?: string;
  readonly error?: string;
}

/** Runs the oracle on the jobs (one JSON a line), all at once. */
function askOracle(binary: string, jobs: readonly object[]): Promise<OracleAnswer[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(binary, [], { maxBuffer: 256 << 20 }, (error, stdout) =>
      error
        ? reject(error)
        : resolve(
            stdout
              .trim()
              .split("\n")
              .map((line) => JSON.parse(line) as OracleAnswer),
          ),
    );
    child.stdin!.end(`${jobs.map((job) => JSON.stringify(job)).join("\n")}\n`);
  });
}

(go === undefined ? describe.skip : describe)("our signer against Huawei's Go signer", () => {
  let dir: string;
  let oracle: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "modelarts-huawei-signer-"));
    oracle = join(dir, "huawei-signer");
    // From the Go module proxy (the SDK is a 49 MB module; only its signer packages are compiled).
    execFileSync(go!, ["build", "-o", oracle, "."], {
      cwd: ORACLE_SOURCE,
      env: { ...process.env, GOFLAGS: "-mod=mod", CGO_ENABLED: "0" },
      stdio: ["ignore", "ignore", "inherit"],
      timeout: 540_000,
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(Object.keys(SIGNING_ALGORITHMS) as SigningAlgorithm[])(
    `%s: ${RUNS} generated requests sign as Huawei's signer signs them`,
    async (algorithm) => {
      const wire = SIGNING_ALGORITHMS[algorithm].wire;
      const requests = fc.sample(generatedRequest as Generated, {
        numRuns: RUNS,
        seed: 20261207 + wire.length,
      });
      const ours = requests.map((r) => {
        const key = { accessKey: r.accessKey, secretKey: r.secretKey };
        const headers = { ...r.headers, "X-Sdk-Date": r.date, Host: "modelarts.example.com" };
        const request = {
          method: r.post ? "POST" : "GET",
          path: `/${r.segments.join("/")}`,
          query: queryPairs(r.params),
          headers,
          ...(r.post && { body: r.body }),
        };
        const authorization = authorizationHeader(request, key, r.date, algorithm);
        const text = stringToSign(request, r.date, algorithm).text;
        return { key, request, params: r.params, authorization, stringToSign: text };
      });
      const answers = await askOracle(
        oracle,
        ours.map(({ key, request, params, authorization, stringToSign }) => ({
          algorithm: wire,
          ak: key.accessKey,
          sk: key.secretKey,
          method: request.method,
          endpoint: "https://modelarts.example.com",
          path: request.path,
          query: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v : [v]])),
          headers: request.headers,
          body: request.body ?? "",
          stringToSign,
          signature: /Signature=([0-9a-f]+)$/.exec(authorization)![1],
        })),
      );
      expect(answers).toHaveLength(RUNS);
      const asymmetric = isDerivedAlgorithm(wire);
      const problems = answers.flatMap((answer, i) => {
        const { key, request, authorization, stringToSign: text } = ours[i]!;
        if (answer.error !== undefined) return [`${i}: ${answer.error}`];
        if (!asymmetric)
          return answer.authorization === authorization
            ? []
            : [`${i}: ${authorization} != ${answer.authorization}`];
        const prefix = (header: string) => header.replace(/Signature=[0-9a-f]+$/, "");
        const theirSignature = /Signature=([0-9a-f]+)$/.exec(answer.authorization)?.[1] ?? "";
        return [
          prefix(answer.authorization) === prefix(authorization)
            ? []
            : [`${i}: ${prefix(authorization)} != ${prefix(answer.authorization)}`],
          answer.accepted ? [] : [`${i}: Huawei's key refused our signature of ${JSON.stringify(text)}`],
          signatureMatches(request, key, request.headers["X-Sdk-Date"], algorithm, theirSignature)
            ? []
            : [`${i}: ours refused Huawei's signature (the strings to sign differ)`],
          answer.publicKey === derivedPublicKey(wire, key.accessKey, key.secretKey)
            ? []
            : [`${i}: public keys differ`],
        ].flat();
      });
      expect(problems).toEqual([]);
    },
  );
});
