/**
 * The release's page of the provider network mirror protocol (OpenTofu and Terraform docs, "Provider
 * Network Mirror Protocol"): `terraform-provider-modelarts_<version>_mirror.json`, which a mirror
 * serves as `<host>/pulumi-modelarts/modelarts/<version>.json` beside the zips. Each archive's URL is
 * relative (the zip sits beside the page), and its `zh:` hash is the zip's SHA-256, which the CLI
 * checks the download against and records in the lock file.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { sha256File } from "./archives";
import { TERRAFORM_PROVIDER } from "./terraformRegistry";

/** `terraform-provider-modelarts_<version>_mirror.json`. */
export function terraformMirrorName(version: string): string {
  return `${TERRAFORM_PROVIDER}_${version}_mirror.json`;
}

/**
 * Writes the mirror page for the zips in `outDir` (`<provider>_<version>_<os>_<arch>.zip`), in name
 * order; returns its name.
 */
export function writeTerraformMirror(outDir: string, version: string, zips: readonly string[]): string {
  const prefix = `${TERRAFORM_PROVIDER}_${version}_`;
  const archives = Object.fromEntries(
    [...zips]
      .sort()
      .map((zip) => [
        zip.slice(prefix.length, -".zip".length),
        { url: zip, hashes: [`zh:${sha256File(join(outDir, zip))}`] },
      ]),
  );
  const name = terraformMirrorName(version);
  writeFileSync(join(outDir, name), `${JSON.stringify({ archives }, null, 2)}\n`);
  return name;
}
