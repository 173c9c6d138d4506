/**
 * CheckConfig for the plugin: the engine's check of `modelarts:*` settings before anything runs.
 * The credentials are marked secret even when set in plain text (`pulumi config set
 * modelarts:secretKey X` without `--secret`), so that the engine encrypts them in the state; a key
 * the provider does not have is refused with the nearest one it does (`modelarts:acessKey`).
 */

import type { CheckFailure } from "../provider/lookup/lookupResource";
import { didYouMean } from "../provider/support/closestName";
import { isWrappedSecret, wrappedSecret } from "./inputs";
import { CONFIG_PROPERTIES, PACKAGE } from "./schema";

/** Keys the engine itself adds to a provider's inputs. */
const ENGINE_KEYS: ReadonlySet<string> = new Set(["version", "pluginDownloadURL"]);

const SETTINGS = Object.keys(CONFIG_PROPERTIES);
const SECRET_SETTINGS: ReadonlySet<string> = new Set(
  Object.entries(CONFIG_PROPERTIES)
    .filter(([, spec]) => "secret" in spec && spec.secret)
    .map(([key]) => key),
);

/** The checked inputs (secrets wrapped), and a failure per key the provider does not have. */
export function checkProviderConfig(news: Record<string, unknown>): {
  inputs: Record<string, unknown>;
  failures: CheckFailure[];
} {
  const failures: CheckFailure[] = [];
  const inputs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(news)) {
    if (!SETTINGS.includes(key) && !ENGINE_KEYS.has(key)) {
      const hint = didYouMean(key, SETTINGS, (k) => `${PACKAGE}:${k}`);
      failures.push({
        property: key,
        reason: `${PACKAGE}:${key} is not a setting of the ${PACKAGE} provider${hint || "."} Its settings: ${SETTINGS.join(", ")}.`,
      });
    }
    inputs[key] = SECRET_SETTINGS.has(key) && !isWrappedSecret(value) ? wrappedSecret(value) : value;
  }
  return { inputs, failures };
}
