/**
 * The `jobs` command's options, made from the description: each lookup argument and setting that has
 * a `flag` is an option, its help line is its description, and its value is read by its schema's type.
 * A flag added to the description is an option here, and a line of `--help`, with nothing else to write.
 */
import {
  ARGUMENT_KEYS,
  ARGUMENTS,
  documented,
  type EntryMeta,
  metaOf,
  SETTINGS,
  valueType,
} from "../provider/wire/description";
import type { ArgumentKey, SettingKey } from "../provider/wire/entryKeys.generated";
import { wholeNumberOption } from "./options";

/** One option: the entry it sets, its flag, and whether it takes a whole number. */
export interface EntryOption {
  readonly flag: string;
  readonly meta: EntryMeta;
  readonly integer: boolean;
  /** Whether it may be given several times (a list argument). */
  readonly multiple: boolean;
}

/** An entry's option, when the description gives it a flag. */
function optionOf(schema: Parameters<typeof valueType>[0], multiple = false): EntryOption | undefined {
  const meta = metaOf(schema);
  return meta.flag === undefined
    ? undefined
    : { flag: meta.flag, meta, integer: valueType(schema) === "integer", multiple };
}

/** The lookup arguments the command line sets, by argument. */
export const ARGUMENT_OPTIONS = Object.fromEntries(
  ARGUMENT_KEYS.flatMap((key) => {
    const option = optionOf(ARGUMENTS[key], metaOf(ARGUMENTS[key]).list !== undefined);
    return option === undefined ? [] : [[key, option]];
  }),
) as Partial<Record<ArgumentKey, EntryOption>>;

/** The settings the command line sets, by setting. */
export const SETTING_OPTIONS = Object.fromEntries(
  (Object.keys(SETTINGS) as SettingKey[]).flatMap((key) => {
    const option = optionOf(SETTINGS[key]);
    return option === undefined ? [] : [[key, option]];
  }),
) as Partial<Record<SettingKey, EntryOption>>;

/** `parseArgs` options for every entry option. */
export function parseArgsOptions(): Record<string, { type: "string"; multiple?: boolean }> {
  return Object.fromEntries(
    [...Object.values(ARGUMENT_OPTIONS), ...Object.values(SETTING_OPTIONS)].map((o) => [
      o!.flag,
      { type: "string" as const, ...(o!.multiple && { multiple: true }) },
    ]),
  );
}

/** An option's value as its entry takes it: a whole number read as one, the rest as given. */
export function optionValue(option: EntryOption, value: string | string[] | undefined): unknown {
  if (value === undefined || Array.isArray(value) || !option.integer) return value;
  return wholeNumberOption(option.flag, value);
}

const HELP_INDENT = 22;
const HELP_WIDTH = 100;

/** Text wrapped to the help's width, its lines after the first indented to the descriptions' column. */
function wrapped(head: string, text: string): string {
  const lines: string[] = [];
  let line = head.padEnd(HELP_INDENT);
  for (const word of text.split(" ")) {
    if (line.length + word.length + 1 > HELP_WIDTH && line.trim() !== "") {
      lines.push(line.trimEnd());
      line = " ".repeat(HELP_INDENT);
    }
    line += `${word} `;
  }
  return [...lines, line.trimEnd()].join("\n");
}

/** The help lines of the entry options: `--flag V  description. Default ...`, wrapped. */
export function entryOptionsHelp(): string {
  return [...Object.values(ARGUMENT_OPTIONS), ...Object.values(SETTING_OPTIONS)]
    .map((o) => {
      const env = o!.meta.env?.length ? ` Else ${o!.meta.env.join(", ")}.` : "";
      const repeat = o!.multiple ? " Repeat for several." : "";
      // The description and default as docs/command-line.md's list of these options says them.
      return wrapped(`  --${o!.flag} ${o!.integer ? "N" : "V"}`, `${documented(o!.meta)}${env}${repeat}`);
    })
    .join("\n");
}
