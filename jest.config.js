/**
 * Three projects, each runnable alone (`npm run test:unit`, `test:integration`, `test:e2e`):
 * unit (pure logic and contract tests with an injected MockAgent: no socket), integration (the
 * emulator over real sockets, the real dynamic-provider host, and the reliability suites), e2e (the
 * real Pulumi engine). ts-jest runs the TypeScript without type-checking it (`npm run typecheck`
 * does that once, faster); the package is built first, since some suites run it in child processes.
 */
const { availableParallelism } = require("node:os");

const common = {
  testEnvironment: "node",
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { diagnostics: false }] },
};

module.exports = {
  // A run-wide option: a project's own testTimeout is ignored. The e2e tests set longer ones.
  testTimeout: 30000,
  // Jest's default is one worker fewer than the cores: one, on a 2-core CI machine. The end-to-end
  // suites spend part of their time waiting on other processes (the engine, go, pip, tofu), so a
  // second worker there shortens the run (CONTRIBUTING, "How long the tests take").
  maxWorkers: Math.max(2, availableParallelism() - 1),
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
