/**
 * The release's signatures: the checksums are signed with a passphrase-locked key, and the
 * passphrase reaches gpg on its standard input, never on a command line that `ps` shows every user.
 * gpg is run through a wrapper that records the arguments it was given.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { signChecksums } from "../../packaging/terraformRegistry";
import { throwawayKey } from "../support/gpg";

const PASSPHRASE = "correct-horse-battery-staple-7731";

it("signs with a passphrase-locked key, passing the passphrase on standard input, not as an argument", () => {
  const root = mkdtempSync(join(tmpdir(), "modelarts-signing-"));
  try {
    const key = throwawayKey(root, "Locked Key", PASSPHRASE);
    const bin = join(root, "bin");
    const log = join(root, "gpg-arguments.log");
    const realGpg = execFileSync("sh", ["-c", "command -v gpg"], { encoding: "utf8" }).trim();
    execFileSync("mkdir", ["-p", bin]);
    writeFileSync(join(bin, "gpg"), `#!/bin/sh\nprintf '%s\\n' "$*" >> ${log}\nexec ${realGpg} "$@"\n`);
    chmodSync(join(bin, "gpg"), 0o755);
    writeFileSync(join(root, "SHA256SUMS"), "0123  file\n");
    const env = {
      PATH: `${bin}:${process.env.PATH}`,
      RELEASE_GPG_KEY_FILE: key.keyFile,
      RELEASE_GPG_PASSPHRASE: PASSPHRASE,
    };
    expect(signChecksums(root, "SHA256SUMS", env)).toBe("SHA256SUMS.sig");
    const verified = spawnSync(
      "gpg",
      ["--homedir", key.home, "--batch", "--verify", "SHA256SUMS.sig", "SHA256SUMS"],
      {
        cwd: root,
        encoding: "utf8",
      },
    );
    expect(verified.status).toBe(0);
    const calls = readFileSync(log, "utf8");
    expect(calls).toContain("--detach-sign");
    expect(calls).not.toContain(PASSPHRASE);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
