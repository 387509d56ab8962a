// Builds the typed openapi-fetch client with this provider's default server, credentials and query conventions.
import createFetchClient, {
  createQuerySerializer,
  mergeHeaders,
  type Client,
  type ClientOptions,
} from "openapi-fetch";
import { authorize, chooseSchemes, naming, readCredentials, staticHeaders } from "./auth.js";
import {
  chooseBaseUrl,
  defaultServerUrl as serverUrlOf,
  missingBaseUrl,
  withServerPath,
} from "./vendor/wire/index.js";
import { provider, type Credentials, type ServerVariables } from "./generated/provider.js";
import type { paths } from "./generated/schema.js";

/** The openapi-fetch client typed by this provider's `paths`. */
export type ApiClient = Client<paths, "application/json">;

export interface CreateClientOptions extends Credentials, Omit<ClientOptions, "baseUrl"> {
  /** Overrides the spec's server and the base-URL env vars. */
  baseUrl?: string;
  /** Values for the spec's server URL variables (used when no base URL is given). */
  serverVariables?: ServerVariables;
  /**
   * Where credentials and the base URL are read from when not given as options.
   * Defaults to `process.env` where the runtime has one; pass `{}` to ignore the environment.
   */
  env?: Readonly<Record<string, string | undefined>>;
}

/** The spec's server with `variables` filled in (defaults for the rest), or the default server, or none. */
export function defaultServerUrl(variables: ServerVariables = {}): string | undefined {
  return serverUrlOf(provider, variables);
}

type Env = Readonly<Record<string, string | undefined>>;

function processEnv(): Env {
  const proc = (globalThis as { process?: { env?: Env } }).process;
  return proc?.env ?? {};
}

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
  const { baseUrl, env = processEnv(), headers, querySerializer, serverVariables, ...rest } = options;
  const fetchOptions: Record<string, unknown> = rest;
  const values = readCredentials(fetchOptions, env);
  const credentialOptions: readonly { option: string }[] = provider.credentials;
  for (const c of credentialOptions) delete fetchOptions[c.option];
  const auth = staticHeaders(values);
  const chosen = chooseBaseUrl(provider, { baseUrl, env, serverVariables });
  if (!chosen) throw missingBaseUrl(provider, naming);
  const client = createFetchClient<paths, "application/json">({
    ...fetchOptions,
    baseUrl: withServerPath(String(chosen.value), (provider as { serverPath?: string }).serverPath),
    headers: mergeHeaders(headers, auth ?? {}),
    querySerializer: querySerializer ?? (dotted.length ? dottedQuerySerializer : undefined),
  });
  if (!auth) {
    // Requirements differ per operation (or need a token provider, a query key, a cookie): authorize each request.
    client.use({
      async onRequest({ request, schemaPath }) {
        const choice = chooseSchemes(request.method, schemaPath, values);
        if ("missing" in choice) throw choice.missing;
        return authorize(request, choice.schemes, values);
      },
    });
  }
  return client;
}
