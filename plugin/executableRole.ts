/**
 * What the release's one executable is asked to be, from how it was started: Terraform's provider
 * (Terraform's cookie in the environment), the command line (installed as `pulumi-modelarts`), or
 * the Pulumi plugin (the engine's address among the arguments). A person running the plugin or the
 * provider by hand gets what it is and how to install it, and exit status 2: any stray argument was
 * once taken for an engine's address, and the executable sat silently as a server.
 */
import { win32 } from "node:path";
import { startedByTerraform, TERRAFORM_USAGE } from "../terraform/handshake";
import { engineAddressIn, USAGE } from "./usage";

/** What to do. */
export type Role =
  | { readonly kind: "terraform" }
  | { readonly kind: "commandLine" }
  | { readonly kind: "pulumi"; readonly address: string }
  | { readonly kind: "version" }
  /** Say `text`: on stdout with status 0 when asked for (`--help`), else on stderr with status 2. */
  | { readonly kind: "usage"; readonly text: string; readonly asked: boolean };

/** How the engine writes its address: `127.0.0.1:40123`, `localhost:40123`, `[::1]:40123`. */
const ENGINE_ADDRESS = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):\d{1,5}$/;

/** How the process was started. `executable` is set by the macOS launcher, whose node runs the bundle. */
export interface Start {
  readonly env: NodeJS.ProcessEnv;
  readonly args: readonly string[];
  /** process.execPath and process.argv[1]: the SEA executable, or node and the script or bin link. */
  readonly paths: readonly string[];
}

/** The names the executable was started under (win32's basename splits at both `/` and `\`). */
function namesOf(start: Start): string[] {
  return [start.env.MODELARTS_EXECUTABLE ?? "", ...start.paths].map((path) =>
    win32.basename(path).toLowerCase(),
  );
}

/** What the executable is asked to be. */
export function roleOf(start: Start, version: string): Role {
  if (startedByTerraform(start.env)) return { kind: "terraform" };
  const names = namesOf(start);
  if (names.some((name) => /^pulumi-modelarts(\.exe)?$/.test(name))) return { kind: "commandLine" };
  const { args } = start;
  if (args.includes("--version") || args.includes("-version")) return { kind: "version" };
  const terraformName = names.some((name) => name.startsWith("terraform-provider-"));
  const text = terraformName ? TERRAFORM_USAGE(version) : USAGE(version);
  const asked = args.some((arg) => ["--help", "-help", "-h"].includes(arg));
  const address = engineAddressIn(args);
  if (terraformName || asked || address === undefined || !ENGINE_ADDRESS.test(address)) {
    return { kind: "usage", text, asked };
  }
  return { kind: "pulumi", address };
}
