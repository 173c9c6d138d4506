/**
 * The blocks of docs/ that the description writes: tables and reference
 * lists. Each is a pure function of the description (and the schemas made from it), so that
 * `npm run generate:check` can say whether a file still holds what it would write.
 */

import { ARGUMENT_OPTIONS, SETTING_OPTIONS } from "../cli/jobsOptions";
import { NODE_ENVIRONMENT } from "../packaging/nodeEnvironment";
import { NODE_VERSION } from "../packaging/platforms";
import { CONFIG_PROPERTIES } from "../plugin/schema";
import {
  ARGUMENT_KEYS,
  ARGUMENTS,
  BLOCK_KEYS,
  defaultText,
  documented,
  type EntryMeta,
  fieldsOf,
  JOB_FIELDS,
  type JobFieldKey,
  metaOf,
  SETTINGS,
} from "../provider/wire/description";
import type { SettingKey } from "../provider/wire/entryKeys.generated";
import type { AttributeSpec, BlockSpec } from "../terraform/schema";

const code = (text: string | undefined) => (text === undefined || text === "" ? "" : `\`${text}\``);
const cell = (text: string) => text.replaceAll("|", "\\|");

/** A Markdown table. */
function table(head: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
  ].join("\n");
}

const defaultCell = (meta: EntryMeta) => (meta.default === undefined ? "" : code(defaultText(meta.default)));

/** The table of lookup arguments (docs/lookup.md). */
export function argumentsTable(): string {
  return table(
    ["argument", "Terraform", "command line", "valid values", "default", "what it does"],
    ARGUMENT_KEYS.map((key) => {
      const meta = metaOf(ARGUMENTS[key]);
      return [
        meta.list === undefined ? code(key) : `${code(key)} (Go, Python, YAML: also ${code(meta.list.name)})`,
        meta.list === undefined
          ? code(meta.terraform)
          : `${code(meta.terraform)}, ${code(meta.list.terraform)}`,
        meta.flag ? code(`--${meta.flag}`) : "",
        meta.rule,
        defaultCell(meta),
        meta.description,
      ];
    }),
  );
}

/** The table of a job's fields (docs/lookup.md). */
export function jobFieldsTable(): string {
  return table(
    ["field", "Terraform", "API field", "what it holds"],
    (Object.keys(JOB_FIELDS) as JobFieldKey[]).map((key) => {
      const meta = metaOf(JOB_FIELDS[key]);
      return [code(key), code(meta.terraform), code(meta.wire), meta.description];
    }),
  );
}

/** The blocks a setting is a field of (an agency's name is a field of both). */
const blocksListing = (key: SettingKey) => BLOCK_KEYS.filter((block) => fieldsOf(block).includes(key));

/** A setting's name on a surface: a block's field inside each block that holds it (`huaweicloud:assumeRole`.agencyName). */
function nameCell(key: SettingKey, surface: "config" | "plugin" | "terraform", prefix = ""): string {
  const name = metaOf(SETTINGS[key])[surface];
  if (name === undefined) return "";
  const blocks = blocksListing(key);
  if (blocks.length === 0) return code(`${prefix}${name}`);
  const inside = (block: SettingKey) => `${prefix}${metaOf(SETTINGS[block])[surface]}`;
  return blocks
    .map((block) =>
      surface === "terraform" ? code(`${inside(block)}.${name}`) : `\`${inside(block)}\`.${name}`,
    )
    .join(", ");
}

/** The configuration table (docs/installation-configuration.md): every setting, by each surface's name. */
export function settingsTable(): string {
  return table(
    [
      "setting",
      "stack config (TypeScript)",
      "plugin config",
      "Terraform",
      "environment",
      "default",
      "what it does",
    ],
    (Object.keys(SETTINGS) as SettingKey[]).map((key) => {
      const meta = metaOf(SETTINGS[key]);
      const flag = meta.flag ? ` (command line: \`--${meta.flag}\`)` : "";
      return [
        key,
        nameCell(key, "config", "huaweicloud:"),
        nameCell(key, "plugin", "modelarts:"),
        nameCell(key, "terraform"),
        `${(meta.env ?? []).map(code).join(", ")}${flag}`,
        defaultCell(meta),
        `${meta.description}${meta.secret ? " Secret." : ""}`,
      ];
    }),
  );
}

/** The `jobs` command's options from the description, as a list. */
export function commandLineOptions(): string {
  return [...Object.values(ARGUMENT_OPTIONS), ...Object.values(SETTING_OPTIONS)]
    .map((o) => `- \`--${o!.flag}\`${o!.multiple ? " (repeat for several)" : ""}: ${documented(o!.meta)}`)
    .join("\n");
}

/** The plugin's config keys, as a sentence's list. */
export function pluginKeys(): string {
  return Object.entries(CONFIG_PROPERTIES)
    .map(([key, spec]) => `\`modelarts:${key}\`${"secret" in spec && spec.secret ? " (secret)" : ""}`)
    .join(", ");
}

/** Terraform's kind of a type, as its docs say it. */
function kindOf(spec: AttributeSpec): string {
  const type = spec.type;
  if (type === "string") return "String";
  if (type === "number") return "Number";
  if (type === "bool") return "Bool";
  return Array.isArray(type) && type[0] === "map" ? "Map" : "List";
}

/** A block's attributes as terraform-provider-huaweicloud's docs list them. */
export function attributeList(block: BlockSpec, which: "arguments" | "attributes"): string {
  const lines = Object.entries(block.attributes)
    .filter(([, spec]) =>
      which === "arguments" ? spec.optional || spec.required : !spec.optional && !spec.required,
    )
    .map(([name, spec]) => {
      if (which === "attributes") return `- \`${name}\` - ${spec.description}`;
      const flags = [
        spec.required ? "Required" : "Optional",
        kindOf(spec),
        ...(spec.sensitive ? ["Sensitive"] : []),
      ];
      return `- \`${name}\` - (${flags.join(", ")}) ${spec.description}`;
    });
  const blocks = Object.keys(block.blocks ?? {}).map(
    (name) =>
      `- \`${name}\` - (Optional, Block) ${block.blocks![name]!.description} The [${name}](#${name}) block is documented below.`,
  );
  return [...lines, ...blocks].join("\n\n");
}

/** What each treatment of packaging/nodeEnvironment.ts means for a user, in a table cell. */
const TREATMENT_TEXT = {
  neutralised: "ignored: Node.js never reads it",
  unset: "ignored",
  honoured: "honoured, as by any Node.js program",
} as const;

/**
 * docs/executable-environment.md, whole: what the release's executables do with each variable
 * Node.js reads as it starts (packaging/nodeEnvironment.ts).
 */
export function environmentPage(): string {
  const rows = NODE_ENVIRONMENT.map((v) => [code(v.name), TREATMENT_TEXT[v.treatment], v.why]);
  return `<!-- Generated by npm run generate from packaging/nodeEnvironment.ts: edit that file, not this one. -->

# Node.js variables and the release's executables

The release's executables (\`pulumi-resource-modelarts\`, \`terraform-provider-modelarts\`,
\`pulumi-modelarts\`) are Node.js ${NODE_VERSION} with the provider inside, so they would read what
\`node\` reads as it starts. They run only the code they ship: a variable that would load code, write
a file or block before the provider's first line is never read (its name is blanked in the
executable's Node.js binary; the macOS launcher unsets it). The npm package runs under your own
Node.js, which reads them all as usual.

${table(["variable", "the executables", "why"], rows)}

\`NODE_EXTRA_CA_CERTS\` still works: the executable reads the file itself (a regular file of at most
1 MiB; a FIFO or device is refused with a warning on stderr, never waited on) and trusts its
certificates beside the built-in ones, as Node.js would have. Tested by
test/e2e/executableEnvironment.test.ts, each attack first shown to work on plain Node.js.
`;
}
