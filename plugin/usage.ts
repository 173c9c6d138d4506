/**
 * What the plugin says when a person runs it by hand. The engine always passes its own address
 * (`127.0.0.1:<port>`) as an argument, after flags such as `-v=9` or `--tracing <url>`; a run without
 * one is a person, who gets a line saying what this is instead of a gRPC server waiting forever.
 */

/** The one-line usage, naming the version. */
export const USAGE = (version: string): string =>
  `pulumi-resource-modelarts ${version}: the modelarts Pulumi provider plugin. The Pulumi engine starts it; install it with \`pulumi plugin install resource modelarts ${version}\` (see docs/plugin.md, "Installing the plugin").`;

/** Flags of the engine's that take a value in the next argument. */
const FLAGS_WITH_VALUE = new Set(["--tracing"]);

/** The engine's address among the arguments, as every start by the engine passes it; undefined when run by hand. */
export function engineAddressIn(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (FLAGS_WITH_VALUE.has(arg)) i++;
    else if (!arg.startsWith("-")) return arg;
  }
  return undefined;
}
