/**
 * A response body: read within a bound (a body past it is not read further), then its bytes as
 * text, as its headers say to read them: a compressed body (which this
 * client never asks for, but a proxy may send) is decompressed within the same size bound, a
 * charset other than UTF-8 is honoured, and bytes that are not valid text in it are refused by name.
 * Never a silently mangled body: a job name with replacement characters would match nothing.
 */
import { TextDecoder } from "node:util";
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from "node:zlib";
import type { Dispatcher } from "undici";
import { HEADER } from "../wire/headerNames";

/** The text of a body, or why it cannot be read. */
export type DecodedBody = { readonly text: string } | { readonly problem: string };

type Headers = Record<string, string | string[] | undefined>;

/** A header's value, the first of several. */
export function headerString(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function header(headers: Headers, name: string): string {
  const value = headers[name];
  return (Array.isArray(value) ? value.join(",") : (value ?? "")).trim().toLowerCase();
}

/** The bytes with their Content-Encoding undone, within `maxBytes`. */
function decompressed(raw: Buffer, encoding: string, maxBytes: number): Buffer | string {
  const bound = { maxOutputLength: maxBytes };
  try {
    switch (encoding) {
      case "":
      case "identity":
        return raw;
      case "gzip":
      case "x-gzip":
        return gunzipSync(raw, bound);
      case "deflate":
        // Servers send both forms of "deflate": with the zlib wrapper (as specified) and without.
        return raw[0] === 0x78 ? inflateSync(raw, bound) : inflateRawSync(raw, bound);
      case "br":
        return brotliDecompressSync(raw, bound);
      default:
        return `its Content-Encoding is "${encoding}", which this client cannot read (it asks for none)`;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ERR_BUFFER_TOO_LARGE"
      ? `its ${encoding} body decompresses to more than ${maxBytes} bytes`
      : `its ${encoding} body is corrupt (${code ?? (error as Error).message})`;
  }
}

/** Decodes a body: Content-Encoding, then the charset of Content-Type (default UTF-8), strictly. */
export function decodeBody(raw: Buffer, headers: Headers, maxBytes: number): DecodedBody {
  const bytes = decompressed(raw, header(headers, HEADER.contentEncoding), maxBytes);
  if (typeof bytes === "string") return { problem: bytes };
  const charset = /charset\s*=\s*"?([^";\s]+)/.exec(header(headers, HEADER.contentType))?.[1] ?? "utf-8";
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    return { problem: `its charset "${charset}" is not one this client can read` };
  }
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    return { problem: `its bytes are not valid ${charset} text` };
  }
}

/**
 * Reads a body up to `maxBytes`; undefined when it is larger, after destroying the stream so
 * that nothing more is read.
 */
export async function readBoundedBody(
  body: Dispatcher.ResponseData["body"],
  headers: Record<string, string | string[] | undefined>,
  maxBytes: number,
): Promise<Buffer | undefined> {
  const length = headerString(headers, HEADER.contentLength);
  const declared = length === undefined ? Number.NaN : Number(length);
  if (declared > maxBytes) {
    body.destroy();
    return undefined;
  }
  // A declared length within the bound holds: undici fails a body that runs past it. Its own
  // reader is then the fastest; only a body of unknown length is counted chunk by chunk.
  if (Number.isSafeInteger(declared)) return Buffer.from(await body.arrayBuffer());
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      body.destroy();
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, size);
}
