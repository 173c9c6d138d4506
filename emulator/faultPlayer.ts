/** How the emulator plays an injected fault on the wire (see faults.ts for what each kind means). */
import type { ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { HEADER } from "../provider/wire/headerNames";
import type { Fault } from "./fault";
import { gatewayError, modelArtsError, send } from "./replies";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Plays `fault` on a request. Resolves true when the fault answered (or cut) the request, false when
 * the request is to be answered normally afterwards (a delay). `setStatus` records what was answered
 * (0 when the connection was cut).
 */
export async function playFault(
  fault: Fault,
  res: ServerResponse,
  socket: Socket,
  requestId: string,
  setStatus: (status: number) => void,
): Promise<boolean> {
  switch (fault.kind) {
    case "delay":
      await sleep(fault.ms);
      return false;
    case "reset":
      setStatus(0);
      socket.resetAndDestroy();
      return true;
    case "truncate": {
      const body = JSON.stringify({
        is_success: true,
        job_total_count: 1,
        jobs: [{ job_id: 1, job_name: "cut-off".repeat(20) }],
      });
      setStatus(0);
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      res.write(body.slice(0, body.length >> 1), () => socket.destroy());
      return true;
    }
    case "malformed": {
      setStatus(200);
      const body = fault.body ?? '{"is_success": true, "job_total_count": 3, "jobs": [';
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      res.end(body);
      return true;
    }
    case "apiFailure": {
      const status = fault.status ?? 200;
      setStatus(status);
      send(
        res,
        modelArtsError(status, fault.errorCode, fault.errorMessage ?? `Injected failure ${fault.errorCode}`),
      );
      return true;
    }
    case "status": {
      setStatus(fault.status);
      const headers: Record<string, string> = { [HEADER.requestId]: requestId };
      if (fault.retryAfter !== undefined) headers[HEADER.retryAfter] = String(fault.retryAfter);
      if (fault.body !== undefined) {
        res.writeHead(fault.status, {
          "content-type": fault.contentType ?? "text/html",
          "content-length": Buffer.byteLength(fault.body),
          ...headers,
        });
        res.end(fault.body);
        return true;
      }
      const code = fault.status === 429 ? "APIGW.0308" : fault.status >= 500 ? "APIGW.0201" : "APIGW.0101";
      send(res, { ...gatewayError(fault.status, code, `Injected HTTP ${fault.status}`, requestId), headers });
      return true;
    }
  }
}
