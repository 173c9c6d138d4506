/**
 * The package installed with pnpm, whose layout is strict: a package sees only what it declares.
 * Installed from the packed tarball, without the @pulumi/pulumi peer, the npm bin serves Terraform
 * (its handshake line) and the command line answers: every module they load at run time is a
 * declared dependency, none reached through another package's hoisting.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from "../../terraform/handshake";

jest.setTimeout(300_000);

const REPO = join(__dirname, "../..");
/** pnpm from the npm registry, pinned: version 10 runs on every Node.js this package supports. */
const PNPM = "pnpm@10.33.0";
const { version } = require("../../package.json") as { version: string };

let project: string;
beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), "modelarts-pnpm-"));
  // Built by Jest's global set-up; the lifecycle scripts would rebuild it in the middle of the run.
  const [pack] = JSON.parse(
    execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", project], {
      cwd: REPO,
      encoding: "utf8",
    }),
  );
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "tf-user", version: "1.0.0", private: true }),
  );
  execFileSync(
    "npx",
    [
      "-y",
      PNPM,
      "add",
      `./${pack.filename}`,
      "--config.auto-install-peers=false",
      "--config.strict-peer-dependencies=false",
    ],
    { cwd: project, stdio: ["ignore", "ignore", "inherit"] },
  );
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

it("the npm bin serves Terraform from pnpm's strict layout, with no @pulumi/pulumi installed", async () => {
  const bin = join(project, "node_modules", ".bin", "pulumi-resource-modelarts");
  const provider = spawn(bin, [], {
    env: { PATH: process.env.PATH, [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: "6" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      let out = "";
      let err = "";
      provider.stderr.on("data", (chunk: Buffer) => {
        err += chunk.toString();
      });
      provider.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes("\n")) resolve(out);
      });
      provider.once("exit", (code) => reject(new Error(`the provider exited (${code}): ${err}`)));
    });
    expect(line).toMatch(/^1\|6\|tcp\|127\.0\.0\.1:\d+\|grpc/);
  } finally {
    provider.kill("SIGKILL");
  }
});

it("the command line answers from the same install", () => {
  const bin = join(project, "node_modules", ".bin", "pulumi-modelarts");
  expect(execFileSync(bin, ["--version"], { encoding: "utf8" })).toBe(`${version}\n`);
});
