/** Option values the commands share the reading of, and the parsing of a command's options. */
import { type ParseArgsConfig, parseArgs } from "node:util";
import { didYouMean } from "../provider/support/closestName";
import { UsageError } from "./usageError";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * A command's options, strictly: no positionals, and an unknown option is a usage error naming the
 * nearest known one (`--name-regx`: did you mean --name-regex?).
 */
export function parseCommandOptions<O extends Options>(
  argv: readonly string[],
  options: O,
): ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: false }>> {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const option = /^Unknown option '([^']+)'/.exec((error as Error).message)?.[1];
    if (code !== "ERR_PARSE_ARGS_UNKNOWN_OPTION" || option === undefined) throw error;
    const known = Object.keys(options).map((name) => `--${name}`);
    throw new UsageError(`unknown option ${option}${didYouMean(option, known)}`);
  }
}

/** A whole-number option (`--limit 5`), undefined when not given; anything else is a usage error. */
export function wholeNumberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} takes a whole number, got "${value}"`);
  return Number(value);
}
