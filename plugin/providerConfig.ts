/**
 * The plugin's config (`modelarts:region`, `modelarts:accessKey`, ...) read as the lookup's settings,
 * which name the pulumi-huaweicloud keys (`huaweicloud:region`, ...). The environment stays the
 * fallback, as for the TypeScript functions. Messages name the keys a plugin user sets.
 */

import { settingValueText } from "../provider/settings/settingSources";
import { SETTING_SOURCES } from "../provider/settings/settings";
import type { ProviderConfig } from "./configCapture";
import type { ConfigKey } from "./schema";

/** Each plugin config key, by the settings key it stands for. */
const PLUGIN_KEY_OF: Readonly<Record<string, ConfigKey>> = {
  [SETTING_SOURCES.region.config]: "region",
  [SETTING_SOURCES.projectId.config]: "projectId",
  [SETTING_SOURCES.accessKey.config]: "accessKey",
  [SETTING_SOURCES.secretKey.config]: "secretKey",
  [SETTING_SOURCES.securityToken.config]: "securityToken",
  [SETTING_SOURCES.token.config]: "authToken",
  [SETTING_SOURCES.authUrl.config]: "authUrl",
  [SETTING_SOURCES.cloud.config]: "cloud",
  [SETTING_SOURCES.insecure.config]: "insecure",
  [SETTING_SOURCES.maxRetries.config]: "maxRetries",
  [SETTING_SOURCES.maxConcurrency.config]: "maxConcurrency",
  [SETTING_SOURCES.sharedConfigFile.config]: "sharedConfigFile",
  [SETTING_SOURCES.profile.config]: "profile",
  [SETTING_SOURCES.assumeRole.config]: "assumeRole",
  [SETTING_SOURCES.ecsMetadata.config]: "ecsMetadata",
};

/** A settings config getter over the plugin's config. */
export function settingsConfig(config: ProviderConfig): (key: string) => string | undefined {
  return (key) => {
    // The plugin takes the ModelArts endpoint as a plain URL; the settings read it from a map.
    if (key === SETTING_SOURCES.endpoints.config) {
      const endpoint = settingValueText(config.endpoint);
      return endpoint === undefined ? undefined : JSON.stringify({ modelarts: endpoint });
    }
    const pluginKey = PLUGIN_KEY_OF[key];
    return pluginKey === undefined ? undefined : settingValueText(config[pluginKey]);
  };
}

/** A message with the settings' config keys replaced by the plugin's (`modelarts:accessKey`). */
export function inPluginTerms(message: string): string {
  let out = message.replaceAll(SETTING_SOURCES.endpoints.config, "modelarts:endpoint");
  for (const [settingsKey, pluginKey] of Object.entries(PLUGIN_KEY_OF)) {
    out = out.replaceAll(settingsKey, `modelarts:${pluginKey}`);
  }
  return out;
}
