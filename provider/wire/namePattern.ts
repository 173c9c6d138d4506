/**
 * `nameRegex` matching in linear time. Job names are chosen by whoever can create jobs, and the
 * backtracking JavaScript engine took over 25 s to match `^(a+)+$` against a 29-character name,
 * blocking the event loop. RE2 (through re2js, a pure-JavaScript port) never backtracks: its
 * dialect is JavaScript's without lookaround and backreferences.
 */
import type { RE2JS } from "re2js";

type Re2 = typeof RE2JS;
let loaded: Re2 | undefined;

/** re2js is loaded on first use: most lookups have no pattern. */
function re2(): Re2 {
  loaded ??= (require("re2js") as { RE2JS: Re2 }).RE2JS;
  return loaded;
}

/** A compiled pattern: `test(name)` is true when the pattern matches anywhere in the name. */
export interface NamePattern {
  test(name: string): boolean;
}

/**
 * Compiles `source` as an RE2 pattern.
 *
 * @throws the parser's error when the pattern is not valid RE2.
 */
export function compileNamePattern(source: string): NamePattern {
  const compiled = re2().compile(source);
  return { test: (name) => compiled.matcher(name).find() };
}

/**
 * What a pattern's counted repetitions add up to: each `{n}`, `{m,n}` or `{m,}` counts its largest
 * number. A `{` escaped with a backslash is a brace, not a repetition; one inside a character class
 * is counted all the same, which can only refuse a pattern, never let a costly one through.
 */
export function repetitionTotal(source: string): number {
  let total = 0;
  const counted = /\{(\d{1,9})(?:,(\d{0,9}))?\}/y;
  for (let at = source.indexOf("{"); at >= 0; at = source.indexOf("{", at + 1)) {
    let backslashes = 0;
    while (source[at - 1 - backslashes] === "\\") backslashes++;
    counted.lastIndex = at;
    const match = backslashes % 2 === 0 ? counted.exec(source) : null;
    if (match !== null) total += Math.max(Number(match[1]), Number(match[2] || 0));
  }
  return total;
}

/** Whether `source` is a valid RE2 pattern. */
export function isValidNamePattern(source: string): boolean {
  try {
    compileNamePattern(source);
    return true;
  } catch {
    return false;
  }
}
