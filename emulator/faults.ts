/**
 * Fault injection: what the emulator does instead of (or before) answering the next N API requests
 * that match, so that tests can play every failure a client must survive.
 */

import { ModelArtsEmulatorError } from "../provider/support/errors";
import type { Fault, FaultTarget } from "./fault";
import { checkedFault } from "./faultInput";

/** Options of an injected fault. */
export interface FaultOptions {
  /** How many matching requests get the fault; default 1. */
  readonly count?: number;
  /** Which requests it applies to; default every API request. */
  readonly when?: (request: FaultTarget) => boolean;
}

interface Pending {
  readonly fault: Fault;
  remaining: number;
  readonly when?: (request: FaultTarget) => boolean;
}

/** Injected faults, consumed in the order they were injected. */
export class FaultQueue {
  private pending: Pending[] = [];

  /** Queues a fault, checked as the control API checks it (ModelArtsEmulatorError naming each bad field). */
  add(fault: Fault, options: FaultOptions = {}): void {
    checkedFault(fault);
    const count = options.count ?? 1;
    if (!Number.isInteger(count) || count < 1)
      throw new ModelArtsEmulatorError(`a fault's count must be an integer >= 1, got ${count}`);
    this.pending.push({ fault, remaining: count, when: options.when });
  }

  /** The fault for this request, if one applies; it is used up. */
  take(request: FaultTarget): Fault | undefined {
    const found = this.pending.find((p) => p.when === undefined || p.when(request));
    if (found === undefined) return undefined;
    if (--found.remaining === 0) this.pending = this.pending.filter((p) => p !== found);
    return found.fault;
  }

  clear(): void {
    this.pending = [];
  }

  get size(): number {
    return this.pending.reduce((n, p) => n + p.remaining, 0);
  }
}
