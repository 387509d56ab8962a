// An operation's URL and credentials built straight from its generated spec entry for `fetch(url, init)`: no Request
// object and no middleware chain per call, on the same wire format as the generated openapi-fetch client.
import type { OperationSpec } from "./validate.js";

/** One credential a provider accepts, as its generated `provider.credentials` describes it. */
export interface CredentialSource {
  readonly option: string;
  readonly env: string;
  /** The security scheme it belongs to (absent: a single scheme every operation uses). */
  readonly scheme?: string;
  readonly kind?: string;
  /** The header that carries it, if one does. */
  readonly header?: string;
  /** The header, query parameter or cookie name of an API key. */
  readonly name?: string;
}

/** A credential's value: a string, or a token provider asked on every request. */
export type CredentialValue = string | (() => string | Promise<string>);

const enc = encodeURIComponent;

/** One query parameter in openapi-fetch's default style: arrays form-exploded, objects as `name[key]`. */
function queryPart(name: string, value: unknown, dotted: boolean | undefined, out: string[]): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const v of value) out.push(`${name}=${enc(v as string)}`);
  } else if (typeof value === "object") {
    for (const key in value) {
      const v = (value as Record<string, unknown>)[key];
      if (dotted) {
        if (v !== undefined && v !== null) out.push(`${enc(`${name}.${key}`)}=${enc(String(v))}`);
      } else if (v !== undefined && v !== null) out.push(`${name}[${key}]=${enc(v as string)}`);
    }
  } else out.push(`${name}=${enc(value as string)}`);
}

/** `name=value` of a Cookie header (the value percent-encoded), for cookie parameters and cookie credentials alike. */
export const cookiePair = (name: string, value: unknown): string => `${name}=${enc(String(value))}`;

/**
 * The path with its parameters filled in (percent-encoded), relative to the base URL, and the query string (`?…`,
 * or "" without one).
 */
export function target(
  spec: OperationSpec,
  path: Record<string, unknown> | undefined,
  query: object | undefined,
): { path: string; search: string } {
  let url = spec.path;
  if (path) url = url.replace(/\{([^}]+)\}/g, (_, n: string) => enc(String(path[n])));
  if (!query) return { path: url, search: "" };
  const parts: string[] = [];
  // Plain parameters first, then the dotted ones (`metadata.team=billing`), as the generated client sends them.
  let dotted: string[] | undefined;
  for (const name in query) {
    if (spec.query[name]?.dotted) (dotted ??= []).push(name);
    else queryPart(name, (query as Record<string, unknown>)[name], false, parts);
  }
  for (const name of dotted ?? []) queryPart(name, (query as Record<string, unknown>)[name], true, parts);
  return { path: url, search: parts.length ? `?${parts.join("&")}` : "" };
}

const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

/**
 * Adds the credentials of the operation's first security alternative whose credentials were all given (bearer,
 * basic, API keys in a header, the query or a cookie) to `headers` (lower-case names); returns the URL, which changes
 * only for a query key. The caller has already checked that one alternative can be filled.
 */
export async function authorize(
  spec: OperationSpec,
  credentials: readonly CredentialSource[],
  values: ReadonlyMap<string, CredentialValue>,
  headers: Record<string, string>,
  url: string,
): Promise<string> {
  const alternatives = spec.security ?? [];
  const schemes = alternatives.find((s) =>
    credentials.every((c) => !s.includes(c.scheme ?? "") || values.has(c.option)),
  );
  if (!schemes?.length) return url;
  let query: URL | undefined;
  const cookies: string[] = [];
  const basic: Record<string, string[]> = {};
  for (const c of credentials) {
    if (!schemes.includes(c.scheme ?? "")) continue;
    const raw = values.get(c.option)!;
    const value = typeof raw === "function" ? await raw() : raw;
    if (c.kind === "bearer") headers.authorization = `Bearer ${value}`;
    else if (c.kind === "header") headers[c.name!.toLowerCase()] = value;
    else if (c.kind === "query") (query ??= new URL(url)).searchParams.set(c.name!, value);
    else if (c.kind === "cookie") cookies.push(cookiePair(c.name!, value));
    else (basic[c.scheme!] ??= ["", ""])[c.kind === "basic-username" ? 0 : 1] = value;
  }
  for (const pair of Object.values(basic)) headers.authorization = `Basic ${base64(pair.join(":"))}`;
  if (cookies.length) headers.cookie = [headers.cookie, ...cookies].filter(Boolean).join("; ");
  return query ? query.href : url;
}
