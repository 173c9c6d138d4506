/** How the boundary looks at an outside value: whether it is a plain object, and how a message shows it. */
import { jsonText } from "../support/jsonText";

/** A plain object (not null, not a list): what a JSON body must be before its fields are read. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A value as an error message shows it: strings quoted, long ones cut to 80 characters. */
export function show(value: unknown): string {
  // A long list is counted, not written out and then cut.
  if (Array.isArray(value) && value.length > 20) return `a list of ${value.length} values`;
  let text: string;
  try {
    text =
      typeof value === "string"
        ? JSON.stringify(value)
        : typeof value === "bigint"
          ? `${value}n`
          : String(jsonText(value) ?? value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
