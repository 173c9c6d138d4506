/**
 * The service URLs a lookup hands out: `http(s)://` only, without credentials, WHATWG-normalised.
 * Whoever can create jobs controls what the API reports, and a `javascript:` or `file:` URL must
 * not flow into a dashboard or a probe; the job itself keeps the raw field.
 *
 * A listing of 100,000 jobs has 100,000 URLs, and parsing each with `new URL` cost 70-160 ms after
 * the last page had arrived (the lookup's tail, see `npm run bench`). Nearly all of them share a
 * few origins and have plain paths, so {@link safeServiceUrls} parses each distinct origin once and
 * keeps a rest (path, query, fragment) that WHATWG serialisation provably leaves as it is; any other
 * URL takes {@link safeServiceUrl}, the reference, which the unit tests hold the fast path to.
 */

/**
 * One URL, by the WHATWG parser: its `href` when it is http(s) without userinfo, else "".
 */
export function safeServiceUrl(url: string): string {
  // No control characters (a CR/LF would forge a header or a log line), no whitespace (WHATWG URL
  // parsing strips some silently), and no userinfo (credentials must not travel into outputs).
  if (!HTTP_SCHEME.test(url) || UNSAFE_CHARACTERS.test(url)) return "";
  try {
    const parsed = new URL(url);
    return parsed.username === "" && parsed.password === "" ? parsed.href : "";
  } catch {
    return "";
  }
}

/** The schemes handed out, in any case. */
const HTTP_SCHEME = /^https?:\/\//i;

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const UNSAFE_CHARACTERS = /[\u0000-\u0020\u007f-\u009f\s]/;

const SLASH = 0x2f;
const QUESTION = 0x3f;
const HASH = 0x23;
const BACKSLASH = 0x5c;

/** Whether the authority of a special URL ends at `i`: at `/`, `?`, `#`, `\\` or the end. */
function endsAuthority(url: string, i: number): boolean {
  if (i === url.length) return true;
  const c = url.charCodeAt(i);
  return c === SLASH || c === QUESTION || c === HASH || c === BACKSLASH;
}

/**
 * A rest of a URL (its path, query and fragment) that WHATWG serialisation leaves as written, on
 * Node 20, 22 and 24 alike: path segments of characters outside every path percent-encode set (no
 * `%`, so no `%2e`; not `'`, `^`, `[`, `]` or `|`, which some versions encode), none of them `.` or
 * `..` (which it resolves), then a query and a fragment of the same characters with `/`, `?` and
 * `%`. Only printable ASCII passes, so a rest that does holds nothing {@link UNSAFE_CHARACTERS}
 * refuses. Sticky, to test a URL from its authority's end without cutting it.
 */
const PLAIN_REST =
  /(?:\/(?!\.\.?(?:[/?#]|$))[\w\-.~!$&()*+,;=:@]*)*(?:\?[\w\-.~!$&()*+,;=:@/?%]*)?(?:#[\w\-.~!$&()*+,;=:@/?%]*)?$/y;

/** Whether the rest of `url` from `i` is one {@link PLAIN_REST} describes. */
function isPlainRest(url: string, i: number): boolean {
  PLAIN_REST.lastIndex = i;
  return PLAIN_REST.test(url);
}

/**
 * The service URLs of many jobs, each as {@link safeServiceUrl} would give it, with each distinct
 * origin (`scheme://authority` as written) parsed once.
 */
export function safeServiceUrls(urls: readonly string[]): string[] {
  // An origin as written -> its serialisation without the trailing "/", or "" when it is unsafe
  // (userinfo, a control character, a host the parser refuses). Jobs in a row mostly share one.
  const bases = new Map<string, string>();
  let origin = "";
  let base = "";
  return urls.map((url) => {
    let end = origin.length;
    if (!(origin !== "" && url.startsWith(origin) && endsAuthority(url, end))) {
      const scheme = HTTP_SCHEME.exec(url);
      if (scheme === null) return "";
      end = scheme[0].length;
      while (!endsAuthority(url, end)) end++;
      // An empty authority (`http:///x`, which WHATWG reads as host `x`): the parser.
      if (end === scheme[0].length) return safeServiceUrl(url);
      origin = url.slice(0, end);
      base = bases.get(origin) ?? safeServiceUrl(`${origin}/`).slice(0, -1); // "" stays "" (unsafe)
      bases.set(origin, base);
    }
    if (!isPlainRest(url, end)) return safeServiceUrl(url);
    if (base === "") return "";
    if (url.charCodeAt(end) !== SLASH) return `${base}/${url.slice(end)}`; // "http://h?q": "http://h/?q"
    return base === origin ? url : base + url.slice(end); // as written, most often
  });
}
