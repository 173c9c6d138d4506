/**
 * How one setting is found: its stack-config key and environment names (docs/installation-configuration.md, "Configuration"),
 * looked at in order, first found wins; and how its text is read as a number or a boolean, with
 * messages that name where the value came from.
 */
import { ModelArtsConfigError } from "../support/errors";
import { jsonText } from "../support/jsonText";
import { type SettingOrigin, type Words, words } from "../surfaces/wording";
import { blockOf, metaOf, SETTINGS } from "../wire/description";
import type { ArgumentKey, SettingKey } from "../wire/entryKeys.generated";

/** Reads one stack-config value by its full key (`huaweicloud:region`); undefined when unset. */
export type ConfigGetter = (key: string) => string | undefined;

/** Environment variables, as `process.env` holds them. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** A setting's sources, in the order they are looked at. */
export interface Source {
  /** The setting, as the description names it. */
  readonly key: SettingKey;
  /** Its stack-config key (`huaweicloud:region`), when stack config may set it. */
  readonly config?: string;
  readonly env: readonly string[];
}

/**
 * A setting's sources, from the description. A block's fields (an agency's) are set in stack config
 * only inside their block (`huaweicloud:assumeRole`), so their own sources are their environment variables.
 */
function sourceOf(key: SettingKey): Source {
  const meta = metaOf(SETTINGS[key]);
  const topLevel = meta.config !== undefined && blockOf(key) === undefined;
  return { key, ...(topLevel && { config: `huaweicloud:${meta.config}` }), env: meta.env ?? [] };
}

/** The stack-config keys and environment variables of each setting (docs/installation-configuration.md, "Configuration"). */
export const SETTING_SOURCES = Object.fromEntries(
  (Object.keys(SETTINGS) as SettingKey[]).map((key) => [key, sourceOf(key)]),
) as Readonly<Record<SettingKey, Source>>;

/**
 * Each stack-config key (`huaweicloud:maxRetries`) by the name another surface gives its setting:
 * the plugin's config key (`maxRetries`) or the Terraform provider argument (`max_retries`), so that
 * a config getter over that surface's values can serve the settings.
 */
export function configKeysAs(surface: "plugin" | "terraform"): Readonly<Record<string, string>> {
  return Object.fromEntries(
    Object.values(SETTING_SOURCES).flatMap((source) => {
      const name = metaOf(SETTINGS[source.key])[surface];
      return source.config !== undefined && name !== undefined ? [[source.config, name]] : [];
    }),
  );
}

/** A value found, and where it was found (for messages, in each surface's names). */
export interface Found {
  readonly value: string;
  readonly from: Words;
}

/** A value found at an origin. */
export function foundAt(value: string, origin: SettingOrigin): Found {
  return { value, from: [{ from: origin }] };
}

/** Whether a setting's text is there: unset and blank are not. */
export function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== "";
}

/** The first of a setting's sources that holds a value: the call's argument, stack config, the environment. */
export function findSetting(
  source: Source,
  config: ConfigGetter,
  env: Environment,
  argument?: [ArgumentKey, string | undefined],
): Found | undefined {
  if (argument && present(argument[1])) return foundAt(argument[1].trim(), { argument: argument[0] });
  if (source.config !== undefined) {
    const value = config(source.config);
    if (present(value)) return foundAt(value.trim(), { config: source.key });
  }
  for (const name of source.env) {
    const value = env[name];
    if (present(value)) return foundAt(value.trim(), { env: name });
  }
  return undefined;
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

/** `true`/`false` (also 1/0, yes/no), or a config error naming the source. */
function parseBoolean(found: Found): boolean {
  const text = found.value.toLowerCase();
  if (["true", "1", "yes"].includes(text)) return true;
  if (["false", "0", "no"].includes(text)) return false;
  throw new ModelArtsConfigError(
    words`The setting from ${found.from} must be true or false, got "${found.value}".`,
  );
}

/**
 * A whole-number setting, by the description's schema (its range) and default: the default when
 * absent, a config error naming the source and the rule otherwise.
 */
export function settingNumber(key: SettingKey, found: Found | undefined): number {
  const schema = SETTINGS[key];
  const meta = metaOf(schema);
  if (found === undefined) return meta.default as number;
  const n = Number(found.value);
  if (!/^\d{1,16}$/.test(found.value) || !schema.safeParse(n).success) {
    throw new ModelArtsConfigError(
      words`The setting from ${found.from} must be ${meta.rule}, got "${found.value}".`,
    );
  }
  return n;
}

/**
 * A text setting as found, checked by its schema in the description (a region's pattern, an
 * endpoint's rule); else a config error naming `what` it is, its source and its rule.
 */
export function settingText(key: SettingKey, found: Found, what = "setting"): string {
  if (SETTINGS[key].safeParse(found.value).success) return found.value;
  throw new ModelArtsConfigError(
    words`The ${what} from ${found.from} must be ${metaOf(SETTINGS[key]).rule}, got "${found.value}".`,
  );
}

/** A boolean setting: its default when absent. */
export function settingBoolean(key: SettingKey, found: Found | undefined): boolean {
  return found === undefined ? (metaOf(SETTINGS[key]).default as boolean) : parseBoolean(found);
}
