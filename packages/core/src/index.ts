// Entry point of @agentruns/core: the engine provider clients are declared on, and the errors they throw.
export {
  BaseClient,
  type CallInput,
  type ClientOptions,
  type InputOf,
  type OperationRef,
  type ProviderDefinition,
  type RequestOptions,
  type BodyOf,
  type CookieOf,
  type HeaderOf,
  type PathOf,
  type QueryOf,
  type ResultOf,
} from "./client.js";
export { paginate } from "./paginate.js";
export { rawClient } from "./raw-client.js";
export { APIPromise, type WithResponse } from "./api-promise.js";
export { EventStream, eventStream, type ServerSentEvent } from "./event-stream.js";
export { JsonLinesStream, jsonLinesStream } from "./json-lines.js";
export type { Binary, StreamFactory } from "./bodies.js";
export { isoDate } from "./dates.js";
export { paramsInput, type ParamsLayout } from "./params.js";
export {
  Page,
  PagePromise,
  cursorPagination,
  linkPagination,
  offsetPagination,
  pagePagination,
  skipPagination,
  type CursorOptions,
  type ItemsAt,
  type Paginator,
  type WalkState,
} from "./pagination.js";
export {
  AgentRunsError,
  ApiAbortError,
  ApiConnectionError,
  ApiError,
  ApiTimeoutError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PaginationError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  ValidationError,
} from "./errors.js";
export {
  DEFAULT_RETRY,
  backoffMs,
  retryable,
  serverWaitMs,
  type Failure,
  type RetryClass,
  type RetryTuning,
} from "./retry.js";
export { sleep } from "./signals.js";
export { SlidingWindowLimiter, exhaustedUntil, type RateLimit, type RateLimiter } from "./rate-limit.js";
export { check, validateInput, type OperationSpec, type ParamSpec, type Rule } from "./validate.js";
export { redactor, type Logger, type LogLevel } from "./logging.js";
