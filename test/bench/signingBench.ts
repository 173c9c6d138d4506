/**
 * What each signing algorithm costs (HW_SIGNING_ALGORITHM): one signature of a lookup's list request,
 * in microseconds, and a whole lookup of 10,000 jobs (10 pages) at the bench's latency against the
 * emulator in a process of its own (which verifies each signature, as the gateway would), each
 * algorithm in turn, so that a slow spell of the machine weighs on all of them.
 */

import { authorizationHeader, SIGNING_ALGORITHMS, type SigningAlgorithm } from "../../provider/wire/signer";
import { lookupVisualizationJobs } from "../../sdk/nodejs";
import { startEmulatorProcess } from "./emulatorProcess";
import type { BenchProfile } from "./profile";
import { type Stats, stats, timed } from "./stats";

/** The signing figures of `npm run bench`. */
export interface SigningFigures {
  readonly jobs: number;
  /** Microseconds per signature, by algorithm. */
  readonly signatureUs: Record<string, Stats>;
  /** A whole lookup, ms, by algorithm. */
  readonly lookup: Record<string, Stats>;
  /** The slowest algorithm's lookup over the default's. */
  readonly slowestOverDefault: number;
}

const ALGORITHMS = Object.keys(SIGNING_ALGORITHMS) as SigningAlgorithm[];
const JOBS = 10_000;
/** Signatures per timing of one signature's cost. */
const SIGNATURES = 200;

/** A list request as the client signs it. */
const REQUEST = {
  method: "GET",
  path: "/v1/0a1b2c3d4e5f40718293a4b5c6d7e8f9/visualization-jobs",
  query: [
    ["page", "3"],
    ["per_page", "1000"],
    ["sortBy", "job_id"],
  ] as Array<readonly [string, string]>,
  headers: {
    host: "modelarts.cn-north-4.myhuaweicloud.com",
    "x-sdk-date": "20261207T090000Z",
    "x-project-id": "0a1b2c3d4e5f40718293a4b5c6d7e8f9",
  },
};
const KEY = { accessKey: "QTWAOYTTINDUT2QVKYUC", secretKey: "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc" };

/** Microseconds per signature, `SIGNATURES` at a time. */
function signatureCost(algorithm: SigningAlgorithm, runs: number): Stats {
  const samples: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const started = performance.now();
    for (let i = 0; i < SIGNATURES; i++)
      authorizationHeader(REQUEST, KEY, REQUEST.headers["x-sdk-date"], algorithm);
    // The first is warm-up (JIT, the curves' set-up).
    if (run > 0) samples.push(((performance.now() - started) * 1000) / SIGNATURES);
  }
  return stats(samples);
}

/** Each algorithm's signature and lookup cost, the emulator adding `latencyMs` to each request. */
export async function signingFigures(profile: BenchProfile, latencyMs: number): Promise<SigningFigures> {
  const signatureUs = Object.fromEntries(ALGORITHMS.map((a) => [a, signatureCost(a, profile.runs)]));
  const emulator = await startEmulatorProcess({ jobs: JOBS, latencyMs });
  try {
    const lookup = (algorithm: SigningAlgorithm) => async () => {
      const env = { ...emulator.env, HW_SIGNING_ALGORITHM: algorithm };
      const result = await lookupVisualizationJobs({}, { context: "bench", env, cache: false });
      if (result.ids.length !== JOBS) throw new Error(`listed ${result.ids.length} of ${JOBS}`);
    };
    const samples: Record<string, number[]> = Object.fromEntries(ALGORITHMS.map((a) => [a, []]));
    for (const algorithm of ALGORITHMS) await lookup(algorithm)(); // connections, JIT
    for (let run = 0; run < profile.runs; run++) {
      for (const algorithm of ALGORITHMS) samples[algorithm]!.push(await timed(lookup(algorithm)));
    }
    const lookupStats = Object.fromEntries(ALGORITHMS.map((a) => [a, stats(samples[a]!)]));
    const slowest = Math.max(...ALGORITHMS.map((a) => lookupStats[a]!.median));
    return {
      jobs: JOBS,
      signatureUs,
      lookup: lookupStats,
      slowestOverDefault: slowest / lookupStats.HmacSHA256!.median,
    };
  } finally {
    await emulator.close();
  }
}
