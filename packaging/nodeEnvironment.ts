/**
 * What the release's executables do with each environment variable that Node.js 22 reads as it
 * starts (its `node --help`, "Environment variables", and doc/api/cli.md, checked against 22.23.2).
 * A single executable is Node.js itself, so it reads what node reads, and some of that acts before
 * the provider's first line runs: V8 code from a cache folder, files it loads or writes, reads that
 * block. The one list here drives the binary's neutralising (seaExecutable.ts), the macOS launcher's
 * `unset` line, and the tests that try each variable against the executable.
 */

/**
 * - `neutralised`: read by Node's C++ start-up before any JavaScript of ours; the executable's
 *   Node.js binary has the name blanked (see {@link neutraliseEnvironmentReads}), so Node never sees
 *   it, and the macOS launcher unsets it.
 * - `unset`: read by Node's JavaScript start-up, or later; the macOS launcher unsets it; in a single
 *   executable it is ignored already (`execArgvExtension: "none"` for NODE_OPTIONS; the embedded
 *   bundle's `require` loads only built-in modules for NODE_PATH).
 * - `honoured`: read and acted on as in any Node.js program; harmless, and what users expect.
 */
type EnvironmentTreatment = "neutralised" | "unset" | "honoured";

/** One variable, what the executable does with it, and why. */
interface NodeEnvironmentVariable {
  readonly name: string;
  readonly treatment: EnvironmentTreatment;
  readonly why: string;
}

/** Every variable Node.js 22 reads at start, and what the release's executables do with it. */
export const NODE_ENVIRONMENT: readonly NodeEnvironmentVariable[] = [
  {
    name: "NODE_OPTIONS",
    treatment: "unset",
    why: "would load code (--require, --import) or open a debugger; the SEA config's execArgvExtension none ignores it",
  },
  {
    name: "NODE_COMPILE_CACHE",
    treatment: "neutralised",
    why: "V8 code from a folder: Node checks only the source's length and hash, so a forged cache runs foreign code",
  },
  {
    name: "NODE_EXTRA_CA_CERTS",
    treatment: "neutralised",
    why: "a blocking read before the first line (a FIFO hung even --version); the executable reads the file itself, below",
  },
  {
    name: "NODE_ICU_DATA",
    treatment: "neutralised",
    why: "loads a data file at start (the executable has full ICU built in)",
  },
  { name: "NODE_V8_COVERAGE", treatment: "neutralised", why: "writes coverage files when the process exits" },
  { name: "NODE_REDIRECT_WARNINGS", treatment: "neutralised", why: "writes warnings to a file" },
  {
    name: "NODE_REPL_EXTERNAL_MODULE",
    treatment: "neutralised",
    why: "loads a module in place of the program",
  },
  {
    name: "OPENSSL_CONF",
    treatment: "neutralised",
    why: "an OpenSSL configuration can load engines and providers: native code",
  },
  {
    name: "NODE_PATH",
    treatment: "unset",
    why: "module folders: the bundle requires only Node's built-in modules",
  },
  {
    name: "NODE_DEBUG",
    treatment: "honoured",
    why: "debug lines of Node's modules on stderr; they name hosts and paths, never a header",
  },
  { name: "NODE_DEBUG_NATIVE", treatment: "honoured", why: "debug lines of Node's C++ on stderr" },
  { name: "NODE_DISABLE_COLORS", treatment: "honoured", why: "colours of Node's own messages" },
  { name: "FORCE_COLOR", treatment: "honoured", why: "colours of Node's own messages" },
  { name: "NO_COLOR", treatment: "honoured", why: "colours of Node's own messages" },
  { name: "NODE_NO_WARNINGS", treatment: "honoured", why: "silences Node's warnings" },
  { name: "NODE_PENDING_DEPRECATION", treatment: "honoured", why: "more deprecation warnings" },
  { name: "NODE_PENDING_PIPE_INSTANCES", treatment: "honoured", why: "Windows pipe servers only" },
  {
    name: "NODE_PRESERVE_SYMLINKS",
    treatment: "honoured",
    why: "module resolution, which the bundle does not use",
  },
  { name: "NODE_REPL_HISTORY", treatment: "honoured", why: "the REPL's, which the executable never starts" },
  {
    name: "NODE_SKIP_PLATFORM_CHECK",
    treatment: "honoured",
    why: "start on an unsupported OS at your own risk",
  },
  {
    name: "NODE_TLS_REJECT_UNAUTHORIZED",
    treatment: "honoured",
    why: "the provider's connections state rejectUnauthorized themselves (the insecure setting), so it changes nothing there",
  },
  {
    name: "NODE_USE_ENV_PROXY",
    treatment: "honoured",
    why: "Node's own fetch; the provider's proxy settings are its own",
  },
  {
    name: "NODE_CHANNEL_FD",
    treatment: "honoured",
    why: "an IPC channel on an inherited descriptor; nothing listens to it",
  },
  { name: "TZ", treatment: "honoured", why: "dates in messages" },
  {
    name: "UV_THREADPOOL_SIZE",
    treatment: "honoured",
    why: "libuv caps it at 1,024 threads, started on demand",
  },
  {
    name: "SSL_CERT_FILE",
    treatment: "honoured",
    why: "read only with --use-openssl-ca, which nothing passes",
  },
  {
    name: "SSL_CERT_DIR",
    treatment: "honoured",
    why: "read only with --use-openssl-ca, which nothing passes",
  },
];

/** The names whose reads are blanked in the binary. */
export const NEUTRALISED_VARIABLES: readonly string[] = NODE_ENVIRONMENT.filter(
  (v) => v.treatment === "neutralised",
).map((v) => v.name);

/** The names the macOS launcher unsets before it starts node. */
export const LAUNCHER_UNSET: readonly string[] = NODE_ENVIRONMENT.filter(
  (v) => v.treatment !== "honoured",
).map((v) => v.name);

/**
 * Where `name` stands as a whole C string in `binary` (a NUL before and after it): the literals
 * Node's C++ passes to getenv. A name inside a longer string is not one of them.
 */
export function environmentReadsOf(binary: Buffer, name: string): number[] {
  const needle = Buffer.from(`\0${name}\0`, "latin1");
  const found: number[] = [];
  for (let at = binary.indexOf(needle); at >= 0; at = binary.indexOf(needle, at + 1)) found.push(at + 1);
  return found;
}

/**
 * Blanks every whole-string occurrence of each neutralised name in a Node.js binary: its first byte
 * becomes NUL, so Node asks for the variable named "", which no environment holds (glibc's getenv
 * and Windows' GetEnvironmentVariableW find nothing for it). Returns the patched copy; throws when a
 * name has no such occurrence, since a Node.js whose reads moved would otherwise go out unprotected.
 */
export function neutraliseEnvironmentReads(binary: Buffer, label: string): Buffer {
  const patched = Buffer.from(binary);
  for (const name of NEUTRALISED_VARIABLES) {
    const places = environmentReadsOf(patched, name);
    if (places.length === 0) {
      throw new Error(
        `${label}: the Node.js binary has no string ${name} to neutralise; check how this Node.js version reads it before releasing`,
      );
    }
    for (const at of places) patched[at] = 0;
  }
  return patched;
}
