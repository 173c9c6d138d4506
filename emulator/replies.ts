/** The emulator's answers: a status, a JSON body and headers, in the API's two error formats. */
import type { ServerResponse } from "node:http";

/** A reply: status, JSON body, extra headers. */
export interface Reply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** An API-gateway error body: `error_code`, `error_msg`, `request_id`. */
export function gatewayError(status: number, code: string, message: string, requestId: string): Reply {
  return { status, body: { error_code: code, error_msg: message, request_id: requestId } };
}

/** A ModelArts error body: `is_success: false`, `error_code`, `error_message`. */
export function modelArtsError(status: number, code: string, message: string): Reply {
  return { status, body: { is_success: false, error_code: code, error_message: message } };
}

/** The gateway's answer to a path or method it does not serve. */
export function apiNotFound(requestId: string): Reply {
  return gatewayError(
    404,
    "APIGW.0101",
    "The API does not exist or has not been published in the environment",
    requestId,
  );
}

/** Writes a reply as JSON with its length. */
export function send(res: ServerResponse, reply: Reply): void {
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...reply.headers,
  });
  res.end(text);
}
