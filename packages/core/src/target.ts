// An operation's URL built straight from its generated spec entry: path parameters percent-encoded, the query in
// openapi-fetch's default style, so both packages put the same bytes on the wire.
import type { OperationSpec } from "./wire/operation.js";

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
