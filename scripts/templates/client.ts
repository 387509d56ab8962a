// Builds the typed openapi-fetch client with this provider's default server, credentials and query conventions.
import createFetchClient, {
  mergeHeaders,
  type Client,
  type ClientOptions,
  type Middleware,
} from "openapi-fetch";
import { authorize, chooseSchemes, naming, readCredentials, staticHeaders } from "./auth.js";
import { routeWire } from "./generated/wire.js";
import { copyRequest } from "./request.js";
import {
  chooseBaseUrl,
  cookieParts,
  defaultServerUrl as serverUrlOf,
  headerValue,
  missingBaseUrl,
  target,
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

/**
 * Sends the routes of `routeWire` with the wire rules (styles, explode, objects in the query, lists in the path or a
 * header, cookie parameters, path keys with a fragment): openapi-fetch's defaults would send them otherwise.
 */
function wireMiddleware(base: string): Middleware {
  return {
    async onRequest({ request, schemaPath, params }) {
      const route = routeWire[`${request.method} ${schemaPath}`];
      if (!route) return undefined;
      const given = params as {
        path?: Record<string, unknown>;
        query?: object;
        header?: Record<string, unknown>;
        cookie?: Record<string, unknown>;
      };
      const { path, search } = target(route, given.path, given.query);
      const headers = new Headers(request.headers);
      for (const [name, p] of Object.entries(route.header ?? {})) {
        const value = headerValue(given.header?.[name], p);
        if (value !== undefined) headers.set(name, value);
      }
      const cookies = Object.entries(route.cookie ?? {}).flatMap(([name, p]) =>
        cookieParts(name, given.cookie?.[name], p),
      );
      if (cookies.length)
        headers.set("cookie", [...cookies, headers.get("cookie")].filter(Boolean).join("; "));
      return copyRequest(request, base + path + search, headers);
    },
  };
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
  const base = withServerPath(String(chosen.value), (provider as { serverPath?: string }).serverPath);
  const client = createFetchClient<paths, "application/json">({
    ...fetchOptions,
    baseUrl: base,
    headers: mergeHeaders(headers, auth ?? {}),
    ...(querySerializer ? { querySerializer } : {}),
  });
  if (Object.keys(routeWire).length) client.use(wireMiddleware(base));
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
