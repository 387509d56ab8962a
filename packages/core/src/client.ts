// The shared engine under every provider client: configuration and credentials, input validation, retries,
// time-outs, cancellation, typed errors and logging, around the generated openapi-fetch client.
import { APIPromise, type WithResponse } from "./api-promise.js";
import { ApiAbortError, ApiConnectionError, ApiError, ApiTimeoutError, ValidationError } from "./errors.js";
import { createLog, redactor, safeHeaders, type Log, type Logger, type LogLevel } from "./logging.js";
import { PagePromise, type Paginator } from "./pagination.js";
import {
  DEFAULT_RETRY,
  backoffMs,
  retryable,
  serverWaitMs,
  type Failure,
  type RetryClass,
  type RetryTuning,
} from "./retry.js";
import { anySignal, sleep, timer } from "./signals.js";
import { validateInput, type OperationSpec } from "./validate.js";

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
}

/** Per-call options. */
export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  deadlineMs?: number;
  maxRetries?: number;
  headers?: Record<string, string>;
}

interface Credential {
  readonly option: string;
  readonly env: string;
  readonly header: string;
}

/** What a provider package declares; everything else is shared. */
export interface ProviderDefinition<Ops> {
  title: string;
  provider: { readonly credentials: readonly Credential[] };
  /** The generated createClient of `@agentruns/<provider>-openapi`. */
  createClient: (options: any) => unknown;
  operationTable: { readonly [K in keyof Ops]: OperationSpec };
  /** Non-GET operations that are safe to repeat (e.g. stop). All other non-GETs are treated as creating something. */
  idempotent?: readonly (keyof Ops)[];
}

type Params<Op> = Op extends { parameters: infer P } ? P : never;
type JsonOf<R> = R extends { content: { "application/json": infer B } } ? B : undefined;
/** Path parameters of an operation. */
export type PathOf<Op> = Params<Op> extends { path?: infer X } ? X : never;
/** Query parameters of an operation. */
export type QueryOf<Op> = NonNullable<Params<Op> extends { query?: infer Q } ? Q : never>;
/** JSON request body of an operation. */
export type BodyOf<Op> = Op extends { requestBody?: infer R } ? JsonOf<NonNullable<R>> : never;
/** JSON body of an operation's success response(s). */
export type ResultOf<Op> = Op extends { responses: infer Rs }
  ? { [S in keyof Rs]: S extends 200 | 201 | 202 | 203 ? JsonOf<Rs[S]> : never }[keyof Rs]
  : never;

export interface CallInput<Op> {
  path?: PathOf<Op>;
  query?: QueryOf<Op>;
  body?: BodyOf<Op>;
}

interface RawClient {
  request(
    method: string,
    path: string,
    init: Record<string, unknown>,
  ): Promise<{ data?: unknown; error?: unknown; response: Response }>;
  use(...middleware: unknown[]): void;
}

const processEnv = (): Env => (globalThis as { process?: { env?: Env } }).process?.env ?? {};

const requestIdOf = (response: Response, body: unknown): string | undefined =>
  response.headers.get("x-request-id") ??
  response.headers.get("request-id") ??
  ((body as { error?: { request_id?: unknown } } | undefined)?.error?.request_id as string | undefined) ??
  undefined;

/** True when the error says the connection was refused, i.e. the request never reached the server. */
function refused(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; cause?: unknown; message?: unknown } | undefined, i = 0;
    e && i < 4;
    e = e.cause as typeof e, i++
  ) {
    if (e.code === "ECONNREFUSED" || e.code === "ConnectionRefused") return true;
    if (typeof e.message === "string" && /ECONNREFUSED|connection refused/i.test(e.message)) return true;
  }
  return false;
}

export class BaseClient<Ops> {
  /** The generated openapi-fetch client, for anything the ergonomic methods do not cover. */
  readonly raw: unknown;
  readonly #def: ProviderDefinition<Ops>;
  readonly #options: ClientOptions;
  readonly #retry: RetryTuning;
  readonly #idempotent: ReadonlySet<keyof Ops>;
  readonly #redact: (text: string) => string;
  readonly #log: Log;

  constructor(def: ProviderDefinition<Ops>, options: ClientOptions & Record<string, unknown> = {}) {
    this.#def = def;
    this.#options = options;
    this.#retry = { ...DEFAULT_RETRY, ...options.retry };
    this.#idempotent = new Set(def.idempotent ?? []);
    const env = options.env ?? processEnv();
    const credentials: Record<string, string> = {};
    for (const c of def.provider.credentials) {
      const value = options[c.option] ?? env[c.env];
      if (typeof value !== "string" || value === "") {
        throw new ValidationError(
          `Missing ${def.title} credential "${c.option}": pass { ${c.option} } to new ${def.title}() or set ${c.env}.`,
          c.option,
        );
      }
      credentials[c.option] = value;
    }
    this.#redact = redactor(Object.values(credentials));
    this.#log = createLog(options.logger, options.logLevel ?? "info", this.#redact);
    const raw = def.createClient({
      ...credentials,
      env,
      baseUrl: options.baseUrl,
      fetch: options.fetch,
      headers: options.headers,
    }) as RawClient;
    if (options.logger && options.logLevel === "debug") {
      const names = def.provider.credentials.map((c) => c.header);
      raw.use({
        onRequest: ({ request }: { request: Request }) => {
          this.#log(
            "debug",
            `${def.title} ${request.method} ${new URL(request.url).pathname} headers`,
            safeHeaders(request.headers, names),
          );
        },
      });
    }
    this.raw = raw;
  }

  /** Calls one operation of the spec; resolves to its success body (or `map` of it). */
  request<K extends keyof Ops & string, R = ResultOf<Ops[K]>>(
    operationId: K,
    input: CallInput<Ops[K]>,
    options: RequestOptions = {},
    map?: (data: ResultOf<Ops[K]>) => R,
  ): APIPromise<R> {
    return new APIPromise(
      this.#execute(operationId, input as CallInput<unknown>, options).then((r) => ({
        ...r,
        data: map ? map(r.data as ResultOf<Ops[K]>) : (r.data as R),
      })),
    );
  }

  /** Calls a list operation; the result is awaitable (one Page) and async-iterable (every item). */
  paginate<K extends keyof Ops & string, Item>(
    operationId: K,
    input: CallInput<Ops[K]>,
    paginator: Paginator<ResultOf<Ops[K]>, Item>,
    options: RequestOptions = {},
  ): PagePromise<Item, ResultOf<Ops[K]>> {
    const fetchPage = (query: Record<string, unknown>) =>
      this.#execute(operationId, { ...(input as CallInput<unknown>), query }, options) as Promise<
        WithResponse<ResultOf<Ops[K]>>
      >;
    const query = Object.fromEntries(Object.entries(input.query ?? {}).filter(([, v]) => v !== undefined));
    return new PagePromise(query, fetchPage, paginator);
  }

  /** The error body as the caller will see it: empty text becomes undefined, and no credential survives. */
  #redactBody(body: unknown): unknown {
    if (body === "" || body === undefined) return undefined;
    return typeof body === "string" ? this.#redact(body) : JSON.parse(this.#redact(JSON.stringify(body)));
  }

  async #execute(
    operationId: keyof Ops & string,
    input: CallInput<unknown>,
    options: RequestOptions,
  ): Promise<WithResponse<unknown>> {
    const spec = this.#def.operationTable[operationId];
    validateInput(spec, input as Record<string, unknown>, `${this.#def.title} ${operationId}`);
    const cls: RetryClass =
      spec.method === "GET" || this.#idempotent.has(operationId) ? "idempotent" : "create";
    const maxRetries = options.maxRetries ?? this.#options.maxRetries ?? 2;
    const timeoutMs = options.timeoutMs ?? this.#options.timeoutMs ?? 60_000;
    const deadline = timer(options.deadlineMs ?? this.#options.deadlineMs);
    const path = spec.path.replace(/\{([^}]+)\}/g, (_, n: string) =>
      encodeURIComponent(String((input.path as Record<string, unknown>)?.[n])),
    );
    const label = `${spec.method} ${path}`;
    const init = {
      params: { path: input.path, query: input.query },
      ...(input.body !== undefined ? { body: input.body } : {}),
      headers: options.headers,
    };
    // The caller's signal and the deadline end the whole call: attempts and the waits between them.
    const call = anySignal([options.signal, deadline.signal]);
    /** The error for a call the caller aborted or the deadline ended, if that is what happened. */
    const cancelled = (attempt: number): Error | undefined => {
      if (options.signal?.aborted) {
        return new ApiAbortError(`${this.#def.title} ${label} was aborted`, attempt, {
          cause: options.signal.reason,
        });
      }
      if (deadline.signal.aborted) {
        return new ApiTimeoutError(
          `${this.#def.title} ${label} exceeded its ${options.deadlineMs ?? this.#options.deadlineMs} ms deadline`,
          attempt,
          "deadline",
        );
      }
      return undefined;
    };
    let waited = 0;
    try {
      for (let attempt = 1; ; attempt++) {
        const attemptTimer = timer(timeoutMs);
        const signals = anySignal([call.signal, attemptTimer.signal]);
        const started = Date.now();
        let failure: Failure;
        let error: Error;
        try {
          const result = await (this.raw as RawClient).request(spec.method.toLowerCase(), spec.path, {
            ...init,
            signal: signals.signal,
          });
          const response = result.response;
          const ms = Date.now() - started;
          if (response.ok) {
            this.#log("info", `${this.#def.title} ${label} ${response.status} ${ms}ms attempt ${attempt}`);
            return { data: result.data, response, requestId: requestIdOf(response, undefined) };
          }
          const wait = serverWaitMs(response.headers, Date.now());
          const body = this.#redactBody(result.error);
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
          const stop = cancelled(attempt);
          if (stop) throw stop;
          if (attemptTimer.signal.aborted) {
            error = new ApiTimeoutError(
              `${this.#def.title} ${label} timed out after ${timeoutMs} ms (attempt ${attempt})`,
              attempt,
              "attempt",
            );
            failure = { kind: "timeout" };
          } else {
            const isRefused = refused(e);
            const what =
              e instanceof SyntaxError
                ? "returned a body that is not valid JSON"
                : `failed: ${(e as Error)?.message ?? e}`;
            error = new ApiConnectionError(
              this.#redact(`${this.#def.title} ${label} ${what}`),
              attempt,
              isRefused,
              { cause: e },
            );
            failure = { kind: "connection", refused: isRefused };
          }
        } finally {
          attemptTimer.clear();
          signals.dispose();
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
            `${this.#def.title} ${label} ${status} ${Date.now() - started}ms attempt ${attempt}`,
            {
              requestId: error instanceof ApiError ? error.requestId : undefined,
            },
          );
          throw error;
        }
        this.#log(
          "warn",
          `${this.#def.title} ${label} ${status} ${Date.now() - started}ms attempt ${attempt}, retrying in ${delay}ms`,
        );
        waited += delay;
        try {
          await sleep(delay, call.signal);
        } catch (e) {
          throw cancelled(attempt) ?? e;
        }
      }
    } finally {
      deadline.clear();
      call.dispose();
    }
  }
}
