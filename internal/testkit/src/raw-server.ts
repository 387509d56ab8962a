// A TCP server on 127.0.0.1 that reads each HTTP request head and lets a test write whatever bytes it wants back:
// for what a well-behaved HTTP server cannot express (a reset after half a body, a trickle, a stall, bad framing).
import { createServer, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

export interface RawRequest {
  method: string;
  target: string;
  headers: Record<string, string>;
  body: string;
}

/** What to do with one request: write bytes, wait, end or destroy the socket. */
export type RawScript = (socket: Socket, request: RawRequest) => void | Promise<void>;

export interface RawServer {
  url: string;
  /** Requests whose head (and declared body) arrived. */
  requests: RawRequest[];
  /** Connections accepted so far. */
  connections: number;
  /** Connections that carried a request and are still open (idle connections a client pre-opens are not counted). */
  open(): number;
  script(script: RawScript): void;
  close(): Promise<void>;
}

/** An HTTP response as text (status line, headers, body) with content-length set unless `headers` sets framing. */
export function httpText(status: number, body = "", headers: Record<string, string> = {}): string {
  const all: Record<string, string> = { "content-type": "application/json", connection: "close", ...headers };
  if (!("content-length" in all) && !("transfer-encoding" in all))
    all["content-length"] = String(Buffer.byteLength(body));
  return `HTTP/1.1 ${status} X\r\n${Object.entries(all)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\r\n")}\r\n\r\n${body}`;
}

export async function startRawServer(initial?: RawScript): Promise<RawServer> {
  const requests: RawRequest[] = [];
  const sockets = new Set<Socket>();
  const busy = new Set<Socket>();
  let script: RawScript = initial ?? ((socket) => void socket.end(httpText(200, "{}")));
  let connections = 0;
  const server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on("close", () => {
      sockets.delete(socket);
      busy.delete(socket);
    });
    socket.on("error", () => {});
    let buffer = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const end = buffer.indexOf("\r\n\r\n");
      if (end === -1) return;
      const head = buffer.subarray(0, end).toString("latin1").split("\r\n");
      const [method = "", target = ""] = head[0]!.split(" ");
      const headers: Record<string, string> = {};
      for (const line of head.slice(1)) {
        const i = line.indexOf(":");
        headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      const length = Number(headers["content-length"] ?? 0);
      if (buffer.length < end + 4 + length) return;
      socket.off("data", onData);
      const request = {
        method,
        target,
        headers,
        body: buffer.subarray(end + 4, end + 4 + length).toString(),
      };
      requests.push(request);
      busy.add(socket);
      void Promise.resolve(script(socket, request)).catch(() => socket.destroy());
    };
    socket.on("data", onData);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get connections() {
      return connections;
    },
    open: () => busy.size,
    script(next) {
      script = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
