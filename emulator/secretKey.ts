/**
 * The emulator's secret key, which is also its control API's key: the rule a given one must meet,
 * checked where a program gives it (`startEmulator({ secretKey })`) and where a user does
 * (`pulumi-modelarts emulator --key`).
 */
import { randomBytes } from "node:crypto";
import { ModelArtsEmulatorError } from "../provider/support/errors";

/** What a given key must be, as both places say it. */
export const SECRET_KEY_RULE = "8 to 128 printable characters without spaces";

/** Whether a given key meets {@link SECRET_KEY_RULE}. */
export function isUsableSecretKey(key: string): boolean {
  return /^[\x21-\x7e]{8,128}$/.test(key);
}

/** The given key, checked; without one, a random key different for every emulator. */
export function secretKeyOf(given: string | undefined): string {
  if (given === undefined) {
    // Hex: a key that began with "-" was read as a flag by `pulumi config set --secret ... <key>`.
    return randomBytes(20).toString("hex");
  }
  if (!isUsableSecretKey(given)) throw new ModelArtsEmulatorError(`secretKey takes ${SECRET_KEY_RULE}`);
  return given;
}

/** The header that carries the emulator's secret key. */
export const CONTROL_KEY_HEADER = "x-emulator-key";
