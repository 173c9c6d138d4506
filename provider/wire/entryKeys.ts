/**
 * The names of the description's entries, and of the surfaces, without zod: the public types
 * (errors, settings) name them, and a program that type-checks against this package must not load
 * zod's declarations (under a project's own compiler options they need `esModuleInterop`).
 * description.ts holds exactly these keys: an entry missing or extra is a compile error there.
 */
import type { VisualizationJobsQueryArgs } from "./model";

/** Where a name or a message is shown: each surface names things its own way. */
export type Surface = "typescript" | "plugin" | "terraform" | "cli";

/** A lookup argument's Pulumi name. */
export type ArgumentKey = keyof VisualizationJobsQueryArgs;

/** A setting's key (pulumi-huaweicloud's stack-config name where it has one). */
export type SettingKey =
  | "region"
  | "projectId"
  | "accessKey"
  | "secretKey"
  | "securityToken"
  | "token"
  | "endpoints"
  | "authUrl"
  | "cloud"
  | "maxRetries"
  | "insecure"
  | "timeout"
  | "maxConcurrency"
  | "sharedConfigFile"
  | "profile"
  | "assumeRole"
  | "agencyName"
  | "agencyDomainName"
  | "agencyDomainId"
  | "agencyDuration"
  | "ecsMetadata"
  | "ecsMetadataUrl";
