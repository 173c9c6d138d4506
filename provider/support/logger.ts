/**
 * Diagnostics. The package logs through a {@link Logger} it is given (the SDK passes `pulumi.log`),
 * never to the console, and every line is redacted and its control characters escaped first.
 */
import { forDisplay } from "./redact";

/** Where diagnostics go. */
export interface Logger {
  /** Detail for debugging: requests, pages, retries and why. */
  debug(message: string): void;
  /** Something the user should know about, though the lookup goes on. */
  warn(message: string): void;
}

/** A logger that drops everything. */
export const silentLogger: Logger = { debug: () => {}, warn: () => {} };

/** Wraps a logger so that no line reaches it without passing through {@link forDisplay}. */
export function redactingLogger(logger: Logger): Logger {
  return {
    debug: (message) => logger.debug(forDisplay(message)),
    warn: (message) => logger.warn(forDisplay(message)),
  };
}
