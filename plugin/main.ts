#!/usr/bin/env node
/**
 * `pulumi-resource-modelarts`: the `modelarts` provider plugin, as the Pulumi engine launches it. It
 * serves the provider protocol over gRPC (printing its port) until the engine ends it. The same
 * entry point is the npm package's bin and, bundled, the release's standalone executable.
 */
import { main } from "@pulumi/pulumi/provider";
import { captureConfigure, type ProviderConfig } from "./configCapture";
import { ModelArtsProvider } from "./modelartsProvider";
import { startedByEngine, USAGE } from "./usage";

const { version } = require("pulumi-modelarts/package.json") as { version: string };
const args = process.argv.slice(2);
if (!startedByEngine(args)) {
  process.stderr.write(`${USAGE(version)}\n`);
  process.exit(1);
}
let config: ProviderConfig = {};
captureConfigure((received) => {
  config = received;
});
main(new ModelArtsProvider(version, () => config), args);
