#!/usr/bin/env node
/**
 * `pulumi-resource-modelarts`: the `modelarts` provider plugin, as the Pulumi engine launches it. It
 * serves the provider protocol over gRPC (printing its port) until the engine ends it.
 */
import { main } from "@pulumi/pulumi/provider";
import { captureConfigure, type ProviderConfig } from "./configCapture";
import { ModelArtsProvider } from "./modelartsProvider";

let config: ProviderConfig = {};
captureConfigure((received) => {
  config = received;
});
const { version } = require("pulumi-modelarts/package.json") as { version: string };
main(new ModelArtsProvider(version, () => config), process.argv.slice(2));
