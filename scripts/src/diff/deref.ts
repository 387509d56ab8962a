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

/**
 * The spec with every $ref inlined (cycles cut at depth 20) and nullable forms folded. A `{ $ref }` met again at the
 * same depth inlines to the same value, so it is built once and shared: Kubernetes' types are inlined in thousands of
 * places, and building each copy took most of a 25 s diff. The result is read, never changed.
 */
export function normalize(doc: Json): Json {
  const inlined = new Map<string, unknown>();
  const walk = (node: unknown, depth: number): unknown => {
    if (Array.isArray(node)) return node.map((n) => walk(n, depth));
    if (!node || typeof node !== "object") return node;
    const ref = (node as Json).$ref;
    if (typeof ref !== "string" || Object.keys(node).length !== 1) return inline(node as Json, depth);
    const key = `${depth} ${ref}`;
    if (!inlined.has(key)) inlined.set(key, inline(node as Json, depth));
    return inlined.get(key);
  };
  const inline = (node: Json, depth: number): unknown => {
    let n = node;
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

/**
 * The value without descriptive keywords, for "did anything but the docs change?". A value shared by `normalize` is
 * stripped once and stays shared.
 */
export function stripDocs(node: unknown, stripped = new WeakMap<object, unknown>()): unknown {
  if (!node || typeof node !== "object") return node;
  if (stripped.has(node)) return stripped.get(node);
  const out = Array.isArray(node)
    ? node.map((n) => stripDocs(n, stripped))
    : Object.fromEntries(
        Object.entries(node)
          .filter(([k]) => !DOC_KEYS.has(k))
          .map(([k, v]) => [k, stripDocs(v, stripped)]),
      );
  stripped.set(node, out);
  return out;
}

/**
 * Whether two values serialize to the same JSON (key order included, as `JSON.stringify` would compare them), without
 * serializing: normalized specs share their inlined values, and a pair of values found equal once is not compared
 * again.
 */
export function sameJson(a: unknown, b: unknown, equal = new WeakMap<object, WeakSet<object>>()): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a !== "object" || typeof b !== "object") return json(a) === json(b);
  if (equal.get(a)?.has(b)) return true;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  let same: boolean;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    same = a.length === bs.length && a.every((v, i) => sameJson(arrayItem(v), arrayItem(bs[i]), equal));
  } else {
    const ka = serialized(a as Json);
    const kb = serialized(b as Json);
    same =
      ka.length === kb.length &&
      ka.every((k, i) => k === kb[i] && sameJson((a as Json)[k], (b as Json)[k], equal));
  }
  if (same) {
    if (!equal.has(a)) equal.set(a, new WeakSet());
    equal.get(a)!.add(b);
  }
  return same;
}

const json = (v: unknown): string | undefined => JSON.stringify(v);
/** An object's keys as JSON.stringify writes them (undefined and function values are left out). */
const serialized = (o: Json): string[] =>
  Object.keys(o).filter((k) => o[k] !== undefined && typeof o[k] !== "function");
/** An array item as JSON.stringify writes it (undefined and functions as null). */
const arrayItem = (v: unknown): unknown => (v === undefined || typeof v === "function" ? null : v);
