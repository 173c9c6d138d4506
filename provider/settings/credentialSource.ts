/**
 * Where a lookup's credentials come from, in the order users meet them (docs/credentials.md): an
 * identity provider's id token (OIDC, federation.ts); keys (or an IAM token) in stack config or the environment; else a KooCLI profile (a named file,
 * or `~/.hcloud/config.json` when it exists); else, when opted in, the ECS instance's metadata
 * service. An agency (assume role) turns base keys into the agency's temporary keys. Nothing here is
 * fetched: the agency's and the instance's keys are obtained by temporaryCredentials.ts.
 */
import { existsSync } from "node:fs";
import { ModelArtsConfigError } from "../support/errors";
import { expandHome } from "../support/userFile";
import { type Words, words } from "../surfaces/wording";
import { isLoopback } from "../wire/endpointUrl";
import type { SettingKey } from "../wire/entryKeys.generated";
import type { Agency, AkskCredentials, CredentialSource, Credentials } from "./credentials";
import { federationOf } from "./federation";
import { type FoundBlock, findBlocks } from "./settingBlocks";
import {
  type ConfigGetter,
  type Environment,
  findSetting,
  SETTING_SOURCES as S,
  settingBoolean,
  settingNumber,
} from "./settingSources";
import { defaultSharedConfigFile, type Profile, readProfile } from "./sharedConfigFile";

/** The metadata service of ECS instances: temporary keys of the agency attached to the instance. */
export const DEFAULT_ECS_METADATA_URL = "http://169.254.169.254/openstack/latest/securitykey";

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
      words`Incomplete credentials: found ${accessKey ? "an access key" : "a secret key"} in ${has.from}, but no ${accessKey ? "secret key" : "access key"} in ${{ setting: missing.key, as: "names" }}. Set both, for example with ${{ setting: missing.key, as: "howToSet" }}.`,
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
      words`A profile ("${profile}") is named, but no shared config file: ${fallback} does not exist. Name the file with ${{ setting: "sharedConfigFile", as: "names" }}.`,
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
    throw new ModelArtsConfigError(
      words`The metadata address from ${found.from} is not a URL: "${found.value}".`,
    );
  }
  const local = isLoopback(url.hostname) || url.hostname === new URL(DEFAULT_ECS_METADATA_URL).hostname;
  if (url.protocol !== "http:" || !local) {
    throw new ModelArtsConfigError(
      words`The metadata address from ${found.from} must be http:// to 169.254.169.254 or a loopback host, got "${found.value}".`,
    );
  }
  // A base URL (the emulator's, say) means the metadata service there: its well-known path is added.
  if (url.pathname === "/" && url.search === "") url.pathname = new URL(DEFAULT_ECS_METADATA_URL).pathname;
  return url.href;
}

/** One hop of the chain as found: its fields checked, the profile's agency where nothing else names one. */
function agencyOfBlock(block: FoundBlock | undefined, profile: Profile | undefined): Agency | undefined {
  const f = block?.fields ?? {};
  const fromProfile = !block?.fromObject && f.agencyName === undefined && profile?.agencyName !== undefined;
  const from: Words =
    block !== undefined && !fromProfile
      ? block.from
      : [{ from: { profile: profile?.name ?? "", file: profile?.file ?? "" } }];
  const agencyName = f.agencyName?.value ?? profile?.agencyName;
  const domainName = f.agencyDomainName?.value ?? (block?.fromObject ? undefined : profile?.agencyDomainName);
  const domainId = f.agencyDomainId?.value;
  if (agencyName === undefined) {
    if (block !== undefined) {
      throw new ModelArtsConfigError(
        words`${from} names no agency: set ${{ setting: "agencyName", as: "names" }}.`,
      );
    }
    return undefined;
  }
  if (domainName === undefined && domainId === undefined) {
    throw new ModelArtsConfigError(
      words`The agency "${agencyName}" from ${from} needs the domain that owns it: set ${{ setting: "agencyDomainName", as: "names" }}, or ${{ setting: "agencyDomainId", as: "names" }}.`,
    );
  }
  return {
    agencyName,
    ...(domainName !== undefined && { domainName }),
    ...(domainId !== undefined && { domainId }),
    durationSeconds: settingNumber("agencyDuration", f.agencyDuration),
  };
}

/**
 * The agencies to assume, in order: from `huaweicloud:assumeRole` (an object, or a list of them: a
 * chain, each assumed with the keys of the one before), the HW_ASSUME_ROLE_* names, or the profile.
 * Empty when none is named.
 *
 * @throws ModelArtsConfigError for a malformed object, an agency without its domain, or a duration
 *   out of range.
 */
export function agencyChainOf(
  config: ConfigGetter,
  env: Environment,
  profile: Profile | undefined,
): Agency[] {
  const blocks = findBlocks("assumeRole", config, env);
  if (blocks.length === 0) {
    const fromProfile = agencyOfBlock(undefined, profile);
    return fromProfile === undefined ? [] : [fromProfile];
  }
  return blocks.map((block) => agencyOfBlock(block, profile)!);
}

function noCredentials(): ModelArtsConfigError {
  const names = (setting: SettingKey) => ({ setting, as: "names" }) as const;
  return new ModelArtsConfigError(
    words`No credentials found. Looked for an access key in ${names("accessKey")}; a secret key in ${names("secretKey")}; an IAM token in ${names("token")}; a KooCLI profile in ${names("sharedConfigFile")} or ~/.hcloud/config.json; and ECS instance keys (off unless ${names("ecsMetadata")} is true). Set an access key and secret key, e.g. ${{ setting: "accessKey", as: "howToSet", value: "AK" }}, and ${{ setting: "secretKey", as: "howToSet", value: "SK" }}.`,
  );
}

/**
 * Resolves where the credentials come from.
 *
 * @throws ModelArtsConfigError when none are found, or a source is malformed (naming it, never a key).
 */
export function resolveCredentialSource(config: ConfigGetter, env: Environment): ResolvedCredentials {
  // An identity provider means keyless CI, as in terraform-provider-huaweicloud: it wins over keys.
  const federation = federationOf(config, env);
  if (federation !== undefined) {
    if (findSetting(S.assumeRole, config, env) !== undefined) {
      throw new ModelArtsConfigError(
        words`Both ${{ setting: "assumeRole", as: "names" }} and ${{ setting: "assumeRoleWithOidc", as: "names" }} are set: name the agency inside the OIDC settings, and drop the other.`,
      );
    }
    return { source: { kind: "oidc", federation } };
  }
  const keys = explicitKeys(config, env);
  const ecsFound = findSetting(S.ecsMetadata, config, env);
  const ecs = settingBoolean("ecsMetadata", ecsFound);
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
  const agencies = agencyChainOf(config, env, profile);
  if (base === undefined) {
    if (!ecs) throw noCredentials();
    if (agencies.length > 0) {
      throw new ModelArtsConfigError(
        "An agency cannot be assumed with ECS instance keys here: give base keys (or a profile) for the agency, or drop the agency to use the instance's own.",
      );
    }
    return { source: { kind: "ecsMetadata", url: metadataUrl(env) } };
  }
  if (agencies.length === 0) return { source: base, ...(profile && { profile }) };
  if (base.kind !== "aksk") {
    throw new ModelArtsConfigError(
      `Assuming the agency "${agencies[0]!.agencyName}" needs an access key and secret key; an IAM token cannot sign IAM's request.`,
    );
  }
  return {
    source: { kind: "assumeRole", base: base as AkskCredentials, agencies },
    ...(profile && { profile }),
  };
}
