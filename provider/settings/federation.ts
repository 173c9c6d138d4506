/**
 * Keyless credentials (OIDC federation), as terraform-provider-huaweicloud's `assume_role_with_oidc`
 * takes them: `huaweicloud:assumeRoleWithOidc` (an object), or the `HW_ASSUME_ROLE_*` variables with
 * `HW_ASSUME_ROLE_IDP_ID`, which turns federation on. The id token comes from exactly one place:
 * the token itself, a file, a variable that holds it (GitLab CI), or else GitHub Actions' token
 * service when the job has one. Nothing is read or fetched here: the token is read each time keys
 * are fetched (transport/idToken.ts).
 */
import { ModelArtsConfigError } from "../support/errors";
import { registerSecrets } from "../support/redact";
import { expandHome } from "../support/userFile";
import { type Words, words } from "../surfaces/wording";
import type { SettingKey } from "../wire/entryKeys.generated";
import type { Federation, IdTokenSource } from "./credentials";
import { findBlock } from "./settingBlocks";
import {
  type ConfigGetter,
  type Environment,
  type Found,
  findSetting,
  SETTING_SOURCES,
  settingNumber,
  settingText,
} from "./settingSources";

/** The settings that give the token itself or where to read it; at most one may be set. */
const TOKEN_SETTINGS = ["idToken", "idTokenFile", "idTokenEnv"] as const satisfies readonly SettingKey[];

const NO_CONFIG: ConfigGetter = () => undefined;

/** GitHub Actions' token service, when the job has one (`permissions: id-token: write`). */
function actionsTokenService(
  fields: Partial<Record<SettingKey, Found>>,
  env: Environment,
): IdTokenSource | undefined {
  const url = findSetting(SETTING_SOURCES.actionsTokenUrl, NO_CONFIG, env);
  const requestToken = findSetting(SETTING_SOURCES.actionsRequestToken, NO_CONFIG, env);
  if (url === undefined || requestToken === undefined) return undefined;
  registerSecrets(requestToken.value);
  const audience = fields.idTokenAudience?.value;
  return {
    kind: "actions",
    url: settingText("actionsTokenUrl", url),
    requestToken: requestToken.value,
    ...(audience !== undefined && { audience }),
  };
}

/** Where the id token comes from: the one token setting given, else GitHub Actions' service. */
function idTokenSource(
  fields: Partial<Record<SettingKey, Found>>,
  from: Words,
  env: Environment,
): IdTokenSource {
  const given = TOKEN_SETTINGS.filter((key) => fields[key] !== undefined);
  if (given.length > 1) {
    throw new ModelArtsConfigError(
      words`${from} gives the id token in ${given.length} ways (${given.map((key) => fields[key]!.from).flatMap((w, i) => (i === 0 ? w : [", ", ...w]))}): give one.`,
    );
  }
  const [key] = given;
  if (key === "idToken") {
    registerSecrets(fields.idToken!.value);
    return { kind: "value", token: fields.idToken!.value };
  }
  if (key === "idTokenFile") return { kind: "file", path: expandHome(fields.idTokenFile!.value, env) };
  if (key === "idTokenEnv") return { kind: "env", name: settingText("idTokenEnv", fields.idTokenEnv!), env };
  const actions = actionsTokenService(fields, env);
  if (actions !== undefined) return actions;
  throw new ModelArtsConfigError(
    words`${from} names an identity provider but no id token: set ${{ setting: "idTokenFile", as: "names" }}, ${{ setting: "idTokenEnv", as: "names" }} or ${{ setting: "idToken", as: "names" }}; or run in GitHub Actions with \`permissions: id-token: write\`, whose token service is then asked.`,
  );
}

/**
 * The federation settings; undefined when none are set. In the environment, `HW_ASSUME_ROLE_IDP_ID`
 * turns federation on: the agency variables alone name an agency for base keys instead.
 *
 * @throws ModelArtsConfigError for no identity provider or id token, two id tokens, or an agency without its domain id.
 */
export function federationOf(config: ConfigGetter, env: Environment): Federation | undefined {
  const block = findBlock("assumeRoleWithOidc", config, env);
  if (block === undefined || (!block.fromObject && block.fields.idpId === undefined)) return undefined;
  const { fields, from } = block;
  if (fields.idpId === undefined) {
    throw new ModelArtsConfigError(
      words`${from} names no identity provider: set ${{ setting: "idpId", as: "names" }}.`,
    );
  }
  const durationSeconds = settingNumber("agencyDuration", fields.agencyDuration);
  const idToken = idTokenSource(fields, from, env);
  const agencyName = fields.agencyName?.value;
  if (agencyName === undefined) return { idpId: fields.idpId.value, idToken, durationSeconds };
  const domainId = fields.agencyDomainId?.value;
  if (domainId === undefined) {
    throw new ModelArtsConfigError(
      words`The agency "${agencyName}" from ${from} is assumed through STS, which needs the id of the domain that owns it: set ${{ setting: "agencyDomainId", as: "names" }}.`,
    );
  }
  return {
    idpId: fields.idpId.value,
    idToken,
    durationSeconds,
    agency: { agencyName, domainId, durationSeconds },
  };
}
