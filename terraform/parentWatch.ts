/**
 * Ending with the process that started the provider. Terraform stops its providers itself; but when
 * Terraform is killed (SIGKILL, an OOM kill, a CI runner tearing a job down) nothing does, and the
 * provider went on serving, reparented to PID 1, holding the keys it was configured with. Go
 * providers end when go-plugin's stdio streams close; here the parent's id is watched instead:
 * once it changes, the parent is gone.
 */

/** How often the parent is looked for: a stray provider lingers at most this long. */
const PARENT_POLL_MS = 1000;

/**
 * Calls `onOrphaned` once the process's parent is no longer `parent`, which the caller reads as the
 * process starts: read later (after the handshake line, say), a parent killed in between would be
 * missed, the new one taken for it. Returns a function that stops watching.
 */
export function whenOrphaned(parent: number, onOrphaned: () => void, pollMs = PARENT_POLL_MS): () => void {
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onOrphaned();
  }, pollMs);
  // The watch alone must not keep a provider alive that has nothing left to serve.
  timer.unref();
  return () => clearInterval(timer);
}
