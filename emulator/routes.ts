/**
 * What the emulator answers to an authenticated API request: the list call with every parameter
 * and its validation errors, the details call, and IAM project discovery, with the error codes the
 * API documents (a wrong project id is 403 ModelArts.0210, an unknown path 404 APIGW.0101).
 */
import { HEADER } from "../provider/wire/headerNames";
import { MAX_PAGE_SIZE, SORT_FIELDS } from "../provider/wire/model";
import type { FaultTarget } from "./fault";
import type { EmulatorJob, JobStore, StoreQuery } from "./jobStore";
import { apiNotFound, modelArtsError, type Reply } from "./replies";
import { toWireJob } from "./wire";

/** The list call's path: `/v1/{project_id}/visualization-jobs`. */
export const LIST_PATH = /^\/v1\/([^/]+)\/visualization-jobs\/?$/;
const DETAILS_PATH = /^\/v1\/([^/]+)\/visualization-jobs\/([^/]+)\/?$/;

/** What the routes read, some of it changed by tests while the emulator runs. */
export interface RouteState {
  readonly store: JobStore;
  readonly projectId: string;
  readonly region: string;
  readonly iamProjects?: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  /** Pages hold at most this many jobs whatever `per_page` asks. */
  maxPageSize: number;
  /** A larger `per_page` is refused with 400 ModelArts.0104, as a server following the SDK reference's 1..100 would. */
  readonly refusePageSizeAbove: number;
  /** A longer `search_content` is refused with 400 ModelArts.0104. */
  readonly maxSearchContent: number;
  /** Numbers as numeric strings (`"job_id":"10"`). */
  numbersAsStrings: boolean;
  /** Called before each list request is answered. */
  listHook: ((request: FaultTarget) => void) | undefined;
  /** A job's service URL: its own, or the emulator's page for it. */
  readonly serviceUrlOf: (job: EmulatorJob) => string;
}

/** Parses an integer query parameter; undefined when absent, NaN when not an integer. */
function intParam(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  return /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
}

function listJobs(state: RouteState, query: Record<string, string>, requestId: string): Reply {
  const perPage = intParam(query.per_page) ?? 10;
  const page = intParam(query.page) ?? 1;
  const status = intParam(query.status);
  const sortBy = query.sortBy ?? "job_id";
  const order = query.order ?? "asc";
  const workspaceId = query.workspace_id ?? "0";
  const problems: string[] = [];
  const maxPerPage = Math.min(MAX_PAGE_SIZE, state.refusePageSizeAbove);
  if (!(perPage >= 1 && perPage <= maxPerPage)) problems.push(`per_page must be in [1,${maxPerPage}]`);
  if (!(page >= 1)) problems.push("page must be an integer of at least 1");
  if (status !== undefined && !(status >= 0 && status <= 21))
    problems.push("status must be a job status code from 0 to 21");
  if (!(SORT_FIELDS as readonly string[]).includes(sortBy))
    problems.push(`sortBy must be one of ${SORT_FIELDS.join(", ")}`);
  if (order !== "asc" && order !== "desc") problems.push("order must be asc or desc");
  if (query.search_content !== undefined && query.search_content.length > state.maxSearchContent) {
    problems.push(`search_content length must be in [0,${state.maxSearchContent}]`);
  }
  if (problems.length > 0)
    return modelArtsError(400, "ModelArts.0104", `Invalid parameter: ${problems.join("; ")}`);
  if (!state.store.hasWorkspace(workspaceId)) {
    return modelArtsError(400, "ModelArts.0102", `Workspace ${workspaceId} does not exist`);
  }
  const storeQuery: StoreQuery = {
    workspaceId,
    status,
    searchContent: query.search_content || undefined,
    sortBy: sortBy as StoreQuery["sortBy"],
    order: order as StoreQuery["order"],
  };
  const matching = state.store.query(storeQuery);
  const size = Math.min(perPage, state.maxPageSize);
  const slice = matching.slice((page - 1) * size, page * size);
  const count = (n: number) => (state.numbersAsStrings ? String(n) : n);
  return {
    status: 200,
    headers: { [HEADER.requestId]: requestId },
    body: {
      is_success: true,
      job_total_count: count(matching.length),
      job_count_limit: count(Math.max(0, 50 - state.store.countWithStatus(8))),
      quotas: count(100),
      jobs: slice.map((j) => toWireJob(j, state.serviceUrlOf(j), state.numbersAsStrings)),
    },
  };
}

/** The answer to an authenticated API request. */
export function route(
  state: RouteState,
  request: { readonly method: string; readonly path: string; readonly query: Record<string, string> },
  requestId: string,
): Reply {
  const { method, path, query } = request;
  if (method !== "GET") return apiNotFound(requestId);
  if (path === "/v3/projects") {
    const projects = (state.iamProjects ?? [{ id: state.projectId, name: state.region }]).filter(
      (p) => query.name === undefined || p.name === query.name,
    );
    return {
      status: 200,
      body: { projects: projects.map((p) => ({ ...p, enabled: true, domain_id: "emulator-domain" })) },
    };
  }
  const list = LIST_PATH.exec(path);
  const details = DETAILS_PATH.exec(path);
  const pathProject = list?.[1] ?? details?.[1];
  if (pathProject === undefined) return apiNotFound(requestId);
  if (pathProject !== state.projectId) {
    return modelArtsError(
      403,
      "ModelArts.0210",
      `The project id ${pathProject} does not match the credentials' project`,
    );
  }
  if (list) {
    state.listHook?.({ path, query });
    return listJobs(state, query, requestId);
  }
  const jobId = details![2]!;
  const job = state.store.get(Number(jobId));
  if (job === undefined)
    return modelArtsError(404, "ModelArts.0102", `Visualization job ${jobId} does not exist`);
  return {
    status: 200,
    body: { is_success: true, ...toWireJob(job, state.serviceUrlOf(job), state.numbersAsStrings) },
  };
}
