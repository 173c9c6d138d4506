/**
 * The emulator's request log, bounded twice: the newest `maxRecords` requests, and of each request
 * at most 32 headers of at most 256 characters, since a client (or an attacker) may send many large
 * ones and the log would otherwise keep every byte. Credential headers are never kept.
 */
import type { IncomingHttpHeaders } from "node:http";
import { CREDENTIAL_HEADERS } from "../provider/wire/headerNames";
import type { RecordedRequest } from "./types";

/** The most headers kept of one request, and the longest value kept. */
const MAX_HEADERS = 32;
const MAX_HEADER_VALUE = 256;

/** The headers worth keeping of a request: no credentials, bounded in count and length. */
export function recordedHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const kept: Record<string, string> = {};
  let count = 0;
  for (const [name, value] of Object.entries(headers)) {
    if (CREDENTIAL_HEADERS.has(name) || value === undefined) continue;
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
