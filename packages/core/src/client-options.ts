// What a client is configured with: the options every provider client accepts, the per-call options, and what a
// provider package declares of itself (its generated facts, operation table and stream readers).
import type { Logger, LogLevel } from "./logging.js";
import type { StreamFactory } from "./bodies.js";
import type { RateLimit, RateLimiter } from "./rate-limit.js";
import type { RetryTuning } from "./retry.js";
import type { Transport } from "./transport.js";
import type { CredentialSource } from "./wire/credentials.js";
import type { OperationSpec } from "./wire/operation.js";

type Env = Readonly<Record<string, string | undefined>>;

/** Options every provider client accepts (credentials are provider-specific and added by each package). */
export interface ClientOptions {
  /** Overrides the spec's server and the `<PROVIDER>_BASE_URL` env var. */
  baseUrl?: string;
  /** A fetch implementation (default: the global one). */
  fetch?: (input: Request) => Promise<Response>;
  /**
   * Sends each request hop instead of fetch (see `Transport`): a test double, a recorder, another HTTP stack.
   * Redirects, time-outs, retries and credentials stay the client's. Takes precedence over `fetch`.
   */
  transport?: Transport;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  /** Time limit of one attempt, body included (default 60 s). */
  timeoutMs?: number;
  /** Time limit of a whole call, retries and waits included (default none). */
  deadlineMs?: number;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /**
   * The longest URL a call sends (default 8,192 bytes, what nginx and Apache accept by default); a longer one is a
   * ValidationError naming the parameter that made it long, before anything is sent.
   */
  maxUrlLength?: number;
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
  /** The class users construct, when its name is not the title (`AgentRuns` for "Agent Runs"), for messages. */
  className?: string;
  provider: {
    readonly credentials: readonly CredentialSource[];
    /** Options every operation needs, checked at construction (absent: all of `credentials`). */
    readonly requiredOptions?: readonly string[];
    /** The spec's server, the default base URL (null: the spec has none, `baseUrl` is required). */
    readonly serverUrl?: string | null;
    /** A relative server's path (`/v1.41`), joined onto the base URL given. */
    readonly serverPath?: string;
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
