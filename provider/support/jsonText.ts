/**
 * JSON for messages and settings that keeps what the user gave: `JSON.stringify` writes NaN and
 * Infinity as `null`, so an error once said "got null" of a NaN. Here they stay "NaN", "Infinity".
 */

/** Non-finite numbers as their own words, where JSON would write `null`. */
const keepNonFinite = (_key: string, value: unknown) =>
  typeof value === "number" && !Number.isFinite(value) ? String(value) : value;

/** `JSON.stringify(value)`, with NaN and ±Infinity written as words; undefined as JSON gives it. */
export function jsonText(value: unknown): string | undefined {
  if (typeof value === "number") return String(value);
  return JSON.stringify(value, keepNonFinite);
}
