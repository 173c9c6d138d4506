/**
 * The bench's bare client: plain signed GETs of the list pages with undici, as a straightforward
 * client would send them, one after another or a fixed number at once. It signs with the package's
 * own signer, so a change of the signer's signature breaks this file's type-check, not a bench run.
 */
import { type Agent, request } from "undici";
import { authorizationHeader, formatSdkDate } from "../../provider/wire/signer";

/** One page's body, as text. */
export type PageFetcher = (page: number, perPage: number) => Promise<string>;

/** What the bare client needs of an emulator. */
export interface BareClientSettings {
  readonly endpoint: string;
  readonly projectId: string;
  readonly accessKey: string;
  readonly secretKey: string;
}

/** A fetcher of list pages over `dispatcher`, each request signed. */
export function pageFetcher(settings: BareClientSettings, dispatcher: Agent): PageFetcher {
  const origin = new URL(settings.endpoint);
  const path = `/v1/${settings.projectId}/visualization-jobs`;
  return async (page, perPage) => {
    const query: Array<[string, string]> = [
      ["page", String(page)],
      ["per_page", String(perPage)],
    ];
    const sdkDate = formatSdkDate(new Date());
    const headers: Record<string, string> = {
      host: origin.host,
      "x-sdk-date": sdkDate,
      "x-project-id": settings.projectId,
    };
    headers.authorization = authorizationHeader({ method: "GET", path, query, headers }, settings, sdkDate);
    const response = await request(`${settings.endpoint}${path}?page=${page}&per_page=${perPage}`, {
      headers,
      dispatcher,
    });
    if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}`);
    return response.body.text();
  };
}

/** Every page at `perPage`, one after another; throws unless it listed `total` jobs. */
export async function sequential(fetchPage: PageFetcher, total: number, perPage: number): Promise<void> {
  const pages = Math.ceil(total / perPage);
  let count = 0;
  for (let page = 1; page <= pages; page++) {
    count += (JSON.parse(await fetchPage(page, perPage)) as { jobs: unknown[] }).jobs.length;
  }
  if (count !== total) throw new Error(`sequential listed ${count} of ${total}`);
}

/** Transfer + JSON.parse of every page at per_page=1000, `cap` at a time. */
export async function transferAndParse(fetchPage: PageFetcher, total: number, cap: number): Promise<void> {
  const pages = Math.ceil(total / 1000);
  let next = 1;
  const worker = async () => {
    while (next <= pages) {
      const page = next++;
      JSON.parse(await fetchPage(page, 1000));
    }
  };
  await Promise.all(Array.from({ length: cap }, worker));
}
