/**
 * `pulumi-modelarts/emulator`: a local ModelArts API for offline development, demos and tests.
 *
 * @example
 * ```ts
 * import { startEmulator, demoJobs } from "pulumi-modelarts/emulator";
 * const emulator = await startEmulator({ jobs: demoJobs() });
 * Object.assign(process.env, emulator.env);
 * ```
 */

/** What the emulator's functions throw for a bad request: also exported by `pulumi-modelarts`. */
export { ModelArtsEmulatorError } from "../provider/support/errors";
export type { EmulatorStats } from "./counters";
export { demoJobs, type GenerateOptions, generateJobs } from "./dataGen";
export type { Fault, FaultTarget } from "./fault";
export type { FaultOptions } from "./faults";
export type { EmulatorJob, EmulatorJobInput } from "./jobStore";
export {
  type EmulatorOptions,
  type EmulatorSettings,
  type IssuedKeyRecord,
  type RecordedRequest,
  type RunningEmulator,
  startEmulator,
} from "./server";
export type { EmulatorAgency } from "./temporaryKeys";
