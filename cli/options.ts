/** Option values the commands share the reading of. */
import { UsageError } from "./usage";

/** A whole-number option (`--limit 5`), undefined when not given; anything else is a usage error. */
export function wholeNumberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} takes a whole number, got "${value}"`);
  return Number(value);
}
