/**
 * A block of settings (an agency, `huaweicloud:assumeRole`; OIDC federation,
 * `huaweicloud:assumeRoleWithOidc`) as found: its stack-config object, whose fields are checked by
 * name and type, or else each field's environment variables (`HW_ASSUME_ROLE_*`). The fields a
 * block lists in the description are the only ones it takes.
 */
import { ModelArtsConfigError } from "../support/errors";
import { type Words, words } from "../surfaces/wording";
import { fieldsOf, metaOf, SETTINGS } from "../wire/description";
import type { SettingKey } from "../wire/entryKeys.generated";
import {
  type ConfigGetter,
  type Environment,
  type Found,
  findSetting,
  foundAt,
  SETTING_SOURCES,
} from "./settingSources";

/** A block's fields as found, and where the block was found. */
export interface FoundBlock {
  readonly fields: Partial<Record<SettingKey, Found>>;
  /** The stack-config object, or the environment. */
  readonly from: Words;
  /** Whether it came from its stack-config object (else from the environment). */
  readonly fromObject: boolean;
}

/** A field's name inside the block's object (`durationSeconds`). */
const fieldName = (key: SettingKey): string => metaOf(SETTINGS[key]).config!;

/** The most hops of an agency chain. */
const MAX_CHAIN_HOPS = 8;

/** A field of the object as text: a string, or a number where the field's schema takes one. */
function fieldText(block: SettingKey, key: SettingKey, value: unknown, index?: number): Found | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const origin = { config: block, field: key, ...(index !== undefined && { index }) };
  if (typeof value === "string") return foundAt(value.trim(), origin);
  if (typeof value === "number") return foundAt(String(value), origin);
  throw new ModelArtsConfigError(
    words`${{ from: origin }} must be ${metaOf(SETTINGS[key]).rule}, got ${JSON.stringify(value) ?? typeof value}.`,
  );
}

/** One object of the block, checked: a JSON object of its own fields only. */
function blockObject(block: SettingKey, value: unknown, from: Words, index?: number): FoundBlock {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ModelArtsConfigError(words`${from} must be ${metaOf(SETTINGS[block]).rule}.`);
  }
  const record = value as Record<string, unknown>;
  const known = fieldsOf(block).map(fieldName);
  const unknown = Object.keys(record).filter((k) => !known.includes(k));
  if (unknown.length > 0) {
    throw new ModelArtsConfigError(
      words`${from} has unknown field ${unknown.map((k) => `"${k}"`).join(", ")}; its fields are ${known.join(", ")}.`,
    );
  }
  const fields = Object.fromEntries(
    fieldsOf(block).flatMap((key) => {
      const text = fieldText(block, key, record[fieldName(key)], index);
      return text === undefined ? [] : [[key, text]];
    }),
  );
  return { fields, from, fromObject: true };
}

/** The block's stack-config value: one object, or (for a repeated block) a list of at most 8. */
function blockObjects(block: SettingKey, found: Found): FoundBlock[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(found.value);
  } catch {}
  if (!Array.isArray(parsed) || !metaOf(SETTINGS[block]).repeated)
    return [blockObject(block, parsed, found.from)];
  if (parsed.length === 0 || parsed.length > MAX_CHAIN_HOPS) {
    throw new ModelArtsConfigError(
      words`${found.from} must list 1 to ${MAX_CHAIN_HOPS} agencies, each assumed with the keys of the one before; got ${parsed.length}.`,
    );
  }
  return parsed.map((one, index) => blockObject(block, one, [{ from: { config: block, index } }], index));
}

/**
 * The block's objects: from its stack-config value when one is set (a list, for a chain), else one
 * from its fields' own environment variables. None when neither gives any field.
 *
 * @throws ModelArtsConfigError for a value that is not JSON, an object with an unknown field or a
 *   field of the wrong type, or a chain of none or too many.
 */
export function findBlocks(block: SettingKey, config: ConfigGetter, env: Environment): FoundBlock[] {
  const object = findSetting(SETTING_SOURCES[block], config, env);
  if (object !== undefined) return blockObjects(block, object);
  const fields = Object.fromEntries(
    fieldsOf(block).flatMap((key) => {
      const found = findSetting(SETTING_SOURCES[key], config, env);
      return found === undefined ? [] : [[key, found]];
    }),
  );
  if (Object.keys(fields).length === 0) return [];
  return [{ fields, from: [{ from: { agencyVariables: true } }], fromObject: false }];
}

/** A block given at most once (OIDC federation's): its fields, or undefined when none are set. */
export function findBlock(block: SettingKey, config: ConfigGetter, env: Environment): FoundBlock | undefined {
  return findBlocks(block, config, env)[0];
}
