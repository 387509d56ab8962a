// Sends each operation the credentials its security requirement names, and nothing else: bearer (a string or an
// async token provider), basic, apiKey in a header, the query or a cookie; alternatives; `security: []`.
import { provider } from "./generated/provider.js";
import { routeSecurity } from "./generated/security.js";

/** A bearer token, or a function that returns one (called for every request; cache inside it as needed). */
export type TokenProvider = () => string | Promise<string>;
type Value = string | TokenProvider;
type Env = Readonly<Record<string, string | undefined>>;

interface CredentialSource {
  scheme: string;
  kind: "bearer" | "header" | "query" | "cookie" | "basic-username" | "basic-password";
  option: string;
  env: string;
  header?: string;
  name?: string;
}

const credentials: readonly CredentialSource[] = provider.credentials;
const requiredOptions: readonly string[] = provider.requiredOptions;
const authMode: "none" | "static" | "per-operation" = provider.authMode;

/** Thrown when a credential an operation needs is neither passed nor set in the environment. */
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

/** Thrown when a credential cannot be sent (a line break or another control character); never shows the value. */
export class InvalidCredentialError extends Error {
  override readonly name = "InvalidCredentialError";
  constructor(readonly option: string) {
    super(
      `${provider.title} credential "${option}" contains a control character (CR, LF, …): check how it was read ` +
        "(a trailing newline from a file or a secret store is the usual cause).",
    );
  }
}

/** Credential values by option: from `options`, else from `env`; the ones every operation needs must be there. */
export function readCredentials(options: Record<string, unknown>, env: Env): Map<string, Value> {
  const values = new Map<string, Value>();
  for (const c of credentials) {
    const value = options[c.option] ?? env[c.env];
    if (typeof value === "function" && c.kind === "bearer") values.set(c.option, value as TokenProvider);
    else if (typeof value === "string" && value !== "") {
      if (/[\u0000-\u001f\u007f]/.test(value)) throw new InvalidCredentialError(c.option);
      values.set(c.option, value);
    }
  }
  for (const option of requiredOptions) {
    if (!values.has(option))
      throw new MissingCredentialError(option, credentials.find((c) => c.option === option)!.env);
  }
  return values;
}

/** The schemes to send for an operation (the first alternative fully provided), or the credential missing. */
export function chooseSchemes(
  method: string,
  path: string,
  values: ReadonlyMap<string, Value>,
): { schemes: readonly string[] } | { missing: MissingCredentialError } {
  const alternatives = routeSecurity[`${method.toUpperCase()} ${path}`] ?? routeSecurity["*"] ?? [];
  if (alternatives.length === 0) return { schemes: [] };
  let firstMissing: CredentialSource | undefined;
  for (const schemes of alternatives) {
    const inputs = credentials.filter((c) => schemes.includes(c.scheme));
    const absent = inputs.find((c) => !values.has(c.option));
    if (!absent) return { schemes };
    firstMissing ??= absent;
  }
  return { missing: new MissingCredentialError(firstMissing!.option, firstMissing!.env) };
}

/**
 * Headers that authorize every operation, when one requirement covers them all and its credentials are plain
 * header values; undefined when requests must be authorized one by one (per-operation requirements, alternatives,
 * query or cookie keys, token providers).
 */
export function staticHeaders(values: ReadonlyMap<string, Value>): Record<string, string> | undefined {
  if (authMode === "none") return {};
  if (authMode !== "static") return undefined;
  const inputs = credentials.filter((c) => requiredOptions.includes(c.option));
  const headers: Record<string, string> = {};
  const basic: { username?: string; password?: string } = {};
  for (const c of inputs) {
    const value = values.get(c.option);
    if (typeof value !== "string") return undefined;
    if (c.kind === "bearer") headers.Authorization = `Bearer ${value}`;
    else if (c.kind === "header") headers[c.name!] = value;
    else if (c.kind === "basic-username") basic.username = value;
    else if (c.kind === "basic-password") basic.password = value;
    else return undefined;
  }
  if (basic.username !== undefined || basic.password !== undefined) {
    headers.Authorization = `Basic ${base64(`${basic.username ?? ""}:${basic.password ?? ""}`)}`;
  }
  return headers;
}

const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

/** The request with the chosen schemes' credentials added (headers, query parameters, cookies). */
export async function authorize(
  request: Request,
  schemes: readonly string[],
  values: ReadonlyMap<string, Value>,
): Promise<Request> {
  if (!schemes.length) return request;
  const headers = new Headers(request.headers);
  const url = new URL(request.url);
  const cookies: string[] = [];
  const basic: Record<string, { username?: string; password?: string }> = {};
  for (const c of credentials) {
    if (!schemes.includes(c.scheme)) continue;
    const raw = values.get(c.option)!;
    const value = typeof raw === "function" ? await raw() : raw;
    if (c.kind === "bearer") headers.set("Authorization", `Bearer ${value}`);
    else if (c.kind === "header") headers.set(c.name!, value);
    else if (c.kind === "query") url.searchParams.set(c.name!, value);
    else if (c.kind === "cookie") cookies.push(`${c.name}=${encodeURIComponent(value)}`);
    else (basic[c.scheme] ??= {})[c.kind === "basic-username" ? "username" : "password"] = value;
  }
  for (const { username = "", password = "" } of Object.values(basic)) {
    headers.set("Authorization", `Basic ${base64(`${username}:${password}`)}`);
  }
  if (cookies.length) {
    headers.set("Cookie", [headers.get("Cookie"), ...cookies].filter(Boolean).join("; "));
  }
  return new Request(url.href, { ...requestInit(request), headers });
}

/** The parts of a Request a copy needs (body included, streamed once). */
function requestInit(request: Request): RequestInit {
  return {
    method: request.method,
    body: request.body,
    signal: request.signal,
    redirect: request.redirect,
    ...(request.body ? { duplex: "half" } : {}),
  } as RequestInit;
}
