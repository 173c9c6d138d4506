/**
 * Finds the project id when none is configured, as the official SDKs do: IAM's
 * `GET /v3/projects?name={name}` must list exactly one project, the name being the region's, or a
 * sub-project's given as the project name (`cn-north-4_sub`). The answer is kept for the life of the
 * process (a project id never changes), per IAM endpoint, name and identity.
 */

import { parseProjectIds } from "../boundary/responseBodies";
import { ModelArtsConfigError } from "../support/errors";
import { SharedPromises } from "../support/sharedPromises";
import { words } from "../surfaces/wording";
import type { ApiClient } from "../transport/client";

const OPERATION = "GET /v3/projects";

/** The most answers kept; the least recently found goes first. */
const MAX_ENTRIES = 256;

/** Project ids found through IAM, shared by the lookups that use the same cache; a failure is forgotten. */
export class ProjectIdCache extends SharedPromises<string> {
  constructor() {
    super(MAX_ENTRIES);
  }
}

/** The project ids lookups share unless they are given another cache. */
export const processProjectIds = new ProjectIdCache();

/** Where to ask, and who asks. */
export interface DiscoveryRequest {
  readonly authUrl: string;
  /** The project's name: the region's, or a sub-project's. */
  readonly projectName: string;
  /** A hash of the credentials, so that identities never share an answer. */
  readonly identity: string;
}

async function discover(client: ApiClient, request: DiscoveryRequest): Promise<string> {
  const response = await client.getJson({
    baseUrl: request.authUrl,
    path: "/projects",
    query: [["name", request.projectName]],
    operation: OPERATION,
    service: "IAM",
  });
  const ids = parseProjectIds(response.body, { operation: OPERATION, requestId: response.requestId });
  const setIt = { setting: "projectId", as: "howToSet", value: "<id>" } as const;
  if (ids.length === 0) {
    throw new ModelArtsConfigError(
      words`No project id is configured, and IAM (${request.authUrl}) lists no project named "${request.projectName}" for these credentials. Check the region and ${{ setting: "projectName", as: "names" }}, or set the project id with ${setIt}.`,
    );
  }
  if (ids.length > 1) {
    throw new ModelArtsConfigError(
      words`No project id is configured, and IAM (${request.authUrl}) lists ${ids.length} projects named "${request.projectName}" (${ids.join(", ")}). Set the project id with ${setIt}.`,
    );
  }
  return ids[0]!;
}

/** The project id of the named project; one IAM request per cache, name and identity. */
export function discoverProjectId(
  client: ApiClient,
  request: DiscoveryRequest,
  cache: ProjectIdCache = processProjectIds,
): Promise<string> {
  const key = JSON.stringify([request.authUrl, request.projectName, request.identity]);
  return cache.get(key, () => discover(client, request));
}
