/**
 * Where each setting comes from. First found wins: the call's argument, then the Pulumi stack config
 * (the keys of the pulumi-huaweicloud provider, so one stack config serves both), then the
 * environment (the names of the Terraform provider and the official SDKs). The config and the
 * environment are passed in, never read from globals here, so that the program side, the
 * dynamic-provider host and the tests each give their own.
 */

import { ModelArtsConfigError } from "../support/errors";
import { type Words, words } from "../surfaces/wording";
import { metaOf, SETTINGS } from "../wire/description";
import { endpointProblem } from "../wire/endpointUrl";
import { DEFAULT_SIGNING_ALGORITHM, type SigningAlgorithm } from "../wire/signer";
import { resolveCredentialSource } from "./credentialSource";
import type { CredentialSource } from "./credentials";
import {
  type ConfigGetter,
  type Environment,
  type Found,
  findSetting,
  foundAt,
  present,
  SETTING_SOURCES,
  type Source,
  settingBoolean,
  settingNumber,
  settingText,
} from "./settingSources";

export type { Agency, AkskCredentials, CredentialSource, Credentials } from "./credentials";
export type { ConfigGetter, Environment } from "./settingSources";

/** The settings every lookup has, however its project id is found. */
interface CommonSettings {
  /** The region; undefined only when both the endpoint and the project id were given. */
  readonly region: string | undefined;
  /** The ModelArts endpoint: origin and optional path prefix, without a trailing slash. */
  readonly endpoint: string;
  /** The IAM endpoint, e.g. `https://iam.cn-north-4.myhuaweicloud.com/v3`; undefined only without a region. */
  readonly authUrl: string | undefined;
  /** The STS endpoint, for agencies named by their domain's id; undefined only without a region. */
  readonly stsEndpoint: string | undefined;
  readonly credentials: CredentialSource;
  /** Where the keys came from, when an authentication failure should name it: a KooCLI profile. */
  readonly keysFrom?: Words;
  /** What the user should be told, the lookup going on (a profile file others can read). */
  readonly warnings: readonly string[];
  /** Retries after a first failed attempt. */
  readonly maxRetries: number;
  /** Skip TLS certificate verification. */
  readonly insecure: boolean;
  /** How long the whole lookup may take. */
  readonly timeoutMs: number;
  /** The most requests in flight at once (the adaptive bound's cap). */
  readonly maxConcurrency: number;
  /** How requests are signed with access keys. */
  readonly signingAlgorithm: SigningAlgorithm;
}

/**
 * Everything a lookup needs to reach the API, resolved: either the project id is configured, or
 * it must be found through IAM, which needs the region and the IAM endpoint.
 */
export type Settings =
  | (CommonSettings & { readonly projectId: string })
  | (CommonSettings & {
      readonly projectId: undefined;
      readonly region: string;
      readonly authUrl: string;
      /** The project whose id IAM is asked for: the project name setting's, else the region's. */
      readonly projectName: string;
    });

/** The per-call overrides a lookup's arguments may carry. */
export interface SettingOverrides {
  readonly region?: string;
  readonly projectId?: string;
  readonly endpoint?: string;
  readonly timeoutSeconds?: number;
}

/** The most requests a lookup sends at once, unless told otherwise; it starts at 4 and climbs. */
export const DEFAULT_MAX_CONCURRENCY = metaOf(SETTINGS.maxConcurrency).default as number;

/**
 * Checks an endpoint URL by the description's rule (wire/endpointUrl.ts) and returns it without a
 * trailing slash; a refusal names where it came from.
 */
export function normalizeEndpoint(found: Found, what: string): string {
  const problem = endpointProblem(found.value);
  if (problem !== undefined) throw new ModelArtsConfigError(words`The ${what} from ${found.from} ${problem}`);
  const url = new URL(found.value);
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/** The whole lookup's time bound, in ms: the argument, else HW_MODELARTS_TIMEOUT, else the default. */
function timeoutMsOf(argument: number | undefined, found: Found | undefined): number {
  return (argument ?? settingNumber("timeout", found)) * 1000;
}

/** A service's entry (`modelarts`, `sts`) of the `huaweicloud:endpoints` map (given as JSON in stack config). */
export function endpointFromMap(
  found: Found | undefined,
  service = metaOf(SETTINGS.endpoints).inMap!,
): Found | undefined {
  if (found === undefined) return undefined;
  let map: unknown;
  try {
    map = JSON.parse(found.value);
  } catch {
    throw new ModelArtsConfigError(
      words`${found.from} must be a JSON object such as {"modelarts": "https://..."}, got "${found.value}".`,
    );
  }
  if (typeof map !== "object" || map === null || Array.isArray(map)) {
    // Ignored, the signed request would go to the default public endpoint instead.
    throw new ModelArtsConfigError(
      words`${found.from} must be a JSON object such as {"modelarts": "https://..."}, got ${JSON.stringify(found.value)}.`,
    );
  }
  const value = (map as Record<string, unknown>)[service];
  if (value === undefined) return undefined;
  if (typeof value !== "string") {
    throw new ModelArtsConfigError(words`The "${service}" entry of ${found.from} must be a URL string.`);
  }
  return { value, from: [...found.from, ` ("${service}")`] };
}

/** The default cloud domain of a region: `myhuaweicloud.eu` for `eu-west-1*`, as the Terraform provider does. */
function defaultCloud(region: string): string {
  return region.startsWith("eu-west-1") ? "myhuaweicloud.eu" : "myhuaweicloud.com";
}

/** The signing algorithm as found (one of Huawei's four), else the default. */
const checkedSigningAlgorithm = (found: Found | undefined): SigningAlgorithm =>
  found === undefined
    ? DEFAULT_SIGNING_ALGORITHM
    : (settingText("signingAlgorithm", found, "signing algorithm") as SigningAlgorithm);

/** The region as found, or a config error naming its source: a region name such as "cn-north-4". */
const checkedRegion = (found: Found): string => settingText("region", found, "region");

/** The project id as found, or a config error naming its source: it becomes a path segment. */
const checkedProjectId = (found: Found): string => settingText("projectId", found, "project id");

/** The project name as found (a sub-project's), or a config error naming its source. */
const checkedProjectName = (found: Found): string => settingText("projectName", found, "project name");

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
  const { source: credentials, profile } = resolveCredentialSource(config, env);
  // A profile's region and project id count where nothing else sets them.
  const fromProfile = (value: string | undefined): Found | undefined =>
    value === undefined ? undefined : foundAt(value, { profile: profile!.name, file: profile!.file });

  const regionFound =
    findSetting(s.region, config, env, ["region", overrides.region]) ?? fromProfile(profile?.region);
  const region = regionFound && checkedRegion(regionFound);
  const projectFound =
    findSetting(s.projectId, config, env, ["projectId", overrides.projectId]) ??
    fromProfile(profile?.projectId);
  const projectId = projectFound && checkedProjectId(projectFound);
  const endpointFound =
    (present(overrides.endpoint)
      ? foundAt(overrides.endpoint.trim(), { argument: "endpoint" })
      : undefined) ??
    // The map in stack config first, then the plain URL of HW_MODELARTS_ENDPOINT.
    endpointFromMap(findSetting({ ...s.endpoints, env: [] }, config, env)) ??
    findSetting({ key: "endpoints", env: s.endpoints.env } satisfies Source, config, env);

  const cloudFound = findSetting(s.cloud, config, env);
  const authUrlFound = findSetting(s.authUrl, config, env);
  // The default endpoint is built from the region, and project-id discovery asks IAM for the
  // project named after the region: only an explicit endpoint and project id make it unnecessary.
  const noRegion = () =>
    new ModelArtsConfigError(
      words`No region found. Looked in the ${{ argument: "region" }} argument, ${{ setting: "region", as: "names" }}. Set one, e.g. ${{ setting: "region", as: "howToSet", value: "cn-north-4" }}.`,
    );
  if (region === undefined && endpointFound === undefined) throw noRegion();
  const cloud = cloudFound?.value ?? defaultCloud(region ?? "");
  const endpoint = normalizeEndpoint(
    endpointFound ?? foundAt(`https://modelarts.${region}.${cloud}`, { byDefault: true }),
    "ModelArts endpoint",
  );
  const authUrlDefault =
    region === undefined ? undefined : foundAt(`https://iam.${region}.${cloud}/v3`, { byDefault: true });
  const authUrlSource = authUrlFound ?? authUrlDefault;
  const authUrl = authUrlSource && normalizeEndpoint(authUrlSource, "IAM endpoint");
  const stsFound =
    endpointFromMap(
      findSetting({ ...s.endpoints, env: [] }, config, env),
      metaOf(SETTINGS.stsEndpoint).inMap,
    ) ??
    findSetting(s.stsEndpoint, config, env) ??
    (region === undefined ? undefined : foundAt(`https://sts.${region}.${cloud}`, { byDefault: true }));
  const stsEndpoint = stsFound && normalizeEndpoint(stsFound, "STS endpoint");

  const common = {
    endpoint,
    stsEndpoint,
    credentials,
    warnings: profile?.warning === undefined ? [] : [profile.warning],
    ...(profile && { keysFrom: [{ from: { profile: profile.name, file: profile.file } }] }),
    maxRetries: settingNumber("maxRetries", findSetting(s.maxRetries, config, env)),
    maxConcurrency: settingNumber("maxConcurrency", findSetting(s.maxConcurrency, config, env)),
    signingAlgorithm: checkedSigningAlgorithm(findSetting(s.signingAlgorithm, config, env)),
    insecure: settingBoolean("insecure", findSetting(s.insecure, config, env)),
    timeoutMs: timeoutMsOf(overrides.timeoutSeconds, findSetting(s.timeout, config, env)),
  };
  if (projectId !== undefined) return { ...common, region, authUrl, projectId };
  if (region === undefined || authUrl === undefined) throw noRegion();
  const projectNameFound = findSetting(s.projectName, config, env);
  const projectName = projectNameFound === undefined ? region : checkedProjectName(projectNameFound);
  return { ...common, region, authUrl, projectId: undefined, projectName };
}
