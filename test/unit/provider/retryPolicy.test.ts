import { DEFAULT_RETRY_TIMING, parseRetryAfter, retryDelay } from "../../../provider/transport/retryPolicy";

describe("retry policy", () => {
  const now = new Date("2026-11-28T12:00:00Z");

  it("reads Retry-After as seconds or as an HTTP date", () => {
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("0.5", now)).toBe(500);
    expect(parseRetryAfter("Sat, 28 Nov 2026 12:00:07 GMT", now)).toBe(7000);
    expect(parseRetryAfter("Sat, 28 Nov 2026 11:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it("honours Retry-After, capped at a minute", () => {
    expect(
      retryDelay({ attempt: 0, throttled: true, retryAfterMs: 1234 }, DEFAULT_RETRY_TIMING, Math.random),
    ).toBe(1234);
    expect(
      retryDelay({ attempt: 0, throttled: true, retryAfterMs: 3_600_000 }, DEFAULT_RETRY_TIMING, Math.random),
    ).toBe(60_000);
  });

  it("backs off exponentially with jitter between half and all of the ceiling, up to the maximum", () => {
    const low = (attempt: number) => retryDelay({ attempt, throttled: false }, DEFAULT_RETRY_TIMING, () => 0);
    const high = (attempt: number) =>
      retryDelay({ attempt, throttled: false }, DEFAULT_RETRY_TIMING, () => 1);
    expect([0, 1, 2, 3].map(low)).toEqual([250, 500, 1000, 2000]);
    expect([0, 1, 2, 3].map(high)).toEqual([500, 1000, 2000, 4000]);
    expect(high(10)).toBe(10_000);
  });

  it("waits Huawei's advised 2 to 5 seconds when throttled without Retry-After", () => {
    expect(retryDelay({ attempt: 0, throttled: true }, DEFAULT_RETRY_TIMING, () => 0)).toBe(2000);
    expect(retryDelay({ attempt: 0, throttled: true }, DEFAULT_RETRY_TIMING, () => 1)).toBe(5000);
  });
});
