/**
 * Jest's global set-up: builds the package before any suite runs. Several suites run compiled
 * JavaScript in other processes (the dynamic-provider host loads `pulumi-modelarts/dynamic-provider`,
 * the TLS and CLI tests spawn node, the e2e tests run the examples), so `npx jest` after an edit must
 * compile first, or it would test the code as it was. Incremental: a build with no change takes ~1 s.
 */
const { execFileSync } = require("node:child_process");
const { join } = require("node:path");

module.exports = async () => {
  const root = join(__dirname, "..", "..");
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], {
    cwd: root,
    stdio: "inherit",
  });
};
