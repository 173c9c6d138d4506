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

/** The most distinct warnings {@link warningsOnce} remembers: past that, a warning may come again. */
const REMEMBERED_WARNINGS = 100;

/**
 * A logger that passes each distinct warning once, and every debug line. A process that serves one
 * `pulumi up` (the plugin) runs a lookup per invoke and per resource, and the same warning on each
 * (a profile file others can read) was printed as many times.
 */
export function warningsOnce(logger: Logger): Logger {
  if (logger === silentLogger) return logger;
  const said = new Set<string>();
  return {
    debug: (message) => logger.debug(message),
    warn: (message) => {
      if (said.has(message)) return;
      if (said.size >= REMEMBERED_WARNINGS) said.clear();
      said.add(message);
      logger.warn(message);
    },
  };
}
