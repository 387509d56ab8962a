// Vendored by scripts/generate.ts from packages/core/src/wire/credentials.ts, the one implementation of the wire rules.
// Do not edit by hand: change packages/core/src/wire/ and run `pnpm generate`.
// Reading a provider's credentials (options first, then the environment), choosing among an operation's security
// alternatives and placing the chosen credentials on the wire: one rule for the typed and the ergonomic clients.
import { InvalidCredentialError, MissingCredentialError } from "./errors.js";
import { CONTROL, unsendable } from "./header-value.js";

/** A bearer token, or a function that returns one (called for every request; cache inside it as needed). */
export type TokenProvider = () => string | Promise<string>;

/** A credential's value: a string, or a token provider asked on every request. */
export type CredentialValue = string | TokenProvider;

type Env = Readonly<Record<string, string | undefined>>;

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

/** What a provider's generated facts say of its credentials. */
export interface CredentialFacts {
  readonly credentials: readonly CredentialSource[];
  /** Options every operation needs, checked when the client is made (absent: all of `credentials`). */
  readonly requiredOptions?: readonly string[];
}

/** How messages name the provider and the place credentials are passed to (`new Duvo()`, `createClient()`). */
export interface Naming {
  readonly title: string;
  readonly to: string;
}

/** The error for a credential that is missing; `what` says who needs it (default: the client). */
export function missingCredential(
  source: CredentialSource,
  naming: Naming,
  what?: string,
): MissingCredentialError {
  const head = what
    ? `${what} needs the ${naming.title} credential "${source.option}"`
    : `Missing ${naming.title} credential "${source.option}"`;
  return new MissingCredentialError(
    source.option,
    source.env,
    `${head}: pass { ${source.option} } to ${naming.to} or set ${source.env}.`,
  );
}

/**
 * Throws InvalidCredentialError when HTTP cannot carry `value`; the message never includes it. Every credential is
 * refused a control character; one sent as is in a header (bearer, an API-key header) also a non-ASCII one, which
 * fetch cannot send or the provider never issued. Basic credentials (base64 of UTF-8) and query or cookie keys
 * (percent-encoded) may hold any character.
 */
export function checkCredential(source: CredentialSource, value: string, naming: Naming): void {
  const raw = source.kind === "bearer" || source.kind === "header" || source.kind === undefined;
  const problem = raw ? unsendable(value, true) : CONTROL.test(value) ? unsendable(value) : undefined;
  if (!problem) return;
  throw new InvalidCredentialError(
    source.option,
    `${naming.title} credential "${source.option}" ${problem}: check how it was read or copied ` +
      '(a trailing newline, a pasted "…" or a curly quote is the usual cause).',
  );
}

/** Credential values by option: from `options`, else from `env`; the ones every operation needs must be there. */
export function readCredentials(
  facts: CredentialFacts,
  options: Readonly<Record<string, unknown>>,
  env: Env,
  naming: Naming,
): Map<string, CredentialValue> {
  const values = new Map<string, CredentialValue>();
  const required = facts.requiredOptions ?? facts.credentials.map((c) => c.option);
  for (const c of facts.credentials) {
    const value = options[c.option] ?? env[c.env];
    if (typeof value === "function" && c.kind === "bearer") values.set(c.option, value as TokenProvider);
    else if (typeof value === "string" && value !== "") {
      checkCredential(c, value, naming);
      values.set(c.option, value);
    } else if (required.includes(c.option)) throw missingCredential(c, naming);
  }
  return values;
}

/** The schemes of the first security alternative whose credentials were all given, or the first one missing. */
export function chooseAlternative(
  alternatives: readonly (readonly string[])[] | undefined,
  sources: readonly CredentialSource[],
  values: ReadonlyMap<string, CredentialValue>,
): { schemes: readonly string[] } | { missing: CredentialSource } {
  if (!alternatives?.length) return { schemes: [] };
  let missing: CredentialSource | undefined;
  for (const schemes of alternatives) {
    const absent = sources.find((c) => schemes.includes(c.scheme ?? "") && !values.has(c.option));
    if (!absent) return { schemes };
    missing ??= absent;
  }
  return { missing: missing! };
}

/** Where the chosen credentials go: headers (lower-case names), query parameters and cookie pairs. */
export interface Placement {
  readonly headers: Record<string, string>;
  readonly query: [string, string][];
  readonly cookies: string[];
}

const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

/** `name=value` of a Cookie header (the value percent-encoded), for cookie parameters and cookie credentials alike. */
export const cookiePair = (name: string, value: unknown): string =>
  `${name}=${encodeURIComponent(String(value))}`;

/** The chosen schemes' credential values as strings: token providers are asked now, so every attempt carries the
 * token of its time. */
export async function resolveValues(
  schemes: readonly string[],
  sources: readonly CredentialSource[],
  values: ReadonlyMap<string, CredentialValue>,
): Promise<Map<string, string>> {
  const resolved = new Map<string, string>();
  for (const c of sources) {
    if (!schemes.includes(c.scheme ?? "")) continue;
    const raw = values.get(c.option)!;
    resolved.set(c.option, typeof raw === "function" ? await raw() : raw);
  }
  return resolved;
}

/**
 * The chosen schemes' credentials in place: bearer and basic in `authorization`, API keys in their header, query
 * parameter or cookie. `resolved` holds each credential's value as a string (see resolveValues).
 */
export function place(
  schemes: readonly string[],
  sources: readonly CredentialSource[],
  resolved: ReadonlyMap<string, string>,
): Placement {
  const placement: Placement = { headers: {}, query: [], cookies: [] };
  const basic: Record<string, string[]> = {};
  for (const c of sources) {
    if (!schemes.includes(c.scheme ?? "")) continue;
    const value = resolved.get(c.option)!;
    if (c.kind === "bearer") placement.headers.authorization = `Bearer ${value}`;
    else if (c.kind === "header") placement.headers[c.name!.toLowerCase()] = value;
    else if (c.kind === "query") placement.query.push([c.name!, value]);
    else if (c.kind === "cookie") placement.cookies.push(cookiePair(c.name!, value));
    else (basic[c.scheme!] ??= ["", ""])[c.kind === "basic-username" ? 0 : 1] = value;
  }
  for (const pair of Object.values(basic))
    placement.headers.authorization = `Basic ${base64(pair.join(":"))}`;
  return placement;
}

/** resolveValues, then place. */
export const placeCredentials = async (
  schemes: readonly string[],
  sources: readonly CredentialSource[],
  values: ReadonlyMap<string, CredentialValue>,
): Promise<Placement> => place(schemes, sources, await resolveValues(schemes, sources, values));
