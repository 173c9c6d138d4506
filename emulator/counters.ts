/** What the emulator counts while it serves: API requests in flight, open connections, throttling. */

/** Peak and current figures, as `RunningEmulator.stats()` reports them. */
export interface EmulatorStats {
  readonly maxInFlight: number;
  readonly maxOpenConnections: number;
  readonly openConnections: number;
  readonly throttled: number;
}

/** Counts requests and connections as they start and end. */
export class Counters {
  private inFlight = 0;
  private maxInFlight = 0;
  private openConnections = 0;
  private maxOpenConnections = 0;
  private throttled = 0;

  /** An API request started; returns how many are in flight now, itself included. */
  requestStarted(): number {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    return this.inFlight;
  }

  requestEnded(): void {
    this.inFlight--;
  }

  connectionOpened(): void {
    this.openConnections++;
    this.maxOpenConnections = Math.max(this.maxOpenConnections, this.openConnections);
  }

  connectionClosed(): void {
    this.openConnections--;
  }

  requestThrottled(): void {
    this.throttled++;
  }

  stats(): EmulatorStats {
    return {
      maxInFlight: this.maxInFlight,
      maxOpenConnections: this.maxOpenConnections,
      openConnections: this.openConnections,
      throttled: this.throttled,
    };
  }
}
