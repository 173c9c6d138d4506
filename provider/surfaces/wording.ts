/**
 * Messages as structure, not sentences to patch: a message is text and references (an argument, a
 * setting, where a value came from, a lookup function), and each surface renders the references in
 * its own names. A Terraform user reads `max_retries`, a plugin user `modelarts:maxRetries`, a
 * TypeScript user `huaweicloud:maxRetries`, a command-line user `HW_MAX_RETRIES`: from one message.
 */
import { ARGUMENTS, blockOf, type EntryMeta, metaOf, SETTINGS } from "../wire/description";
import type { ArgumentKey, SettingKey, Surface } from "../wire/entryKeys.generated";

/** Where a setting's value was found. */
export type SettingOrigin =
  | { readonly argument: ArgumentKey }
  /** Stack config; a field of a block (its element `index`, for a chain given as a list). */
  | { readonly config: SettingKey; readonly field?: SettingKey; readonly index?: number }
  | { readonly env: string }
  /** A command-line option, by its flag without the dashes. */
  | { readonly option: string }
  | { readonly profile: string; readonly file: string }
  | { readonly agencyVariables: true }
  | { readonly byDefault: true };

/** The lookup functions, as a message may point to them. */
type LookupFunction = "getVisualizationJobs" | "getVisualizationJob";

/** A reference a surface renders in its own names. */
export type Ref =
  /**
   * An argument, with the element index of a list (`status[1]`), or set to a value (`limit: 1`);
   * `andList` names a split argument's list too where a surface has one (`status, statuses`).
   */
  | { readonly argument: string; readonly index?: number; readonly setTo?: string; readonly andList?: true }
  /** A setting: its name, all its names, or how to set it to `value`. */
  | { readonly setting: SettingKey; readonly as?: "name" | "names" | "howToSet"; readonly value?: string }
  | { readonly from: SettingOrigin }
  | { readonly lookup: LookupFunction };

/** A message: text and references. */
export type Words = ReadonlyArray<string | Ref>;

/** Builds {@link Words} from a template: `` words`${{ setting: "region" }} is unset` ``. */
export function words(
  strings: TemplateStringsArray,
  ...refs: ReadonlyArray<Ref | Words | string | number>
): Words {
  const out: Array<string | Ref> = [strings[0]!];
  refs.forEach((ref, i) => {
    if (Array.isArray(ref)) out.push(...(ref as Words));
    else out.push(typeof ref === "number" ? String(ref) : (ref as Ref | string));
    out.push(strings[i + 1]!);
  });
  return out.filter((part) => part !== "");
}

/** Words joined with a separator between each group. */
export function joinWords(groups: readonly Words[], separator: string): Words {
  return groups.flatMap((group, i) => (i === 0 ? group : [separator, ...group]));
}

const argumentMeta = (key: string): EntryMeta | undefined =>
  Object.hasOwn(ARGUMENTS, key) ? metaOf(ARGUMENTS[key as ArgumentKey]) : undefined;
const settingMeta = (key: SettingKey): EntryMeta => metaOf(SETTINGS[key]);

/** An argument's name on a surface: `pageSize`, `page_size`, `--page-size`. */
function argumentName(key: string, surface: Surface): string {
  const meta = argumentMeta(key);
  if (surface === "terraform") return meta?.terraform ?? key;
  if (surface === "cli") return meta?.flag ? `--${meta.flag}` : key;
  return key;
}

/**
 * A setting's own name on a surface (its first environment variable where the surface has none). A
 * block's field is named inside its block: `parent`, or the first block that lists it.
 */
function settingName(key: SettingKey, surface: Surface, parent = blockOf(key), index?: number): string {
  const meta = settingMeta(key);
  const env = meta.env?.[0] ?? key;
  if (parent !== undefined && surface !== "cli") {
    const block = `${settingName(parent, surface)}${index === undefined ? "" : `[${index}]`}`;
    return surface === "terraform" ? `${block}.${meta.terraform}` : `"${meta.config}" of ${block}`;
  }
  if (surface === "typescript") return meta.config ? `huaweicloud:${meta.config}` : env;
  if (surface === "plugin") return meta.plugin ? `modelarts:${meta.plugin}` : env;
  if (surface === "terraform") return meta.terraform ?? env;
  return env;
}

/** Every name a setting is looked up under on a surface: `huaweicloud:region, HW_REGION_NAME`. */
function settingNames(key: SettingKey, surface: Surface): string {
  const own = settingName(key, surface);
  const env = settingMeta(key).env ?? [];
  return [...new Set([own, ...env])].join(", ");
}

/** How to set a setting to a value on a surface. */
function howToSet(key: SettingKey, value: string, surface: Surface): string {
  const meta = settingMeta(key);
  const exported = meta.env?.[0] === undefined ? "" : `export ${meta.env[0]}=${value}`;
  const secret = meta.secret ? "--secret " : "";
  const own =
    surface === "typescript" && meta.config
      ? `\`pulumi config set ${secret}huaweicloud:${meta.config} ${value}\``
      : surface === "plugin" && meta.plugin
        ? `\`pulumi config set ${secret}modelarts:${meta.plugin} ${value}\``
        : surface === "terraform" && meta.terraform
          ? `\`${meta.terraform} = "${value}"\` in the provider block`
          : "";
  return [own, exported].filter(Boolean).join(" or ");
}

function originText(origin: SettingOrigin, surface: Surface): string {
  if ("argument" in origin) return `the ${argumentName(origin.argument, surface)} argument`;
  if ("env" in origin) return `environment variable ${origin.env}`;
  if ("option" in origin) return `the --${origin.option} option`;
  if ("profile" in origin) return `profile "${origin.profile}" of ${origin.file}`;
  if ("agencyVariables" in origin) return "the HW_ASSUME_ROLE_* variables";
  if ("byDefault" in origin) return "the default";
  if (origin.field !== undefined) return settingName(origin.field, surface, origin.config, origin.index);
  const name = `${settingName(origin.config, surface)}${origin.index === undefined ? "" : `[${origin.index}]`}`;
  return surface === "terraform" ? `the provider argument ${name}` : `stack config ${name}`;
}

const LOOKUP_IN_TERRAFORM: Record<LookupFunction, string> = {
  getVisualizationJobs: "the modelarts_visualization_jobs data source",
  getVisualizationJob: "the modelarts_visualization_job data source",
};

function lookupText(fn: LookupFunction, surface: Surface): string {
  if (surface === "plugin") return `modelarts:index:${fn}`;
  if (surface === "terraform") return LOOKUP_IN_TERRAFORM[fn];
  if (surface === "cli") return "pulumi-modelarts jobs";
  return fn;
}

function refText(ref: Ref, surface: Surface): string {
  if ("argument" in ref) {
    const name = argumentName(ref.argument, surface);
    const list = argumentMeta(ref.argument)?.list;
    if (ref.andList && list !== undefined && (surface === "plugin" || surface === "terraform")) {
      return `${name}, ${surface === "terraform" ? list.terraform : list.name}`;
    }
    // A repeated option is not a list on the command line: its value names the one meant.
    const indexed = ref.index === undefined || surface === "cli" ? name : `${name}[${ref.index}]`;
    if (ref.setTo === undefined) return indexed;
    if (surface === "terraform") return `${indexed} = ${ref.setTo}`;
    return surface === "cli" ? `${indexed} ${ref.setTo}` : `${indexed}: ${ref.setTo}`;
  }
  if ("setting" in ref) {
    if (ref.as === "names") return settingNames(ref.setting, surface);
    if (ref.as === "howToSet") return howToSet(ref.setting, ref.value ?? "...", surface);
    return settingName(ref.setting, surface);
  }
  if ("from" in ref) return originText(ref.from, surface);
  return lookupText(ref.lookup, surface);
}

/** A message in a surface's names. */
export function render(message: Words, surface: Surface): string {
  return message.map((part) => (typeof part === "string" ? part : refText(part, surface))).join("");
}
