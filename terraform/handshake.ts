/**
 * go-plugin's handshake, as Terraform and OpenTofu speak it (hashicorp/go-plugin,
 * docs/guide-plugin-write-non-go.md): the magic cookie that says Terraform started this process, the
 * protocol versions it offers, and the one stdout line that tells it where to connect.
 */

/** The variable Terraform sets, and the value it must have. */
export const MAGIC_COOKIE_KEY = "TF_PLUGIN_MAGIC_COOKIE";
export const MAGIC_COOKIE_VALUE = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";

/** The one plugin protocol served: 6 (Terraform 1.0 and later, every OpenTofu). */
export const PROTOCOL_VERSION = 6;

/** go-plugin's own handshake version, the line's first field. */
const CORE_PROTOCOL_VERSION = 1;

/** Whether this process was started as a Terraform provider (the cookie is set, right or wrong). */
export function startedByTerraform(env: NodeJS.ProcessEnv): boolean {
  return env[MAGIC_COOKIE_KEY] !== undefined;
}

/** Why this process cannot serve the Terraform that started it; undefined when it can. */
export function handshakeProblem(env: NodeJS.ProcessEnv): string | undefined {
  if (env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
    return `${MAGIC_COOKIE_KEY} does not hold Terraform's value: this provider is started by Terraform or OpenTofu, not by hand.`;
  }
  const offered = env.PLUGIN_PROTOCOL_VERSIONS;
  if (offered !== undefined && offered.trim() !== "") {
    const versions = offered.split(",").map((v) => v.trim());
    if (!versions.includes(String(PROTOCOL_VERSION))) {
      return `this provider speaks plugin protocol ${PROTOCOL_VERSION} (Terraform 1.0 or later, or OpenTofu); this Terraform offers ${versions.join(", ")}. Upgrade Terraform.`;
    }
  }
  return undefined;
}

/**
 * The handshake line: `1|6|tcp|127.0.0.1:<port>|grpc`, then, with AutoMTLS, the server certificate's
 * DER in base64 without padding (go-plugin decodes it with RawStdEncoding).
 */
export function handshakeLine(port: number, certificateDer?: Buffer): string {
  const fields = [CORE_PROTOCOL_VERSION, PROTOCOL_VERSION, "tcp", `127.0.0.1:${port}`, "grpc"];
  if (certificateDer !== undefined) fields.push(certificateDer.toString("base64").replace(/=+$/, ""));
  return fields.join("|");
}

/** What the provider says when a person runs it by hand. */
export const TERRAFORM_USAGE = (version: string): string =>
  `terraform-provider-modelarts ${version}: the modelarts provider for Terraform and OpenTofu. Terraform starts it; declare it with required_providers { modelarts = { source = "pulumi-modelarts/modelarts" } } (its reference: https://github.com/pulumi-modelarts/pulumi-modelarts/blob/main/docs/terraform/index.md).`;
