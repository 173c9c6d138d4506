/**
 * How one setting is found: its stack-config key and environment names (README, "Configuration"),
 * looked at in order, first found wins; and how its text is read as a number or a boolean, with
 * messages that name where the value came from.
 */
import { ModelArtsConfigError } from "../support/errors";
import { jsonText } from "../support/jsonText";

/** Reads one stack-config value by its full key (`huaweicloud:region`); undefined when unset. */
export type ConfigGetter = (key: string) => string | undefined;

/** Environment variables, as `process.env` holds them. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** A setting's sources, in the order they are looked at. */
export interface Source {
  readonly config?: string;
  readonly env: readonly string[];
}

/** The stack-config keys and environment variables of each setting (README, "Configuration"). */
export const SETTING_SOURCES = {
  region: { config: "huaweicloud:region", env: ["HW_REGION_NAME"] },
  projectId: { config: "huaweicloud:projectId", env: ["HW_PROJECT_ID", "HUAWEICLOUD_SDK_PROJECT_ID"] },
  accessKey: { config: "huaweicloud:accessKey", env: ["HW_ACCESS_KEY", "HUAWEICLOUD_SDK_AK"] },
  secretKey: { config: "huaweicloud:secretKey", env: ["HW_SECRET_KEY", "HUAWEICLOUD_SDK_SK"] },
  securityToken: {
    config: "huaweicloud:securityToken",
    env: ["HW_SECURITY_TOKEN", "HUAWEICLOUD_SDK_SECURITY_TOKEN"],
  },
  token: { config: "huaweicloud:token", env: ["HW_AUTH_TOKEN"] },
  endpoints: { config: "huaweicloud:endpoints", env: [] },
  modelartsEndpoint: { env: ["HW_MODELARTS_ENDPOINT"] },
  authUrl: { config: "huaweicloud:authUrl", env: ["HW_AUTH_URL"] },
  cloud: { config: "huaweicloud:cloud", env: ["HW_CLOUD"] },
  maxRetries: { config: "huaweicloud:maxRetries", env: ["HW_MAX_RETRIES"] },
  insecure: { config: "huaweicloud:insecure", env: ["HW_INSECURE"] },
  timeout: { env: ["HW_MODELARTS_TIMEOUT"] },
  maxConcurrency: { config: "huaweicloud:maxConcurrency", env: ["HW_MODELARTS_MAX_CONCURRENCY"] },
  sharedConfigFile: { config: "huaweicloud:sharedConfigFile", env: ["HW_SHARED_CONFIG_FILE"] },
  profile: { config: "huaweicloud:profile", env: ["HW_PROFILE"] },
  assumeRole: { config: "huaweicloud:assumeRole", env: [] },
  agencyName: { env: ["HW_ASSUME_ROLE_AGENCY_NAME"] },
  agencyDomainName: { env: ["HW_ASSUME_ROLE_DOMAIN_NAME"] },
  agencyDomainId: { env: ["HW_ASSUME_ROLE_DOMAIN_ID"] },
  agencyDuration: { env: ["HW_ASSUME_ROLE_DURATION"] },
  ecsMetadata: { config: "huaweicloud:ecsMetadata", env: ["HW_ECS_METADATA"] },
  ecsMetadataUrl: { env: ["HW_ECS_METADATA_URL"] },
} as const satisfies Record<string, Source>;

/** A value found, and the name it was found under (for messages). */
export interface Found {
  readonly value: string;
  readonly from: string;
}

export function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== "";
}

export function findSetting(
  source: Source,
  config: ConfigGetter,
  env: Environment,
  argument?: [string, string | undefined],
): Found | undefined {
  if (argument && present(argument[1]))
    return { value: argument[1].trim(), from: `the ${argument[0]} argument` };
  if (source.config !== undefined) {
    const value = config(source.config);
    if (present(value)) return { value: value.trim(), from: `stack config ${source.config}` };
  }
  for (const name of source.env) {
    const value = env[name];
    if (present(value)) return { value: value.trim(), from: `environment variable ${name}` };
  }
  return undefined;
}

/** The names a setting is looked up under, for a message: `huaweicloud:region or HW_REGION_NAME`. */
export function namesOf(source: Source, argument?: string): string {
  const names = [
    ...(argument ? [`the ${argument} argument`] : []),
    ...(source.config ? [source.config] : []),
    ...source.env,
  ];
  return names.join(", ");
}

/**
 * A config value (a plugin's or a Terraform provider block's, any JSON type) as the settings read
 * it: text as given; a number or boolean as written; an object as JSON. Unset and empty are
 * undefined. A NaN stays "NaN" (JSON would write `null`, and the error said "got null").
 */
export function settingValueText(value: unknown): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return jsonText(value);
}

/** Whether a URL's hostname is this machine: the only hosts plain http:// may reach. */
export function isLoopback(hostname: string): boolean {
  return (
    hostname === "localhost" || hostname === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/** `true`/`false` (also 1/0, yes/no), or a config error naming the source. */
export function parseBoolean(found: Found): boolean {
  const text = found.value.toLowerCase();
  if (["true", "1", "yes"].includes(text)) return true;
  if (["false", "0", "no"].includes(text)) return false;
  throw new ModelArtsConfigError(
    `The setting from ${found.from} must be true or false, got "${found.value}".`,
  );
}

/** A whole number from `min` to `max`, or the default when the setting is absent. */
export function parseWholeNumber(
  found: Found | undefined,
  what: string,
  range: { readonly min: number; readonly max: number; readonly default: number },
): number {
  if (found === undefined) return range.default;
  const n = Number(found.value);
  if (!/^\d+$/.test(found.value) || n < range.min || n > range.max) {
    throw new ModelArtsConfigError(
      `The ${what} from ${found.from} must be an integer from ${range.min} to ${range.max}, got "${found.value}".`,
    );
  }
  return n;
}
