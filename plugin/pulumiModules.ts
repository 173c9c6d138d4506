/**
 * Modules of the @pulumi/pulumi that serves the plugin (its grpc-js, its generated protobuf classes):
 * the plugin must use the very copies the provider server uses, whether it runs from the npm package
 * (the program's own @pulumi/pulumi, a peer dependency) or as the release's one bundle.
 */
import { dirname } from "node:path";
import { isStandalone } from "./standalone";

/**
 * A module of @pulumi/pulumi's own dependencies, as its provider server loads it. In the bundle,
 * `bundled` (a literal require, which esbuild resolves) gives the bundle's one copy.
 */
export function fromPulumi<T>(id: string, bundled: () => unknown): T {
  // The executable is one bundle holding one copy of grpc-js.
  if (isStandalone()) return bundled() as T;
  // From the npm package, @pulumi/pulumi is the program's own copy: take what it resolves.
  const pulumiDir = dirname(require.resolve("@pulumi/pulumi/package.json"));
  return require(require.resolve(id, { paths: [pulumiDir] })) as T;
}
