// Every error the clients throw: one ApiError family for HTTP answers, and separate classes for transport, time-outs,
// aborts, pagination loops and invalid input. No field of any of them contains a credential.
import { redactHeaders } from "./redact.js";
import { AgentRunsError } from "./wire/errors.js";

export * from "./wire/errors.js";

/** A paginated list broke its own contract (a repeated cursor, an empty page that claims more). */
export class PaginationError extends AgentRunsError {}

export interface ApiErrorInit {
  status: number;
  headers: Headers;
  body: unknown;
  requestId: string | undefined;
  attempts: number;
  method: string;
  path: string;
  /** Server-requested wait before retrying, when it sent one. */
  retryAfterMs?: number;
}

/** The longest reason an error message quotes from its body. */
const REASON_MAX = 300;

/**
 * The reason a provider gives in an error body, in the shapes APIs use: `message`; `error` as a string or an object
 * (Google's `error.message`), with OAuth's `error_description`; `detail` as a string or FastAPI's list of
 * `{ loc, msg }`; RFC 9457's `title` and `detail`; `errors[]` of strings or objects. Joined with "; ", bounded.
 */
function reasonOf(v: unknown, depth = 0): string | undefined {
  if (typeof v === "string") return v.trim() || undefined;
  if (depth > 3 || !v || typeof v !== "object") return undefined;
  if (Array.isArray(v))
    return (
      v
        .map((x) => reasonOf(x, depth + 1))
        .filter(Boolean)
        .join("; ") || undefined
    );
  const o = v as Record<string, unknown>;
  const text = (x: unknown) => (typeof x === "string" ? x : undefined);
  if (text(o.msg)) return Array.isArray(o.loc) ? `${o.loc.join(".")}: ${o.msg}` : (o.msg as string);
  // RFC 9457 and OAuth name the kind of problem beside its detail.
  const pair =
    (text(o.title) && text(o.detail) && [o.title, o.detail]) ||
    (text(o.error) && text(o.error_description) && [o.error, o.error_description]);
  if (pair) return pair.join(": ");
  return (
    reasonOf(o.message, depth + 1) ??
    reasonOf(o.error, depth + 1) ??
    reasonOf(o.detail, depth + 1) ??
    reasonOf(o.errors, depth + 1) ??
    text(o.title)
  );
}

/** The reason of an error body (the body itself, as JSON, when it gives none), cut to REASON_MAX characters. */
function detailOf(body: unknown): string | undefined {
  const reason =
    reasonOf(body) ??
    (body && typeof body === "object" && Object.keys(body).length ? JSON.stringify(body) : undefined);
  return reason && reason.length > REASON_MAX ? `${reason.slice(0, REASON_MAX - 1)}…` : reason;
}

/** The API answered with an error status. Subclasses name the common statuses. */
export class ApiError extends AgentRunsError {
  readonly status: number;
  readonly headers: Headers;
  /** The parsed error body (JSON, else text; undefined when the body was empty). */
  readonly body: unknown;
  readonly requestId: string | undefined;
  /** How many attempts were made, retries included. */
  readonly attempts: number;
  readonly method: string;
  readonly path: string;
  readonly retryAfterMs: number | undefined;

  /** `redact` is applied to every field: message, headers, request id, path (the body is redacted by the caller). */
  constructor(init: ApiErrorInit, redact: (text: string) => string = (t) => t) {
    const detail = detailOf(init.body);
    super(
      redact(
        `${init.status} ${init.method} ${init.path}${detail ? `: ${detail}` : " (no error body)"}` +
          (init.requestId ? ` [request ${init.requestId}]` : "") +
          (init.attempts > 1 ? ` after ${init.attempts} attempts` : ""),
      ),
    );
    this.status = init.status;
    this.headers = redactHeaders(init.headers, redact);
    this.body = init.body;
    this.requestId = init.requestId === undefined ? undefined : redact(init.requestId);
    this.attempts = init.attempts;
    this.method = init.method;
    this.path = redact(init.path);
    this.retryAfterMs = init.retryAfterMs;
  }

  /** The subclass for a status. */
  static for(init: ApiErrorInit, redact?: (text: string) => string): ApiError {
    const Class = STATUS_CLASSES[init.status] ?? (init.status >= 500 ? InternalServerError : ApiError);
    return new Class(init, redact);
  }

  toJSON() {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      requestId: this.requestId,
      attempts: this.attempts,
      method: this.method,
      path: this.path,
      body: this.body,
    };
  }
}

export class BadRequestError extends ApiError {}
export class AuthenticationError extends ApiError {}
export class PermissionDeniedError extends ApiError {}
export class NotFoundError extends ApiError {}
export class ConflictError extends ApiError {}
export class UnprocessableEntityError extends ApiError {}
export class RateLimitError extends ApiError {}
export class InternalServerError extends ApiError {}

const STATUS_CLASSES: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** No usable HTTP answer: connection refused or reset, DNS failure, a body that broke off or could not be read. */
export class ApiConnectionError extends AgentRunsError {
  constructor(
    message: string,
    readonly attempts: number,
    /** True when the request provably never reached the server (connection refused). */
    readonly refused: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** An attempt took longer than `timeoutMs`, or the whole call longer than `deadlineMs`. */
export class ApiTimeoutError extends AgentRunsError {
  constructor(
    message: string,
    readonly attempts: number,
    readonly kind: "attempt" | "deadline",
  ) {
    super(message);
  }
}

/** The caller's AbortSignal fired. */
export class ApiAbortError extends AgentRunsError {
  constructor(
    message: string,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * A 2xx answer that is not what the operation declares: another media type, a body that is not valid JSON, or a body
 * without what the method returns (a list page without its items). The request did reach the server: for a create,
 * the message says it may have taken effect. `excerpt` is the start of the body, credentials removed.
 */
export class UnexpectedResponseError extends AgentRunsError {
  constructor(
    message: string,
    readonly status: number,
    /** The answer's Content-Type (undefined when it sent none). */
    readonly contentType: string | undefined,
    /** Up to 200 characters of the body as received, credentials removed (undefined: none was read). */
    readonly excerpt: string | undefined,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
