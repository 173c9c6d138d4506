/**
 * The plugin's config (`modelarts:region`, `modelarts:accessKey`, ...) read as the lookup's settings,
 * which name the pulumi-huaweicloud keys (`huaweicloud:region`, ...): the description gives each
 * setting both names. The environment stays the fallback, as for the TypeScript functions. Messages
 * name the plugin's keys because the plugin renders them so (`messageOn("plugin")`).
 */

import { configKeysAs, SETTING_SOURCES, settingValueText } from "../provider/settings/settingSources";
import { MAPPED_ENDPOINTS, metaOf, SETTINGS } from "../provider/wire/description";

/** A provider's config, by key without the package prefix (`region`, `accessKey`, ...). */
export type ProviderConfig = Readonly<Record<string, unknown>>;

/** Each plugin config key, by the stack-config key it stands for. */
const PLUGIN_KEY_OF = configKeysAs("plugin");

/** A settings config getter over the plugin's config. */
export function settingsConfig(config: ProviderConfig): (key: string) => string | undefined {
  return (key) => {
    // The plugin takes each endpoint as a plain URL (`endpoint`, `stsEndpoint`); the settings read them from a map.
    if (key === SETTING_SOURCES.endpoints.config) {
      const entries = MAPPED_ENDPOINTS.flatMap((setting) => {
        const { plugin, inMap } = metaOf(SETTINGS[setting]);
        const url = settingValueText(config[plugin!]);
        return url === undefined ? [] : [[inMap!, url]];
      });
      return entries.length === 0 ? undefined : JSON.stringify(Object.fromEntries(entries));
    }
    const pluginKey = PLUGIN_KEY_OF[key];
    return pluginKey === undefined ? undefined : settingValueText(config[pluginKey]);
  };
}
