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

/** The loggers {@link redactingLogger} made: wrapping one again would redact every line twice. */
const redacting = new WeakSet<Logger>();

/**
 * Wraps a logger so that no line reaches it without passing through {@link forDisplay}. The silent
 * logger and loggers already wrapped come back as they are: a lookup of 100 pages logs every
 * request, and redacting lines that go nowhere, or twice, was work for nothing.
 */
export function redactingLogger(logger: Logger): Logger {
  if (logger === silentLogger || redacting.has(logger)) return logger;
  const wrapped: Logger = {
    debug: (message) => logger.debug(forDisplay(message)),
    warn: (message) => logger.warn(forDisplay(message)),
  };
  redacting.add(wrapped);
  return wrapped;
}
