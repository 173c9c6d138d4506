/**
 * The emulator's request log, bounded three times: the newest `maxRecords` requests; of each request
 * at most 32 headers of at most 256 characters; and at most 1 KiB of its path and query together
 * (at most 32 parameters),
 * since a client (or an attacker) may send many large ones and the log would otherwise keep every
 * byte (12,000 requests with 14.5 KB queries held 1.34 GB). Credential headers are never kept.
 * The control API reads it a page at a time (controlApi.ts).
 */
import type { IncomingHttpHeaders } from "node:http";
import { CREDENTIAL_HEADERS } from "../provider/wire/headerNames";
import { CONTROL_KEY_HEADER } from "./secretKey";
import type { RecordedRequest } from "./types";

/** The most headers kept of one request, and the longest value kept. */
const MAX_HEADERS = 32;
const MAX_HEADER_VALUE = 256;

/**
 * The most query parameters kept of one request: a thousand one-character parameters fit in the
 * 1 KiB, and each is an object property of its own (10,000 such requests held 143 MB).
 */
const MAX_QUERY_PARAMS = 32;

/** The most characters of path and query kept of one request. */
export const MAX_RECORDED_TARGET = 1024;

/** The most requests one read of the log returns. */
export const MAX_LOG_PAGE = 1000;

/** A request's path and query as the log keeps them: at most {@link MAX_RECORDED_TARGET} characters. */
export function recordedTarget(
  path: string,
  query: Readonly<Record<string, string>>,
): { path: string; query: Record<string, string>; truncated?: true } {
  let room = MAX_RECORDED_TARGET;
  let truncated = false;
  const cut = (text: string) => {
    if (text.length <= room) {
      room -= text.length;
      return text;
    }
    truncated = true;
    const kept = `${text.slice(0, room)}...`;
    room = 0;
    return kept;
  };
  const kept = { path: cut(path), query: {} as Record<string, string> };
  for (const [name, value] of Object.entries(query)) {
    if (room === 0 || Object.keys(kept.query).length === MAX_QUERY_PARAMS) {
      truncated = true;
      break;
    }
    const keptName = cut(name);
    kept.query[keptName] = cut(value);
  }
  return truncated ? { ...kept, truncated: true } : kept;
}

/** The headers worth keeping of a request: no credentials, bounded in count and length. */
export function recordedHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const kept: Record<string, string> = {};
  let count = 0;
  for (const [name, value] of Object.entries(headers)) {
    // The emulator's own key too: a client that sends it to an API path must not find it in the log.
    if (CREDENTIAL_HEADERS.has(name) || name === CONTROL_KEY_HEADER || value === undefined) continue;
    if (++count > MAX_HEADERS) break;
    const text = Array.isArray(value) ? value.join(",") : value;
    kept[name] = text.length > MAX_HEADER_VALUE ? `${text.slice(0, MAX_HEADER_VALUE)}...` : text;
  }
  return kept;
}

/** The newest requests, oldest first. `records` is the array tests read, changed in place. */
export class RequestLog {
  readonly records: RecordedRequest[] = [];

  constructor(private readonly maxRecords: number) {}

  add(record: RecordedRequest): void {
    this.records.push(record);
    if (this.records.length > this.maxRecords) this.records.splice(0, this.records.length - this.maxRecords);
  }
}
