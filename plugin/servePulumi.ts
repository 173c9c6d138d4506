/**
 * The plugin as the Pulumi engine runs it: the `modelarts` provider served over Pulumi's provider
 * protocol by `@pulumi/pulumi/provider`, with the config Configure hands over.
 */
import { main } from "@pulumi/pulumi/provider";
import { captureConfigure } from "./configCapture";
import { engineLogger } from "./engineLog";
import { ModelArtsProvider } from "./modelartsProvider";
import type { ProviderConfig } from "./providerConfig";
import { engineAddressIn } from "./usage";

/** Serves the engine that passed `args` (its address, and flags). */
export function servePulumi(version: string, args: readonly string[]): Promise<void> {
  let config: ProviderConfig = {};
  captureConfigure((received) => {
    config = received;
  });
  const logger = engineLogger(engineAddressIn(args));
  return main(new ModelArtsProvider(version, () => config, process.env, logger), [...args]);
}
