/**
 * Every Markdown page under docs/ that opens with front matter has front matter a registry can read:
 * YAML, parsed as such. The Terraform Registry's pages carry `page_title`, `subcategory` and
 * `description` (and a data source's page `subcategory`) and no `layout`: tfplugindocs refuses that
 * key of the old provider websites, and a subcategory on the provider's own page. The Pulumi
 * Registry's two pages (docs/_index.md, docs/installation-configuration.md) carry `title`, `meta_desc`
 * and `layout: package`, as the Registry's package docs do.
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "yaml";
import { docsPages } from "../support/docsPages";

const REPO = join(__dirname, "../..");
const DOCS = join(REPO, "docs");

/** A page's front matter text, or undefined when it has none. */
function frontMatterOf(text: string): string | undefined {
  return /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1];
}

const pages = docsPages().map(
  (path) => [relative(DOCS, join(REPO, path)), readFileSync(join(REPO, path), "utf8")] as const,
);

it.each(pages.filter(([, text]) => text.startsWith("---")))(
  "%s has front matter that parses as YAML",
  (_, text) => {
    const yaml = frontMatterOf(text);
    expect(yaml).toBeDefined();
    const parsed = parse(yaml!) as Record<string, unknown>;
    expect(typeof parsed).toBe("object");
  },
);

it.each(pages.filter(([path]) => path.startsWith("terraform/")))(
  "the Terraform Registry page %s has its front matter, and no layout key",
  (path, text) => {
    const parsed = parse(frontMatterOf(text) ?? "") as Record<string, unknown>;
    const keys = path.endsWith("index.md")
      ? ["description", "page_title"]
      : ["description", "page_title", "subcategory"];
    expect(Object.keys(parsed).sort()).toEqual(keys);
    expect(String(parsed.description)).not.toBe("");
  },
);

it.each(["_index.md", "installation-configuration.md"])(
  "the Pulumi Registry page %s has the Registry's front matter: title, meta_desc and layout: package",
  (path) => {
    const text = pages.find(([page]) => page === path)?.[1] ?? "";
    const parsed = parse(frontMatterOf(text) ?? "") as Record<string, unknown>;
    expect(Object.keys(parsed).sort()).toEqual(["layout", "meta_desc", "title"]);
    expect(parsed.layout).toBe("package");
    expect(String(parsed.title)).not.toBe("");
    expect(String(parsed.meta_desc).length).toBeLessThanOrEqual(160);
  },
);
