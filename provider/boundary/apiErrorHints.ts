/**
 * What a user can do about an API error, by gateway or ModelArts error code and then by HTTP status
 * (docs/api-notes.md, "Errors"). The hint ends the error message; the settings it names are
 * references, which each surface renders in its own names.
 */
import { type Words, words } from "../surfaces/wording";

const names = (setting: "accessKey" | "secretKey" | "token" | "projectId") =>
  ({ setting, as: "names" }) as const;
const CREDENTIALS = words`${names("accessKey")} and ${names("secretKey")}, or ${names("token")}`;

const BY_CODE: Readonly<Record<string, Words>> = {
  "APIGW.0101": ["Check the ModelArts endpoint and the region: the API was not found there"],
  "APIGW.0301": words`Check the credentials (${CREDENTIALS}) and this machine's clock: a signature more than 15 minutes off the server's time is refused`,
  "APIGW.0302": [
    "The credentials are valid but the IAM user may not call this API: grant it ModelArts read access in this project",
  ],
  "APIGW.0307": words`The IAM token has expired (tokens live 24 hours): get a new one and set ${names("token")}`,
  "APIGW.0308": ["The account is throttled: wait a few seconds and run the lookup again"],
  "APIGW.0310": words`The project is unavailable: check ${names("projectId")} and the region`,
  "ModelArts.0102": words`Check ${{ argument: "workspaceId" }}: the workspace does not exist in this project`,
  "ModelArts.0104": words`The server refused a parameter: check the lookup's arguments (${{ argument: "workspaceId" }}, ${{ argument: "status" }}, ${{ argument: "sortBy" }}, ${{ argument: "searchContent" }})`,
  "ModelArts.0108": [
    "The IAM user is not authorized to list ModelArts visualization jobs: grant it ModelArts read access",
  ],
  "ModelArts.0206": words`The access key or secret key is invalid: check ${CREDENTIALS}`,
  "ModelArts.0210": words`The project id does not match the credentials or the region: check ${names("projectId")}`,
};

const BY_STATUS: Readonly<Record<number, Words>> = {
  401: words`Check the credentials (${CREDENTIALS}) and this machine's clock`,
  403: [
    "The credentials were refused for this project: check the project id and the IAM user's ModelArts permissions",
  ],
  404: ["Check the ModelArts endpoint, the region and the project id"],
  429: ["The account is throttled: wait a few seconds and run the lookup again"],
};

/** The hint for an error, or undefined when there is nothing useful to add. */
export function apiErrorHint(status: number, errorCode: string | undefined): Words | undefined {
  return (
    (errorCode !== undefined ? BY_CODE[errorCode] : undefined) ??
    BY_STATUS[status] ??
    (status >= 500 ? ["The service failed: run the lookup again later"] : undefined)
  );
}
