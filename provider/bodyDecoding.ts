/**
 * A response body's bytes as text, as its headers say to read them: a compressed body (which this
 * client never asks for, but a proxy may send) is decompressed within the same size bound, a
 * charset other than UTF-8 is honoured, and bytes that are not valid text in it are refused by name.
 * Never a silently mangled body: a job name with replacement characters would match nothing.
 */
import { TextDecoder } from "node:util";
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from "node:zlib";
import { HEADER } from "./headerNames";

/** The text of a body, or why it cannot be read. */
export type DecodedBody = { readonly text: string } | { readonly problem: string };

type Headers = Record<string, string | string[] | undefined>;

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
