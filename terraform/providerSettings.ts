/**
 * The provider block read as the core's settings, which name pulumi-huaweicloud's stack-config keys
 * (`huaweicloud:region`, ...): each provider argument stands for one key, and the `HW_*` environment
 * stays the fallback, as in terraform-provider-huaweicloud. Messages are put back into the provider
 * block's terms, so that a Terraform user reads `access_key`, never `huaweicloud:accessKey`.
 */

import { settingValueText } from "../provider/settings/settingSources";
import { SETTING_SOURCES } from "../provider/settings/settings";
import { type CtyObject, type CtyValue, UNKNOWN } from "./ctyCodec";

/** Each provider argument, by the settings key it stands for. */
export const PROVIDER_ARGUMENT_OF: Readonly<Record<string, string>> = {
  [SETTING_SOURCES.region.config]: "region",
  [SETTING_SOURCES.projectId.config]: "project_id",
  [SETTING_SOURCES.accessKey.config]: "access_key",
  [SETTING_SOURCES.secretKey.config]: "secret_key",
  [SETTING_SOURCES.securityToken.config]: "security_token",
  [SETTING_SOURCES.token.config]: "token",
  [SETTING_SOURCES.authUrl.config]: "auth_url",
  [SETTING_SOURCES.endpoints.config]: "endpoints",
  [SETTING_SOURCES.insecure.config]: "insecure",
  [SETTING_SOURCES.maxRetries.config]: "max_retries",
  [SETTING_SOURCES.maxConcurrency.config]: "max_concurrency",
  [SETTING_SOURCES.sharedConfigFile.config]: "shared_config_file",
  [SETTING_SOURCES.profile.config]: "profile",
  [SETTING_SOURCES.assumeRole.config]: "assume_role",
};

/** The `assume_role` block as the settings read an agency: the JSON of `huaweicloud:assumeRole`. */
function agencyJson(block: CtyObject): string {
  const { agency_name, domain_name, domain_id, duration } = block;
  const fields = {
    agencyName: agency_name,
    domainName: domain_name,
    domainId: domain_id,
    durationSeconds: duration,
  };
  return settingValueText(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null))) ?? "{}";
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
    if (argument === "assume_role" && value !== null && typeof value === "object" && !Array.isArray(value)) {
      return agencyJson(value as CtyObject);
    }
    return settingText(value);
  };
}

/** A settings message in the provider block's terms. */
export function inProviderTerms(message: string): string {
  let out = message
    // "`pulumi config set --secret huaweicloud:accessKey AK`" becomes the line to write in the block.
    .replace(
      /`pulumi config set (?:--secret )?(huaweicloud:\w+) ([^`]*)`/g,
      (_, key: string, value: string) =>
        PROVIDER_ARGUMENT_OF[key] === undefined
          ? _
          : `\`${PROVIDER_ARGUMENT_OF[key]} = "${value}"\` in the provider block`,
    )
    .replace(/"durationSeconds" of stack config huaweicloud:assumeRole/g, "assume_role.duration");
  for (const [key, argument] of Object.entries(PROVIDER_ARGUMENT_OF)) {
    out = out
      .replaceAll(`stack config ${key}`, `the provider argument ${argument}`)
      .replaceAll(key, argument);
  }
  return out;
}
