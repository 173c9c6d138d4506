/**
 * Keyless CI against the emulator, as the end-to-end tests of every surface run it: an identity
 * provider registered with the emulator's IAM, its id token in a file (as a CI system writes it),
 * and a loopback server in place of GitHub Actions' token service. The two environments hold no
 * access key: only the region, the endpoints, the identity provider, the token's place and the
 * agency. `leaks(text)` lists what of the flow's secrets a text shows.
 */
import { writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { RunningEmulator } from "../../emulator";

/** The job's request token, as GitHub Actions sets it. */
const REQUEST_TOKEN = "actions-request-token-of-this-job";

/** A keyless CI set-up over one emulator. */
export interface KeylessCi {
  /** The token in a file: `HW_ASSUME_ROLE_ID_TOKEN_FILE`. */
  readonly fileEnv: Record<string, string>;
  /** GitHub Actions' variables, no token given. */
  readonly actionsEnv: Record<string, string>;
  /** What the token service was asked: each request's path and query. */
  actionsAsked(): readonly string[];
  /** The secrets of the flow a text shows: the id token, the request token, subject tokens, security tokens. */
  leaks(text: string): string[];
  close(): Promise<void>;
}

/** Registers an identity provider, writes its token under `dir`, and serves a token service. */
export async function keylessCi(emulator: RunningEmulator, dir: string): Promise<KeylessCi> {
  const [token] = emulator.identityProvider("github-actions");
  const file = join(dir, "id-token");
  writeFileSync(file, `${token}\n`);
  const asked: string[] = [];
  const server: Server = createServer((req, res) => {
    asked.push(req.url ?? "");
    const ok = req.headers.authorization === `Bearer ${REQUEST_TOKEN}`;
    res.writeHead(ok ? 200 : 401, { "content-type": "application/json" });
    res.end(JSON.stringify(ok ? { count: 1, value: token } : { message: "Bad credentials" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const { HW_REGION_NAME, HW_MODELARTS_ENDPOINT, HW_AUTH_URL, HW_STS_ENDPOINT } = emulator.env;
  const [agency] = emulator.settings.agencies;
  const common = {
    HW_REGION_NAME: HW_REGION_NAME!,
    HW_MODELARTS_ENDPOINT: HW_MODELARTS_ENDPOINT!,
    HW_AUTH_URL: HW_AUTH_URL!,
    HW_STS_ENDPOINT: HW_STS_ENDPOINT!,
    HW_ASSUME_ROLE_IDP_ID: "github-actions",
    HW_ASSUME_ROLE_AGENCY_NAME: agency!.agencyName,
    HW_ASSUME_ROLE_DOMAIN_ID: agency!.domainId,
  };
  return {
    fileEnv: { ...common, HW_ASSUME_ROLE_ID_TOKEN_FILE: file },
    actionsEnv: {
      ...common,
      ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${port}/_apis/pipelines/idtoken?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
      HW_ASSUME_ROLE_ID_TOKEN_AUDIENCE: "huaweicloud",
    },
    actionsAsked: () => asked,
    leaks: (text) =>
      [token!, REQUEST_TOKEN, "emulator-subject-token-", "emulator-security-token-"].filter((secret) =>
        text.includes(secret),
      ),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
