/**
 * `npm run plugin:pack`: writes `pulumi-resource-modelarts-v<version>-linux-amd64.tar.gz`, the
 * plugin as `pulumi plugin install resource modelarts <version> --file <tarball>` installs it: the
 * executable `pulumi-resource-modelarts` at the root, beside the package as npm packs it and its
 * production dependencies (@pulumi/pulumi included, as the plugin's runtime). Needs Node.js on the
 * machine that runs the plugin. Expects a fresh build (the npm script builds first).
 */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The launcher at the tarball's root: the engine runs it. */
const LAUNCHER = `#!/bin/sh
# The modelarts provider plugin: the package beside this file, run by the Node.js on PATH.
exec node "$(dirname "$0")/dist/plugin/main.js" "$@"
`;

/** Packs the plugin of the repository at `repo` into `outDir`; returns the tarball's path. */
export function packPlugin(repo: string, outDir: string): string {
  const { version } = require(join(repo, "package.json")) as { version: string };
  const staging = mkdtempSync(join(tmpdir(), "modelarts-plugin-pack-"));
  try {
    const run = (command: string, args: string[], cwd: string) =>
      execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    const [packed] = JSON.parse(
      run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", staging], repo),
    ) as Array<{ filename: string }>;
    run("tar", ["-xzf", packed!.filename, "--strip-components=1"], staging);
    rmSync(join(staging, packed!.filename));
    // The plugin runs @pulumi/pulumi's provider server: the peer the package leaves to programs is
    // the plugin's own dependency here, at the version this repository builds with.
    const pulumiPackage = require.resolve("@pulumi/pulumi/package.json", { paths: [repo] });
    const pulumiVersion = (require(pulumiPackage) as { version: string }).version;
    const manifest = JSON.parse(readFileSync(join(staging, "package.json"), "utf8"));
    delete manifest.devDependencies; // it names @pulumi/pulumi too, which --omit=dev would then drop
    delete manifest.scripts;
    manifest.dependencies = { ...manifest.dependencies, "@pulumi/pulumi": pulumiVersion };
    writeFileSync(join(staging, "package.json"), JSON.stringify(manifest, null, 2));
    run("npm", ["install", "--omit=dev", "--no-audit", "--no-fund", "--no-package-lock"], staging);
    writeFileSync(join(staging, "pulumi-resource-modelarts"), LAUNCHER);
    chmodSync(join(staging, "pulumi-resource-modelarts"), 0o755);
    const tarball = join(outDir, `pulumi-resource-modelarts-v${version}-linux-amd64.tar.gz`);
    run("tar", ["-czf", tarball, "-C", staging, "."], staging);
    return tarball;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const repo = join(__dirname, "..", "..");
  process.stdout.write(`wrote ${packPlugin(repo, repo)}\n`);
}
