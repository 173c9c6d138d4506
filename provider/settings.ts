/**
 * Where each setting comes from. First found wins: the call's argument, then the Pulumi stack config
 * (the keys of the pulumi-huaweicloud provider, so one stack config serves both), then the
 * environment (the names of the Terraform provider and the official SDKs). The config and the
 * environment are passed in, never read from globals here, so that the program side, the
 * dynamic-provider host and the tests each give their own.
 */
import { ModelArtsConfigError } from "./errors";
import { DEFAULT_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS, PROJECT_ID_PATTERN } from "./model";

/** Reads one stack-config value by its full key (`huaweicloud:region`); undefined when unset. */
export type ConfigGetter = (key: string) => string | undefined;

/** Environment variables, as `process.env` holds them. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** How requests are authenticated. */
export type Credentials =
  | {
      readonly kind: "aksk";
      readonly accessKey: string;
      readonly secretKey: string;
      /** Present with temporary credentials; sent, and signed, as `X-Security-Token`. */
      readonly securityToken?: string;
    }
  | { readonly kind: "token"; readonly token: string };

/** The secret values of credentials: what redaction must remove wherever it appears. */
export function secretsOf(credentials: Credentials): Array<string | undefined> {
  return credentials.kind === "aksk"
    ? [credentials.secretKey, credentials.securityToken]
    : [credentials.token];
}

/** The settings every lookup has, however its project id is found. */
interface CommonSettings {
  /** The region; undefined only when both the endpoint and the project id were given. */
  readonly region: string | undefined;
  /** The ModelArts endpoint: origin and optional path prefix, without a trailing slash. */
  readonly endpoint: string;
  /** The IAM endpoint, e.g. `https://iam.cn-north-4.myhuaweicloud.com/v3`; undefined only without a region. */
  readonly authUrl: string | undefined;
  readonly credentials: Credentials;
  /** Retries after a first failed attempt. */
  readonly maxRetries: number;
  /** Skip TLS certificate verification. */
  readonly insecure: boolean;
  /** How long the whole lookup may take. */
  readonly timeoutMs: number;
  /** The most requests in flight at once (the adaptive bound's cap). */
  readonly maxConcurrency: number;
}

/**
 * Everything a lookup needs to reach the API, resolved: either the project id is configured, or
 * it must be found through IAM, which needs the region and the IAM endpoint.
 */
export type Settings =
  | (CommonSettings & { readonly projectId: string })
  | (CommonSettings & { readonly projectId: undefined; readonly region: string; readonly authUrl: string });

/** The per-call overrides a lookup's arguments may carry. */
export interface SettingOverrides {
  readonly region?: string;
  readonly projectId?: string;
  readonly endpoint?: string;
  readonly timeoutSeconds?: number;
}

/** A setting's sources, in the order they are looked at. */
interface Source {
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
} as const satisfies Record<string, Source>;

const DEFAULT_MAX_RETRIES = 5;
const MAX_MAX_RETRIES = 20;
/** The most requests a lookup sends at once, unless told otherwise; it starts at 4 and climbs. */
export const DEFAULT_MAX_CONCURRENCY = 16;
/** The keep-alive pool's connections per origin (dispatcher.ts): more at once would only queue there. */
export const MAX_MAX_CONCURRENCY = 32;

/** A value found, and the name it was found under (for messages). */
interface Found {
  readonly value: string;
  readonly from: string;
}

function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== "";
}

function findSetting(
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
function namesOf(source: Source, argument?: string): string {
  const names = [
    ...(argument ? [`the ${argument} argument`] : []),
    ...(source.config ? [source.config] : []),
    ...source.env,
  ];
  return names.join(", ");
}

function isLoopback(hostname: string): boolean {
  return (
    hostname === "localhost" || hostname === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/**
 * Checks an endpoint URL and returns it without a trailing slash. `http://` is accepted only for
 * loopback hosts (the emulator); anything else must use TLS.
 */
export function normalizeEndpoint(found: Found, what: string): string {
  let url: URL;
  try {
    url = new URL(found.value);
  } catch {
    throw new ModelArtsConfigError(
      `The ${what} from ${found.from} is not a URL: "${found.value}". Give a URL such as https://modelarts.cn-north-4.myhuaweicloud.com.`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ModelArtsConfigError(
      `The ${what} from ${found.from} must be an https:// URL, got "${url.protocol}" in "${found.value}".`,
    );
  }
  if (url.protocol === "http:" && !isLoopback(url.hostname)) {
    throw new ModelArtsConfigError(
      `The ${what} from ${found.from} uses plain http:// with the non-loopback host "${url.hostname}": credentials would cross the network unencrypted. Use https://, or http:// only with 127.0.0.1, ::1 or localhost (the emulator).`,
    );
  }
  try {
    decodeURIComponent(url.pathname);
  } catch {
    throw new ModelArtsConfigError(
      `The ${what} from ${found.from} has a path that is not valid percent-encoding: "${url.pathname}".`,
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ModelArtsConfigError(
      `The ${what} from ${found.from} must not carry credentials, a query or a fragment: "${url.origin}${url.pathname}" is the form expected.`,
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/** The whole lookup's time bound, in ms: the argument, else HW_MODELARTS_TIMEOUT, else the default. */
function timeoutMsOf(argument: number | undefined, found: Found | undefined): number {
  if (argument !== undefined) return argument * 1000;
  if (found === undefined) return DEFAULT_TIMEOUT_SECONDS * 1000;
  const seconds = Number(found.value);
  if (!/^\d+$/.test(found.value) || seconds < 1 || seconds > MAX_TIMEOUT_SECONDS) {
    throw new ModelArtsConfigError(
      `The lookup timeout from ${found.from} must be a whole number of seconds from 1 to ${MAX_TIMEOUT_SECONDS}, got "${found.value}".`,
    );
  }
  return seconds * 1000;
}

function parseBoolean(found: Found): boolean {
  const text = found.value.toLowerCase();
  if (["true", "1", "yes"].includes(text)) return true;
  if (["false", "0", "no"].includes(text)) return false;
  throw new ModelArtsConfigError(
    `The setting from ${found.from} must be true or false, got "${found.value}".`,
  );
}

/** A whole number from `min` to `max`, or the default when the setting is absent. */
function parseWholeNumber(
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

/** The `modelarts` entry of the `huaweicloud:endpoints` map (given as JSON in stack config). */
function endpointFromMap(found: Found | undefined): Found | undefined {
  if (found === undefined) return undefined;
  let map: unknown;
  try {
    map = JSON.parse(found.value);
  } catch {
    throw new ModelArtsConfigError(
      `${found.from} must be a JSON object such as {"modelarts": "https://..."}, got "${found.value}".`,
    );
  }
  const value = (map as Record<string, unknown> | null)?.modelarts;
  if (value === undefined) return undefined;
  if (typeof value !== "string") {
    throw new ModelArtsConfigError(`The "modelarts" entry of ${found.from} must be a URL string.`);
  }
  return { value, from: `${found.from} ("modelarts")` };
}

/** The default cloud domain of a region: `myhuaweicloud.eu` for `eu-west-1*`, as the Terraform provider does. */
function defaultCloud(region: string): string {
  return region.startsWith("eu-west-1") ? "myhuaweicloud.eu" : "myhuaweicloud.com";
}

function checkedRegion(found: Found): string {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/i.test(found.value)) {
    throw new ModelArtsConfigError(
      `The region from ${found.from} must look like "cn-north-4", got "${found.value}".`,
    );
  }
  return found.value;
}

function checkedProjectId(found: Found): string {
  if (!PROJECT_ID_PATTERN.test(found.value)) {
    throw new ModelArtsConfigError(
      `The project id from ${found.from} must be letters, digits, '-' or '_' (a 32-character hex id), got "${found.value}".`,
    );
  }
  return found.value;
}

function resolveCredentials(config: ConfigGetter, env: Environment): Credentials {
  const s = SETTING_SOURCES;
  const accessKey = findSetting(s.accessKey, config, env);
  const secretKey = findSetting(s.secretKey, config, env);
  const securityToken = findSetting(s.securityToken, config, env);
  const token = findSetting(s.token, config, env);
  if (accessKey && secretKey) {
    return {
      kind: "aksk",
      accessKey: accessKey.value,
      secretKey: secretKey.value,
      securityToken: securityToken?.value,
    };
  }
  if (accessKey || secretKey) {
    const [has, missing] = accessKey ? [accessKey, s.secretKey] : [secretKey!, s.accessKey];
    throw new ModelArtsConfigError(
      `Incomplete credentials: found ${accessKey ? "an access key" : "a secret key"} in ${has.from}, but no ${accessKey ? "secret key" : "access key"} in ${namesOf(missing)}. Set both, for example with \`pulumi config set --secret ${missing.config} ...\`.`,
    );
  }
  if (token) return { kind: "token", token: token.value };
  throw new ModelArtsConfigError(
    `No credentials found. Looked for an access key in ${namesOf(s.accessKey)}; a secret key in ${namesOf(s.secretKey)}; and an IAM token in ${namesOf(s.token)}. ` +
      "Set an access key and secret key, e.g. `pulumi config set --secret huaweicloud:accessKey AK` and `pulumi config set --secret huaweicloud:secretKey SK`, or export HW_ACCESS_KEY and HW_SECRET_KEY.",
  );
}

/**
 * Resolves every setting a lookup needs. Nothing here is sent anywhere: the client that uses the
 * credentials registers their secrets for redaction.
 *
 * @throws ModelArtsConfigError naming each name looked at when a setting is missing or invalid.
 */
export function resolveSettings(
  overrides: SettingOverrides,
  config: ConfigGetter,
  env: Environment,
): Settings {
  const s = SETTING_SOURCES;
  const credentials = resolveCredentials(config, env);

  const regionFound = findSetting(s.region, config, env, ["region", overrides.region]);
  const region = regionFound && checkedRegion(regionFound);
  const projectFound = findSetting(s.projectId, config, env, ["projectId", overrides.projectId]);
  const projectId = projectFound && checkedProjectId(projectFound);
  const endpointFound =
    (present(overrides.endpoint)
      ? { value: overrides.endpoint.trim(), from: "the endpoint argument" }
      : undefined) ??
    endpointFromMap(findSetting(s.endpoints, config, env)) ??
    findSetting(s.modelartsEndpoint, config, env);

  const cloudFound = findSetting(s.cloud, config, env);
  const authUrlFound = findSetting(s.authUrl, config, env);
  // The default endpoint is built from the region, and project-id discovery asks IAM for the
  // project named after the region: only an explicit endpoint and project id make it unnecessary.
  const noRegion = () =>
    new ModelArtsConfigError(
      `No region found. Looked in ${namesOf(s.region, "region")}. Set one, e.g. \`pulumi config set huaweicloud:region cn-north-4\` or export HW_REGION_NAME=cn-north-4.`,
    );
  if (region === undefined && endpointFound === undefined) throw noRegion();
  const cloud = cloudFound?.value ?? defaultCloud(region ?? "");
  const endpoint = normalizeEndpoint(
    endpointFound ?? { value: `https://modelarts.${region}.${cloud}`, from: "the default" },
    "ModelArts endpoint",
  );
  const authUrlDefault =
    region === undefined ? undefined : { value: `https://iam.${region}.${cloud}/v3`, from: "the default" };
  const authUrlSource = authUrlFound ?? authUrlDefault;
  const authUrl = authUrlSource && normalizeEndpoint(authUrlSource, "IAM endpoint");

  const insecureFound = findSetting(s.insecure, config, env);
  const common = {
    endpoint,
    credentials,
    maxRetries: parseWholeNumber(findSetting(s.maxRetries, config, env), "retry count", {
      min: 0,
      max: MAX_MAX_RETRIES,
      default: DEFAULT_MAX_RETRIES,
    }),
    maxConcurrency: parseWholeNumber(
      findSetting(s.maxConcurrency, config, env),
      "most requests in flight at once",
      { min: 1, max: MAX_MAX_CONCURRENCY, default: DEFAULT_MAX_CONCURRENCY },
    ),
    insecure: insecureFound ? parseBoolean(insecureFound) : false,
    timeoutMs: timeoutMsOf(overrides.timeoutSeconds, findSetting(s.timeout, config, env)),
  };
  if (projectId !== undefined) return { ...common, region, authUrl, projectId };
  if (region === undefined || authUrl === undefined) throw noRegion();
  return { ...common, region, authUrl, projectId: undefined };
}
