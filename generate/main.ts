/**
 * `npm run generate` writes everything derived from the one description (provider/wire/description.ts):
 * plugin/schema.json, the blocks of docs/ between `generated:` markers, the
 * public TypeScript argument type's TSDoc, and docs/executable-environment.md whole (from
 * packaging/nodeEnvironment.ts); and from the vendored tfplugin6.proto, the Terraform
 * protocol's descriptor and message types (protocolTypes.ts). `npm run generate:check` (`--check`) writes nothing
 * and exits 1 naming each file that differs from what it would write. The Go and Python SDKs are
 * made from plugin/schema.json by `npm run plugin:sdk` (sdkgen/, Go): test/e2e/sdkRegeneration.test.ts
 * holds them to it.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { schemaJson } from "../plugin/writeSchema";
import { DATA_SOURCES, PROVIDER_BLOCK, SHOWN_JOB_ATTRIBUTES } from "../terraform/schema";
import {
  argumentsTable,
  attributeList,
  commandLineOptions,
  environmentPage,
  jobFieldsTable,
  pluginKeys,
  settingsTable,
} from "./markdown";
import { protocolFiles } from "./protocolTypes";
import { queryArgumentsInterface } from "./typescript";

const ROOT = join(__dirname, "..", "..");

/** A file's generated blocks, by name. */
type Blocks = Readonly<Record<string, string>>;

/** Where a block starts and ends, in Markdown or TypeScript. */
function markers(file: string, name: string): [string, string] {
  return file.endsWith(".md")
    ? [`<!-- generated: ${name} (npm run generate) -->`, `<!-- end generated: ${name} -->`]
    : [`// generated: ${name} (npm run generate)`, `// end generated: ${name}`];
}

/** The file's text with each block replaced by what the description says. */
function withBlocks(file: string, text: string, blocks: Blocks): string {
  let out = text;
  for (const [name, content] of Object.entries(blocks)) {
    const [start, end] = markers(file, name);
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from < 0 || to < from) throw new Error(`${file} has no "${start}" ... "${end}" block`);
    out = `${out.slice(0, from + start.length)}\n${content}\n${out.slice(to)}`;
  }
  return out;
}

/**
 * Text as Biome writes it (tables aligned, lines wrapped): what the lint holds the file to. A page's
 * front matter is kept as it is, and only what follows is formatted: Biome reads the `---` as a rule,
 * puts a blank line after it and strips a block scalar's indentation, which left the front matter
 * unreadable as YAML (a registry would not render the page). Biome's check skips those pages
 * (biome.json). The Terraform Registry's pages are kept as written: tfplugindocs validates them.
 */
function formatted(file: string, text: string): string {
  if (file.startsWith("docs/terraform/")) return text;
  const frontMatter = /^---\n[\s\S]*?\n---\n\n/.exec(text)?.[0] ?? "";
  const biome = join(ROOT, "node_modules", ".bin", "biome");
  return (
    frontMatter +
    // Under a neutral name when it has front matter: biome.json keeps Biome's check off such a page.
    execFileSync(biome, ["format", `--stdin-file-path=${frontMatter ? "page.md" : file}`], {
      input: text.slice(frontMatter.length),
      cwd: ROOT,
      encoding: "utf8",
    })
  );
}

const DATA_SOURCE_DOCS = "docs/terraform/data-sources";
/** The vendored Terraform protocol, and what is generated from it. */
const PROTOCOL = "terraform/protocol";

/** Every generated block, by file. */
function blocksByFile(): Record<string, Blocks> {
  const jobs = DATA_SOURCES.modelarts_visualization_jobs!;
  const job = DATA_SOURCES.modelarts_visualization_job!;
  const jobAttributes = SHOWN_JOB_ATTRIBUTES.map((a) => `- \`${a.name}\` - ${a.description}`).join("\n\n");
  return {
    "docs/lookup.md": { arguments: argumentsTable(), "job-fields": jobFieldsTable() },
    "docs/installation-configuration.md": { settings: settingsTable() },
    "docs/plugin.md": { "plugin-keys": pluginKeys() },
    "docs/command-line.md": { "command-line-options": commandLineOptions() },
    "docs/terraform/index.md": {
      "provider-arguments": attributeList(PROVIDER_BLOCK, "arguments"),
      "assume-role-arguments": attributeList(PROVIDER_BLOCK.blocks!.assume_role!, "arguments"),
    },
    [`${DATA_SOURCE_DOCS}/modelarts_visualization_jobs.md`]: {
      arguments: attributeList(jobs, "arguments"),
      attributes: attributeList(jobs, "attributes"),
      "job-attributes": jobAttributes,
    },
    [`${DATA_SOURCE_DOCS}/modelarts_visualization_job.md`]: {
      arguments: attributeList(job, "arguments"),
      attributes: attributeList(job, "attributes"),
    },
    "provider/wire/model.ts": { "query-arguments": queryArgumentsInterface() },
  };
}

/** What each generated file should hold. */
function expectedFiles(): Record<string, string> {
  const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
  const protocol = protocolFiles(join(ROOT, PROTOCOL, "tfplugin6.proto"));
  const files: Record<string, string> = {
    "plugin/schema.json": schemaJson(version),
    [`${PROTOCOL}/tfplugin6.json`]: protocol.descriptor,
    [`${PROTOCOL}/tfplugin6.ts`]: formatted(`${PROTOCOL}/tfplugin6.ts`, protocol.types),
    "docs/executable-environment.md": formatted("docs/executable-environment.md", environmentPage()),
  };
  for (const [file, blocks] of Object.entries(blocksByFile())) {
    files[file] = formatted(file, withBlocks(file, readFileSync(join(ROOT, file), "utf8"), blocks));
  }
  return files;
}

/** Writes the generated files, or with `--check` names those that differ; the exit status says which. */
function main(check: boolean): number {
  const stale: string[] = [];
  for (const [file, text] of Object.entries(expectedFiles())) {
    if (existsSync(join(ROOT, file)) && readFileSync(join(ROOT, file), "utf8") === text) continue;
    stale.push(file);
    if (!check) writeFileSync(join(ROOT, file), text);
  }
  if (check && stale.length > 0) {
    process.stderr.write(
      `generate:check: these files differ from what the description makes; run npm run generate and commit them:\n  ${stale.join("\n  ")}\n`,
    );
    return 1;
  }
  process.stdout.write(
    check
      ? "generate:check: every generated file is current\n"
      : `generate: wrote ${stale.length} file(s)${stale.length ? `: ${stale.join(", ")}` : ""}\n`,
  );
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.includes("--check"));
