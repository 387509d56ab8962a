// Where a client sends: the `baseUrl` option, else the first base-URL env var that is set, else the spec's server
// with its variables filled; a relative server (Swagger 2.0's `basePath` alone, or OpenAPI's `url: /v1`) keeps its
// path, joined onto whichever base URL is given. One rule for both packages (vendored into each typed package).
import { MissingBaseUrlError } from "./errors.js";

/** What a provider's facts say of its server. */
export interface ServerFacts {
  /** The spec's server with its variables' defaults; null when it names none, or only a relative one. */
  readonly serverUrl?: string | null;
  /** The server's URL template, when it has variables. */
  readonly serverTemplate?: string;
  readonly serverDefaults?: Readonly<Record<string, string>>;
  /** The path of a relative server (`/v1.41`): joined onto the base URL a user gives. */
  readonly serverPath?: string;
  readonly baseUrlEnv?: readonly string[];
}

/** The spec's server with `variables` filled in (defaults for the rest), or its default server, or none. */
export function defaultServerUrl(facts: ServerFacts, variables: object = {}): string | undefined {
  if (!facts.serverTemplate) return facts.serverUrl ?? undefined;
  const values = variables as Readonly<Record<string, string | undefined>>;
  const filled = facts.serverTemplate.replace(
    /\{([^}]+)\}/g,
    (whole, name: string) => values[name] ?? facts.serverDefaults?.[name] ?? whole,
  );
  return /^https?:\/\/[^{}]+$/.test(filled) ? filled : undefined;
}

/** `base` with a relative server's `path` after it, unless its path already ends so; no trailing slash. */
export function withServerPath(base: string, path: string | undefined): string {
  const trimmed = base.replace(/\/+$/, "");
  if (!path) return trimmed;
  const own = trimmed.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "");
  return own.endsWith(path) ? trimmed : `${trimmed}${path}`;
}

/** The base URL given, where it came from (`baseUrl` or the env var's name), or the spec's server. */
export function chooseBaseUrl(
  facts: ServerFacts,
  given: {
    readonly baseUrl?: unknown;
    readonly env: Readonly<Record<string, string | undefined>>;
    /** Values of the server's variables (a generated `ServerVariables`). */
    readonly serverVariables?: object;
  },
): { value: unknown; source: string } | undefined {
  if (given.baseUrl !== undefined) return { value: given.baseUrl, source: "baseUrl" };
  const name = facts.baseUrlEnv?.find((n) => !!given.env[n]);
  if (name) return { value: given.env[name], source: name };
  const server = defaultServerUrl(facts, given.serverVariables);
  return server === undefined ? undefined : { value: server, source: "the spec's server" };
}

/** The error for a spec that names no absolute server when none was given; `to` says where to pass one. */
export function missingBaseUrl(
  facts: ServerFacts,
  naming: { title: string; to: string },
): MissingBaseUrlError {
  const relative = facts.serverPath
    ? ` (its server is the relative ${facts.serverPath}, added after it)`
    : "";
  return new MissingBaseUrlError(
    `${naming.title} has no default server in its spec: pass { baseUrl } to ${naming.to} or set ` +
      `${facts.baseUrlEnv?.[0] ?? "its base-URL env var"}${relative}.`,
  );
}
