/**
 * The provider's log, as go-plugin providers write theirs: one JSON line per entry on stderr
 * (`@level`, `@message`, `@timestamp`), which Terraform and OpenTofu read from the plugin and show
 * at that level under `TF_LOG`. The lookup's debug lines (each request, its status and time,
 * retries) go there; its warnings go there too and also become WARNING diagnostics of the read,
 * which Terraform shows without any log level. Every line has been redacted by the lookup.
 */
import type { Logger } from "../provider/support/logger";

/** go-plugin's time format for `@timestamp`: RFC 3339 with microseconds. */
function timestamp(now: Date): string {
  return now.toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
}

/** The levels from the most to the least detailed, as TF_LOG names them. */
const LEVELS = ["trace", "debug", "info", "warn", "error"];

/**
 * A logger writing go-plugin's JSON lines through `write` (stderr by default), at the level that
 * `TF_LOG_PROVIDER` or else `TF_LOG` asks for (Terraform passes its environment to the provider),
 * as terraform-plugin-log filters at the source: nothing is written when neither is set.
 */
export function providerLog(
  env: NodeJS.ProcessEnv,
  write: (line: string) => void = (line) => process.stderr.write(line),
): Logger {
  const given = (env.TF_LOG_PROVIDER || env.TF_LOG || "").toLowerCase();
  // Unset or "off" writes nothing; TF_LOG=1 (or any word it does not know) means trace to Terraform.
  const threshold = given === "" || given === "off" ? LEVELS.length : Math.max(LEVELS.indexOf(given), 0);
  const entry = (level: string, message: string) => {
    if (LEVELS.indexOf(level) < threshold) return;
    const line = {
      "@level": level,
      "@message": message,
      "@module": "provider.modelarts",
      "@timestamp": timestamp(new Date()),
    };
    write(`${JSON.stringify(line)}\n`);
  };
  return {
    debug: (message) => entry("debug", message),
    warn: (message) => entry("warn", message),
  };
}

/** A logger passing every line on to `log`, and keeping each distinct warning for the read's diagnostics. */
export function warningCollector(log: Logger): { readonly logger: Logger; readonly warnings: string[] } {
  const warnings: string[] = [];
  return {
    warnings,
    logger: {
      debug: (message) => log.debug(message),
      warn: (message) => {
        log.warn(message);
        if (!warnings.includes(message)) warnings.push(message);
      },
    },
  };
}
