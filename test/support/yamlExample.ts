/**
 * The YAML example (examples/yaml-tensorboard-urls) as the end-to-end tests run it: copied into a
 * test's folder, its Pulumi.yaml pointing at this repository's build of the plugin instead of the
 * installed one the example takes.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const REPO = join(__dirname, "../..");

/** This repository's build of the plugin. */
export const PLUGIN_DIR = join(REPO, "plugin", "bin");

/** Copies the YAML example under `root`, taking the repository's plugin; resolves to its folder. */
export function yamlExampleWithRepoPlugin(root: string): string {
  const project = join(root, "yaml-tensorboard-urls");
  cpSync(join(REPO, "examples", "yaml-tensorboard-urls"), project, { recursive: true });
  const manifest = readFileSync(join(project, "Pulumi.yaml"), "utf8");
  // The example names no plugin path: it takes the installed plugin, as a user's project does.
  expect(manifest).not.toContain("plugins:");
  const plugins = `plugins:\n  providers:\n    - name: modelarts\n      path: ${PLUGIN_DIR}\n`;
  writeFileSync(join(project, "Pulumi.yaml"), manifest.replace(/^(runtime: yaml\n)/m, `$1${plugins}`));
  return project;
}
