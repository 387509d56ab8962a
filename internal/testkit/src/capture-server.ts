// A real node:http server on 127.0.0.1 that records every request and answers with a scripted response.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface CapturedRequest {
  method: string;
  /** Path and query exactly as sent on the wire (not normalised). */
  rawUrl: string;
  pathname: string;
  /** Raw query string without the leading `?` ("" when none). */
  rawQuery: string;
  headers: IncomingHttpHeaders;
  /** Request body as text ("" when none). */
  body: string;
}

export interface ScriptedResponse {
  status?: number;
  headers?: Record<string, string>;
  /** Serialised as JSON unless it is already a string. */
  body?: unknown;
}

export interface CaptureServer {
  url: string;
  requests: CapturedRequest[];
  /** Sets the response for every following request (default 200 `{}`). */
  respondWith(response: ScriptedResponse | ((req: CapturedRequest) => ScriptedResponse)): void;
  /** The one request received since the last reset; fails if there were none or several. */
  only(): CapturedRequest;
  reset(): void;
  close(): Promise<void>;
}

export async function startCaptureServer(): Promise<CaptureServer> {
  const requests: CapturedRequest[] = [];
  let responder: (req: CapturedRequest) => ScriptedResponse = () => ({ status: 200, body: {} });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const rawUrl = req.url ?? "/";
      const q = rawUrl.indexOf("?");
      const captured: CapturedRequest = {
        method: req.method ?? "",
        rawUrl,
        pathname: q === -1 ? rawUrl : rawUrl.slice(0, q),
        rawQuery: q === -1 ? "" : rawUrl.slice(q + 1),
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(captured);
      const { status = 200, headers = {}, body = {} } = responder(captured);
      const text = typeof body === "string" ? body : JSON.stringify(body);
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respondWith(response) {
      responder = typeof response === "function" ? response : () => response;
    },
    only() {
      if (requests.length !== 1) throw new Error(`expected exactly one request, got ${requests.length}`);
      return requests[0]!;
    },
    reset() {
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
