// Puts a spec in the one shape the differ compares: every local $ref inlined, and the three ways specs say
// "X or null" (3.0 nullable, allOf+nullable, 3.1 oneOf/anyOf with {type: "null"} or a type array) folded to one.
import { pointer } from "../json-ref.js";

type Json = Record<string, any>;

/** Descriptive keywords: a change to these alone is a patch. */
export const DOC_KEYS = new Set([
  "description",
  "summary",
  "example",
  "examples",
  "title",
  "externalDocs",
  "x-agentruns-reconstructed",
  "deprecated",
]);

const isNull = (s: Json) =>
  s && (s.type === "null" || (Array.isArray(s.type) && s.type.length === 1 && s.type[0] === "null"));

/** A schema's JSON types as a sorted list, null included when the schema allows it. */
export function typesOf(s: Json): string[] {
  const t = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
  const out = new Set<string>(t);
  if (s.nullable === true) out.add("null");
  return [...out].sort();
}

/** Folds a nullable wrapper into its schema with `type` including "null". */
function foldNullable(s: Json): Json {
  for (const key of ["oneOf", "anyOf"] as const) {
    const alts = s[key];
    if (Array.isArray(alts) && alts.length === 2 && alts.some(isNull)) {
      const { [key]: _, ...rest } = s;
      const inner = alts.find((a: Json) => !isNull(a));
      return foldNullable({ ...rest, ...inner, type: [...typesOf(inner), "null"] });
    }
  }
  if (Array.isArray(s.allOf) && s.allOf.length === 1) {
    const { allOf, nullable, type: _type, ...rest } = s;
    const inner = allOf[0];
    const merged = { ...inner, ...rest };
    if (nullable === true) merged.type = [...typesOf(inner), "null"];
    return foldNullable(merged);
  }
  if (s.nullable === true) {
    const { nullable: _, ...rest } = s;
    return { ...rest, type: typesOf(s) };
  }
  return s;
}

/** The spec with every $ref inlined (cycles cut at depth 20) and nullable forms folded. */
export function normalize(doc: Json): Json {
  const walk = (node: unknown, depth: number): unknown => {
    if (Array.isArray(node)) return node.map((n) => walk(n, depth));
    if (!node || typeof node !== "object") return node;
    let n = node as Json;
    let hops = 0;
    while (typeof n.$ref === "string") {
      if (++hops > 20 || depth > 20) return { "x-cycle": n.$ref };
      n = { ...pointer(doc, n.$ref), ...Object.fromEntries(Object.entries(n).filter(([k]) => k !== "$ref")) };
    }
    const out = Object.fromEntries(Object.entries(n).map(([k, v]) => [k, walk(v, depth + 1)]));
    return "type" in out || "oneOf" in out || "anyOf" in out || "allOf" in out || "nullable" in out
      ? foldNullable(out)
      : out;
  };
  return walk(doc, 0) as Json;
}

/** The value without descriptive keywords, for "did anything but the docs change?". */
export function stripDocs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripDocs);
  if (!node || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k]) => !DOC_KEYS.has(k))
      .map(([k, v]) => [k, stripDocs(v)]),
  );
}
