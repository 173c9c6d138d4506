#!/usr/bin/env node
/**
 * The provider's one executable: `pulumi-resource-modelarts` when the Pulumi engine starts it (its
 * address among the arguments), and `terraform-provider-modelarts` when Terraform or OpenTofu does
 * (TF_PLUGIN_MAGIC_COOKIE set). The same entry point is the npm package's bin and, bundled, the
 * release's standalone executable. Each server is loaded only when chosen, so that neither pays for
 * loading the other.
 */
import { basename } from "node:path";
import { startedByTerraform, TERRAFORM_USAGE } from "../terraform/handshake";
import { engineAddressIn, USAGE } from "./usage";

const { version } = require("pulumi-modelarts/package.json") as { version: string };
const args = process.argv.slice(2);
/** Whether this executable is installed under Terraform's name (a person running it gets Terraform's usage). */
const terraformName = [process.execPath, process.argv[1] ?? ""].some((path) =>
  basename(path).startsWith("terraform-provider-"),
);

if (startedByTerraform(process.env)) {
  void import("../terraform/server").then(({ serveTerraform }) => serveTerraform());
} else if (terraformName || engineAddressIn(args) === undefined) {
  process.stderr.write(`${terraformName ? TERRAFORM_USAGE(version) : USAGE(version)}\n`);
  process.exit(1);
} else {
  void import("./servePulumi").then(({ servePulumi }) => servePulumi(version, args));
}
