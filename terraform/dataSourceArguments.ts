/**
 * A data source's configuration as the core's lookup arguments, and the core's complaints about them
 * as the attributes a Terraform user wrote. `status` and `statuses` become one list (their union), so
 * that a bad element is named where it was written: `statuses[1]`.
 */
import type { ValidationIssue } from "../provider/support/errors";
import { forDisplay } from "../provider/support/redact";
import { render } from "../provider/wire/wording";
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
    if (argument === "status") continue;
    const value = attributes[0] === undefined ? null : config[attributes[0]];
    if (value !== null && value !== undefined && value !== UNKNOWN) args[argument] = value;
  }
  const statuses = statusList(config);
  if (statuses !== undefined) args.status = statuses;
  return args;
}

/** `status` then `statuses`, as one list; undefined when neither is set or either is unknown. */
function statusList(config: CtyObject): CtyValue[] | undefined {
  const { status = null, statuses = null } = config;
  if (status === UNKNOWN || statuses === UNKNOWN) return undefined;
  if (status === null && statuses === null) return undefined;
  const list = [...(status === null ? [] : [status]), ...(Array.isArray(statuses) ? statuses : [])];
  return list.includes(UNKNOWN) ? undefined : list;
}

/** Where a core issue's argument (`nameRegex`, `status` element 1) was written in the configuration. */
export function attributePathOf(issue: ValidationIssue, config: CtyObject): AttributePath {
  const argument = issue.argument as keyof typeof ARGUMENT_ATTRIBUTES | undefined;
  const attributes: readonly string[] = (argument && ARGUMENT_ATTRIBUTES[argument]) || [];
  if (argument !== "status") return attributes[0] === undefined ? [] : [attributes[0]];
  const hasSingle = config.status !== null && config.status !== undefined;
  const index = issue.index;
  if (index === undefined) return hasSingle ? ["status"] : ["statuses"];
  if (hasSingle && index === 0) return ["status"];
  return ["statuses", index - (hasSingle ? 1 : 0)];
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
