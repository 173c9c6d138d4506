/**
 * Three projects, each runnable alone (`npm run test:unit`, `test:integration`, `test:e2e`):
 * unit (pure logic and contract tests with an injected MockAgent: no socket), integration (the
 * emulator over real sockets, the real dynamic-provider host, and the reliability suites), e2e (the
 * real Pulumi engine). ts-jest runs the TypeScript without type-checking it (`npm run typecheck`
 * does that once, faster); the package is built first, since some suites run it in child processes.
 */
const common = {
  testEnvironment: "node",
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { diagnostics: false }] },
};

module.exports = {
  // A run-wide option: a project's own testTimeout is ignored. The e2e tests set longer ones.
  testTimeout: 30000,
  globalSetup: "<rootDir>/test/support/buildPackage.js",
  reporters: ["default", "<rootDir>/test/support/summaryReporter.js"],
  projects: [
    { ...common, displayName: "unit", roots: ["<rootDir>/test/unit"] },
    {
      ...common,
      displayName: "integration",
      roots: ["<rootDir>/test/integration", "<rootDir>/test/reliability"],
    },
    { ...common, displayName: "e2e", roots: ["<rootDir>/test/e2e"] },
  ],
};
