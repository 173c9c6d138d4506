/**
 * `pulumi-modelarts jobs`: the lookup a Pulumi program makes, from a shell, to try a query before
 * writing a program. Settings come from the environment only (there is no stack).
 */

import { runLookup } from "../provider/lookup/lookup";
import { foundAt, settingNumber } from "../provider/settings/settingSources";
import { ModelArtsError, ModelArtsValidationError } from "../provider/support/errors";
import type { Logger } from "../provider/support/logger";
import { terminalSafeJson } from "../provider/support/redact";
import { render } from "../provider/surfaces/wording";
import { metaOf, SETTINGS, type SettingKey } from "../provider/wire/description";
import { ARGUMENT_OPTIONS, optionValue, parseArgsOptions, SETTING_OPTIONS } from "./jobsOptions";
import { parseCommandOptions } from "./options";
import { formatJobsTable } from "./table";
import { jobsUsage } from "./usage";
import { UsageError } from "./usageError";

/** Where the command writes: stdout for the result, stderr for progress. */
export interface CommandIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
}

/** How long a listing runs before progress is shown, and how often then. */
const PROGRESS_AFTER_MS = 1_000;

/** Counts the requests a lookup sends (each attempt logs one `GET` line) and reports them on stderr. */
function progressReporter(io: CommandIo): { logger: Logger; stop(): void } {
  let requests = 0;
  const started = Date.now();
  const timer = setInterval(() => {
    io.stderr.write(
      `pulumi-modelarts: still listing, ${requests} requests in ${Math.round((Date.now() - started) / 1000)} s\n`,
    );
  }, PROGRESS_AFTER_MS);
  timer.unref();
  return {
    logger: {
      debug: (message) => {
        if (message.startsWith("GET ")) requests++;
      },
      warn: (message) => io.stderr.write(`pulumi-modelarts: ${message}\n`),
    },
    stop: () => clearInterval(timer),
  };
}

/** A bad option value, which the lookup refuses before any request, as the usage error it is. */
function asUsageError(error: unknown): unknown {
  if (!ModelArtsValidationError.isInstance(error)) return error;
  return new UsageError(error.issues.map((issue) => render(issue.words, "cli")).join("; "));
}

/** The lookup's arguments from the options given. */
function argumentsOf(
  values: Record<string, string | string[] | boolean | undefined>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(ARGUMENT_OPTIONS).flatMap(([key, option]) => {
      const value = optionValue(option!, values[option!.flag] as string | string[] | undefined);
      return value === undefined ? [] : [[key, value]];
    }),
  );
}

/** A setting given as an option, checked by the description's rule; undefined when not given. */
function settingOption(key: SettingKey, values: Record<string, unknown>): string | undefined {
  const flag = SETTING_OPTIONS[key]!.flag;
  const value = values[flag] as string | undefined;
  if (value === undefined) return undefined;
  if (SETTING_OPTIONS[key]!.integer) settingNumber(key, foundAt(value, { option: flag }));
  else if (!SETTINGS[key].safeParse(value).success) {
    throw new UsageError(`--${flag} must be ${metaOf(SETTINGS[key]).rule}, got "${value}"`);
  }
  return value;
}

/**
 * The environment with each setting given as an option standing for its first environment variable,
 * for this lookup: `--profile` is HW_PROFILE, `--idp-id` HW_ASSUME_ROLE_IDP_ID. There is no stack.
 */
function environmentWithOptions(env: NodeJS.ProcessEnv, values: Record<string, unknown>): NodeJS.ProcessEnv {
  const given = (Object.keys(SETTING_OPTIONS) as SettingKey[]).flatMap((key) => {
    const value = settingOption(key, values);
    return value === undefined ? [] : [[metaOf(SETTINGS[key]).env![0]!, value]];
  });
  return { ...env, ...Object.fromEntries(given) };
}

/** Runs `jobs` with its arguments; resolves to the exit status. */
export async function jobsCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parseCommandOptions(argv, {
    ...parseArgsOptions(),
    output: { type: "string", default: "table" },
    help: { type: "boolean" },
  });
  if (values.help) {
    io.stdout.write(`${jobsUsage()}\n`);
    return 0;
  }
  if (values.output !== "table" && values.output !== "json") {
    throw new UsageError(`--output is table or json, got "${values.output}"`);
  }
  const args = argumentsOf(values);
  let env: NodeJS.ProcessEnv;
  try {
    env = environmentWithOptions(io.env, values);
  } catch (error) {
    if (!ModelArtsError.isInstance(error)) throw error;
    throw new UsageError(error.messageOn("cli"));
  }
  const progress = progressReporter(io);
  try {
    const result = await runLookup(args, "pulumi-modelarts jobs", {
      // --profile is HW_PROFILE for this lookup: the file is HW_SHARED_CONFIG_FILE or KooCLI's own.
      env,
      logger: progress.logger,
      cache: false,
    });
    io.stdout.write(
      values.output === "json" ? `${terminalSafeJson(result)}\n` : `${formatJobsTable(result)}\n`,
    );
    return 0;
  } catch (error) {
    throw asUsageError(error);
  } finally {
    progress.stop();
  }
}
