/**
 * Redaction runs over whatever a server sends back (an `error_msg` of up to 64 KiB reaches it), with
 * the event loop blocked while it runs: every pattern must be linear in the text. A quadratic one
 * (the userinfo pattern with an unbounded scheme) took 1.5 s on 40 KB of `a.` and kept a lookup
 * running 46 s past its deadline. Adversarial texts at the cap are generated from the characters the
 * patterns look for, and the probe's text at 16 times the cap; the times are printed, and jest's time
 * bound is what a quadratic pattern meets (no timing is asserted).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import fc from "fast-check";
import {
  clipServerText,
  escapeControls,
  MAX_SERVER_TEXT,
  redact,
  registerSecretArguments,
  registerSecrets,
  terminalSafeJson,
} from "../../../provider/support/redact";

/** The size of the error text the client redacts (attemptOutcome.ts reads 64 KiB of a body). */
const CAP = 64 * 1024;

/** The compiled module, for the child process (jest's set-up builds it). */
const REDACT_MODULE = join(__dirname, "../../../dist/provider/support/redact.js");

/** Pieces the wire patterns look for, so that a generated text keeps almost matching them. */
const PIECES = [
  "a.",
  "a",
  ".",
  "+",
  "-",
  ":",
  "/",
  "//",
  "://",
  "@",
  " ",
  "=",
  ",",
  '"',
  "'",
  "Signature=",
  "x-auth-token",
  "x-security-token:",
  "SDK-HMAC-SHA256 Access=",
  "https://",
];

describe("redaction of server text", () => {
  it("is linear on adversarial texts at the cap: each finishes, and userinfo never survives", () => {
    let slowest = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 64 }), (pieces) => {
        const unit = pieces.join("");
        const text = unit.repeat(Math.ceil(CAP / unit.length)).slice(0, CAP);
        const started = performance.now();
        const out = redact(`${text} https://user:hunter2@host.example/x`);
        slowest = Math.max(slowest, performance.now() - started);
        expect(out).not.toContain("hunter2");
      }),
      { numRuns: 25 },
    );
    // The probe's own text, the worst of the old pattern, at 16 times the cap, in a process of its
    // own: linear, it takes tens of milliseconds; quadratic, about 1,000 s, and a synchronous loop
    // cannot be stopped from inside, so the child is killed at a bound only a hang reaches.
    const script = `const { redact } = require(${JSON.stringify(REDACT_MODULE)}); const t = performance.now(); redact("a.".repeat(${8 * CAP})); process.stdout.write(String(performance.now() - t));`;
    const child = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", timeout: 20_000 });
    expect(child.error).toBeUndefined();
    process.stdout.write(
      `redaction: slowest of 25 adversarial 64 KiB texts ${slowest.toFixed(1)} ms; 1 MiB of "a." ${Number(child.stdout).toFixed(1)} ms\n`,
    );
  });

  it("hides a secret's JSON-escaped forms and a long one's first or last 16 characters shown alone", () => {
    const token = `tok/en"with\\escapes-${"x".repeat(40)}-and-a-tail-0123456789abcdef`;
    registerSecrets(token);
    const escaped = JSON.stringify(token).slice(1, -1);
    expect(redact(`echo: ${escaped}`)).toBe("echo: [REDACTED]");
    expect(redact(`echo: ${token.replaceAll("/", "\\/")}`)).toBe("echo: [REDACTED]");
    expect(redact(`cut: ${token.slice(0, 16)}...`)).toBe("cut: [REDACTED]...");
    expect(redact(`cut: ...${token.slice(-16)}`)).toBe("cut: ...[REDACTED]");
    // A short secret has no fragments: its pieces are ordinary words.
    registerSecretArguments("vision-tb");
    expect(redact("vision")).toBe("vision");
  });

  it("escapes every character a terminal would act on or hide, in text and in JSON output", () => {
    const name = "a\u200bb\u200ec\u200fd\u061ce\ufefff\u009bg\u202eh\u2066i\x1bj\nk";
    expect(escapeControls(name)).toBe(
      "a\\u200bb\\u200ec\\u200fd\\u061ce\\ufefff\\x9bg\\u202eh\\u2066i\\x1bj\\nk",
    );
    const json = terminalSafeJson({ jobName: name });
    expect(JSON.parse(json)).toEqual({ jobName: name }); // the same value for a JSON reader
    const raw = [...json].filter((c) => c !== "\n" && c !== " " && escapeControls(c) !== c);
    expect(raw).toEqual([]);
    expect(json.split("\n")).toHaveLength(3); // its own line breaks stay
  });

  it("cuts a server's text to its bound before anything redacts or shows it, saying how much is left out", () => {
    expect(clipServerText("short")).toBe("short");
    const long = "e".repeat(MAX_SERVER_TEXT + 5000);
    expect(clipServerText(long)).toBe(`${"e".repeat(MAX_SERVER_TEXT)}... (5000 more characters)`);
  });
});
