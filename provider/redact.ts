/**
 * Redaction of credentials from any text that may leave the process: error messages, log lines,
 * state. Two layers: the exact secret values we know of (registered when settings are resolved),
 * and the shapes a secret takes on the wire (an `Authorization` header's signature, an
 * `X-Auth-Token` / `X-Security-Token` header value), for the secrets we were never told about.
 */

const knownSecrets = new Set<string>();

/** What replaces a secret in redacted text. */
export const REDACTED = "[REDACTED]";

/**
 * Remembers secret values so that {@link redact} removes them from any text. Values shorter than
 * four characters are ignored: replacing them would mangle ordinary words without protecting much.
 */
export function registerSecrets(...secrets: Array<string | undefined>): void {
  for (const secret of secrets) {
    if (secret !== undefined && secret.length >= 4) knownSecrets.add(secret);
  }
}

const WIRE_SHAPES: ReadonlyArray<[RegExp, string]> = [
  [/(Signature=)[0-9a-fA-F]+/g, `$1${REDACTED}`],
  [/(SDK-HMAC-SHA256\s+Access=)[^,\s]+/g, `$1${REDACTED}`],
  [/(x-(?:auth|security|subject)-token["']?\s*[:=]\s*["']?)[^"',\s|]+/gi, `$1${REDACTED}`],
];

/** Returns `text` with every registered secret and every wire-shaped credential replaced. */
export function redact(text: string): string {
  let out = text;
  for (const secret of knownSecrets) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of WIRE_SHAPES) out = out.replace(pattern, replacement);
  return out;
}
