/**
 * Where a lookup's credentials come from, in the order users meet them (README, "Credentials"):
 * keys (or an IAM token) in stack config or the environment; else a KooCLI profile (a named file,
 * or `~/.hcloud/config.json` when it exists); else, when opted in, the ECS instance's metadata
 * service. An agency (assume role) turns base keys into the agency's temporary keys. Nothing here is
 * fetched: the agency's and the instance's keys are obtained by temporaryCredentials.ts.
 */
import { existsSync } from "node:fs";
import { ModelArtsConfigError } from "../support/errors";
import { expandHome } from "../support/userFile";
import type { Agency, AkskCredentials, CredentialSource, Credentials } from "./credentials";
import {
  type ConfigGetter,
  type Environment,
  type Found,
  findSetting,
  isLoopback,
  namesOf,
  parseBoolean,
  parseWholeNumber,
  SETTING_SOURCES as S,
} from "./settingSources";
import { defaultSharedConfigFile, type Profile, readProfile } from "./sharedConfigFile";

/** The metadata service of ECS instances: temporary keys of the agency attached to the instance. */
export const DEFAULT_ECS_METADATA_URL = "http://169.254.169.254/openstack/latest/securitykey";
/** IAM's range for an agency's temporary keys, in seconds; its default is the shortest. */
const DURATION = { min: 900, max: 86_400, default: 900 } as const;

/** The resolved source, and the profile it came from (which may also give a region and project). */
export interface ResolvedCredentials {
  readonly source: CredentialSource;
  readonly profile?: Profile;
}

/** Keys or an IAM token from stack config or the environment; undefined when there are none. */
function explicitKeys(config: ConfigGetter, env: Environment): Credentials | undefined {
  const accessKey = findSetting(S.accessKey, config, env);
  const secretKey = findSetting(S.secretKey, config, env);
  const securityToken = findSetting(S.securityToken, config, env);
  const token = findSetting(S.token, config, env);
  if (accessKey && secretKey) {
    return {
      kind: "aksk",
      accessKey: accessKey.value,
      secretKey: secretKey.value,
      securityToken: securityToken?.value,
    };
  }
  if (accessKey || secretKey) {
    const [has, missing] = accessKey ? [accessKey, S.secretKey] : [secretKey!, S.accessKey];
    throw new ModelArtsConfigError(
      `Incomplete credentials: found ${accessKey ? "an access key" : "a secret key"} in ${has.from}, but no ${accessKey ? "secret key" : "access key"} in ${namesOf(missing)}. Set both, for example with \`pulumi config set --secret ${missing.config} ...\`.`,
    );
  }
  return token ? { kind: "token", token: token.value } : undefined;
}

/** The profile to read: from a named file, or KooCLI's own file when it exists and nothing else gives keys. */
function profileOf(config: ConfigGetter, env: Environment): Profile | undefined {
  const file = findSetting(S.sharedConfigFile, config, env);
  const profile = findSetting(S.profile, config, env)?.value;
  if (file !== undefined) return readProfile(expandHome(file.value, env), profile);
  const fallback = defaultSharedConfigFile(env);
  if (existsSync(fallback)) return readProfile(fallback, profile);
  if (profile !== undefined) {
    throw new ModelArtsConfigError(
      `A profile ("${profile}") is named, but no shared config file: ${fallback} does not exist. Name the file with huaweicloud:sharedConfigFile or HW_SHARED_CONFIG_FILE.`,
    );
  }
  return undefined;
}

/** The ECS metadata address: HW_ECS_METADATA_URL (plain http to loopback or the link-local address). */
function metadataUrl(env: Environment): string {
  const found = findSetting(S.ecsMetadataUrl, () => undefined, env);
  if (found === undefined) return DEFAULT_ECS_METADATA_URL;
  let url: URL;
  try {
    url = new URL(found.value);
  } catch {
    throw new ModelArtsConfigError(`The metadata address from ${found.from} is not a URL: "${found.value}".`);
  }
  const local = isLoopback(url.hostname) || url.hostname === new URL(DEFAULT_ECS_METADATA_URL).hostname;
  if (url.protocol !== "http:" || !local) {
    throw new ModelArtsConfigError(
      `The metadata address from ${found.from} must be http:// to 169.254.169.254 or a loopback host, got "${found.value}".`,
    );
  }
  return url.href;
}

function agencyText(record: Record<string, unknown>, key: string, from: string): string | undefined {
  const value = record[key];
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") throw new ModelArtsConfigError(`"${key}" of ${from} must be a string.`);
  return value.trim();
}

/** The agency from `huaweicloud:assumeRole` (a JSON object), the HW_ASSUME_ROLE_* names, or the profile. */
function agencyOf(config: ConfigGetter, env: Environment, profile: Profile | undefined): Agency | undefined {
  const object = findSetting(S.assumeRole, config, env);
  let fields: { agencyName?: string; domainName?: string; domainId?: string; duration?: Found; from: string };
  if (object !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(object.value);
    } catch {}
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw new ModelArtsConfigError(
        `${object.from} must be an object such as {"agencyName": "ci-reader", "domainName": "my-account", "durationSeconds": 3600}.`,
      );
    }
    const r = parsed as Record<string, unknown>;
    const unknown = Object.keys(r).filter(
      (k) => !["agencyName", "domainName", "domainId", "durationSeconds"].includes(k),
    );
    if (unknown.length > 0) {
      throw new ModelArtsConfigError(
        `${object.from} has unknown field ${unknown.map((k) => `"${k}"`).join(", ")}; its fields are agencyName, domainName or domainId, and durationSeconds.`,
      );
    }
    const duration =
      r.durationSeconds === undefined
        ? undefined
        : { value: String(r.durationSeconds), from: `"durationSeconds" of ${object.from}` };
    fields = {
      agencyName: agencyText(r, "agencyName", object.from),
      domainName: agencyText(r, "domainName", object.from),
      domainId: agencyText(r, "domainId", object.from),
      duration,
      from: object.from,
    };
  } else {
    const name = findSetting(S.agencyName, config, env);
    fields = {
      agencyName: name?.value ?? profile?.agencyName,
      domainName: findSetting(S.agencyDomainName, config, env)?.value ?? profile?.agencyDomainName,
      domainId: findSetting(S.agencyDomainId, config, env)?.value,
      duration: findSetting(S.agencyDuration, config, env),
      from: name ? "the HW_ASSUME_ROLE_* variables" : `profile "${profile?.name}" of ${profile?.file}`,
    };
  }
  if (fields.agencyName === undefined) {
    if (object !== undefined || fields.domainName || fields.domainId) {
      throw new ModelArtsConfigError(
        `${fields.from} names no agency: set agencyName (HW_ASSUME_ROLE_AGENCY_NAME).`,
      );
    }
    return undefined;
  }
  if (fields.domainName === undefined && fields.domainId === undefined) {
    throw new ModelArtsConfigError(
      `The agency "${fields.agencyName}" from ${fields.from} needs the domain that owns it: set domainName or domainId (HW_ASSUME_ROLE_DOMAIN_NAME, HW_ASSUME_ROLE_DOMAIN_ID).`,
    );
  }
  return {
    agencyName: fields.agencyName,
    ...(fields.domainName !== undefined && { domainName: fields.domainName }),
    ...(fields.domainId !== undefined && { domainId: fields.domainId }),
    durationSeconds: parseWholeNumber(fields.duration, "agency's key duration (seconds)", DURATION),
  };
}

function noCredentials(): ModelArtsConfigError {
  return new ModelArtsConfigError(
    `No credentials found. Looked for an access key in ${namesOf(S.accessKey)}; a secret key in ${namesOf(S.secretKey)}; an IAM token in ${namesOf(S.token)}; a KooCLI profile in ${namesOf(S.sharedConfigFile)} or ~/.hcloud/config.json; and ECS instance keys (off unless ${namesOf(S.ecsMetadata)} is true). ` +
      "Set an access key and secret key, e.g. `pulumi config set --secret huaweicloud:accessKey AK` and `pulumi config set --secret huaweicloud:secretKey SK`, or export HW_ACCESS_KEY and HW_SECRET_KEY.",
  );
}

/**
 * Resolves where the credentials come from.
 *
 * @throws ModelArtsConfigError when none are found, or a source is malformed (naming it, never a key).
 */
export function resolveCredentialSource(config: ConfigGetter, env: Environment): ResolvedCredentials {
  const keys = explicitKeys(config, env);
  const ecsFound = findSetting(S.ecsMetadata, config, env);
  const ecs = ecsFound !== undefined && parseBoolean(ecsFound);
  // An explicit opt-in to the instance's keys wins over KooCLI's file found by chance.
  const profile =
    keys === undefined && !(ecs && findSetting(S.sharedConfigFile, config, env) === undefined)
      ? profileOf(config, env)
      : undefined;
  const base: Credentials | undefined =
    keys ??
    (profile && {
      kind: "aksk",
      accessKey: profile.accessKey,
      secretKey: profile.secretKey,
      securityToken: profile.securityToken,
    });
  const agency = agencyOf(config, env, profile);
  if (base === undefined) {
    if (!ecs) throw noCredentials();
    if (agency !== undefined) {
      throw new ModelArtsConfigError(
        "An agency cannot be assumed with ECS instance keys here: give base keys (or a profile) for the agency, or drop the agency to use the instance's own.",
      );
    }
    return { source: { kind: "ecsMetadata", url: metadataUrl(env) } };
  }
  if (agency === undefined) return { source: base, ...(profile && { profile }) };
  if (base.kind !== "aksk") {
    throw new ModelArtsConfigError(
      `Assuming the agency "${agency.agencyName}" needs an access key and secret key; an IAM token cannot sign IAM's request.`,
    );
  }
  return {
    source: { kind: "assumeRole", base: base as AkskCredentials, agency },
    ...(profile && { profile }),
  };
}
