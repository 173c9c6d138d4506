/**
 * Credentials from a KooCLI (`hcloud`) profile file, as terraform-provider-huaweicloud reads it
 * (huaweicloud/config/auth.go): `{ "current": "<name>", "profiles": [ { "name", "mode",
 * "accessKeyId", "secretAccessKey", "securityToken", "region", "projectId", "domainId",
 * "agencyName", "agencyDomainName" } ] }`. Messages name the file and the profile, never a key.
 */
import { join } from "node:path";
import { ModelArtsConfigError } from "../support/errors";
import { homeFolder, readUserFile } from "../support/userFile";
import { words } from "../surfaces/wording";

/** KooCLI's own file, used when nothing names one and no keys are set anywhere. */
export function defaultSharedConfigFile(env: Readonly<Record<string, string | undefined>>): string {
  return join(homeFolder(env), ".hcloud", "config.json");
}

/** What a profile gives. */
export interface Profile {
  readonly file: string;
  readonly name: string;
  readonly accessKey: string;
  readonly secretKey: string;
  readonly securityToken?: string;
  readonly region?: string;
  readonly projectId?: string;
  readonly agencyName?: string;
  readonly agencyDomainName?: string;
  /** Said to the user, the lookup going on: the file can be read by others. */
  readonly warning?: string;
}

interface ProfileEntry {
  readonly name?: unknown;
  readonly mode?: unknown;
  readonly accessKeyId?: unknown;
  readonly secretAccessKey?: unknown;
  readonly securityToken?: unknown;
  readonly region?: unknown;
  readonly projectId?: unknown;
  readonly agencyName?: unknown;
  readonly agencyDomainName?: unknown;
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;

/** The file's JSON object, and its mode (for the permission warning). */
function readJson(file: string): { content: { current?: unknown; profiles?: unknown }; mode: number } {
  const read = readUserFile(file);
  if (!read.ok) {
    throw new ModelArtsConfigError(
      words`The shared config file ${file} ${read.problem}. Check the path given in ${{ setting: "sharedConfigFile", as: "names" }}, or create it with \`hcloud configure init\`.`,
    );
  }
  try {
    const parsed: unknown = JSON.parse(read.text);
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
      return { content: parsed, mode: read.mode };
    }
  } catch {}
  throw new ModelArtsConfigError(
    `The shared config file ${file} is not a JSON object of KooCLI profiles ({"current": ..., "profiles": [...]}).`,
  );
}

/** The warning ssh gives for a key file others can read. */
function permissionWarning(file: string, fileMode: number): string | undefined {
  if (process.platform === "win32") return undefined;
  const mode = fileMode & 0o777;
  return (mode & 0o077) === 0
    ? undefined
    : `The shared config file ${file} holds keys and can be read by others (mode ${mode.toString(8)}): chmod 600 it.`;
}

/**
 * Reads the profile named `profile` (else the file's `current`) from `file`.
 *
 * @throws ModelArtsConfigError for a missing or unreadable file, one that is not a regular file of
 *   at most 1 MiB (a FIFO, a device, a link to one), one that is not JSON, an unknown
 *   profile, a mode other than AKSK, or a profile without both keys.
 */
export function readProfile(file: string, profile: string | undefined): Profile {
  const { content, mode: fileMode } = readJson(file);
  const entries = Array.isArray(content.profiles) ? (content.profiles as ProfileEntry[]) : [];
  const name = profile ?? text(content.current);
  const names = entries.map((e) => text(e?.name)).filter((n) => n !== undefined);
  if (name === undefined) {
    throw new ModelArtsConfigError(
      words`The shared config file ${file} names no current profile; name one with ${{ setting: "profile", as: "names" }} (it has ${names.join(", ") || "none"}).`,
    );
  }
  const entry = entries.find((e) => text(e?.name) === name);
  if (entry === undefined) {
    throw new ModelArtsConfigError(
      `The shared config file ${file} has no profile "${name}"; it has ${names.map((n) => `"${n}"`).join(", ") || "none"}.`,
    );
  }
  const mode = text(entry.mode) ?? "AKSK";
  if (mode !== "AKSK") {
    throw new ModelArtsConfigError(
      `Profile "${name}" of ${file} uses mode ${mode}; only AKSK profiles can be used here. Switch it with \`hcloud configure set --cli-profile=${name} --cli-mode=AKSK\`.`,
    );
  }
  const accessKey = text(entry.accessKeyId);
  const secretKey = text(entry.secretAccessKey);
  if (accessKey === undefined || secretKey === undefined) {
    throw new ModelArtsConfigError(
      `Profile "${name}" of ${file} has no ${accessKey === undefined ? "accessKeyId" : "secretAccessKey"}; set both keys in it.`,
    );
  }
  return {
    file,
    name,
    accessKey,
    secretKey,
    securityToken: text(entry.securityToken),
    region: text(entry.region),
    projectId: text(entry.projectId),
    agencyName: text(entry.agencyName),
    agencyDomainName: text(entry.agencyDomainName),
    warning: permissionWarning(file, fileMode),
  };
}
