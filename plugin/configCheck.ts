/**
 * CheckConfig for the plugin: the engine's check of `modelarts:*` settings before anything runs.
 * The credentials are marked secret even when set in plain text (`pulumi config set
 * modelarts:secretKey X` without `--secret`), so that the engine encrypts them in the state; a key
 * the provider does not have is refused with the nearest one it does (`modelarts:acessKey`).
 */

import { type CheckFailure, containsUnknown } from "../provider/lookup/lookupResource";
import { givenSettingProblems } from "../provider/settings/givenSettings";
import { didYouMean } from "../provider/support/closestName";
import { SETTINGS as DESCRIBED_SETTINGS, metaOf } from "../provider/wire/description";
import { decodeInputs, isWrappedSecret, wrappedSecret } from "./inputs";
import { settingsConfig } from "./providerConfig";
import { CONFIG_PROPERTIES, PACKAGE } from "./schema";

/** Keys the engine itself adds to a provider's inputs. */
const ENGINE_KEYS: ReadonlySet<string> = new Set(["version", "pluginDownloadURL"]);

const SETTINGS = Object.keys(CONFIG_PROPERTIES);
const SECRET_SETTINGS: ReadonlySet<string> = new Set(
  Object.entries(CONFIG_PROPERTIES)
    .filter(([, spec]) => "secret" in spec && spec.secret)
    .map(([key]) => key),
);

/**
 * A failure per setting given a value the lookup would refuse (`modelarts:maxRetries` 1e9), by the
 * lookup's own rules, named as the plugin names it. A value not known yet (a preview's, from another
 * resource's output) waits: it is checked when the provider is configured with it.
 */
function valueFailures(news: Record<string, unknown>): CheckFailure[] {
  const known = Object.fromEntries(
    Object.entries(decodeInputs(news).values).filter(([, value]) => !containsUnknown(value)),
  );
  return givenSettingProblems(settingsConfig(known)).map(({ setting, error }) => ({
    property: metaOf(DESCRIBED_SETTINGS[setting]).plugin ?? setting,
    reason: error.messageOn("plugin"),
  }));
}

/**
 * The checked inputs (secrets wrapped), a failure per key the provider does not have, and one per
 * value the lookup would refuse.
 */
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
  return { inputs, failures: [...failures, ...valueFailures(news)] };
}
