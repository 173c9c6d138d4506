/**
 * The OIDC id token, read afresh each time keys are fetched: given as a value, in a file (CI systems
 * rotate it, so it is read again, under the user-file rules: a regular file, bounded), in an
 * environment variable (GitLab CI's `id_tokens:`), or asked of GitHub Actions' token service. The
 * token is registered as a secret as soon as it is read: no message, log or state may show it.
 */
import type { IdTokenSource } from "../settings/credentials";
import { ModelArtsConfigError, ModelArtsResponseError } from "../support/errors";
import { registerSecrets } from "../support/redact";
import { readUserFile } from "../support/userFile";
import type { ApiClient } from "./client";

/** An id token is a JWT of a few KiB; a file holding more is not one. */
const MAX_ID_TOKEN_BYTES = 64 * 1024;

/** GitHub Actions' answer: `{"count": ..., "value": "<JWT>"}`. */
async function actionsToken(
  source: Extract<IdTokenSource, { kind: "actions" }>,
  client: ApiClient,
): Promise<string> {
  const url = new URL(source.url);
  // The URL GitHub gives already carries a query string; the audience is added to it.
  const query: Array<[string, string]> = [...url.searchParams.entries()];
  if (source.audience !== undefined) query.push(["audience", source.audience]);
  const operation = "GET ACTIONS_ID_TOKEN_REQUEST_URL";
  const response = await client.getJson({
    baseUrl: url.origin,
    path: decodeURIComponent(url.pathname),
    query,
    operation,
    service: "GitHub Actions' id token service",
    anonymous: true,
    headers: { authorization: `Bearer ${source.requestToken}` },
  });
  const value = (response.body as { value?: unknown } | null)?.value;
  if (typeof value !== "string" || value === "") {
    throw new ModelArtsResponseError(
      `GitHub Actions' id token service (${operation}) answered without a token in "value". Give the job \`permissions: id-token: write\`.`,
    );
  }
  return value;
}

/** The token's text from a file or a variable, trimmed of the newline CI systems end it with. */
function localToken(source: Exclude<IdTokenSource, { kind: "actions" }>): string {
  if (source.kind === "value") return source.token;
  if (source.kind === "env") {
    const value = source.env[source.name]?.trim();
    if (!value) {
      throw new ModelArtsConfigError(
        `The id token's variable ${source.name} (named by HW_ASSUME_ROLE_ID_TOKEN_ENV or idTokenEnv) is unset or empty. In GitLab CI, declare it under the job's id_tokens:.`,
      );
    }
    return value;
  }
  const file = readUserFile(source.path, MAX_ID_TOKEN_BYTES);
  if (!file.ok) {
    throw new ModelArtsConfigError(
      `The id token file ${source.path} ${file.problem}. Point HW_ASSUME_ROLE_ID_TOKEN_FILE (or idTokenFile) at the file your CI writes the token to.`,
    );
  }
  const token = file.text.trim();
  if (token === "") {
    throw new ModelArtsConfigError(
      `The id token file ${source.path} is empty: the CI has not written its token yet.`,
    );
  }
  return token;
}

/**
 * The id token now, registered as a secret.
 *
 * @throws ModelArtsConfigError when the file or variable holds none; the client's errors for the token service.
 */
export async function readIdToken(source: IdTokenSource, client: ApiClient): Promise<string> {
  const token = source.kind === "actions" ? await actionsToken(source, client) : localToken(source);
  registerSecrets(token);
  return token;
}
