/** A throwaway GPG signing key, in its own GnuPG home, as the release tests sign with. */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The key: its armoured secret key's file, its GnuPG home, its long id and its armoured public key. */
export interface ThrowawayKey {
  readonly keyFile: string;
  readonly home: string;
  readonly keyId: string;
  readonly publicKey: string;
}

/** Makes a key named `name` under `root` (its home is `root/gnupg-<name>`), locked by `passphrase`. */
export function throwawayKey(root: string, name = "Release Test", passphrase = ""): ThrowawayKey {
  const home = join(root, `gnupg-${name.replace(/\W+/g, "-")}`);
  mkdirSync(home, { mode: 0o700 });
  const gpg = (...args: string[]) =>
    execFileSync("gpg", ["--homedir", home, "--batch", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  gpg(
    "--pinentry-mode",
    "loopback",
    "--passphrase",
    passphrase,
    "--quick-gen-key",
    `${name} <release-test@example.invalid>`,
    "default",
    "default",
    "never",
  );
  const keyFile = join(home, "secret-key.asc");
  writeFileSync(
    keyFile,
    gpg("--pinentry-mode", "loopback", "--passphrase", passphrase, "--armor", "--export-secret-keys"),
  );
  const listing = gpg("--with-colons", "--list-keys").toString();
  const keyId = /^pub:[^:]*:[^:]*:[^:]*:([0-9A-F]{16}):/m.exec(listing)![1]!;
  return { keyFile, home, keyId, publicKey: gpg("--armor", "--export").toString() };
}
