/**
 * Generated requests for the differential signing tests (fast-check arbitraries): path segments with
 * unreserved characters, sub-delimiters and letters beyond ASCII; query keys and values with any
 * character below U+D800, white space and reserved characters included; signing dates over a century.
 */
import fc from "fast-check";

const unicode = fc.integer({ min: 0xa0, max: 0xd7ff }).map((c) => String.fromCharCode(c));
/** Letters beyond ASCII that `url.parse` leaves as they are (it trims and escapes white space, NBSP included). */
const unicodeLetter = fc
  .oneof(
    fc.integer({ min: 0xc0, max: 0x24f }),
    fc.integer({ min: 0x391, max: 0x3c9 }),
    fc.integer({ min: 0x4e00, max: 0x9fff }),
  )
  .map((c) => String.fromCharCode(c));
const pathChar = fc.oneof(fc.constantFrom(..."abcXYZ019-_.~!$&()*+,;=:@"), unicodeLetter);

/** A path segment. */
export const segment = fc.array(pathChar, { minLength: 1, maxLength: 10 }).map((cs) => cs.join(""));
const queryChar = fc.oneof(fc.constantFrom(..."aZ9 /?#[]@!$&'()*+,;=%-._~\"<>^`{|}"), unicode);
const queryValue = fc.array(queryChar, { maxLength: 12 }).map((cs) => cs.join(""));
const queryKey = fc
  .array(fc.constantFrom(..."abcdefgABC_-.~"), { minLength: 1, maxLength: 6 })
  .map((cs) => cs.join(""));

/** Query parameters: each key one value or several (a repeated key). */
export const queryParams = fc.dictionary(
  queryKey,
  fc.oneof(queryValue, fc.array(queryValue, { minLength: 2, maxLength: 3 })),
  { maxKeys: 5 },
);

/** An X-Sdk-Date between 2000 and 2099. */
export const sdkDate = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true })
  .map((when) =>
    when
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, ""),
  );

/** Query parameters as the signer's pairs: a repeated key once per value. */
export function queryPairs(params: Record<string, string | string[]>): Array<readonly [string, string]> {
  return Object.entries(params).flatMap(([k, v]) =>
    (Array.isArray(v) ? v : [v]).map((value) => [k, value] as const),
  );
}
