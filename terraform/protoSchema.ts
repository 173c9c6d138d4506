/**
 * The schema tables (schema.ts) as tfplugin6's `Schema` messages: attribute types as the JSON bytes
 * Terraform parses, nested blocks with SINGLE nesting (one `assume_role { ... }` at most).
 */
import type { Message } from "./protocol";
import type { BlockSpec } from "./schema";

/** tfplugin6's Schema.NestedBlock.NestingMode.SINGLE. */
const NESTING_SINGLE = 1;

function protoBlock(block: BlockSpec): Message {
  return {
    version: 0,
    description: block.description,
    attributes: Object.entries(block.attributes).map(([name, spec]) => ({
      name,
      type: Buffer.from(JSON.stringify(spec.type)),
      description: spec.description,
      required: spec.required ?? false,
      optional: spec.optional ?? false,
      computed: spec.computed ?? false,
      sensitive: spec.sensitive ?? false,
    })),
    blockTypes: Object.entries(block.blocks ?? {}).map(([typeName, nested]) => ({
      typeName,
      block: protoBlock(nested),
      nesting: NESTING_SINGLE,
    })),
  };
}

/** A block as a top-level Schema message. */
export function protoSchema(block: BlockSpec): Message {
  return { version: 0, block: protoBlock(block) };
}
