#!/usr/bin/env node
/**
 * The release's one executable, and the npm package's `pulumi-resource-modelarts` bin: the Pulumi
 * plugin when the engine starts it (its address among the arguments), the Terraform provider when
 * Terraform or OpenTofu does (TF_PLUGIN_MAGIC_COOKIE set), and the command line (`jobs`,
 * `emulator`) when installed as `pulumi-modelarts` (executableRole.ts). Each part is loaded only when
 * chosen, so that none pays for loading the others.
 */
// A named import, so that the release's bundle holds the version and not the whole package.json.
import { version } from "pulumi-modelarts/package.json";
import { roleOf } from "./executableRole";
import { adoptExtraCaCertificates } from "./extraCaCertificates";

adoptExtraCaCertificates(process.env, (line) => process.stderr.write(`${line}\n`));
const args = process.argv.slice(2);
const role = roleOf({ env: process.env, args, paths: [process.execPath, process.argv[1] ?? ""] }, version);

switch (role.kind) {
  case "terraform":
    void import("../terraform/server").then(({ serveTerraform }) => serveTerraform());
    break;
  case "commandLine":
    void import("../cli/commandLine").then(({ runCommandLine }) => runCommandLine(args));
    break;
  case "pulumi":
    void import("./servePulumi").then(({ servePulumi }) => servePulumi(version, args));
    break;
  case "version":
    process.stdout.write(`${version}\n`);
    break;
  case "usage":
    (role.asked ? process.stdout : process.stderr).write(`${role.text}\n`);
    process.exitCode = role.asked ? 0 : 2;
}
