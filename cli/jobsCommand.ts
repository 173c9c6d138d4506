/**
 * `pulumi-modelarts jobs`: the lookup a Pulumi program makes, from a shell, to try a query before
 * writing a program. Settings come from the environment only (there is no stack).
 */

import { runLookup } from "../provider/lookup/lookup";
import { MAX_MAX_CONCURRENCY } from "../provider/settings/settings";
import { ModelArtsValidationError } from "../provider/support/errors";
import type { Logger } from "../provider/support/logger";
import { parseCommandOptions, wholeNumberOption } from "./options";
import { formatJobsTable } from "./table";
import { JOBS_USAGE, UsageError } from "./usage";

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

/** The lookup's argument names as the `jobs` options that set them. */
const FLAG_OF: Readonly<Record<string, string>> = {
  status: "--status",
  name: "--name",
  nameRegex: "--name-regex",
  searchContent: "--search",
  sortBy: "--sort-by",
  order: "--order",
  limit: "--limit",
  timeoutSeconds: "--timeout",
};

/** A validation message with the argument it names (`limit`, `status[0]`) replaced by its option. */
function inFlagTerms(message: string): string {
  return message.replace(/^([A-Za-z]+)(\[\d+\])?/, (whole, name: string) => FLAG_OF[name] ?? whole);
}

/** A bad option value, which the lookup refuses before any request, as the usage error it is. */
function asUsageError(error: unknown): unknown {
  if (!ModelArtsValidationError.isInstance(error)) return error;
  return new UsageError(error.issues.map((issue) => inFlagTerms(issue.message)).join("; "));
}

/** Runs `jobs` with its arguments; resolves to the exit status. */
export async function jobsCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parseCommandOptions(argv, {
    status: { type: "string", multiple: true },
    name: { type: "string" },
    "name-regex": { type: "string" },
    search: { type: "string" },
    "sort-by": { type: "string" },
    order: { type: "string" },
    limit: { type: "string" },
    timeout: { type: "string" },
    "max-concurrency": { type: "string" },
    profile: { type: "string" },
    output: { type: "string", default: "table" },
    help: { type: "boolean" },
  });
  if (values.help) {
    io.stdout.write(`${JOBS_USAGE}\n`);
    return 0;
  }
  if (values.output !== "table" && values.output !== "json") {
    throw new UsageError(`--output is table or json, got "${values.output}"`);
  }
  const args = Object.fromEntries(
    Object.entries({
      status: values.status,
      name: values.name,
      nameRegex: values["name-regex"],
      searchContent: values.search,
      sortBy: values["sort-by"],
      order: values.order,
      limit: wholeNumberOption("limit", values.limit),
      timeoutSeconds: wholeNumberOption("timeout", values.timeout),
    }).filter(([, v]) => v !== undefined),
  );
  const concurrency = wholeNumberOption("max-concurrency", values["max-concurrency"]);
  if (concurrency !== undefined && (concurrency < 1 || concurrency > MAX_MAX_CONCURRENCY)) {
    throw new UsageError(
      `--max-concurrency takes a whole number from 1 to ${MAX_MAX_CONCURRENCY}, got ${concurrency}`,
    );
  }
  const progress = progressReporter(io);
  try {
    const result = await runLookup(args, "pulumi-modelarts jobs", {
      // --profile is HW_PROFILE for this lookup: the file is HW_SHARED_CONFIG_FILE or KooCLI's own.
      env: values.profile === undefined ? io.env : { ...io.env, HW_PROFILE: values.profile },
      ...(concurrency !== undefined && { concurrency }),
      logger: progress.logger,
      cache: false,
    });
    io.stdout.write(
      values.output === "json" ? `${JSON.stringify(result, null, 2)}\n` : `${formatJobsTable(result)}\n`,
    );
    return 0;
  } catch (error) {
    throw asUsageError(error);
  } finally {
    progress.stop();
  }
}
