/**
 * Which arguments a program gave as secrets (`pulumi.secret("name")`), so that no message echoes
 * their values: the Output forms register them before the lookup runs, and VisualizationJobsLookup
 * passes their names to its provider, which receives the values already unwrapped.
 */
import * as pulumi from "@pulumi/pulumi";

/** Whether an Input is a secret Output, or a list holding one. */
function isSecretInput(value: unknown): Promise<boolean> {
  if (Array.isArray(value)) return Promise.all(value.map(isSecretInput)).then((flags) => flags.some(Boolean));
  return pulumi.Output.isInstance(value) ? pulumi.isSecret(value) : Promise.resolve(false);
}

/** The names of the arguments given as secrets. */
export function secretFields(args: object | undefined): pulumi.Output<string[]> {
  const entries = Object.entries(args ?? {});
  return pulumi
    .all(entries.map(([field, value]) => pulumi.output(isSecretInput(value)).apply((s) => (s ? field : ""))))
    .apply((fields) => fields.filter((f) => f !== ""));
}
