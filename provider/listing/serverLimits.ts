/**
 * Limits a server enforces that its documentation states differently (docs/api-notes.md): the list
 * page allows `per_page` up to 1000 and `search_content` up to 64 characters, Huawei's SDK reference
 * says 1..100 for `per_page`, and the server's own message says `[0,100]` for `search_content`. A
 * server that refuses a page size is remembered, per endpoint, for the life of the process.
 */
import { BoundedMap } from "../support/boundedMap";
import { ModelArtsApiError } from "../support/errors";
import { DOCUMENTED_SEARCH_CONTENT } from "../wire/model";

/** Page sizes that endpoints accept, learnt from their refusals. */
const pageSizeLimits = new BoundedMap<string, number>(64);

/** HTTP 400 ModelArts.0104: the server refused a parameter. */
function isParameterRefusal(error: unknown): error is ModelArtsApiError {
  return ModelArtsApiError.isInstance(error) && error.status === 400 && error.errorCode === "ModelArts.0104";
}

/** Text compared without case, spaces, `_` or `-`: servers write "search content", "search_content", "searchContent". */
function squeezed(text: string): string {
  return text.toLowerCase().replace(/[\s_-]/g, "");
}

/** A refusal whose message names the parameter, however it spells it. */
function refuses(error: unknown, parameter: string): error is ModelArtsApiError {
  return isParameterRefusal(error) && squeezed(error.errorMessage ?? "").includes(squeezed(parameter));
}

/** Whether the server refused the `per_page` asked for. */
export function refusesPageSize(error: unknown): error is ModelArtsApiError {
  return refuses(error, "per_page");
}

/**
 * Whether the server refused the `search_content` sent: its message names it, or it names no
 * parameter at all while the search is longer than the documented 64 characters.
 */
export function refusesSearchContent(
  error: unknown,
  searchContent: string | undefined,
): error is ModelArtsApiError {
  if (refuses(error, "search_content")) return true;
  return (
    isParameterRefusal(error) &&
    (searchContent?.length ?? 0) > DOCUMENTED_SEARCH_CONTENT &&
    !refuses(error, "per_page")
  );
}

/** The page size to ask `endpoint` for: `asked`, or less when the endpoint refused more before. */
export function pageSizeFor(endpoint: string, asked: number): number {
  return Math.min(asked, pageSizeLimits.get(endpoint) ?? asked);
}

/** Remembers that `endpoint` takes pages of at most `limit` jobs. */
export function rememberPageSizeLimit(endpoint: string, limit: number): void {
  pageSizeLimits.set(endpoint, limit);
}

/** Forgets every limit learnt. */
export function forgetServerLimits(): void {
  pageSizeLimits.clear();
}
