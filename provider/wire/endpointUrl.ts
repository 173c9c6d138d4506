/**
 * What an endpoint URL must be, as the description's rule for the ModelArts and IAM endpoints states
 * it: `https://`, or plain `http://` to this machine only (the emulator), with a path that decodes,
 * and no credentials, query or fragment. settings.ts refuses a found endpoint by this, naming where it
 * came from; the description's schemas check by it too.
 */

/** Whether a URL's hostname is this machine: the only hosts plain http:// may reach. */
export function isLoopback(hostname: string): boolean {
  return (
    hostname === "localhost" || hostname === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/** An endpoint's rule, as a message says it after "must be". */
export const ENDPOINT_RULE =
  "an https:// URL (plain http:// only to 127.0.0.1, ::1 or localhost), without credentials, a query or a fragment";

/** A token service's rule (GitHub Actions' gives its URL with a query): an endpoint's, a query allowed. */
export const TOKEN_SERVICE_RULE =
  "an https:// URL (plain http:// only to 127.0.0.1, ::1 or localhost), without credentials or a fragment";

/**
 * What is wrong with an endpoint URL, as the rest of a sentence that names it ("The IAM endpoint from
 * HW_AUTH_URL ..."); undefined when it is acceptable. A token service's URL may carry a query.
 */
export function endpointProblem(value: string, queryAllowed = false): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `is not a URL: "${value}". Give a URL such as https://modelarts.cn-north-4.myhuaweicloud.com.`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return `must be an https:// URL, got "${url.protocol}" in "${value}".`;
  }
  if (url.protocol === "http:" && !isLoopback(url.hostname)) {
    return `uses plain http:// with the non-loopback host "${url.hostname}": credentials would cross the network unencrypted. Use https://, or http:// only with 127.0.0.1, ::1 or localhost (the emulator).`;
  }
  try {
    decodeURIComponent(url.pathname);
  } catch {
    return `has a path that is not valid percent-encoding: "${url.pathname}".`;
  }
  if (url.username || url.password || (url.search && !queryAllowed) || url.hash) {
    return `must not carry credentials, a query or a fragment: "${url.origin}${url.pathname}" is the form expected.`;
  }
  return undefined;
}
