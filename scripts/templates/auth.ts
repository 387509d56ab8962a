// Sends each operation the credentials its security requirement names, and nothing else: bearer (a string or an
// async token provider), basic, apiKey in a header, the query or a cookie; alternatives; `security: []`. The rules
// themselves are the core's wire module, vendored into ./vendor/wire.
import { provider } from "./generated/provider.js";
import { routeSecurity } from "./generated/security.js";
import { copyRequest } from "./request.js";
import {
  chooseAlternative,
  missingCredential,
  place,
  placeCredentials,
  readCredentials as read,
  type CredentialSource,
  type CredentialValue,
  type MissingCredentialError,
} from "./vendor/wire/index.js";

export * from "./vendor/wire/errors.js";
export type { TokenProvider } from "./vendor/wire/index.js";

type Env = Readonly<Record<string, string | undefined>>;

const credentials: readonly CredentialSource[] = provider.credentials;
const requiredOptions: readonly string[] = provider.requiredOptions;
const authMode: "none" | "static" | "per-operation" = provider.authMode;

/** How errors name the provider and where credentials are passed. */
export const naming = { title: provider.title, to: "createClient()" } as const;

/** Credential values by option: from `options`, else from `env`; the ones every operation needs must be there. */
export const readCredentials = (options: Record<string, unknown>, env: Env): Map<string, CredentialValue> =>
  read({ credentials, requiredOptions }, options, env, naming);

/** The schemes to send for an operation (the first alternative fully provided), or the credential missing. */
export function chooseSchemes(
  method: string,
  path: string,
  values: ReadonlyMap<string, CredentialValue>,
): { schemes: readonly string[] } | { missing: MissingCredentialError } {
  const alternatives = routeSecurity[`${method.toUpperCase()} ${path}`] ?? routeSecurity["*"] ?? [];
  const choice = chooseAlternative(alternatives, credentials, values);
  return "missing" in choice ? { missing: missingCredential(choice.missing, naming) } : choice;
}

/**
 * Headers that authorize every operation, when one requirement covers them all and its credentials are plain
 * header values; undefined when requests must be authorized one by one (per-operation requirements, alternatives,
 * query or cookie keys, token providers).
 */
export function staticHeaders(
  values: ReadonlyMap<string, CredentialValue>,
): Record<string, string> | undefined {
  if (authMode === "none") return {};
  if (authMode !== "static") return undefined;
  const strings = new Map<string, string>();
  for (const option of requiredOptions) {
    const value = values.get(option);
    if (typeof value !== "string") return undefined;
    strings.set(option, value);
  }
  const schemes = credentials.filter((c) => requiredOptions.includes(c.option)).map((c) => c.scheme ?? "");
  const placed = place(schemes, credentials, strings);
  return placed.query.length || placed.cookies.length ? undefined : placed.headers;
}

/** The request with the chosen schemes' credentials added (headers, query parameters, cookies). */
export async function authorize(
  request: Request,
  schemes: readonly string[],
  values: ReadonlyMap<string, CredentialValue>,
): Promise<Request> {
  if (!schemes.length) return request;
  const placed = await placeCredentials(schemes, credentials, values);
  const headers = new Headers(request.headers);
  for (const [name, value] of Object.entries(placed.headers)) headers.set(name, value);
  const url = new URL(request.url);
  for (const [name, value] of placed.query) url.searchParams.set(name, value);
  if (placed.cookies.length) {
    headers.set("Cookie", [headers.get("Cookie"), ...placed.cookies].filter(Boolean).join("; "));
  }
  return copyRequest(request, url.href, headers);
}
