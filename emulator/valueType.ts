/** How the control API's input checks name a JSON value's type in their messages. */

/** `null`, `array`, or the value's `typeof`. */
export function typeOf(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "array" : typeof value;
}
