/** The emulator's added latency, and the longest wait a fault or the latency may ask for. */

import { ModelArtsEmulatorError } from "../provider/support/errors";

/** The longest latency a timer can wait (2^31 - 1 ms): beyond it Node would wait 1 ms instead. */
export const MAX_LATENCY_MS = 2_147_483_647;

/** A latency in ms, checked. */
export function checkedLatency(ms: number): number {
  if (!Number.isInteger(ms) || ms < 0 || ms > MAX_LATENCY_MS) {
    throw new ModelArtsEmulatorError(
      `latency must be a whole number of ms from 0 to ${MAX_LATENCY_MS}, got ${ms}`,
    );
  }
  return ms;
}
