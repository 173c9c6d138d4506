/**
 * The settings a provider was given, checked when they are given: the plugin's CheckConfig and
 * Terraform's ValidateProviderConfig and ConfigureProvider refuse `max_retries = 1e9` or
 * `insecure = "maybe"` before any request, by the very rules the lookup applies (the description's).
 * Only the values in the config are checked: the environment is the lookup's business, and a
 * missing region may still come from a data source's own argument.
 */
import { ModelArtsConfigError } from "../support/errors";
import { metaOf, SETTINGS, type SettingKey, valueType } from "../wire/description";
import { agencyChainOf } from "./credentialSource";
import { findBlock } from "./settingBlocks";
import {
  type ConfigGetter,
  findSetting,
  SETTING_SOURCES,
  settingBoolean,
  settingNumber,
  settingText,
} from "./settingSources";
import { endpointFromMap, normalizeEndpoint } from "./settings";

/** A setting the config gives wrongly, and what is wrong. */
export interface SettingProblem {
  readonly setting: SettingKey;
  readonly error: ModelArtsConfigError;
}

const NO_ENVIRONMENT = {};

/**
 * How the lookup reads a setting from the config alone, by what the description says it is: a
 * block by its reader (a repeated one is the agency chain; the OIDC block's shape only, since its token may yet come
 * from the environment), the endpoints map by its entries, a number or a boolean by its range, and
 * text by its schema.
 */
function check(key: SettingKey, config: ConfigGetter): () => unknown {
  const meta = metaOf(SETTINGS[key]);
  const found = () => findSetting(SETTING_SOURCES[key], config, NO_ENVIRONMENT);
  if (meta.repeated) return () => agencyChainOf(config, NO_ENVIRONMENT, undefined);
  if (meta.block !== undefined) return () => findBlock(key, config, NO_ENVIRONMENT);
  if (meta.inMap !== undefined) {
    // Its entry of the endpoints map, where stack config and Terraform give it.
    return () => {
      const entry = endpointFromMap(
        findSetting(SETTING_SOURCES.endpoints, config, NO_ENVIRONMENT),
        meta.inMap,
      );
      return entry && normalizeEndpoint(entry, `${meta.inMap} endpoint`);
    };
  }
  const type = valueType(SETTINGS[key]);
  if (type === "integer") return () => settingNumber(key, found());
  if (type === "boolean") return () => settingBoolean(key, found());
  return () => {
    const given = found();
    return given && settingText(key, given);
  };
}

/**
 * The settings the config can give: those with a stack-config key of their own, and the endpoints
 * of the endpoints map (a block's fields are checked in it).
 */
const CONFIGURED = (Object.keys(SETTINGS) as SettingKey[]).filter(
  (key) => SETTING_SOURCES[key].config !== undefined || metaOf(SETTINGS[key]).inMap !== undefined,
);

/** Every setting the config gives that the lookup would refuse. */
export function givenSettingProblems(config: ConfigGetter): SettingProblem[] {
  return CONFIGURED.flatMap((setting) => {
    try {
      check(setting, config)();
      return [];
    } catch (error) {
      if (!ModelArtsConfigError.isInstance(error)) throw error;
      return [{ setting, error }];
    }
  });
}
