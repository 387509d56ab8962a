// Vendored by scripts/generate.ts from packages/core/src/wire/params.ts, the one implementation of the wire rules.
// Do not edit by hand: change packages/core/src/wire/ and run `pnpm generate`.
// How a parameter goes on the wire, as OpenAPI's `style` and `explode` say: path (simple, label, matrix), query (form
// with or without explode, spaceDelimited, pipeDelimited, deepObject, and the `dotted` extension), header (simple)
// and cookie (form). One implementation for both packages: the core builds every URL with it, and the typed package
// (vendored) rebuilds the routes openapi-fetch's defaults would send otherwise.
import type { ParamSpec } from "./operation.js";

/** How a parameter is serialized: the part of its ParamSpec the wire rules read. */
export type Serialization = Pick<ParamSpec, "style" | "explode" | "dotted">;

/** What the URL, header and cookie rules need of an operation (an OperationSpec is one). */
export interface WireRoute {
  readonly path: string;
  readonly pathParams: Readonly<Record<string, Serialization>>;
  readonly query: Readonly<Record<string, Serialization>>;
  readonly header?: Readonly<Record<string, Serialization>>;
  readonly cookie?: Readonly<Record<string, Serialization>>;
}

const enc = encodeURIComponent;

/** A value's parts: a list's items, an object's keys and values, or the value alone. */
type Parts =
  | { kind: "one"; value: string }
  | { kind: "list"; values: string[] }
  | { kind: "pairs"; pairs: [string, string][] };

function partsOf(value: unknown): Parts | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return { kind: "list", values: value.filter((v) => v != null).map(String) };
  if (typeof value === "object")
    return {
      kind: "pairs",
      pairs: Object.entries(value)
        .filter(([, v]) => v != null)
        .map(([k, v]) => [k, String(v)]),
    };
  return { kind: "one", value: String(value) };
}

/** `explode` as given, else OpenAPI's default for the style: true for form, false for the others. */
const exploded = (p: Serialization | undefined, style: string): boolean => p?.explode ?? style === "form";

/** The query string parts of one parameter, its values percent-encoded (its name, and an object's keys, as written). */
export function queryParts(name: string, value: unknown, p: Serialization | undefined, out: string[]): void {
  const parts = partsOf(value);
  if (!parts) return;
  const n = name;
  if (p?.dotted && parts.kind === "pairs") {
    for (const [k, v] of parts.pairs) out.push(`${enc(`${name}.${k}`)}=${enc(v)}`);
    return;
  }
  const style = p?.style ?? "form";
  if (parts.kind === "one") return void out.push(`${n}=${enc(parts.value)}`);
  if (style === "deepObject" && parts.kind === "pairs") {
    for (const [k, v] of parts.pairs) out.push(`${n}[${k}]=${enc(v)}`);
    return;
  }
  const explode = exploded(p, style);
  if (parts.kind === "list") {
    if (explode && style === "form") for (const v of parts.values) out.push(`${n}=${enc(v)}`);
    else if (parts.values.length) {
      const sep = style === "spaceDelimited" ? "%20" : style === "pipeDelimited" ? "|" : ",";
      out.push(`${n}=${parts.values.map(enc).join(sep)}`);
    }
    return;
  }
  if (explode) for (const [k, v] of parts.pairs) out.push(`${k}=${enc(v)}`);
  else if (parts.pairs.length) out.push(`${n}=${parts.pairs.flat().map(enc).join(",")}`);
}

/** One path parameter's expansion (simple, label or matrix), percent-encoded. */
export function pathValue(name: string, value: unknown, p: Serialization | undefined): string {
  const parts = partsOf(value) ?? { kind: "one", value: "" };
  const style = p?.style ?? "simple";
  const explode = exploded(p, style);
  const values =
    parts.kind === "one"
      ? [enc(parts.value)]
      : parts.kind === "list"
        ? parts.values.map(enc)
        : explode
          ? parts.pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`)
          : parts.pairs.flat().map(enc);
  if (style === "label") return `.${values.join(explode ? "." : ",")}`;
  if (style === "matrix") {
    if (parts.kind === "pairs" && explode) return values.map((v) => `;${v}`).join("");
    if (parts.kind === "list" && explode) return values.map((v) => `;${name}=${v}`).join("");
    return `;${name}=${values.join(",")}`;
  }
  return values.join(",");
}

/** A header parameter's value (simple style): a list joined by commas, an object as `k,v` or `k=v` pairs. */
export function headerValue(value: unknown, p: Serialization | undefined): string | undefined {
  const parts = partsOf(value);
  if (!parts) return undefined;
  if (parts.kind === "one") return parts.value;
  if (parts.kind === "list") return parts.values.join(",");
  return (p?.explode ? parts.pairs.map(([k, v]) => `${k}=${v}`) : parts.pairs.flat()).join(",");
}

/** A cookie parameter's pairs (form style, without explode unless the spec says so), each value percent-encoded. */
export function cookieParts(name: string, value: unknown, p: Serialization | undefined): string[] {
  const out: string[] = [];
  queryParts(name, value, { style: "form", explode: p?.explode ?? false }, out);
  return out;
}

/** The route of a path key: a fragment or query written into it (`/tags/{arn}#tagKeys`, `/x?y=1`) is not sent. */
export const routeOf = (key: string): string => key.replace(/[?#].*$/s, "");

/**
 * The path with its parameters expanded, relative to the base URL, and the query string (`?…`, or "" without one):
 * plain parameters first, then the dotted ones (`metadata.team=billing`).
 */
export function target(
  spec: Pick<WireRoute, "path" | "pathParams" | "query">,
  path: Record<string, unknown> | undefined,
  query: object | undefined,
): { path: string; search: string } {
  let url = routeOf(spec.path);
  if (path) url = url.replace(/\{([^}]+)\}/g, (_, n: string) => pathValue(n, path[n], spec.pathParams[n]));
  if (!query) return { path: url, search: "" };
  const parts: string[] = [];
  let dotted: string[] | undefined;
  for (const name in query) {
    if (spec.query[name]?.dotted) (dotted ??= []).push(name);
    else queryParts(name, (query as Record<string, unknown>)[name], spec.query[name], parts);
  }
  for (const name of dotted ?? [])
    queryParts(name, (query as Record<string, unknown>)[name], spec.query[name], parts);
  return { path: url, search: parts.length ? `?${parts.join("&")}` : "" };
}
