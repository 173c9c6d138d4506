/**
 * plugin/schema.json as committed: the package schema Pulumi's code generators read (sdkgen/ makes
 * the Go and Python SDKs from it). Written by `npm run generate` from plugin/schema.ts; never
 * edited by hand.
 */
import { packageSchema } from "./schema";

/** The schema as committed: sorted as built, two-space indented, with a final newline. */
export function schemaJson(version: string): string {
  return `${JSON.stringify(packageSchema(version), null, 2)}\n`;
}
