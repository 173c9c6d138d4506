/**
 * Reading a file a user named in a setting (a KooCLI profile file, the emulator's `--jobs FILE`)
 * without trusting what the path leads to. A FIFO opened for reading blocks in `open()` until a
 * writer comes, and `/dev/zero` never ends: a plain `readFileSync` of either froze the event loop
 * (so no deadline or cancellation could run) or filled memory. Here the path is opened without
 * blocking, the opened descriptor (not the path, which a link could change in between) must be a
 * regular file, and at most `maxBytes` are read. A regular file of bounded size cannot stall a
 * read, so reading it synchronously keeps the callers' setting resolution synchronous.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/** The largest user file read: a KooCLI profile file or a job list is far smaller. */
const MAX_USER_FILE_BYTES = 1024 * 1024;

/** A user file's text and mode, or why it cannot be used (a phrase: "is a FIFO, not a regular file"). */
export type UserFile =
  | { readonly ok: true; readonly text: string; readonly mode: number }
  | { readonly ok: false; readonly problem: string };

/** What a non-regular file is, in words. */
function kindOf(stats: import("node:fs").Stats): string {
  if (stats.isDirectory()) return "a directory";
  if (stats.isFIFO()) return "a FIFO (named pipe)";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  return "not a regular file";
}

/** Reads at most `maxBytes + 1` bytes from an open descriptor (one more tells a file that is too large). */
function readBounded(fd: number, maxBytes: number): Buffer {
  const buffer = Buffer.alloc(maxBytes + 1);
  let filled = 0;
  while (filled < buffer.length) {
    const read = readSync(fd, buffer, filled, buffer.length - filled, null);
    if (read === 0) break;
    filled += read;
  }
  return buffer.subarray(0, filled);
}

/**
 * Reads the regular file at `path` as UTF-8, refusing anything else (a FIFO, a device, a directory,
 * a link to one of them) and anything over `maxBytes`, without ever blocking on the path.
 */
export function readUserFile(path: string, maxBytes = MAX_USER_FILE_BYTES): UserFile {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer (absent on Windows).
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, problem: `cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})` };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, problem: `is ${kindOf(stats)}, not a regular file` };
    if (stats.size > maxBytes) return { ok: false, problem: `is over ${maxBytes} bytes` };
    // The size can grow between fstat and the read: the bound holds on what is read, too.
    const bytes = readBounded(fd, maxBytes);
    if (bytes.length > maxBytes) return { ok: false, problem: `is over ${maxBytes} bytes` };
    return { ok: true, text: bytes.toString("utf8"), mode: stats.mode };
  } catch (error) {
    return { ok: false, problem: `cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})` };
  } finally {
    closeSync(fd);
  }
}

/** The home folder as the environment gives it (HOME, USERPROFILE), else the operating system's. */
export function homeFolder(env: Readonly<Record<string, string | undefined>>): string {
  return env.HOME || env.USERPROFILE || homedir();
}

/**
 * A path with a leading `~` or `~/` (`~\` on Windows) put against the home folder, as a shell
 * would: `~/.hcloud/config.json` in a setting names the user's file, never `./~/.hcloud/...` in
 * whatever folder the tool runs from. Other paths are returned as given.
 */
export function expandHome(path: string, env: Readonly<Record<string, string | undefined>>): string {
  if (path === "~") return homeFolder(env);
  if (path.startsWith("~/") || (process.platform === "win32" && path.startsWith("~\\"))) {
    return join(homeFolder(env), path.slice(2));
  }
  return path;
}
