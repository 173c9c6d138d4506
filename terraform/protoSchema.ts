/**
 * The schema tables (schema.ts) as tfplugin6's `Schema` messages: attribute types as the JSON bytes
 * Terraform parses, nested blocks with SINGLE nesting (one `assume_role_with_oidc { ... }` at most) or,
 * for a repeated one, LIST nesting (`assume_role` blocks, in order: an agency chain).
 */
import { type Schema, type SchemaBlock, SchemaNestedBlockNestingMode } from "./protocol/tfplugin6";
import type { BlockSpec } from "./schema";

function protoBlock(block: BlockSpec): SchemaBlock {
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
      nesting: nested.list ? SchemaNestedBlockNestingMode.LIST : SchemaNestedBlockNestingMode.SINGLE,
    })),
  };
}

/** A block as a top-level Schema message. */
export function protoSchema(block: BlockSpec): Schema {
  return { version: 0, block: protoBlock(block) };
}
