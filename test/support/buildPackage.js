/**
 * Jest's global set-up: builds the package before any suite runs. Several suites run compiled
 * JavaScript in other processes (the dynamic-provider host loads `pulumi-modelarts/dynamic-provider`,
 * the TLS and CLI tests spawn node, the e2e tests run the examples), so `npx jest` after an edit must
 * compile first, or it would test the code as it was. Incremental: a build with no change takes ~1 s.
 *
 * When end-to-end tests will run, it also builds the release (`npm run release`'s own code) for this
 * machine's platform, once, before the suites: they run in parallel, and each building it itself
 * would write the same files at once. The other platforms' executables are built by the release test
 * itself, which checks them from their headers. A platform whose inputs did not change is kept, so
 * this costs seconds after the first time; the first takes about 20 s.
 */
const { execFileSync } = require("node:child_process");
const { join } = require("node:path");

/** Whether this run includes the e2e project: by `--selectProjects`, then by the paths given. */
function runsEndToEnd(globalConfig) {
  const args = process.argv;
  const at = args.indexOf("--selectProjects");
  if (at >= 0) {
    // The project names follow the option, up to the next option.
    const end = args.findIndex((arg, i) => i > at && arg.startsWith("-"));
    if (!args.slice(at + 1, end < 0 ? undefined : end).includes("e2e")) return false;
  }
  const patterns = globalConfig.testPathPatterns?.patterns ?? [];
  return patterns.length === 0 || patterns.some((p) => /e2e/.test(p));
}

module.exports = async (globalConfig) => {
  const root = join(__dirname, "..", "..");
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], {
    cwd: root,
    stdio: "inherit",
  });
  if (runsEndToEnd(globalConfig)) {
    const { buildingPlatform, platformName } = require(join(root, "dist", "packaging", "platforms.js"));
    const host = platformName(buildingPlatform());
    process.stderr.write(`building the ${host} release for the end-to-end tests (kept when unchanged)...\n`);
    execFileSync(process.execPath, [join(root, "dist", "packaging", "release.js"), "--platform", host], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
};
