// Streamable HTTP: one MCP session per client on 127.0.0.1 (another host only when asked), `Origin` and `Host` checked
// against DNS rebinding as the MCP specification requires, an optional bearer token, and a server that answers
// every malformed request with an error instead of dying and stays bounded as a long-running service: bodies past
// the limit are refused with 413 before (or as soon as) they pass it, idle sessions expire, and their number is capped.
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
  /** Largest JSON-RPC request body, in bytes (default 4 MiB); a larger one is answered 413. */
  readonly maxBodyBytes?: number;
  /** A session with no request for this long is closed (default 30 minutes); its client must initialize again. */
  readonly sessionIdleMs?: number;
  /**
   * Most sessions at once (default 100). A new one past it closes the session idle the longest; when every session
   * has a request in flight, the initialize is answered 503 with Retry-After.
   */
  readonly maxSessions?: number;
}

export interface HttpHandle {
  /** `http://127.0.0.1:<port>/mcp` */
  readonly url: string;
  /** Sessions open now. */
  sessions(): number;
  close(): Promise<void>;
}

export const HTTP_DEFAULTS = {
  maxBodyBytes: 4 * 1024 * 1024,
  sessionIdleMs: 30 * 60_000,
  maxSessions: 100,
} as const;
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** The options that are set (an `undefined` one keeps its default). */
const definedOf = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

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

/** A request the server answers with `status` and `message` instead of handling. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The body as JSON, or undefined for an empty one. A body over `max` is refused on its Content-Length before it is
 * read, or, sent in chunks, as soon as it passes the limit; one that is not JSON is a parse error.
 */
async function readJson(req: IncomingMessage, max: number): Promise<unknown> {
  const tooLarge = () => new Refusal(413, -32600, `Payload too large: the request body exceeds ${max} bytes`);
  if (Number(req.headers["content-length"]) > max) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) throw tooLarge();
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new Refusal(400, -32700, "Parse error: the request body is not JSON");
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

/** One client's session: its transport and server, its requests in flight, and when it last had one. */
interface Session {
  readonly transport: StreamableHTTPServerTransport;
  readonly server: Server;
  inFlight: number;
  lastSeen: number;
}

/** Serves `makeServer()`'s MCP server, one instance per session, until `close()`. */
export async function serveHttp(makeServer: () => Server, options: HttpOptions = {}): Promise<HttpHandle> {
  const host = options.host ?? "127.0.0.1";
  const { maxBodyBytes, sessionIdleMs, maxSessions } = { ...HTTP_DEFAULTS, ...definedOf(options) };
  // In insertion order, which `touch` keeps as the order of last use: the first idle one is the longest idle.
  const sessions = new Map<string, Session>();
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

  /**
   * Marks the session used now, and a request of it in flight until its answer ends. The GET stream a client keeps
   * open for the server's own messages is not a request: a session with only that open is idle.
   */
  const touch = (id: string, session: Session, req: IncomingMessage, res: ServerResponse) => {
    sessions.delete(id);
    sessions.set(id, session);
    session.lastSeen = Date.now();
    if (req.method === "GET") return;
    session.inFlight++;
    res.once("close", () => {
      session.inFlight--;
      session.lastSeen = Date.now();
    });
  };
  const end = (session: Session) => void session.transport.close().catch(() => {});
  /** Closes every session idle for longer than `sessionIdleMs`. */
  const sweep = () => {
    const now = Date.now();
    for (const s of [...sessions.values()]) if (!s.inFlight && now - s.lastSeen > sessionIdleMs) end(s);
  };
  const sweeper = setInterval(sweep, Math.max(10, Math.min(sessionIdleMs / 4, 60_000)));
  sweeper.unref();
  /** Room for one more session: false when every session at the cap has a request in flight. */
  const room = (): boolean => {
    if (sessions.size < maxSessions) return true;
    const idle = [...sessions.values()].find((s) => !s.inFlight);
    if (!idle) return false;
    end(idle);
    return true;
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
        body = await readJson(req, maxBodyBytes);
      } catch (e) {
        if (!(e instanceof Refusal)) throw e;
        // The rest of a refused body is not read: the connection closes after the answer.
        return rpcError(res, e.status, e.code, e.message, { connection: "close" });
      }
    }
    const id = req.headers["mcp-session-id"];
    const session = typeof id === "string" ? sessions.get(id) : undefined;
    if (session) {
      touch(id as string, session, req, res);
      cancelOnDisconnect(session.transport, res, body);
      return session.transport.handleRequest(req, res, body);
    }
    if (typeof id === "string") return rpcError(res, 404, -32001, "Session not found: initialize a new one");
    if (req.method !== "POST" || !isInitializeRequest(body))
      return rpcError(res, 400, -32000, "Bad request: no session (send initialize first)");
    if (!room())
      return rpcError(
        res,
        503,
        -32000,
        `Service unavailable: all ${maxSessions} sessions are busy; try again shortly`,
        { "retry-after": "5" },
      );
    const server = makeServer();
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (sid) => {
        const created: Session = { transport, server, inFlight: 0, lastSeen: Date.now() };
        sessions.set(sid, created);
        touch(sid, created, req, res);
      },
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
    sessions: () => sessions.size,
    async close() {
      clearInterval(sweeper);
      await Promise.all([...sessions.values()].map((s) => s.transport.close().catch(() => {})));
      sessions.clear();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
