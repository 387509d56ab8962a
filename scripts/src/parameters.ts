// The parameters of one operation as OpenAPI defines them: the path item's and the operation's, refs resolved, an
// operation-level parameter replacing the path item's of the same name and location.
import { resolveRef } from "./json-ref.js";

type Json = Record<string, any>;

/** Resolved parameters of `doc.paths[path][method]`, in the order they first appear. */
export function parametersOf(doc: Json, path: string, method: string): Json[] {
  const item = doc.paths?.[path] ?? {};
  const op = item[method.toLowerCase()] ?? {};
  const byKey = new Map<string, Json>();
  for (const raw of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
    const p = resolveRef(doc, raw);
    if (p && typeof p.in === "string" && p.name !== undefined) byKey.set(`${p.in}\0${p.name}`, p);
  }
  return [...byKey.values()];
}
