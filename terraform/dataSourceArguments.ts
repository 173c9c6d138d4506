/**
 * A data source's configuration as the core's lookup arguments, and the core's complaints about them
 * as the attributes a Terraform user wrote. `status` and `statuses` become one list (their union), so
 * that a bad element is named where it was written: `statuses[1]`.
 */
import { joinedList, writtenAt } from "../provider/boundary/splitArguments";
import type { ValidationIssue } from "../provider/support/errors";
import { forDisplay } from "../provider/support/redact";
import { render } from "../provider/surfaces/wording";
import { type CtyObject, type CtyValue, UNKNOWN } from "./ctyCodec";
import { ARGUMENT_ATTRIBUTES } from "./schema";

/** A Terraform attribute path: attribute names and list indexes. */
export type AttributePath = ReadonlyArray<string | number>;

/** The lookup's arguments from a configuration; arguments whose value is unknown are left out. */
export function queryArguments(config: CtyObject): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [argument, attributes] of Object.entries(ARGUMENT_ATTRIBUTES) as Array<
    [string, readonly string[]]
  >) {
    const value =
      attributes.length === 2
        ? oneList(config, attributes[0]!, attributes[1]!)
        : knownValue(config, attributes[0]);
    if (value !== undefined) args[argument] = value;
  }
  return args;
}

/** An attribute's known value; undefined when unset, unknown, or the argument has no attribute. */
function knownValue(config: CtyObject, attribute: string | undefined): CtyValue | undefined {
  const value = attribute === undefined ? null : config[attribute];
  return value === null || value === undefined || value === UNKNOWN ? undefined : value;
}

/** One value then a list (`status` then `statuses`), as one list; undefined when neither is set or either is unknown. */
function oneList(config: CtyObject, one: string, several: string): CtyValue[] | undefined {
  const { [one]: single = null, [several]: list = null } = config;
  if (single === UNKNOWN || list === UNKNOWN) return undefined;
  const all = joinedList(single, list) as CtyValue[] | undefined;
  return all?.includes(UNKNOWN) ? undefined : all;
}

/** Where a core issue's argument (`nameRegex`, `status` element 1) was written in the configuration. */
export function attributePathOf(issue: ValidationIssue, config: CtyObject): AttributePath {
  const argument = issue.argument as keyof typeof ARGUMENT_ATTRIBUTES | undefined;
  const attributes: readonly string[] = (argument && ARGUMENT_ATTRIBUTES[argument]) || [];
  if (attributes.length < 2) return attributes[0] === undefined ? [] : [attributes[0]];
  const [one, several] = attributes as [string, string];
  const where = writtenAt(issue.index, config[one] !== null && config[one] !== undefined);
  if (!where.inList) return [one];
  return where.index === undefined ? [several] : [several, where.index];
}

/** A path as Terraform users write it: `statuses[1]`. */
function pathText(path: AttributePath): string {
  return path
    .map((step, i) => (typeof step === "number" ? `[${step}]` : i === 0 ? step : `.${step}`))
    .join("");
}

/**
 * The issue in Terraform's names, its argument named where the configuration wrote it
 * (`statuses[1]`): the issue's words start with the argument's reference.
 */
export function issueText(issue: ValidationIssue, path: AttributePath): string {
  const [first, ...rest] = issue.words;
  const named = typeof first === "object" && "argument" in first && path.length > 0;
  return forDisplay(
    named ? `${pathText(path)}${render(rest, "terraform")}` : render(issue.words, "terraform"),
  );
}
