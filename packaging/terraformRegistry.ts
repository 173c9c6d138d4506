/**
 * What the Terraform Registry and OpenTofu's registry want beside the zips: a manifest naming the
 * plugin protocol, listed in the SHA256SUMS, and a detached GPG signature of those sums when the
 * maintainer gives a key (`RELEASE_GPG_KEY_FILE`, an ASCII-armoured secret key, and
 * `RELEASE_GPG_PASSPHRASE` when it has one). The key is imported into a throwaway GnuPG home, never
 * the maintainer's own keyring, and that home is removed afterwards.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROTOCOL_VERSION } from "../terraform/handshake";

/** The provider's name as Terraform looks for it (`terraform-provider-<type>`). */
export const TERRAFORM_PROVIDER = "terraform-provider-modelarts";

/** `terraform-provider-modelarts_<version>_manifest.json`. */
export function terraformManifestName(version: string): string {
  return `${TERRAFORM_PROVIDER}_${version}_manifest.json`;
}

/** Writes the manifest (`{"version":1,"metadata":{"protocol_versions":["6.0"]}}`); returns its name. */
export function writeTerraformManifest(outDir: string, version: string): string {
  const name = terraformManifestName(version);
  const manifest = { version: 1, metadata: { protocol_versions: [`${PROTOCOL_VERSION}.0`] } };
  writeFileSync(join(outDir, name), JSON.stringify(manifest));
  return name;
}

/**
 * Signs `<sums>` as `<sums>.sig` (binary, detached) with the key in `RELEASE_GPG_KEY_FILE`; does
 * nothing without one. Returns the signature's name, or undefined.
 *
 * @throws Error saying what to do when gpg is missing or refuses the key.
 */
export function signChecksums(outDir: string, sums: string, env: NodeJS.ProcessEnv): string | undefined {
  const keyFile = env.RELEASE_GPG_KEY_FILE;
  if (keyFile === undefined || keyFile === "") return undefined;
  const home = mkdtempSync(join(tmpdir(), "modelarts-gnupg-"));
  const gpg = (args: string[], input = "") =>
    execFileSync("gpg", ["--homedir", home, "--batch", "--yes", ...args], {
      env: { ...process.env, ...env },
      input,
      stdio: ["pipe", "pipe", "pipe"],
    });
  try {
    gpg(["--import", keyFile]);
    // The passphrase on standard input: on the command line, any user could read it in ps.
    gpg(
      [
        ...["--pinentry-mode", "loopback", "--passphrase-fd", "0"],
        ...["--detach-sign", "--output", join(outDir, `${sums}.sig`), join(outDir, sums)],
      ],
      env.RELEASE_GPG_PASSPHRASE ?? "",
    );
    return `${sums}.sig`;
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: Buffer };
    const why = e.code === "ENOENT" ? "gpg is not on PATH" : (e.stderr?.toString().trim() ?? e.message);
    throw new Error(`could not sign ${sums} with RELEASE_GPG_KEY_FILE (${keyFile}): ${why}`);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
