/**
 * Inputs as the engine hands them to the plugin (Check, Create, Update, Invoke): plain values, or
 * values wrapped under Pulumi's signature key. A secret is unwrapped and its text remembered, so that
 * no message echoes it; an output value with no value is unknown (a preview); a resource reference,
 * an asset or anything else where a string or number belongs is refused by name. Nothing is ever
 * dropped: a filter that silently became undefined would widen the lookup to every job.
 */

import { UNKNOWN } from "../provider/lookup/lookupResource";
import { type ValidationIssue, validationIssue } from "../provider/support/errors";

/** The key under which the engine marks a wrapped value, and its kinds (@pulumi/pulumi runtime/rpc). */
const SIGNATURE = "4dabf18193072939515e22adb298388d";
const SECRET = "1b47061264138c4ac30d75fd1eb44270";
const OUTPUT_VALUE = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
const RESOURCE_REFERENCE = "5cf8f73096256a8f31e491e813e4eb8e";

/** Whether a value is wrapped as a secret. */
export function isWrappedSecret(value: unknown): boolean {
  return (
    typeof value === "object" && value !== null && (value as Record<string, unknown>)[SIGNATURE] === SECRET
  );
}

/** A value wrapped as a secret, as the engine then keeps it encrypted. */
export function wrappedSecret(value: unknown): Record<string, unknown> {
  return { [SIGNATURE]: SECRET, value };
}

/** The inputs unwrapped, the values among them that were secret, and the inputs refused. */
export interface DecodedInputs {
  readonly values: Record<string, unknown>;
  readonly secrets: readonly unknown[];
  readonly refused: readonly ValidationIssue[];
}

/** What a wrapped value is, as a message names it. */
function kindOf(record: Record<string, unknown>): string {
  if (record[SIGNATURE] === RESOURCE_REFERENCE) {
    return `a resource reference (${String(record.urn ?? "no URN")}): pass one of the resource's outputs, such as its name`;
  }
  return "a Pulumi asset, archive or other special value";
}

/** Unwraps one value; `found` collects secrets and refusals. */
function decode(
  value: unknown,
  field: string,
  found: { secrets: unknown[]; refused: ValidationIssue[] },
): unknown {
  if (Array.isArray(value)) return value.map((item, i) => decode(item, `${field}[${i}]`, found));
  if (typeof value !== "object" || value === null) return value;
  const record = value as Record<string, unknown>;
  const signature = record[SIGNATURE];
  if (signature === undefined) {
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, decode(v, `${field}.${k}`, found)]));
  }
  if (signature === SECRET || (signature === OUTPUT_VALUE && record.secret === true)) {
    found.secrets.push(record.value);
  }
  if (signature === SECRET) return decode(record.value, field, found);
  if (signature === OUTPUT_VALUE) return "value" in record ? decode(record.value, field, found) : UNKNOWN;
  found.refused.push(validationIssue(field, [`is ${kindOf(record)}`]));
  return undefined;
}

/** Unwraps a property map. */
export function decodeInputs(props: Record<string, unknown>): DecodedInputs {
  const found = { secrets: [] as unknown[], refused: [] as ValidationIssue[] };
  const values = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, decode(v, k, found)]));
  return { values, ...found };
}
