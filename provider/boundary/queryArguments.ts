/**
 * The lookup's arguments in: strict, every bad field named with its rule and value, by the
 * description's zod schemas, its defaults applied; and the list request's query parameters, with
 * their wire names.
 */
import { ModelArtsValidationError, type ValidationIssue, validationIssue } from "../support/errors";
import type { Words } from "../surfaces/wording";
import { ARGUMENT_KEYS, ARGUMENTS, metaOf } from "../wire/description";
import type { ArgumentKey } from "../wire/entryKeys.generated";
import { MAX_REPORTED_ISSUES, type NormalizedQuery, type SortField, type SortOrder } from "../wire/model";
import type { VisualizationJobsQueryArgs } from "../wire/queryArgs.generated";
import { jobStatusName, parseJobStatus } from "../wire/status";
import { show } from "./values";

/** The names of the lookup's arguments (also the inputs of VisualizationJobsLookup). */
export const QUERY_ARGUMENT_NAMES = ARGUMENT_KEYS;

/** Drops fields that are null or undefined: an unset Pulumi input arrives as either. */
function withoutUnset(args: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined && v !== null));
}

/** A repeated status's problem, from the description's check: which earlier element it repeats. */
function repeatProblem(params: { first?: unknown; code?: number } | undefined, value: unknown): Words {
  const first = params?.first;
  return [
    `repeats ${show(first)} (${jobStatusName(params?.code ?? -1)}): give each status once, got ${show(value)}`,
  ];
}

/** The issues of one argument's value, by its zod schema, with the rule the description states. */
function issuesOf(name: ArgumentKey, value: unknown): ValidationIssue[] {
  const parsed = ARGUMENTS[name].safeParse(value);
  if (parsed.success) return [];
  const { rule } = metaOf(ARGUMENTS[name]);
  const list = Array.isArray(value);
  const seen = new Set<string>();
  return parsed.error.issues.flatMap((issue) => {
    // A list's element is named by its index; a single status is checked as a list of one.
    const index = list && typeof issue.path[0] === "number" ? issue.path[0] : undefined;
    const element = index === undefined ? value : (value as unknown[])[index];
    const key = `${index}`;
    if (seen.has(key)) return [];
    seen.add(key);
    if (issue.code === "too_big" && issue.origin === "array") {
      return [
        validationIssue(name, [
          `must list each status at most once: at most ${issue.maximum}, got ${(value as unknown[]).length}`,
        ]),
      ];
    }
    if (issue.code === "custom" && issue.message === "repeat") {
      return [validationIssue(name, repeatProblem(issue.params, element), index)];
    }
    return [validationIssue(name, [`must be ${rule}, got ${show(element)}`], index)];
  });
}

/** Every problem of the arguments: in the description's order, then the names it does not have. */
function argumentIssues(input: Record<string, unknown>): ValidationIssue[] {
  const issues = ARGUMENT_KEYS.filter((name) => name in input).flatMap((name) => issuesOf(name, input[name]));
  for (const key of Object.keys(input).filter((k) => !Object.hasOwn(ARGUMENTS, k))) {
    // Named by the key given, which is no argument of the description.
    issues.push({
      ...validationIssue(undefined, [
        `unknown argument "${key}"; the arguments are `,
        ...ARGUMENT_KEYS.flatMap((k, i) =>
          i === 0
            ? [{ argument: k, andList: true as const }]
            : [", ", { argument: k, andList: true as const }],
        ),
      ]),
      field: key,
    });
  }
  return issues;
}

/** An argument's default, as the description states it. */
function defaultOf<T>(name: ArgumentKey): T {
  return metaOf(ARGUMENTS[name]).default as T;
}

/**
 * Validates lookup arguments and applies defaults. Every bad field is reported at once (the first
 * 20, and how many more), each as `<field> must be <rule>, got <value>`.
 *
 * @param context what the arguments were given to, for the message (`getVisualizationJobs`).
 * @throws ModelArtsValidationError
 */
export function parseQueryArgs(args: unknown, context: string): NormalizedQuery {
  if (args === undefined || args === null) return parseQueryArgs({}, context);
  if (typeof args !== "object" || Array.isArray(args)) {
    throw new ModelArtsValidationError(context, [
      validationIssue(undefined, [`the arguments must be an object, got ${show(args)}`]),
    ]);
  }
  const input = withoutUnset(args);
  const issues = argumentIssues(input);
  if (issues.length > 0) {
    throw new ModelArtsValidationError(
      context,
      issues.slice(0, MAX_REPORTED_ISSUES),
      issues.length - Math.min(issues.length, MAX_REPORTED_ISSUES),
    );
  }
  // The statuses as given ("running", 8) become sorted codes: one query, however it was spelt.
  const { status, ...a } = input as VisualizationJobsQueryArgs;
  const given = status === undefined ? [] : Array.isArray(status) ? status : [status];
  const statusCodes = given.map((s: string | number) => parseJobStatus(s)!);
  return {
    ...a,
    statuses: [...new Set(statusCodes)].sort((x, y) => x - y),
    workspaceId: a.workspaceId ?? defaultOf<string>("workspaceId"),
    sortBy: a.sortBy ?? defaultOf<SortField>("sortBy"),
    order: a.order ?? defaultOf<SortOrder>("order"),
    pageSize: a.pageSize ?? defaultOf<number>("pageSize"),
  };
}

/** The server-side part of a query: what one listing request sends, apart from paging. */
export interface ServerQuery {
  readonly status?: number;
  readonly searchContent?: string;
  readonly workspaceId: string;
  readonly sortBy: string;
  readonly order: string;
}

/** The query parameters of one list request, with their wire names. */
export function listQueryParams(query: ServerQuery, page: number, perPage: number): Array<[string, string]> {
  const params: Array<[string, string]> = [
    ["workspace_id", query.workspaceId],
    ["sortBy", query.sortBy],
    ["order", query.order],
    ["per_page", String(perPage)],
    ["page", String(page)],
  ];
  if (query.status !== undefined) params.push(["status", String(query.status)]);
  if (query.searchContent !== undefined) params.push(["search_content", query.searchContent]);
  return params;
}
