/**
 * The README.md each release archive carries: what the file is, the commands that use it, and where
 * the documentation is. Short on purpose: the repository's README is over 100 KB, and an archive
 * needs only enough to get its file into use.
 */
import { executableSuffix, type Platform, platformName } from "./platforms";

/** Which of the three archives of a platform. */
export type ArchiveKind = "plugin" | "terraform" | "commandLine";

const REPOSITORY = "https://github.com/pulumi-modelarts/pulumi-modelarts";

/** The archive's README text for `kind`, at `version`, for `platform`. */
export function archiveReadme(kind: ArchiveKind, version: string, platform: Platform): string {
  const exe = executableSuffix(platform);
  const name = platformName(platform);
  const [os, arch] = name.split("-") as [string, string];
  const zipPlatform = `${os}_${arch}`;
  const sections: Record<ArchiveKind, string> = {
    plugin: `# pulumi-resource-modelarts ${version} (${name})

The \`modelarts\` Pulumi provider plugin: it looks up Huawei Cloud ModelArts visualization jobs
(TensorBoard / MindInsight) for Pulumi programs in YAML, Go and Python. It needs no Node.js.

Install it from this file, then check the engine sees it:

    pulumi plugin install resource modelarts ${version} --file pulumi-resource-modelarts-v${version}-${name}.tar.gz
    pulumi plugin ls
`,
    terraform: `# terraform-provider-modelarts ${version} (${zipPlatform})

The \`pulumi-modelarts/modelarts\` provider for Terraform 1.0+ and OpenTofu: the data sources
\`modelarts_visualization_jobs\` and \`modelarts_visualization_job\`. It needs no Node.js.

Put this zip, unopened, in a filesystem mirror (OpenTofu's address shown; Terraform's is
registry.terraform.io/pulumi-modelarts/modelarts), then initialise a configuration that requires
\`source = "pulumi-modelarts/modelarts"\`:

    mkdir -p ~/.terraform.d/plugins/registry.opentofu.org/pulumi-modelarts/modelarts
    cp terraform-provider-modelarts_${version}_${zipPlatform}.zip ~/.terraform.d/plugins/registry.opentofu.org/pulumi-modelarts/modelarts/
    tofu init
`,
    commandLine: `# pulumi-modelarts ${version} (${name})

The \`pulumi-modelarts\` command line: \`jobs\` lists ModelArts visualization jobs with the same
settings as every other surface (\`HW_REGION_NAME\`, \`HW_ACCESS_KEY\`, ...), and \`emulator\` runs a
local ModelArts API for trying it without a cloud account. It needs no Node.js.

    ./pulumi-modelarts${exe} --help
    ./pulumi-modelarts${exe} emulator
    ./pulumi-modelarts${exe} jobs --status RUNNING
`,
  };
  return `${sections[kind]}
Documentation, the other platforms and the source: ${REPOSITORY}
(docs/ for Terraform: docs/terraform/index.md). Licensed under Apache-2.0 (LICENSE).
`;
}
