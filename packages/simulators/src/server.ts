// The HTTP engine every provider simulator shares: routing and validation from the spec, auth, faults, request log.
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { ManualClock, RealClock, type Clock } from "./clock.js";
import { SimError, reasonPhrase, type SimErrorKind } from "./errors.js";
import { Faults, type FaultAction } from "./faults.js";
import { keepLast } from "./bounded.js";
import { RateLimiter, type RateLimitState } from "./rate-limit.js";
import { SpecIndex, loadSpec, type Operation } from "./openapi.js";

export interface SimulatorOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Default: the real clock. Pass a ManualClock for deterministic tests. */
  clock?: Clock;
  /** Accepted API keys; default: any non-empty key. */
  apiKeys?: readonly string[];
  /** Seed of the generated data set (default 1). */
  seed?: number;
  /** How many runs to generate (default 250). */
  runs?: number;
  /** Check every response against the spec and collect problems in `violations` (default true). */
  validateResponses?: boolean;
  /** One line per request: method, path, status, ms. */
  logger?: (line: string) => void;
  /**
   * Requests per minute per API key before 429 (with Retry-After and X-RateLimit-* headers).
   * Default: the provider's documented limit (Duvo 300, Duckie 600, Avido none); false turns it off.
   */
  rateLimit?: number | false;
  /** The window `rateLimit` counts in, in ms (default 60,000: per minute); fixed windows aligned to the clock. */
  rateLimitWindowMs?: number;
  /**
   * How many requests `requests` keeps, oldest dropped first (default 1,000; 0 keeps none); `violations` and Duvo's
   * `webhookDeliveries` keep as many.
   */
  maxRecordedRequests?: number;
  /** Largest request body accepted, in bytes; a larger one gets 413 and the connection is closed (default 1 MiB). */
  maxBodyBytes?: number;
}

const DEFAULT_MAX_RECORDED = 1_000;
const DEFAULT_MAX_BODY = 1024 * 1024;

/** Why a request never reached the router: the client went away, or sent more than the simulator takes. */
class BodyError extends Error {
  constructor(readonly reason: "aborted" | "too-large") {
    super(reason);
  }
}

/** Reads a request body up to `limit` bytes; rejects with BodyError when the client disconnects or sends more. */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) return reject(new BodyError("too-large"));
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (error?: BodyError) => {
      req.off("data", onData).off("end", onEnd).off("error", onError).off("aborted", onAborted);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks).toString("utf8"));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return done(new BodyError("too-large"));
      chunks.push(chunk);
    };
    const onEnd = () => done();
    const onError = () => done(new BodyError("aborted"));
    const onAborted = () => done(new BodyError("aborted"));
    req.on("data", onData).on("end", onEnd).on("error", onError).on("aborted", onAborted);
  });
}

export interface RecordedRequest {
  method: string;
  pathname: string;
  rawQuery: string;
  operationId?: string;
  headers: IncomingHttpHeaders;
  /** Status sent, if any (a reset or stalled request has none). */
  status?: number;
  /** The fault applied, if one was. */
  fault?: FaultAction["type"];
  /** Whether the operation's handler ran, i.e. the request took effect. */
  handled: boolean;
  at: number;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RequestContext {
  op: Operation;
  query: Record<string, any>;
  path: Record<string, any>;
  body: any;
  headers: IncomingHttpHeaders;
  requestId: string;
  now: number;
}

export type Handler = (ctx: RequestContext) => Reply;

const kindOfStatus = (status: number): SimErrorKind =>
  (
    ({
      400: "bad_request",
      401: "unauthorized",
      403: "forbidden",
      404: "not_found",
      409: "conflict",
      429: "rate_limited",
    }) as const
  )[status as 400] ?? (status >= 500 ? "internal" : "bad_request");

const EXPOSED_HEADERS = [
  "x-request-id",
  "retry-after",
  "retry-after-ms",
  "x-ratelimit-limit",
  "x-ratelimit-remaining",
  "x-ratelimit-reset",
].join(", ");

/** A request header's (first) value. */
export const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
};

export abstract class Simulator {
  readonly faults = new Faults();
  readonly requests: RecordedRequest[] = [];
  /** Responses that did not match the spec (should stay empty), the most recent `maxRecordedRequests` of them. */
  readonly violations: string[] = [];
  readonly clock: Clock;
  protected readonly spec: SpecIndex;
  protected readonly options: SimulatorOptions;
  protected abstract readonly handlers: Record<string, Handler>;
  /** The provider's documented requests-per-minute limit per key, if any. */
  protected readonly documentedRateLimit: number | undefined = undefined;
  #limiter?: RateLimiter | null;
  #server?: Server;
  #url?: string;
  #ids = 0;
  #stopTicking?: () => void;

  constructor(provider: string, options: SimulatorOptions = {}) {
    this.options = options;
    this.clock = options.clock ?? new RealClock();
    this.spec = new SpecIndex(loadSpec(provider));
  }

  /** The credential check of this provider; returns the error to send, or nothing. */
  protected abstract authenticate(headers: IncomingHttpHeaders): SimError | undefined;
  /** The API key a request is counted against for rate limiting. */
  protected abstract apiKeyOf(headers: IncomingHttpHeaders): string;
  /** Headers that report the rate-limit window (every response, and 429s). */
  protected rateLimitHeaders(state: RateLimitState): Record<string, string> {
    return {
      "x-ratelimit-limit": String(state.limit),
      "x-ratelimit-remaining": String(state.remaining),
      "x-ratelimit-reset": String(state.reset),
    };
  }
  /** This provider's documented error response for an error. */
  protected abstract renderError(error: SimError, requestId: string): Reply;
  /** Headers added to every successful response (rate-limit headers, …). */
  protected successHeaders(_ctx: RequestContext): Record<string, string> {
    return {};
  }
  /** Lets time-driven state (run lifecycles) catch up to `now`. */
  protected tick(_now: number): void {}

  /** Accepts a key when `apiKeys` is unset (any non-empty key) or lists it. */
  protected keyAccepted(key: string | undefined): boolean {
    if (!key) return false;
    return !this.options.apiKeys || this.options.apiKeys.includes(key);
  }

  get url(): string {
    if (!this.#url) throw new Error("simulator not started: await start() first");
    return this.#url;
  }

  async start(): Promise<this> {
    // No client behaviour may take the process down: every failure of a request ends as an answer or a closed socket.
    const server = createServer((req, res) => {
      this.#handle(req, res).catch((e: unknown) => this.#crashed(req, res, e));
    });
    // Malformed HTTP: an oversized header block is 431 (RFC 6585), anything else the documented 400; then the socket
    // is closed.
    server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
      const status =
        error.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large" : "400 Bad Request";
      if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
      else socket.destroy();
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.options.port ?? 0, this.options.host ?? "127.0.0.1", resolve);
    });
    const { address, port } = server.address() as AddressInfo;
    this.#server = server;
    this.#url = `http://${address.includes(":") ? `[${address}]` : address}:${port}`;
    if (this.clock instanceof ManualClock) this.#stopTicking = this.clock.onAdvance((now) => this.tick(now));
    else {
      const timer = setInterval(() => this.tick(this.clock.now()), 100);
      timer.unref();
      this.#stopTicking = () => clearInterval(timer);
    }
    return this;
  }

  async close(): Promise<void> {
    this.#stopTicking?.();
    const server = this.#server;
    if (!server) return;
    this.#server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Requests received for an operation (by operationId or "METHOD /path"), counting faulted ones. */
  count(operation: string, which: "received" | "handled" = "received"): number {
    return this.requests.filter(
      (r) =>
        (r.operationId === operation || `${r.method} ${r.pathname}` === operation) &&
        (which === "received" || r.handled),
    ).length;
  }

  /** How many entries each of the simulator's logs keeps. */
  protected get logSize(): number {
    return this.options.maxRecordedRequests ?? DEFAULT_MAX_RECORDED;
  }

  /** Last resort for an unexpected failure while handling a request: a 500 if nothing was sent yet, else a closed socket. */
  #crashed(req: IncomingMessage, res: ServerResponse, error: unknown): void {
    this.options.logger?.(`simulator error: ${(error as Error)?.stack ?? error}`);
    if (res.headersSent || res.destroyed) return void req.socket.destroy();
    const text = JSON.stringify({
      error: "Internal Server Error",
      message: "The simulator failed on this request",
    });
    res.writeHead(500, {
      "content-type": "application/json",
      "content-length": String(Buffer.byteLength(text)),
      connection: "close",
    });
    res.end(text);
  }

  /** Answers, in the provider's error shape, a request that never reached a handler (bad target, oversized body). */
  #reject(res: ServerResponse, status: 400 | 413, message: string): void {
    const requestId = `req_${(++this.#ids).toString(36).padStart(8, "0")}`;
    const reply = this.renderError(new SimError("bad_request", message, [], status), requestId);
    this.#send(res, status, reply.body, { ...reply.headers, connection: "close" }, requestId);
  }

  async #handle(req: IncomingMessage, res: ServerResponse) {
    const started = performance.now();
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://sim");
    } catch {
      req.resume();
      return this.#reject(res, 400, "The request target is not a valid URL path");
    }
    let raw: string;
    try {
      raw = await readBody(req, this.options.maxBodyBytes ?? DEFAULT_MAX_BODY);
    } catch (e) {
      if (e instanceof BodyError && e.reason === "too-large") {
        this.options.logger?.(`${req.method} ${url.pathname} 413`);
        return this.#reject(
          res,
          413,
          `The request body is larger than ${this.options.maxBodyBytes ?? DEFAULT_MAX_BODY} bytes`,
        );
      }
      // The client went away mid-body: there is nobody to answer.
      this.options.logger?.(`${req.method} ${url.pathname} aborted by the client`);
      return void req.socket.destroy();
    }
    const method = req.method ?? "GET";
    // Browsers may call the simulators too: CORS on every answer; preflights are answered and not recorded.
    res.setHeader("access-control-allow-origin", "*");
    res.setHeader("access-control-expose-headers", EXPOSED_HEADERS);
    if (method === "OPTIONS" && req.headers["access-control-request-method"]) {
      res.writeHead(204, {
        "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE",
        "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "*",
        "access-control-max-age": "600",
      });
      return void res.end();
    }
    let route: ReturnType<SpecIndex["route"]>;
    try {
      route = this.spec.route(method, url.pathname);
    } catch (e) {
      if (!(e instanceof URIError)) throw e;
      return this.#reject(
        res,
        400,
        `The path ${JSON.stringify(url.pathname.slice(0, 200))} has malformed percent-encoding`,
      );
    }
    const requestId = `req_${(++this.#ids).toString(36).padStart(8, "0")}`;
    const record: RecordedRequest = {
      method,
      pathname: url.pathname,
      rawQuery: url.search.slice(1),
      operationId: route?.op.operationId,
      headers: req.headers,
      handled: false,
      at: this.clock.now(),
    };
    keepLast(this.requests, this.logSize, record);
    const fault = this.faults.take(method, url.pathname, route?.op.operationId);
    if (fault) record.fault = fault.type;
    const log = (status: number | string) =>
      this.options.logger?.(
        `${method} ${url.pathname} ${status} ${Math.round(performance.now() - started)}ms`,
      );

    // Faults that act before the request takes effect.
    if (fault?.type === "reset" && fault.when === "before-handler")
      return (log("reset"), req.socket.destroy());
    if (fault?.type === "stall" && fault.when === "before-handler") return log("stalled");
    if (fault?.type === "delay") await new Promise((r) => setTimeout(r, fault.ms));
    if (fault?.type === "status") {
      const reply = this.renderError(
        new SimError(kindOfStatus(fault.status), reasonPhrase[fault.status] ?? "Error", [], fault.status),
        requestId,
      );
      const headers: Record<string, string> = { ...fault.headers };
      if (fault.retryAfter !== undefined) headers["retry-after"] = String(fault.retryAfter);
      if (fault.retryAfterMs !== undefined) headers["retry-after-ms"] = String(fault.retryAfterMs);
      if (fault.rateLimitReset !== undefined) headers["x-ratelimit-reset"] = String(fault.rateLimitReset);
      record.status = fault.status;
      log(fault.status);
      return this.#send(
        res,
        fault.status,
        fault.body ?? reply.body,
        { ...reply.headers, ...headers },
        requestId,
      );
    }
    if (fault?.type === "body" && fault.body !== "truncated") {
      const status = fault.status ?? 502;
      record.status = status;
      log(status);
      const html = fault.body === "html";
      res.writeHead(status, { "content-type": html ? "text/html" : "text/plain", "x-request-id": requestId });
      return void res.end(
        html
          ? `<html><body><h1>${status} ${reasonPhrase[status] ?? "Error"}</h1></body></html>`
          : "upstream connect error or disconnect/reset before headers",
      );
    }

    let reply: Reply;
    try {
      reply = this.#dispatch(route, req.headers, url, raw, requestId);
      record.handled = true;
    } catch (e) {
      const error = e instanceof SimError ? e : new SimError("internal", "Internal server error");
      if (!(e instanceof SimError)) this.options.logger?.(`simulator error: ${(e as Error).stack ?? e}`);
      reply = this.renderError(error, requestId);
      reply.headers = { ...reply.headers, ...error.headers };
    }
    if (route && this.options.validateResponses !== false) {
      keepLast(this.violations, this.logSize, ...this.spec.checkResponse(route.op, reply.status, reply.body));
    }
    log(reply.status);

    // Faults that act after the request took effect.
    if (fault?.type === "stall") return;
    const text = JSON.stringify(reply.body ?? {});
    if (fault?.type === "reset") {
      res.writeHead(reply.status, {
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(text)),
      });
      res.write(text.slice(0, Math.floor(text.length / 2)));
      return void setImmediate(() => req.socket.destroy());
    }
    record.status = reply.status;
    if (fault?.type === "body")
      return this.#send(
        res,
        reply.status,
        text.slice(0, Math.floor(text.length / 2)),
        reply.headers,
        requestId,
        true,
      );
    this.#send(res, reply.status, reply.body, reply.headers, requestId);
  }

  #dispatch(
    route: ReturnType<SpecIndex["route"]>,
    headers: IncomingHttpHeaders,
    url: URL,
    raw: string,
    requestId: string,
  ): Reply {
    if (!route) throw new SimError("not_found", `Route ${url.pathname} not found`);
    const authError = this.authenticate(headers);
    if (authError) throw authError;
    const limit = this.#rateLimit(headers);
    if (limit?.exceeded) {
      const retryAfter = String(Math.max(1, Math.ceil(limit.retryAfterMs / 1000)));
      throw new SimError(
        "rate_limited",
        `Rate limit of ${limit.limit} requests per minute exceeded`,
        [],
        429,
        {
          ...this.rateLimitHeaders(limit),
          "retry-after": retryAfter,
        },
      );
    }
    const parsed = this.spec.parse(route.op, url.searchParams, route.path);
    if (Array.isArray(parsed))
      throw new SimError("validation", parsed.map((i) => i.message).join("; "), parsed);
    let body: unknown;
    if (raw.length) {
      if (!/^application\/json\b/i.test(header(headers, "content-type") ?? "")) {
        throw new SimError("bad_request", "Request body must be application/json");
      }
      try {
        body = JSON.parse(raw);
      } catch {
        throw new SimError("bad_request", "Request body is not valid JSON");
      }
    }
    const bodyIssues = this.spec.checkBody(route.op, body);
    if (bodyIssues.length)
      throw new SimError("validation", bodyIssues.map((i) => i.message).join("; "), bodyIssues);
    const handler = this.handlers[route.op.operationId];
    if (!handler) throw new SimError("internal", `no handler for ${route.op.operationId}`);
    const now = this.clock.now();
    this.tick(now);
    const ctx: RequestContext = {
      op: route.op,
      query: parsed.query,
      path: parsed.path,
      body,
      headers,
      requestId,
      now,
    };
    const reply = handler(ctx);
    return {
      ...reply,
      headers: {
        ...(limit ? this.rateLimitHeaders(limit) : {}),
        ...this.successHeaders(ctx),
        ...reply.headers,
      },
    };
  }

  #rateLimit(headers: IncomingHttpHeaders): RateLimitState | undefined {
    if (this.#limiter === undefined) {
      const limit =
        this.options.rateLimit === false ? undefined : (this.options.rateLimit ?? this.documentedRateLimit);
      this.#limiter = limit ? new RateLimiter(limit, this.options.rateLimitWindowMs) : null;
    }
    return this.#limiter?.hit(this.apiKeyOf(headers), this.clock.now());
  }

  #send(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> | undefined,
    requestId: string,
    rawText = false,
  ) {
    const text = rawText ? String(body) : JSON.stringify(body ?? {});
    res.writeHead(status, {
      "content-type": "application/json",
      "content-length": String(Buffer.byteLength(text)),
      "x-request-id": requestId,
      ...headers,
    });
    res.end(text);
  }
}
