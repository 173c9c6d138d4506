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

/** A field of the object as text: a string, or a number where the field's schema takes one. */
function fieldText(block: SettingKey, key: SettingKey, value: unknown): Found | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const origin = { config: block, field: key };
  if (typeof value === "string") return foundAt(value.trim(), origin);
  if (typeof value === "number") return foundAt(String(value), origin);
  throw new ModelArtsConfigError(
    words`${{ from: origin }} must be ${metaOf(SETTINGS[key]).rule}, got ${JSON.stringify(value) ?? typeof value}.`,
  );
}

/** The block's stack-config object, checked: a JSON object of its own fields only. */
function blockObject(block: SettingKey, found: Found): FoundBlock {
  let parsed: unknown;
  try {
    parsed = JSON.parse(found.value);
  } catch {}
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ModelArtsConfigError(words`${found.from} must be ${metaOf(SETTINGS[block]).rule}.`);
  }
  const record = parsed as Record<string, unknown>;
  const known = fieldsOf(block).map(fieldName);
  const unknown = Object.keys(record).filter((k) => !known.includes(k));
  if (unknown.length > 0) {
    throw new ModelArtsConfigError(
      words`${found.from} has unknown field ${unknown.map((k) => `"${k}"`).join(", ")}; its fields are ${known.join(", ")}.`,
    );
  }
  const fields = Object.fromEntries(
    fieldsOf(block).flatMap((key) => {
      const text = fieldText(block, key, record[fieldName(key)]);
      return text === undefined ? [] : [[key, text]];
    }),
  );
  return { fields, from: found.from, fromObject: true };
}

/**
 * The block's fields: from its stack-config object when one is set, else each from its own
 * environment variables. Undefined when neither gives any field.
 *
 * @throws ModelArtsConfigError for an object that is not JSON, holds an unknown field, or a field of the wrong type.
 */
export function findBlock(block: SettingKey, config: ConfigGetter, env: Environment): FoundBlock | undefined {
  const object = findSetting(SETTING_SOURCES[block], config, env);
  if (object !== undefined) return blockObject(block, object);
  const fields = Object.fromEntries(
    fieldsOf(block).flatMap((key) => {
      const found = findSetting(SETTING_SOURCES[key], config, env);
      return found === undefined ? [] : [[key, found]];
    }),
  );
  if (Object.keys(fields).length === 0) return undefined;
  return { fields, from: [{ from: { agencyVariables: true } }], fromObject: false };
}
