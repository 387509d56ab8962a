// Entry point of @agentruns/core: the engine provider clients are declared on, and the errors they throw.
export { BaseClient } from "./client.js";
export type { ClientOptions, ProviderDefinition, RequestOptions } from "./client-options.js";
export type {
  BodyOf,
  CallInput,
  CookieOf,
  HeaderOf,
  InputOf,
  OperationRef,
  PathOf,
  QueryOf,
  ResultOf,
} from "./types.js";
export { DEFAULTS } from "./defaults.js";
export {
  asResponse,
  fetchTransport,
  type Answer,
  type AnswerHeaders,
  type FetchLike,
  type Transport,
  type TransportAnswer,
  type WireAnswer,
  type WireRequest,
} from "./transport.js";
export { paginate } from "./paginate.js";
export { rawClient } from "./raw-client.js";
export { APIPromise, type WithResponse } from "./api-promise.js";
export { EventStream, eventStream, type ServerSentEvent, type StreamEvent } from "./event-stream.js";
export { JsonLinesStream, jsonLinesStream } from "./json-lines.js";
export type { Binary, StreamFactory } from "./bodies.js";
export { isoDate } from "./dates.js";
export { paramsInput, type ParamsLayout, type ParamsOf } from "./params.js";
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
  InvalidCredentialError,
  MissingBaseUrlError,
  MissingCredentialError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PaginationError,
  PermissionDeniedError,
  RateLimitError,
  UnexpectedResponseError,
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
export { check, validateInput, type CallInput as WireInput } from "./validate.js";
export type { OperationEntry, OperationSpec, ParamSpec, Rule } from "./wire/operation.js";
export { redactor, type Logger, type LogLevel } from "./logging.js";
export {
  parseTools,
  type ProviderTools,
  type ToolArgument,
  type ToolJsonSchema,
  type ToolSpec,
} from "./tool-spec.js";
