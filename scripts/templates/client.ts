// Builds the typed openapi-fetch client with this provider's default server, credentials and query conventions.
import createFetchClient, {
  createQuerySerializer,
  mergeHeaders,
  type Client,
  type ClientOptions,
} from "openapi-fetch";
import { provider, type Credentials } from "./generated/provider.js";
import type { paths } from "./generated/schema.js";

/** The openapi-fetch client typed by this provider's `paths`. */
export type ApiClient = Client<paths, "application/json">;

export interface CreateClientOptions extends Credentials, Omit<ClientOptions, "baseUrl"> {
  /** Overrides the spec's server and the base-URL env vars. */
  baseUrl?: string;
  /**
   * Where credentials and the base URL are read from when not given as options.
   * Defaults to `process.env` where the runtime has one; pass `{}` to ignore the environment.
   */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Thrown by createClient() when a credential is neither passed nor set in the environment. */
export class MissingCredentialError extends Error {
  override readonly name = "MissingCredentialError";
  constructor(
    /** The createClient() option that was missing. */
    readonly option: string,
    /** The env var that would have supplied it. */
    readonly envVar: string,
  ) {
    super(
      `Missing ${provider.title} credential "${option}": pass { ${option} } to createClient() or set ${envVar}.`,
    );
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function processEnv(): Env {
  const proc = (globalThis as { process?: { env?: Env } }).process;
  return proc?.env ?? {};
}

interface CredentialSource {
  option: string;
  env: string;
  kind: "bearer" | "header";
  header: string;
}
const credentials: readonly CredentialSource[] = provider.credentials;
const dotted: readonly string[] = provider.dottedQueryParams;
const serializeQuery = createQuerySerializer();

/** Sends each entry of a dotted parameter as `<name>.<key>=<value>`; everything else as the spec's default style. */
function dottedQuerySerializer(query: Record<string, unknown>): string {
  const rest: Record<string, unknown> = {};
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (!dotted.includes(name) || value === null || typeof value !== "object") {
      rest[name] = value;
      continue;
    }
    for (const [key, entry] of Object.entries(value)) {
      if (entry === undefined || entry === null) continue;
      parts.push(`${encodeURIComponent(`${name}.${key}`)}=${encodeURIComponent(String(entry))}`);
    }
  }
  const head = serializeQuery(rest);
  return head && parts.length ? `${head}&${parts.join("&")}` : head || parts.join("&");
}

/**
 * Creates the typed client. Credentials come from options, else from the env vars named in
 * `provider.credentials`; the base URL from `baseUrl`, else `provider.baseUrlEnv`, else the spec's server.
 */
export function createClient(options: CreateClientOptions = {}): ApiClient {
  const { baseUrl, env = processEnv(), headers, querySerializer, ...rest } = options;
  const fetchOptions: Record<string, unknown> = rest;
  const auth: Record<string, string> = {};
  for (const credential of credentials) {
    const value = fetchOptions[credential.option] ?? env[credential.env];
    delete fetchOptions[credential.option];
    if (typeof value !== "string" || value === "") {
      throw new MissingCredentialError(credential.option, credential.env);
    }
    auth[credential.header] = credential.kind === "bearer" ? `Bearer ${value}` : value;
  }
  const envBaseUrl = provider.baseUrlEnv.map((name) => env[name]).find((value) => !!value);
  return createFetchClient<paths, "application/json">({
    ...fetchOptions,
    baseUrl: baseUrl ?? envBaseUrl ?? provider.serverUrl,
    headers: mergeHeaders(headers, auth),
    querySerializer: querySerializer ?? (dotted.length ? dottedQuerySerializer : undefined),
  });
}
