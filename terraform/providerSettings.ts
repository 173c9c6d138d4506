/**
 * The provider block read as the core's settings, which name pulumi-huaweicloud's stack-config keys
 * (`huaweicloud:region`, ...): each provider argument stands for one key, and the `HW_*` environment
 * stays the fallback, as in terraform-provider-huaweicloud. Messages name the provider block's
 * arguments because diagnostics render them so (`messageOn("terraform")`).
 */

import { configKeysAs, settingValueText } from "../provider/settings/settingSources";
import { BLOCK_KEYS, fieldsOf, metaOf, SETTINGS } from "../provider/wire/description";
import type { SettingKey } from "../provider/wire/entryKeys.generated";
import { type CtyObject, type CtyValue, UNKNOWN } from "./ctyCodec";

/** Each provider argument, by the settings key it stands for (the description's Terraform names). */
const PROVIDER_ARGUMENT_OF = configKeysAs("terraform");

/** The settings that are blocks of other settings, by their Terraform names (`assume_role`). */
const BLOCK_ARGUMENTS = new Map(BLOCK_KEYS.map((key) => [metaOf(SETTINGS[key]).terraform!, key]));

/** A nested block (`assume_role`) as the settings read it: the JSON of its stack-config object (`huaweicloud:assumeRole`). */
function blockJson(setting: SettingKey, block: CtyObject): string {
  const fields = fieldsOf(setting).flatMap((key) => {
    const { config, terraform } = metaOf(SETTINGS[key]);
    const value = block[terraform!];
    return value === null || value === undefined ? [] : [[config!, value]];
  });
  return settingValueText(Object.fromEntries(fields)) ?? "{}";
}

function settingText(value: CtyValue | undefined): string | undefined {
  return value === UNKNOWN ? undefined : settingValueText(value);
}

/** A settings config getter over a provider block's values. */
export function providerConfigGetter(block: CtyObject): (key: string) => string | undefined {
  return (key) => {
    const argument = PROVIDER_ARGUMENT_OF[key];
    if (argument === undefined) return undefined;
    const value = block[argument];
    const setting = BLOCK_ARGUMENTS.get(argument);
    if (setting !== undefined && Array.isArray(value)) {
      // Repeated blocks, in order: a list of the stack-config objects (none is no setting).
      return value.length === 0
        ? undefined
        : `[${value.map((one) => blockJson(setting, one as CtyObject)).join(",")}]`;
    }
    if (setting !== undefined && value !== null && typeof value === "object") {
      return blockJson(setting, value as CtyObject);
    }
    return settingText(value);
  };
}
