// Streamable HTTP: one MCP session per client on 127.0.0.1 (another host only when asked), `Origin` and `Host` checked
// against DNS rebinding as the MCP specification requires, an optional bearer token, and a server that answers
// every malformed request with an error instead of dying.
import { randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";

export interface HttpOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: any free port (the URL says which). */
  readonly port?: number;
  /** When set, every request must carry `Authorization: Bearer <token>`. */
  readonly authToken?: string;
  /** Origins a browser-based client may call from, besides the loopback ones. */
  readonly allowedOrigins?: readonly string[];
  /** Where a failure of the server itself is reported (never a credential: requests are not logged). */
  readonly log?: (line: string) => void;
}

export interface HttpHandle {
  /** `http://127.0.0.1:<port>/mcp` */
  readonly url: string;
  close(): Promise<void>;
}

/** Largest JSON-RPC request body accepted. */
const MAX_BODY = 4 * 1024 * 1024;
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** The host name of a `Host` or `Origin` authority (`[::1]:3000` → `[::1]`). */
const hostOf = (authority: string): string => authority.replace(/:\d+$/, "").toLowerCase();

function rpcError(
  res: ServerResponse,
  status: number,
  code: number,
  message: string,
  headers: Record<string, string> = {},
) {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify({ jsonrpc: "2.0", error: { code, message }, id: null }));
}

/** The body as JSON, or undefined for an empty one; throws a message for one too large or not JSON. */
async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error(`request body larger than ${MAX_BODY} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new Error("Parse error: the request body is not JSON");
  }
}

/**
 * A client that drops the connection of a POST before its answers arrive has given up on those requests: they are
 * cancelled as if it had said so (`notifications/cancelled`), so that a tool waiting on their behalf stops.
 */
function cancelOnDisconnect(transport: StreamableHTTPServerTransport, res: ServerResponse, body: unknown) {
  const ids = (Array.isArray(body) ? body : [body])
    .filter(
      (m): m is { id: string | number; method: string } =>
        !!m && typeof m === "object" && "method" in m && "id" in m,
    )
    .map((m) => m.id);
  if (!ids.length) return;
  res.on("close", () => {
    if (res.writableFinished) return;
    for (const requestId of ids) {
      transport.onmessage?.({
        jsonrpc: "2.0",
        method: "notifications/cancelled",
        params: { requestId, reason: "the client disconnected" },
      });
    }
  });
}

/** Serves `makeServer()`'s MCP server, one instance per session, until `close()`. */
export async function serveHttp(makeServer: () => Server, options: HttpOptions = {}): Promise<HttpHandle> {
  const host = options.host ?? "127.0.0.1";
  const sessions = new Map<string, { transport: StreamableHTTPServerTransport; server: Server }>();
  const token = options.authToken ? Buffer.from(options.authToken) : undefined;
  const log = options.log ?? (() => {});

  const allowedHost = (value: string | undefined) =>
    !!value && (LOOPBACK.has(hostOf(value)) || hostOf(value) === hostOf(host));
  const allowedOrigin = (origin: string) => {
    if (options.allowedOrigins?.includes(origin)) return true;
    try {
      const url = new URL(origin);
      return LOOPBACK.has(url.hostname.toLowerCase()) || LOOPBACK.has(`[${url.hostname}]`);
    } catch {
      return false;
    }
  };
  const authorized = (header: string | undefined) => {
    if (!token) return true;
    const m = /^Bearer\s+(.+)$/i.exec(header ?? "");
    const given = Buffer.from(m?.[1]?.trim() ?? "");
    return given.length === token.length && timingSafeEqual(given, token);
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== "/mcp") return rpcError(res, 404, -32000, "Not found: the MCP endpoint is /mcp");
    // DNS rebinding: a page of another site must not reach this server through a name that resolves to loopback.
    if (LOOPBACK.has(host) && !allowedHost(req.headers.host))
      return rpcError(res, 403, -32000, "Forbidden: Host is not this server");
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigin(origin))
      return rpcError(res, 403, -32000, `Forbidden: Origin ${origin} is not allowed`);
    if (!authorized(req.headers.authorization))
      return rpcError(
        res,
        401,
        -32001,
        "Unauthorized: send the server's token as Authorization: Bearer <token>",
        {
          "www-authenticate": 'Bearer realm="agentruns-mcp"',
        },
      );
    let body: unknown;
    if (req.method === "POST") {
      try {
        body = await readJson(req);
      } catch (e) {
        return rpcError(res, 400, -32700, (e as Error).message);
      }
    }
    const id = req.headers["mcp-session-id"];
    const session = typeof id === "string" ? sessions.get(id) : undefined;
    if (session) {
      cancelOnDisconnect(session.transport, res, body);
      return session.transport.handleRequest(req, res, body);
    }
    if (typeof id === "string") return rpcError(res, 404, -32001, "Session not found: initialize a new one");
    if (req.method !== "POST" || !isInitializeRequest(body))
      return rpcError(res, 400, -32000, "Bad request: no session (send initialize first)");
    const server = makeServer();
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (sid) => void sessions.set(sid, { transport, server }),
    });
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
      void server.close().catch(() => {});
    };
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  }

  const http = createServer((req, res) => {
    handle(req, res).catch((e) => {
      log(`agentruns-mcp: request failed: ${(e as Error).message}`);
      rpcError(res, 500, -32603, "Internal error");
    });
  });
  http.on("clientError", (_e, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const shown = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}/mcp`,
    async close() {
      await Promise.all([...sessions.values()].map((s) => s.transport.close().catch(() => {})));
      sessions.clear();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
