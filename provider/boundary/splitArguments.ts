/**
 * Arguments that take one value or a list, as the plugin and Terraform split them: the value
 * (`status`) and a list of its own (`statuses`), whose union is the argument. Both surfaces join
 * the two the same way, and name a bad element where it was written (`statuses[1]`).
 */
import { ARGUMENT_KEYS, ARGUMENTS, metaOf } from "../wire/description";
import type { ArgumentKey } from "../wire/entryKeys.generated";

/** Each split argument, and its list's name in the plugin's schema. */
export const SPLIT_ARGUMENTS: ReadonlyArray<{ readonly key: ArgumentKey; readonly list: string }> =
  ARGUMENT_KEYS.flatMap((key) => {
    const list = metaOf(ARGUMENTS[key]).list;
    return list === undefined ? [] : [{ key, list: list.name }];
  });

/**
 * The value then the list, as one list (the argument checks it as any list: each element, no
 * repeats); undefined when neither is given. A list that is not a list stays itself, to be refused
 * by the argument's check rather than silently dropped.
 */
export function joinedList(single: unknown, list: unknown): unknown[] | undefined {
  const given = (value: unknown) => value !== undefined && value !== null;
  if (!given(single) && !given(list)) return undefined;
  return [...(given(single) ? [single] : []), ...(Array.isArray(list) ? list : given(list) ? [list] : [])];
}

/**
 * Where element `index` of a joined list was written: the single value (the joined list's first
 * element, when one was given), or the list's element. Without an index (the whole list was
 * refused: empty, too long), the single value when there is one, else the list.
 */
export function writtenAt(
  index: number | undefined,
  hasSingle: boolean,
): { readonly inList: false } | { readonly inList: true; readonly index?: number } {
  if (index === undefined) return hasSingle ? { inList: false } : { inList: true };
  if (hasSingle && index === 0) return { inList: false };
  return { inList: true, index: index - (hasSingle ? 1 : 0) };
}
