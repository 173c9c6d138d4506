/**
 * Redaction of credentials from any text that may leave the process: error messages, log lines,
 * state. Two layers: the exact secret values we know of (registered by each API client as it is made),
 * and the shapes a secret takes on the wire (an `Authorization` header's signature, an
 * `X-Auth-Token` / `X-Security-Token` header value), for the secrets we were never told about.
 */

import { HEADER } from "../wire/headerNames";
import { BoundedMap } from "./boundedMap";

/** The most secrets remembered. */
export const MAX_KNOWN_SECRETS = 1024;

/**
 * The secrets registered, oldest first. Bounded so that a long-lived process that sees many
 * identities does not grow without end: a secret registered again moves to the end, so the secrets
 * of the clients in use are the last to go.
 */
const knownSecrets = new BoundedMap<string, string>(MAX_KNOWN_SECRETS);

/**
 * The secrets longest first, made again after each registration: a secret that is a prefix of
 * another (`abcd` and `abcdef`) must not be replaced first, or the longer one's tail would show.
 */
let longestFirst: string[] | undefined;

/** What replaces a credential in redacted text. */
const REDACTED = "[REDACTED]";

/** What replaces an argument the user marked secret (a secret name filter, say) in redacted text. */
const SECRET_ARGUMENT = "[secret]";

/**
 * Remembers secret values so that {@link redact} removes them from any text. Values shorter than
 * four characters are ignored: replacing them would mangle ordinary words without protecting much.
 */
export function registerSecrets(...secrets: Array<string | undefined>): void {
  for (const secret of secrets) {
    if (secret === undefined || secret.length < 4) continue;
    for (const form of formsOf(secret)) knownSecrets.set(form, REDACTED);
  }
  longestFirst = undefined;
}

/** How much of a long secret's start or end, shown alone, is still taken for the secret. */
const SECRET_FRAGMENT = 16;

/**
 * The forms a secret may take in text: as it is; JSON-escaped, as a server echoing a request body
 * writes it (quotes and backslashes escaped, or `/` as `\/`); and, for a long one (a security
 * token runs to kilobytes), its first and last {@link SECRET_FRAGMENT} characters, which a server
 * that cuts what it echoes shows alone.
 */
function formsOf(secret: string): string[] {
  const forms = [secret, JSON.stringify(secret).slice(1, -1), secret.replaceAll("/", "\\/")];
  if (secret.length >= 2 * SECRET_FRAGMENT) {
    forms.push(secret.slice(0, SECRET_FRAGMENT), secret.slice(-SECRET_FRAGMENT));
  }
  return [...new Set(forms)];
}

/** Every string inside a value: a secret list's elements, or an object's values, are each secret. */
function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(stringsIn);
  return [];
}

/**
 * Remembers the values of arguments given as secrets (`pulumi.secret("name")`), so that a message
 * that would echo one (`no job matching name "..."`) shows `[secret]` instead: every string inside
 * each value. Same rule of four characters; a value already known as a credential keeps its label.
 */
export function registerSecretArguments(...values: readonly unknown[]): void {
  for (const text of values.flatMap(stringsIn)) {
    if (text.length >= 4 && !knownSecrets.has(text)) knownSecrets.set(text, SECRET_ARGUMENT);
  }
  longestFirst = undefined;
}

const WIRE_SHAPES: ReadonlyArray<[RegExp, string]> = [
  // A URL's userinfo (`https://user:password@host`), in an endpoint, a proxy or anything a server echoes.
  // The scheme is bounded (RFC 3986 sets none; registered schemes are short): unbounded, every start
  // in a long run of `a.a.a.` scanned to its end looking for `://`, quadratic in the text.
  [/\b([a-z][a-z0-9+.-]{0,31}:\/\/)[^\s/@]*@/gi, "$1"],
  [/(Signature=)[0-9a-fA-F]+/g, `$1${REDACTED}`],
  [/(SDK-HMAC-SHA256\s+Access=)[^,\s]+/g, `$1${REDACTED}`],
  // A credential header's value, wherever it is echoed (`x-security-token:abc`, `"x-auth-token": "abc"`).
  [
    new RegExp(
      `((?:${[HEADER.authToken, HEADER.securityToken, HEADER.subjectToken].join("|")})["']?\\s*[:=]\\s*["']?)[^"',\\s|]+`,
      "gi",
    ),
    `$1${REDACTED}`,
  ],
];

/** The part of {@link UNSHOWABLE} that JSON.stringify leaves as it is (it escapes C0 itself). */
const UNSHOWABLE_IN_JSON =
  "\\u007f-\\u009f\\u061c\\u200b-\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2060\\u2066-\\u2069\\ufeff";

/**
 * What a server's text must not carry into a terminal as it is: C0 and C1 controls (C1's U+009B is
 * a CSI in some terminals), the line and paragraph separators, the bidirectional marks, overrides
 * and isolates (U+061C, U+200E-200F, U+202A-202E, U+2066-2069: they reorder what a terminal shows),
 * and the invisible ones (U+200B-200D, U+2060, U+FEFF: two names that look alike must show apart).
 */
const UNSHOWABLE = new RegExp(`[\\u0000-\\u001f${UNSHOWABLE_IN_JSON}]`, "g");
/** What {@link terminalSafeJson} escapes: the part JSON text leaves raw. */
const UNSHOWABLE_JSON = new RegExp(`[${UNSHOWABLE_IN_JSON}]`, "g");

/** A character as `\uXXXX`, the escape JavaScript and JSON both read. */
const unicodeEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** One character as a visible escape: `\n`, `\x1b`, `\u200b`. */
function escapeOne(c: string): string {
  if (c === "\n") return "\\n";
  if (c === "\r") return "\\r";
  if (c === "\t") return "\\t";
  const code = c.charCodeAt(0);
  return code > 0xff ? unicodeEscape(c) : `\\x${code.toString(16).padStart(2, "0")}`;
}

/**
 * {@link UNSHOWABLE} characters as visible escapes (`\x1b`, `\n`, `\u200b`): what a server sends
 * (an `error_msg`, a job name) must not move a terminal's cursor, colour it, forge a line of its
 * own in a log, reorder what is shown, or hide in plain sight.
 */
export function escapeControls(text: string): string {
  return text.replace(UNSHOWABLE, escapeOne);
}

/**
 * JSON text with every {@link UNSHOWABLE} character written as a JSON escape (`\u009b`): the same
 * value for a JSON reader, nothing a terminal acts on for a person reading the output.
 */
export function terminalSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSHOWABLE_JSON, unicodeEscape);
}

/** The most characters of a server's text (an `error_msg`, a code) a message carries. */
export const MAX_SERVER_TEXT = 1000;

/**
 * A server's text cut to {@link MAX_SERVER_TEXT} characters, saying how much was left out: what
 * follows redacts and shows it, and an error body may be megabytes.
 */
export function clipServerText(text: string): string {
  if (text.length <= MAX_SERVER_TEXT) return text;
  return `${text.slice(0, MAX_SERVER_TEXT)}... (${text.length - MAX_SERVER_TEXT} more characters)`;
}

/** Text fit to show: redacted, then with control characters escaped. For messages and log lines. */
export function forDisplay(text: string): string {
  return escapeControls(redact(text));
}

/** Returns `text` with every registered secret and every wire-shaped credential replaced. */
export function redact(text: string): string {
  let out = text;
  longestFirst ??= [...knownSecrets.keys()].sort((a, b) => b.length - a.length);
  for (const secret of longestFirst) {
    if (out.includes(secret)) out = out.split(secret).join(knownSecrets.get(secret) ?? REDACTED);
  }
  for (const [pattern, replacement] of WIRE_SHAPES) out = out.replace(pattern, replacement);
  return out;
}
