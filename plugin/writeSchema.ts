/**
 * `npm run plugin:schema`: writes plugin/schema.json, the package schema Pulumi's code generators
 * read (sdkgen/ makes the Go SDK from it). Generated from plugin/schema.ts; never edited by hand.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { packageSchema } from "./schema";

/** The schema as committed: sorted as built, two-space indented, with a final newline. */
export function schemaJson(version: string): string {
  return `${JSON.stringify(packageSchema(version), null, 2)}\n`;
}

if (require.main === module) {
  const root = join(__dirname, "..", "..");
  const { version } = require(join(root, "package.json")) as { version: string };
  writeFileSync(join(root, "plugin", "schema.json"), schemaJson(version));
  process.stdout.write("wrote plugin/schema.json\n");
}
