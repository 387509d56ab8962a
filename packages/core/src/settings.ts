// A client's options resolved once, at construction, into what every call reads: credentials, base URL, headers,
// transport, limiter, log, retry tuning and defaults. Every problem is a ValidationError naming the option.
import type { StreamFactory } from "./bodies.js";
import type { ClientOptions, ProviderDefinition } from "./client-options.js";
import { DEFAULTS } from "./defaults.js";
import { ValidationError } from "./errors.js";
import { createLog, redactor, type Log } from "./logging.js";
import { checkBaseUrl, checkCallOptions, checkCount, checkDelay } from "./options.js";
import { SlidingWindowLimiter, type RateLimit, type RateLimiter } from "./rate-limit.js";
import type { RetryTuning } from "./retry.js";
import { fetchTransport, type Transport } from "./transport.js";
import { MAX_URL_LENGTH } from "./url-length.js";
import {
  readCredentials,
  type CredentialSource,
  type CredentialValue,
  type Placement,
} from "./wire/credentials.js";
import { chooseBaseUrl, missingBaseUrl, withServerPath } from "./wire/base-url.js";

type Env = Readonly<Record<string, string | undefined>>;

/** What a call needs of its client, fixed when the client is made. */
export interface ClientSettings {
  readonly title: string;
  /** `new <Class>()`, as messages tell users where to pass an option. */
  readonly construct: string;
  /** The provider's credentials, and the values given for them by option. */
  readonly sources: readonly CredentialSource[];
  readonly values: ReadonlyMap<string, CredentialValue>;
  /** Whether a credential is a token provider (asked again for every attempt). */
  readonly tokenProviders: boolean;
  /** The base URL without a trailing slash. */
  readonly base: string;
  /** The client's own headers, by lower-case name. */
  readonly headers: Readonly<Record<string, string>>;
  /** The `headers` option as given (for the raw client). */
  readonly givenHeaders: Record<string, string> | undefined;
  readonly transport: Transport;
  readonly limiter: RateLimiter | undefined;
  readonly redact: (text: string) => string;
  readonly log: Log;
  /** Whether a debug line per attempt is written (its headers masked). */
  readonly debug: boolean;
  /** Headers whose values a debug line masks. */
  readonly masked: readonly string[];
  readonly retry: RetryTuning;
  readonly maxRetries: number;
  readonly timeoutMs: number;
  readonly deadlineMs: number | undefined;
  /** The longest URL a call may send (see url-length.ts). */
  readonly maxUrlLength: number;
  readonly env: Env;
  /** Makers of event streams and JSON-lines streams (absent: the provider has none). */
  readonly stream: StreamFactory | undefined;
  readonly lines: StreamFactory | undefined;
  /** Non-GET operations safe to repeat. */
  readonly idempotent: ReadonlySet<string>;
  /** Credential placements by set of schemes, when no token provider is in play (see prepare.ts). */
  readonly placements: Map<string, Promise<Placement>>;
}

const processEnv = (): Env => (globalThis as { process?: { env?: Env } }).process?.env ?? {};

/** Sets a header under its lower-case name, so later sources replace earlier ones whatever their case. */
export const put = (headers: Record<string, string>, name: string, value: unknown): void => {
  if (value !== undefined) headers[name.toLowerCase()] = String(value);
};

/** Checks `options` and resolves them against the provider's facts and DEFAULTS. */
export function resolveSettings(
  def: ProviderDefinition<unknown>,
  options: ClientOptions & Record<string, unknown>,
): ClientSettings {
  const title = def.title;
  const where = `new ${def.className ?? title}()`;
  checkCallOptions(options, where);
  for (const [name, value] of Object.entries(options.retry ?? {})) checkDelay(`retry.${name}`, value, where);
  checkCount("maxUrlLength", options.maxUrlLength, where);
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw new ValidationError(`${where}: fetch must be a function`, "fetch");
  }
  if (options.transport !== undefined && typeof options.transport !== "function") {
    throw new ValidationError(`${where}: transport must be a function`, "transport");
  }
  const env = options.env ?? processEnv();
  const values = readCredentials(def.provider, options, env, { title, to: where });
  const base = baseUrlOf(def, options.baseUrl, env, where).replace(/\/+$/, "");
  const headers: Record<string, string> = {};
  for (const name in options.headers) put(headers, name, options.headers[name]);
  const secrets = [...values.values()].filter((v): v is string => typeof v === "string");
  const redact = redactor(secrets);
  return {
    title,
    construct: where,
    sources: def.provider.credentials,
    values,
    tokenProviders: secrets.length < values.size,
    base,
    headers,
    givenHeaders: options.headers,
    transport: options.transport ?? fetchTransport(options.fetch),
    limiter: limiterFor(options.rateLimit, def.provider, base, where),
    redact,
    log: createLog(options.logger, options.logLevel ?? "info", redact),
    debug: !!options.logger && options.logLevel === "debug",
    masked: [
      "authorization",
      "cookie",
      ...def.provider.credentials.flatMap((c) => (c.header ? [c.header] : [])),
    ],
    retry: { ...DEFAULTS.retry, ...options.retry },
    maxRetries: options.maxRetries ?? DEFAULTS.maxRetries,
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
    deadlineMs: options.deadlineMs ?? DEFAULTS.deadlineMs,
    maxUrlLength: options.maxUrlLength ?? MAX_URL_LENGTH,
    env,
    stream: def.stream,
    lines: def.lines,
    idempotent: new Set((def.idempotent ?? []) as readonly unknown[] as readonly string[]),
    placements: new Map(),
  };
}

/** The base URL calls go to (wire/base-url.ts), a given one checked. */
function baseUrlOf(def: ProviderDefinition<unknown>, given: unknown, env: Env, where: string): string {
  const chosen = chooseBaseUrl(def.provider, { baseUrl: given, env });
  if (!chosen) throw missingBaseUrl(def.provider, { title: def.title, to: where });
  const url =
    chosen.source === "the spec's server"
      ? (chosen.value as string)
      : checkBaseUrl(def.title, chosen.value, chosen.source);
  return withServerPath(url, def.provider.serverPath);
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
