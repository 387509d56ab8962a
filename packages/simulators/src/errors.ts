// One error type for everything a simulator rejects; each provider renders it in its documented error shape.

export type SimErrorKind =
  | "bad_request"
  | "validation"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "internal";

/** One problem with a request: where (`["query", "limit"]`), what (Ajv keyword), and a sentence. */
export interface Issue {
  path: string[];
  keyword: string;
  message: string;
}

const STATUS: Record<SimErrorKind, number> = {
  bad_request: 400,
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
};

export class SimError extends Error {
  /** HTTP status; a provider may override it (Avido answers validation errors with 422). */
  readonly status: number;

  constructor(
    readonly kind: SimErrorKind,
    message: string,
    readonly issues: Issue[] = [],
    status?: number,
    /** Extra response headers (Retry-After on 429, …). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "SimError";
    this.status = status ?? STATUS[kind];
  }
}

export const reasonPhrase: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  408: "Request Timeout",
  409: "Conflict",
  413: "Payload Too Large",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};
