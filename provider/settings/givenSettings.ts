/**
 * The settings a provider was given, checked when they are given: the plugin's CheckConfig and
 * Terraform's ValidateProviderConfig and ConfigureProvider refuse `max_retries = 1e9` or
 * `insecure = "maybe"` before any request, by the very rules the lookup applies (the description's).
 * Only the values in the config are checked: the environment is the lookup's business, and a
 * missing region may still come from a data source's own argument.
 */
import { ModelArtsConfigError } from "../support/errors";
import type { SettingKey } from "../wire/description";
import { agencyChainOf } from "./credentialSource";
import { findBlock } from "./settingBlocks";
import {
  type ConfigGetter,
  findSetting,
  SETTING_SOURCES,
  settingBoolean,
  settingNumber,
} from "./settingSources";
import {
  checkedProjectId,
  checkedRegion,
  checkedSigningAlgorithm,
  endpointFromMap,
  normalizeEndpoint,
} from "./settings";

/** A setting the config gives wrongly, and what is wrong. */
export interface SettingProblem {
  readonly setting: SettingKey;
  readonly error: ModelArtsConfigError;
}

const NO_ENVIRONMENT = {};

/** Each check: the setting, and how the lookup reads its value from the config alone. */
function checks(config: ConfigGetter): Array<[SettingKey, () => unknown]> {
  const given = (key: SettingKey) => findSetting(SETTING_SOURCES[key], config, NO_ENVIRONMENT);
  const ifGiven =
    <T>(key: SettingKey, check: (found: NonNullable<ReturnType<typeof given>>) => T) =>
    () => {
      const found = given(key);
      return found === undefined ? undefined : check(found);
    };
  return [
    ["region", ifGiven("region", checkedRegion)],
    ["projectId", ifGiven("projectId", checkedProjectId)],
    ["signingAlgorithm", () => checkedSigningAlgorithm(given("signingAlgorithm"))],
    ["maxRetries", () => settingNumber("maxRetries", given("maxRetries"))],
    ["maxConcurrency", () => settingNumber("maxConcurrency", given("maxConcurrency"))],
    ["insecure", () => settingBoolean("insecure", given("insecure"))],
    ["ecsMetadata", () => settingBoolean("ecsMetadata", given("ecsMetadata"))],
    [
      "endpoints",
      () => {
        const found = endpointFromMap(given("endpoints"));
        return found && normalizeEndpoint(found, "ModelArts endpoint");
      },
    ],
    ["authUrl", ifGiven("authUrl", (found) => normalizeEndpoint(found, "IAM endpoint"))],
    ["assumeRole", () => agencyChainOf(config, NO_ENVIRONMENT, undefined)],
    // Its shape only: the id token may yet come from the environment (GitHub Actions' service).
    ["assumeRoleWithOidc", () => findBlock("assumeRoleWithOidc", config, NO_ENVIRONMENT)],
  ];
}

/** Every setting the config gives that the lookup would refuse. */
export function givenSettingProblems(config: ConfigGetter): SettingProblem[] {
  return checks(config).flatMap(([setting, check]) => {
    try {
      check();
      return [];
    } catch (error) {
      if (!ModelArtsConfigError.isInstance(error)) throw error;
      return [{ setting, error }];
    }
  });
}
