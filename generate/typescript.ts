/**
 * The public argument type's body, from the description: each field with its TSDoc (description and
 * default) and its TypeScript type, so that the hover text in an editor is the text every surface shows.
 */
import { ARGUMENT_KEYS, ARGUMENTS, documented, metaOf } from "../provider/wire/description";

/** The fields of `VisualizationJobsQueryArgs`. */
export function queryArgumentsInterface(): string {
  return ARGUMENT_KEYS.map((key) => {
    const meta = metaOf(ARGUMENTS[key]);
    return `  /** ${documented(meta)} */\n  readonly ${key}?: ${meta.tsType};`;
  }).join("\n");
}
