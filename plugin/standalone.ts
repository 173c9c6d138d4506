/**
 * Whether this process is the release's single executable: the release build sets
 * `MODELARTS_STANDALONE` to `true` (an esbuild `define`); it is undeclared when the code runs from
 * the npm package under a Node.js of the user's.
 */
declare const MODELARTS_STANDALONE: boolean | undefined;

/** True in the release's executables, false from the npm package. */
export function isStandalone(): boolean {
  return typeof MODELARTS_STANDALONE !== "undefined" && MODELARTS_STANDALONE;
}
