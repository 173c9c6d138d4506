/**
 * `npm run terraform:protocol`: writes `tfplugin6.json`, protobufjs's JSON form of the vendored
 * `tfplugin6.proto`, which the provider loads with `protobufjs/light` (no .proto parser in the
 * bundle, no file to find beside the executable). test/unit/terraform/protocol.test.ts checks that
 * the committed file is what this writes.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadSync } from "protobufjs";

/** The JSON descriptor of the proto file at `protoPath`, as written to disk. */
export function protocolDescriptor(protoPath: string): string {
  return `${JSON.stringify(loadSync(protoPath).toJSON(), null, 1)}\n`;
}

if (require.main === module) {
  const source = join(__dirname, "..", "..", "..", "terraform", "protocol");
  writeFileSync(join(source, "tfplugin6.json"), protocolDescriptor(join(source, "tfplugin6.proto")));
}
