/**
 * What a user can do about an API error, by gateway or ModelArts error code and then by HTTP status
 * (docs/api-notes.md, "Errors"). The hint ends the error message.
 */

const CREDENTIALS =
  "huaweicloud:accessKey / huaweicloud:secretKey (HW_ACCESS_KEY / HW_SECRET_KEY) or huaweicloud:token (HW_AUTH_TOKEN)";

const BY_CODE: Readonly<Record<string, string>> = {
  "APIGW.0101": "Check the ModelArts endpoint and the region: the API was not found there",
  "APIGW.0301": `Check the credentials (${CREDENTIALS}) and this machine's clock: a signature more than 15 minutes off the server's time is refused`,
  "APIGW.0302":
    "The credentials are valid but the IAM user may not call this API: grant it ModelArts read access in this project",
  "APIGW.0307":
    "The IAM token has expired (tokens live 24 hours): get a new one and set huaweicloud:token / HW_AUTH_TOKEN",
  "APIGW.0308": "The account is throttled: wait a few seconds and run the lookup again",
  "APIGW.0310": "The project is unavailable: check huaweicloud:projectId / HW_PROJECT_ID and the region",
  "ModelArts.0102": "Check workspaceId: the workspace does not exist in this project",
  "ModelArts.0104":
    "The server refused a parameter: check the lookup's arguments (workspaceId, status, sortBy, searchContent)",
  "ModelArts.0108":
    "The IAM user is not authorized to list ModelArts visualization jobs: grant it ModelArts read access",
  "ModelArts.0206": `The access key or secret key is invalid: check ${CREDENTIALS}`,
  "ModelArts.0210":
    "The project id does not match the credentials or the region: check huaweicloud:projectId / HW_PROJECT_ID",
};

const BY_STATUS: Readonly<Record<number, string>> = {
  401: `Check the credentials (${CREDENTIALS}) and this machine's clock`,
  403: "The credentials were refused for this project: check the project id and the IAM user's ModelArts permissions",
  404: "Check the ModelArts endpoint, the region and the project id",
  429: "The account is throttled: wait a few seconds and run the lookup again",
};

/** The hint for an error, or undefined when there is nothing useful to add. */
export function apiErrorHint(status: number, errorCode: string | undefined): string | undefined {
  return (
    (errorCode !== undefined ? BY_CODE[errorCode] : undefined) ??
    BY_STATUS[status] ??
    (status >= 500 ? "The service failed: run the lookup again later" : undefined)
  );
}
