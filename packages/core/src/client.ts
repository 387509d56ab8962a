// The shared engine under every provider client: configuration and credentials, input validation, retries,
// time-outs, cancellation, typed errors and logging, calling fetch from each operation's generated spec.
import { APIPromise, type WithResponse } from "./api-promise.js";
import { encodeBody, readAnswer, type Binary, type StreamFactory } from "./bodies.js";
import type { EventStream } from "./event-stream.js";
import type { JsonLinesStream } from "./json-lines.js";
import { ApiAbortError, ApiConnectionError, ApiError, ApiTimeoutError, ValidationError } from "./errors.js";
import { createLog, redactor, safeHeaders, type Log, type Logger, type LogLevel } from "./logging.js";
import { checkBaseUrl, checkCallOptions, checkCredential, checkDelay } from "./options.js";
import { causeChain, describeFailure, redactCause } from "./redact.js";
import { fetchFollowingSafely, type FetchLike } from "./redirects.js";
import {
  DEFAULT_RETRY,
  backoffMs,
  retryable,
  serverWaitMs,
  type Failure,
  type RetryClass,
  type RetryTuning,
} from "./retry.js";
import { SlidingWindowLimiter, type RateLimit, type RateLimiter } from "./rate-limit.js";
import { CallScope } from "./signals.js";
import { validateInput, type OperationSpec } from "./validate.js";
import { authorize, cookiePair, target, type CredentialSource, type CredentialValue } from "./wire.js";

type Env = Readonly<Record<string, string | undefined>>;

/** Options every provider client accepts (credentials are provider-specific and added by each package). */
export interface ClientOptions {
  /** Overrides the spec's server and the `<PROVIDER>_BASE_URL` env var. */
  baseUrl?: string;
  /** A fetch implementation (default: the global one). */
  fetch?: (input: Request) => Promise<Response>;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  /** Time limit of one attempt, body included (default 60 s). */
  timeoutMs?: number;
  /** Time limit of a whole call, retries and waits included (default none). */
  deadlineMs?: number;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Receives one line per request attempt; see `logLevel`. */
  logger?: Logger;
  /** Default "info" when a logger is given. */
  logLevel?: LogLevel;
  /** Where credentials and the base URL are read from (default `process.env` where it exists). */
  env?: Env;
  /** Backoff tuning. */
  retry?: Partial<RetryTuning>;
  /**
   * Client-side rate limiting, so requests wait instead of being answered 429. Default: the provider's published
   * limit when calling its own server (none for another base URL), and always a pause while its
   * `x-ratelimit-remaining` headers say the window is spent. A `{ limit, windowMs }` sets the local limit; a
   * RateLimiter (e.g. `@agentruns/ratelimit-redis`, shared by processes) replaces it; `false` turns it all off.
   */
  rateLimit?: RateLimit | RateLimiter | false;
}

/** Per-call options. */
export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  deadlineMs?: number;
  maxRetries?: number;
  headers?: Record<string, string>;
}

/** What a provider package declares; everything else is shared. */
export interface ProviderDefinition<Ops> {
  title: string;
  provider: {
    readonly credentials: readonly CredentialSource[];
    /** Options every operation needs, checked at construction (absent: all of `credentials`). */
    readonly requiredOptions?: readonly string[];
    /** The spec's server, the default base URL (null: the spec has none, `baseUrl` is required). */
    readonly serverUrl?: string | null;
    /** Env vars that override the spec's server, first set one wins. */
    readonly baseUrlEnv?: readonly string[];
    /** The provider's published per-key limit, applied when calling its own server. */
    readonly rateLimit?: RateLimit;
  };
  /**
   * Every operation by operationId, for calls by name. Absent in a client meant to tree-shake: its calls pass the
   * operation's own constant (`<operationId>Operation`) instead, so a bundle holds only the operations it uses.
   */
  operationTable?: { readonly [K in keyof Ops]: OperationSpec };
  /**
   * Makes an answer's event stream (core's `eventStream`): passed by clients whose spec has streaming operations, so
   * the others bundle no SSE parser. Without it a `text/event-stream` answer is read like any other text.
   */
  stream?: StreamFactory;
  /**
   * Makes an answer's JSON-lines stream (core's `jsonLinesStream`), for clients whose spec streams
   * `application/x-ndjson` or `application/jsonl`; without it such an answer is read as a Blob.
   */
  lines?: StreamFactory;
  /** Non-GET operations that are safe to repeat (e.g. stop). All other non-GETs are treated as creating something. */
  idempotent?: readonly (keyof Ops)[];
}

type Params<Op> = Op extends { parameters: infer P } ? P : never;
type ContentOf<R> = R extends { content: infer C } ? C : never;
type JsonKey<C> = Extract<keyof C, "application/json" | `application/${string}+json`>;
/** Newline-delimited JSON media types (see json-lines.ts). */
type LinesKey<C> = Extract<
  keyof C,
  | "application/x-ndjson"
  | "application/ndjson"
  | "application/jsonl"
  | "application/x-jsonlines"
  | "application/jsonlines"
>;
/** A multipart field declared as a string may carry a file. */
type Uploadable<T> = { [K in keyof T]: T[K] extends string | undefined ? T[K] | Blob : T[K] };
/** What a request body of these media types takes: JSON, multipart fields, form fields, or raw bytes. */
type RequestValue<C> = [JsonKey<C>] extends [never]
  ? "multipart/form-data" extends keyof C
    ? Uploadable<C["multipart/form-data"]>
    : "application/x-www-form-urlencoded" extends keyof C
      ? C["application/x-www-form-urlencoded"]
      : [keyof C] extends [never]
        ? undefined
        : Binary
  : C[JsonKey<C>];
/** What a success answer of these media types is: parsed JSON, text, an event stream, or a Blob. */
type ResponseValue<C> = [keyof C] extends [never]
  ? undefined
  : | C[JsonKey<C>]
    | ("text/event-stream" extends keyof C ? EventStream<C["text/event-stream"]> : never)
    | (LinesKey<C> extends never ? never : JsonLinesStream<C[LinesKey<C>]>)
    | (Exclude<keyof C, JsonKey<C> | LinesKey<C> | "text/event-stream"> extends infer K
        ? K extends `text/${string}`
          ? string
          : K extends string
            ? Blob
            : never
        : never);
/** Path parameters of an operation. */
export type PathOf<Op> = Params<Op> extends { path?: infer X } ? X : never;
/** Header parameters of an operation. */
export type HeaderOf<Op> = NonNullable<Params<Op> extends { header?: infer H } ? H : never>;
/** Cookie parameters of an operation. */
export type CookieOf<Op> = NonNullable<Params<Op> extends { cookie?: infer C } ? C : never>;
/** Query parameters of an operation. */
export type QueryOf<Op> = NonNullable<Params<Op> extends { query?: infer Q } ? Q : never>;
/** Request body of an operation, as its media type takes it (JSON, multipart fields with Blobs, bytes). */
export type BodyOf<Op> = Op extends { requestBody?: infer R }
  ? RequestValue<ContentOf<NonNullable<R>>>
  : never;
/** Success answer of an operation, as its media type gives it (JSON, text, an EventStream, a Blob). */
export type ResultOf<Op> = Op extends { responses: infer Rs }
  ? {
      [S in keyof Rs]: S extends 200 | 201 | 202 | 203 | 206 ? ResponseValue<ContentOf<Rs[S]>> : never;
    }[keyof Rs]
  : never;

export interface CallInput<Op> {
  path?: PathOf<Op>;
  query?: QueryOf<Op>;
  /** Header parameters the spec declares (credentials are options of the client, not parameters). */
  header?: HeaderOf<Op>;
  /** Cookie parameters the spec declares, sent in one `Cookie` header. */
  cookie?: CookieOf<Op>;
  body?: BodyOf<Op>;
}

/** A call's input, or a function that builds it: anything it throws becomes the call's rejection, never a throw. */
export type InputOf<Op> = CallInput<Op> | (() => CallInput<Op>);

/** An operation: its operationId (looked up in the client's table), or its generated constant. */
export type OperationRef<K extends string> = K | (OperationSpec & { readonly operationId: K });

const processEnv = (): Env => (globalThis as { process?: { env?: Env } }).process?.env ?? {};

const requestIdOf = (response: Response, body: unknown): string | undefined =>
  response.headers.get("x-request-id") ??
  response.headers.get("request-id") ??
  ((body as { error?: { request_id?: unknown } } | undefined)?.error?.request_id as string | undefined) ??
  undefined;

/** Codes that prove the request never left: the connection was refused, or the host name did not resolve. */
const NEVER_SENT = new Set(["ECONNREFUSED", "ConnectionRefused", "ENOTFOUND", "EAI_AGAIN"]);

/** True when the error proves the request never reached the server. */
function refused(error: unknown): boolean {
  for (const e of causeChain(error)) {
    if (typeof e.code === "string" && NEVER_SENT.has(e.code)) return true;
    if (typeof e.message === "string" && /ECONNREFUSED|connection refused|ENOTFOUND/i.test(e.message))
      return true;
  }
  return false;
}

/** The limiter a client's `rateLimit` option asks for (see ClientOptions.rateLimit). */
function limiterFor(
  option: RateLimit | RateLimiter | false | undefined,
  provider: { readonly serverUrl?: string | null; readonly rateLimit?: RateLimit },
  /** The client's base URL without a trailing slash. */
  base: string,
  where: string,
): RateLimiter | undefined {
  if (option === false) return undefined;
  if (option && typeof (option as RateLimiter).acquire === "function") return option as RateLimiter;
  if (option) {
    const { limit, windowMs } = option as RateLimit;
    if (!(limit >= 1) || !(windowMs > 0) || !Number.isFinite(limit) || !Number.isFinite(windowMs)) {
      throw new ValidationError(
        `${where}: rateLimit must be { limit >= 1, windowMs > 0 }, a RateLimiter, or false`,
        "rateLimit",
      );
    }
    return new SlidingWindowLimiter(option as RateLimit);
  }
  const own = !!provider.serverUrl && base === provider.serverUrl.replace(/\/+$/, "");
  return new SlidingWindowLimiter(own ? provider.rateLimit : undefined);
}

/** Sets a header under its lower-case name, so later sources replace earlier ones whatever their case. */
const put = (headers: Record<string, string>, name: string, value: unknown): void => {
  if (value !== undefined) headers[name.toLowerCase()] = String(value);
};

/** An operation's name in messages: its operationId, or method and path. */
export const operationId = (operation: string | OperationSpec): string =>
  typeof operation === "string"
    ? operation
    : (operation.operationId ?? `${operation.method} ${operation.path}`);

/** A call's input, built now if it is a function (so what it throws becomes the rejection). */
export const resolveInput = <Op>(input: InputOf<Op>): CallInput<Op> =>
  typeof input === "function" ? input() : (input ?? {});

/** Said of a create whose outcome is unknown, so nobody repeats it blindly. */
const MAY_HAVE_TAKEN_EFFECT =
  "; the request may have reached the server and taken effect, so it was not retried: check before repeating it";

/** What the core's standalone functions (paginate.ts, raw-client.ts) read of a client: not part of the public API. */
export interface ClientInternals {
  readonly title: string;
  /** The operation's spec: the constant passed, or the table's entry for a name; throws ValidationError if none. */
  spec(operation: string | OperationSpec): OperationSpec;
  /** One call: validated, sent, retried; resolves to the success body or rejects with a typed error. */
  execute(
    id: string,
    spec: OperationSpec,
    input: CallInput<unknown>,
    options: RequestOptions,
  ): Promise<WithResponse<unknown>>;
  /** What a raw (openapi-fetch) client needs to send as this client does (rawClient). */
  settings(): {
    credentials: ReadonlyMap<string, CredentialValue>;
    env: Env;
    baseUrl: string;
    fetch: FetchLike | undefined;
    headers: Record<string, string> | undefined;
    /** The client's log when its level is debug, else undefined. */
    debug: Log | undefined;
    /** Headers a debug line masks. */
    masked: readonly string[];
  };
}

/**
 * A client's internals, for the core's own standalone functions (`paginate`, `rawClient`), which live outside the
 * class so that a bundle that never lists holds no paging code, and only the full clients hold openapi-fetch.
 */
export let internalsOf: (client: BaseClient<any>) => ClientInternals;

export class BaseClient<Ops> {
  static {
    internalsOf = (client) => ({
      title: client.#def.title,
      spec: (operation) => client.#spec(operation),
      execute: (id, spec, input, options) => client.#execute(id, spec, input, options),
      settings: () => ({
        credentials: client.#values,
        env: client.#env,
        baseUrl: client.#base,
        fetch: client.#fetch,
        headers: client.#options.headers,
        debug: client.#debug ? client.#log : undefined,
        masked: client.#masked,
      }),
    });
  }

  /** The operations type, for inference by the standalone functions (`paginate(client, …)`); never set at run time. */
  declare readonly "~operations"?: Ops;
  readonly #def: ProviderDefinition<Ops>;
  readonly #options: ClientOptions;
  readonly #retry: RetryTuning;
  readonly #idempotent: ReadonlySet<keyof Ops>;
  readonly #redact: (text: string) => string;
  readonly #log: Log;
  readonly #fetch: FetchLike | undefined;
  /** Options of the credentials this client was given. */
  readonly #provided: ReadonlySet<string>;
  /** The credentials given, by option. */
  readonly #values: ReadonlyMap<string, CredentialValue>;
  /** Whether a credential is a token provider (asked again for every attempt). */
  readonly #tokenProviders: boolean;
  /** The base URL without a trailing slash. */
  readonly #base: string;
  /** The client's own headers, by lower-case name. */
  readonly #headers: Record<string, string> = {};
  readonly #debug: boolean;
  /** Headers whose values a debug line masks. */
  readonly #masked: readonly string[];
  readonly #env: Env;
  readonly #limiter: RateLimiter | undefined;

  constructor(def: ProviderDefinition<Ops>, options: ClientOptions & Record<string, unknown> = {}) {
    const where = `new ${def.title}()`;
    checkCallOptions(options, where);
    for (const [name, value] of Object.entries(options.retry ?? {}))
      checkDelay(`retry.${name}`, value, where);
    if (options.fetch !== undefined && typeof options.fetch !== "function") {
      throw new ValidationError(`${where}: fetch must be a function`, "fetch");
    }
    this.#def = def;
    this.#options = options;
    this.#retry = { ...DEFAULT_RETRY, ...options.retry };
    this.#idempotent = new Set(def.idempotent ?? []);
    const env = options.env ?? processEnv();
    const credentials: Record<string, string | (() => string | Promise<string>)> = {};
    const required = def.provider.requiredOptions ?? def.provider.credentials.map((c) => c.option);
    for (const c of def.provider.credentials) {
      const value = options[c.option] ?? env[c.env];
      if (typeof value === "function" && c.kind === "bearer") {
        credentials[c.option] = value as () => string;
        continue;
      }
      if (typeof value !== "string" || value === "") {
        if (!required.includes(c.option)) continue;
        throw new ValidationError(
          `Missing ${def.title} credential "${c.option}": pass { ${c.option} } to new ${def.title}() or set ${c.env}.`,
          c.option,
        );
      }
      checkCredential(def.title, c.option, value);
      credentials[c.option] = value;
    }
    this.#provided = new Set(Object.keys(credentials));
    const fromEnv = (def.provider.baseUrlEnv ?? []).find((name) => !!env[name]);
    const baseUrl =
      options.baseUrl !== undefined
        ? checkBaseUrl(def.title, options.baseUrl, "baseUrl")
        : fromEnv
          ? checkBaseUrl(def.title, env[fromEnv], fromEnv)
          : (def.provider.serverUrl ?? undefined);
    if (baseUrl === undefined) {
      throw new ValidationError(
        `${def.title} has no default server in its spec: pass { baseUrl } to new ${def.title}() or set ${def.provider.baseUrlEnv?.[0] ?? "its base-URL env var"}.`,
        "baseUrl",
      );
    }
    this.#redact = redactor(Object.values(credentials).filter((v): v is string => typeof v === "string"));
    this.#log = createLog(options.logger, options.logLevel ?? "info", this.#redact);
    this.#fetch = options.fetch;
    this.#values = new Map(Object.entries(credentials));
    this.#tokenProviders = [...this.#values.values()].some((v) => typeof v === "function");
    this.#base = (baseUrl ?? "").replace(/\/+$/, "");
    for (const name in options.headers) put(this.#headers, name, options.headers[name]);
    this.#debug = !!options.logger && options.logLevel === "debug";
    this.#masked = [
      "authorization",
      "cookie",
      ...def.provider.credentials.flatMap((c) => (c.header ? [c.header] : [])),
    ];
    this.#env = env;
    this.#limiter = limiterFor(options.rateLimit, def.provider, this.#base, where);
  }

  /** Calls one operation of the spec; resolves to its success body (or `map` of it). Never throws: it rejects. */
  request<K extends keyof Ops & string, R = ResultOf<Ops[K]>>(
    operation: OperationRef<K>,
    input: InputOf<Ops[K]>,
    options: RequestOptions = {},
    map?: (data: ResultOf<Ops[K]>) => R,
  ): APIPromise<R> {
    return new APIPromise(this.#call(operation, input, options, map));
  }

  /** `request`'s work; async, so anything it throws (an unknown operation, a bad input function) is a rejection. */
  async #call<R>(
    operation: string | OperationSpec,
    input: InputOf<unknown>,
    options: RequestOptions,
    map: ((data: any) => R) | undefined,
  ): Promise<WithResponse<R>> {
    const id = operationId(operation);
    const spec = this.#spec(operation);
    const r = await this.#execute(id, spec, resolveInput(input) as CallInput<unknown>, options);
    return map ? { ...r, data: this.#mapped(id, spec, r, map) } : (r as WithResponse<R>);
  }

  /** The operation's spec: the constant passed, or the table's entry for a name. */
  #spec(operation: string | OperationSpec): OperationSpec {
    if (typeof operation !== "string") return operation;
    const spec = (this.#def.operationTable as Record<string, OperationSpec> | undefined)?.[operation];
    if (!spec) {
      throw new ValidationError(
        `${this.#def.title} has no operation "${operation}"` +
          (this.#def.operationTable
            ? ""
            : " in this client: call it through its function or the full client"),
        "operationId",
      );
    }
    return spec;
  }

  /** `map` of a success body; a body without what the method returns is an error, not `undefined` or a TypeError. */
  #mapped<R>(id: string, spec: OperationSpec, r: WithResponse<unknown>, map: (data: unknown) => R): R {
    const data = r.data !== null && typeof r.data === "object" ? map(r.data) : undefined;
    if (data !== undefined) return data;
    const creates = spec.method !== "GET" && !this.#idempotent.has(id as keyof Ops);
    throw new ApiConnectionError(
      this.#redact(
        `${this.#def.title} ${spec.method} ${r.response.url ? new URL(r.response.url).pathname : spec.path} answered ` +
          `${r.response.status} without the expected body (${r.data === undefined ? "empty" : "a different shape"})` +
          (creates ? MAY_HAVE_TAKEN_EFFECT : ""),
      ),
      1,
      false,
    );
  }

  /** Rejects before any I/O when none of the operation's security alternatives can be filled. */
  #checkCredentials(spec: OperationSpec, where: string): void {
    const alternatives = spec.security ?? [];
    if (!alternatives.length) return;
    const all = this.#def.provider.credentials;
    const missing = alternatives.map((schemes) =>
      all.filter((c) => schemes.includes(c.scheme ?? "") && !this.#provided.has(c.option)),
    );
    if (missing.some((m) => m.length === 0)) return;
    const need = missing[0]![0]!;
    throw new ValidationError(
      `${where} needs the ${this.#def.title} credential "${need.option}": pass { ${need.option} } to new ${this.#def.title}() or set ${need.env}.`,
      need.option,
    );
  }

  /** The error body as the caller will see it: empty text becomes undefined, and no credential survives. */
  #redactBody(body: unknown): unknown {
    if (body === "" || body === undefined) return undefined;
    return typeof body === "string" ? this.#redact(body) : JSON.parse(this.#redact(JSON.stringify(body)));
  }

  async #execute(
    operationId: string,
    spec: OperationSpec,
    input: CallInput<unknown>,
    options: RequestOptions,
  ): Promise<WithResponse<unknown>> {
    const title = this.#def.title;
    const where = `${title} ${operationId}`;
    if (options === null || typeof options !== "object") {
      throw new ValidationError(`${where}: request options must be an object`, "options");
    }
    checkCallOptions(options, where);
    if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
      throw new ValidationError(`${where}: signal must be an AbortSignal`, "signal");
    }
    validateInput(spec, input as Record<string, unknown>, where);
    this.#checkCredentials(spec, where);
    const cls: RetryClass =
      spec.method === "GET" || this.#idempotent.has(operationId as keyof Ops) ? "idempotent" : "create";
    const sending = input.body === undefined || !spec.body ? undefined : encodeBody(spec, input.body);
    // A streamed upload cannot be sent twice.
    const maxRetries = sending?.stream ? 0 : (options.maxRetries ?? this.#options.maxRetries ?? 2);
    const timeoutMs = options.timeoutMs ?? this.#options.timeoutMs ?? 60_000;
    const deadlineMs = options.deadlineMs ?? this.#options.deadlineMs;
    const { path, search } = target(
      spec,
      input.path as Record<string, unknown> | undefined,
      input.query as object,
    );
    const label = `${spec.method} ${path}`;
    // Precedence, lowest first: the JSON content type, the client's headers, credentials, another media type of the
    // body, header and cookie parameters, the call's headers. Built again for a retry when a token provider is in
    // play, so that every attempt carries the token of its time (a long Retry-After can outlive a short-lived token).
    const json = sending !== undefined && !spec.body?.media;
    const prepare = async (): Promise<[string, Record<string, string>]> => {
      const headers: Record<string, string> = json
        ? { "content-type": "application/json", ...this.#headers }
        : { ...this.#headers };
      // A stream-only operation asks for its stream; the client's and the call's headers still win.
      if (spec.accept && !("accept" in headers)) headers.accept = spec.accept;
      const url = await authorize(
        spec,
        this.#def.provider.credentials,
        this.#values,
        headers,
        this.#base + path + search,
      );
      if (sending?.contentType && !json) headers["content-type"] = sending.contentType;
      if (input.header)
        for (const name in input.header) put(headers, name, (input.header as Record<string, unknown>)[name]);
      if (input.cookie) {
        const cookies = Object.entries(input.cookie as Record<string, unknown>)
          .filter(([, v]) => v !== undefined)
          .map(([name, v]) => cookiePair(name, v));
        if (cookies.length) headers.cookie = [...cookies, headers.cookie].filter(Boolean).join("; ");
      }
      if (options.headers) for (const name in options.headers) put(headers, name, options.headers[name]);
      return [url, headers];
    };
    let [url, headers] = await prepare();
    // The caller's signal and the deadline end the whole call: attempts and the waits between them.
    const scope = new CallScope(options.signal, deadlineMs);
    /** The error for a call the caller aborted or the deadline ended. */
    const cancelled = (attempt: number): Error =>
      scope.cancelled === "abort"
        ? new ApiAbortError(this.#redact(`${title} ${label} was aborted`), attempt, { cause: scope.reason })
        : new ApiTimeoutError(
            this.#redact(`${title} ${label} exceeded its ${deadlineMs} ms deadline`),
            attempt,
            "deadline",
          );
    let waited = 0;
    try {
      for (let attempt = 1; ; attempt++) {
        if (scope.cancelled) throw cancelled(attempt - 1);
        // Waits for the rate limiter first (outside the attempt's time limit, inside the call's deadline).
        if (this.#limiter) {
          try {
            // A wait can only be cut short by the caller's signal or the deadline; without either, no signal is made.
            await this.#limiter.acquire(
              options.signal || deadlineMs !== undefined ? scope.signal : undefined,
            );
          } catch {
            if (scope.cancelled) throw cancelled(attempt - 1);
            throw new ApiConnectionError(
              this.#redact(`${title} ${label}: the rate limiter failed`),
              attempt - 1,
              true,
            );
          }
        }
        if (attempt > 1 && this.#tokenProviders) [url, headers] = await prepare();
        const signal = scope.begin(timeoutMs);
        if (this.#debug)
          this.#log(
            "debug",
            `${title} ${spec.method} ${path} headers`,
            safeHeaders(new Headers(headers), this.#masked),
          );
        const started = Date.now();
        let failure: Failure;
        let error: Error;
        try {
          const response = await fetchFollowingSafely(
            url,
            spec.method,
            headers,
            sending?.body,
            signal,
            this.#fetch,
            title,
          );
          const ms = Date.now() - started;
          this.#limiter?.observe?.(response.headers, Date.now());
          // No body to read: 204, HEAD, or an explicit empty length (as openapi-fetch decides it).
          const empty =
            response.status === 204 ||
            spec.method === "HEAD" ||
            (response.headers.get("content-length") === "0" &&
              !response.headers.get("transfer-encoding")?.includes("chunked"));
          if (response.ok) {
            const data = empty
              ? undefined
              : await readAnswer(
                  response,
                  spec,
                  options.signal,
                  `${title} ${label}`,
                  this.#def.stream,
                  this.#def.lines,
                );
            this.#log("info", `${title} ${label} ${response.status} ${ms}ms attempt ${attempt}`);
            return { data, response, requestId: requestIdOf(response, undefined) };
          }
          let errorBody: unknown = empty ? undefined : await response.text();
          try {
            errorBody = JSON.parse(errorBody as string);
          } catch {
            // not JSON: the text as it came
          }
          const wait = serverWaitMs(response.headers, Date.now(), response.status);
          const body = this.#redactBody(errorBody);
          error = ApiError.for(
            {
              status: response.status,
              headers: response.headers,
              body,
              requestId: requestIdOf(response, body),
              attempts: attempt,
              method: spec.method,
              path,
              retryAfterMs: wait,
            },
            this.#redact,
          );
          failure = { kind: "status", status: response.status };
        } catch (e) {
          const timedOut = scope.end();
          if (scope.cancelled) throw cancelled(attempt);
          if (e instanceof ApiConnectionError) throw e; // a redirect that must not be followed
          const note = cls === "create" ? MAY_HAVE_TAKEN_EFFECT : "";
          if (timedOut) {
            error = new ApiTimeoutError(
              this.#redact(`${title} ${label} timed out after ${timeoutMs} ms (attempt ${attempt})${note}`),
              attempt,
              "attempt",
            );
            failure = { kind: "timeout" };
          } else {
            const isRefused = refused(e);
            const what =
              e instanceof SyntaxError
                ? "returned a body that is not valid JSON"
                : `failed: ${describeFailure(e)}`;
            error = new ApiConnectionError(
              this.#redact(`${title} ${label} ${what}${isRefused ? "" : note}`),
              attempt,
              isRefused,
              { cause: redactCause(e, this.#redact) },
            );
            failure = { kind: "connection", refused: isRefused };
          }
        } finally {
          scope.end();
        }
        const status = failure.kind === "status" ? failure.status : failure.kind;
        const serverWait = error instanceof ApiError ? error.retryAfterMs : undefined;
        const canRetry = attempt <= maxRetries && retryable(cls, failure);
        const delay = serverWait ?? backoffMs(attempt - 1, this.#retry, Math.random);
        if (
          !canRetry ||
          (serverWait ?? 0) > this.#retry.maxRetryAfterMs ||
          waited + delay > this.#retry.budgetMs
        ) {
          this.#log(
            failure.kind === "status" && failure.status < 500 ? "warn" : "error",
            `${title} ${label} ${status} ${Date.now() - started}ms attempt ${attempt}`,
            {
              requestId: error instanceof ApiError ? error.requestId : undefined,
            },
          );
          throw error;
        }
        this.#log(
          "warn",
          `${title} ${label} ${status} ${Date.now() - started}ms attempt ${attempt}, retrying in ${delay}ms`,
        );
        waited += delay;
        await scope.sleep(delay);
        if (scope.cancelled) throw cancelled(attempt);
      }
    } finally {
      scope.dispose();
    }
  }
}
