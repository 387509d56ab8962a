// A spec schema as the JSON Schema (2020-12) an MCP tool declares: refs inlined to a bounded depth, OpenAPI 3.0's
// `nullable` and boolean exclusive bounds turned into JSON Schema, what a model cannot use dropped, and a size bound so
// that one heavily cross-referenced schema cannot flood a model's context.
import { resolveRef } from "./json-ref.js";

type Json = Record<string, any>;

/** Keywords kept as they are when their value has the shape JSON Schema requires. */
const SCALAR: Record<string, (v: unknown) => boolean> = {
  format: (v) => typeof v === "string",
  minimum: Number.isFinite,
  maximum: Number.isFinite,
  multipleOf: (v) => Number.isFinite(v) && (v as number) > 0,
  minLength: Number.isInteger,
  maxLength: Number.isInteger,
  minItems: Number.isInteger,
  maxItems: Number.isInteger,
  minProperties: Number.isInteger,
  maxProperties: Number.isInteger,
  uniqueItems: (v) => typeof v === "boolean",
};
const TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);
/**
 * The formats JSON Schema validators know (ajv-formats' full set, which MCP clients use on answers). An output
 * schema keeps only these: another (`unixtime`, `int64`) checks nothing and makes validators warn on every compile.
 * An input schema keeps every format, as a hint to the model.
 */
const KNOWN_FORMATS = new Set([
  "date",
  "time",
  "date-time",

  "duration",
  "uri",
  "uri-reference",
  "uri-template",
  "url",
  "email",
  "hostname",
  "ipv4",
  "ipv6",
  "regex",
  "uuid",
  "json-pointer",
  "json-pointer-uri-fragment",
  "relative-json-pointer",
  "byte",
  "int32",
  "int64",
  "float",
  "double",
  "password",
  "binary",
]);
/** Longest description kept on a property (the operation's own description is bounded by the emitter). */
const DESCRIPTION = 300;

export interface SchemaOptions {
  /** Input schemas drop readOnly properties, output schemas writeOnly ones. */
  direction: "input" | "output";
  /** Serialized size above which the schema is rebuilt with fewer levels inlined. */
  maxBytes: number;
}

/** Thrown when an attempt's output has certainly outgrown its bound: the next, shallower attempt starts at once. */
const TOO_LARGE = Symbol("too large");

/**
 * `schema` as a tool's JSON Schema, as deep as fits in `maxBytes` (at worst, only its type). Each attempt stops as
 * soon as what it has emitted is certainly larger than the bound: inlining 8 levels of a heavily cross-referenced
 * spec (Microsoft Graph's entities) would otherwise build gigabytes before the size is checked.
 */
export function toolSchema(doc: Json, schema: Json | undefined, options: SchemaOptions): Json {
  const key = `${options.direction} ${options.maxBytes}`;
  const ref =
    schema && Object.keys(schema).length === 1 && typeof schema.$ref === "string" ? schema.$ref : undefined;
  const memo = memoOf(doc);
  const known =
    ref !== undefined ? memo.refs.get(`${key} ${ref}`) : schema && memo.objects.get(schema)?.get(key);
  if (known) return known;
  const out = fitted(doc, schema, options);
  if (ref !== undefined) memo.refs.set(`${key} ${ref}`, out);
  else if (schema) memo.objects.set(schema, (memo.objects.get(schema) ?? new Map()).set(key, out));
  return out;
}

/**
 * What `toolSchema` has answered for one document: a schema that is only a `$ref` (or the same schema object) met
 * again, in the same direction and bound, has the same answer, and Microsoft Graph's entities are met thousands of
 * times. Answers are shared between tools: the emitter copies, never mutates them.
 */
const memos = new WeakMap<Json, { refs: Map<string, Json>; objects: WeakMap<Json, Map<string, Json>> }>();
function memoOf(doc: Json) {
  let memo = memos.get(doc);
  if (!memo) memos.set(doc, (memo = { refs: new Map(), objects: new WeakMap() }));
  return memo;
}

function fitted(doc: Json, schema: Json | undefined, options: SchemaOptions): Json {
  for (let depth = 8; depth >= 0; depth--) {
    let out: Json;
    try {
      out = convert(doc, schema ?? {}, {
        ...options,
        depth,
        stack: new Set(),
        budget: { left: options.maxBytes },
      });
    } catch (e) {
      if (e === TOO_LARGE) continue;
      throw e;
    }
    if (JSON.stringify(out).length <= options.maxBytes) return out;
  }
  const type = typeOf(resolveRef(doc, schema ?? {}));
  return type ? { type } : {};
}

interface Walk extends SchemaOptions {
  depth: number;
  /** The refs being inlined on the way down: a ref met again is recursion, described as any value. */
  stack: Set<string>;
  /**
   * What the output may still take: each node's braces, property name and description are charged as they are
   * emitted. Only what the serialized schema certainly holds is charged, so running out proves it too large.
   */
  budget: { left: number };
}

/** Charges `bytes` of certain output; throws TOO_LARGE once the attempt is over its bound. */
function spend(w: Walk, bytes: number): void {
  w.budget.left -= bytes;
  if (w.budget.left < 0) throw TOO_LARGE;
}

/** What `describe(s)` adds to the output, at least. */
const described = (d: Json): number => (typeof d.description === "string" ? d.description.length : 0);

function typeOf(s: Json | undefined): string | string[] | undefined {
  const t = s?.type;
  if (typeof t === "string" && TYPES.has(t)) return t;
  if (Array.isArray(t)) {
    const kept = t.filter((x) => typeof x === "string" && TYPES.has(x));
    return kept.length ? kept : undefined;
  }
  return undefined;
}

/** True when `pattern` compiles as the Unicode regular expression JSON Schema validators build from it. */
function validPattern(pattern: unknown): pattern is string {
  if (typeof pattern !== "string") return false;
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}

function convert(doc: Json, raw: Json, w: Walk): Json {
  spend(w, 2); // every node is at least its braces
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return {};
  const ref = typeof raw.$ref === "string" ? raw.$ref : undefined;
  if (ref) {
    if (w.stack.has(ref) || w.depth <= 0) {
      const target = safeResolve(doc, raw);
      const type = typeOf(target);
      const d = describe(target ?? raw);
      spend(w, described(d));
      return { ...(type ? { type } : {}), ...d };
    }
    const target = safeResolve(doc, raw);
    if (!target) return {};
    w.stack.add(ref);
    try {
      // OpenAPI 3.1 lets a $ref have siblings (a description most often): they win over the target's.
      const { $ref: _, ...siblings } = raw;
      return convert(doc, { ...target, ...siblings }, { ...w, depth: w.depth - 1 });
    } finally {
      w.stack.delete(ref);
    }
  }
  const out: Json = {};
  let type = typeOf(raw);
  const nullable = raw.nullable === true || (Array.isArray(raw.type) && raw.type.includes("null"));
  if (nullable && type) type = [...new Set([...(Array.isArray(type) ? type : [type]), "null"])];
  if (type) out.type = type;
  const d = describe(raw);
  spend(w, described(d));
  Object.assign(out, d);
  for (const [key, ok] of Object.entries(SCALAR)) if (ok(raw[key])) out[key] = raw[key];
  if (w.direction === "output" && out.format !== undefined && !KNOWN_FORMATS.has(out.format))
    delete out.format;
  if (w.direction === "input" && validPattern(raw.pattern)) out.pattern = raw.pattern;
  // 3.0's boolean exclusive bounds become 3.1's numbers; a number is kept.
  for (const [key, bound] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    const v = raw[key];
    if (Number.isFinite(v)) out[key] = v;
    else if (v === true && Number.isFinite(raw[bound])) {
      out[key] = raw[bound];
      delete out[bound];
    }
  }
  if (Array.isArray(raw.enum) && raw.enum.length) {
    out.enum = nullable && !raw.enum.includes(null) ? [...raw.enum, null] : raw.enum;
  }
  if (raw.const !== undefined) out.const = raw.const;
  if (raw.default !== undefined && w.direction === "input") out.default = raw.default;
  for (const key of ["anyOf", "oneOf", "allOf"] as const) {
    if (!Array.isArray(raw[key]) || !raw[key].length) continue;
    // Each branch on its own budget: a branch that says nothing drops the whole combination (it accepts anything),
    // so a large sibling proves nothing until every branch is seen.
    const left = w.budget.left;
    let spent = 0;
    let overflow = false;
    const parts = raw[key].map((s: Json) => {
      const branch = { ...w, budget: { left } };
      try {
        const part = convert(doc, s, branch);
        spent += left - branch.budget.left;
        return part;
      } catch (e) {
        if (e !== TOO_LARGE) throw e;
        overflow = true;
        return undefined;
      }
    });
    if (key !== "allOf" && parts.some((p: Json | undefined) => p && !Object.keys(p).length)) continue;
    if (overflow) throw TOO_LARGE;
    spend(w, spent);
    out[key] = parts;
  }
  if (raw.items && typeof raw.items === "object" && !Array.isArray(raw.items)) {
    out.items = convert(doc, raw.items, w);
  }
  if (raw.properties && typeof raw.properties === "object") {
    const skip = w.direction === "input" ? "readOnly" : "writeOnly";
    const properties: Json = {};
    for (const [name, prop] of Object.entries<Json>(raw.properties)) {
      if (safeResolve(doc, prop)?.[skip] === true) continue;
      spend(w, name.length + 3); // "name":
      properties[name] = convert(doc, prop, w);
    }
    out.properties = properties;
    if (Array.isArray(raw.required)) {
      const required = raw.required.filter((k: unknown) => typeof k === "string" && k in properties);
      if (required.length) out.required = [...new Set(required)];
    }
  }
  if (raw.additionalProperties === false && w.direction === "input") out.additionalProperties = false;
  else if (raw.additionalProperties && typeof raw.additionalProperties === "object") {
    out.additionalProperties = convert(doc, raw.additionalProperties, w);
  }
  // OpenAPI 3.0's `nullable` beside allOf/anyOf/oneOf admits null whatever the branches say: in JSON Schema the
  // branches would still refuse it, so the schema becomes "this, or null".
  if (nullable && (out.allOf || out.anyOf || out.oneOf)) {
    const { description, ...rest } = out;
    if (Array.isArray(rest.type)) rest.type = rest.type.filter((t: string) => t !== "null");
    if (Array.isArray(rest.type) && rest.type.length === 1) rest.type = rest.type[0];
    return { ...(description ? { description } : {}), anyOf: [rest, { type: "null" }] };
  }
  return out;
}

/** The node a $ref names, or undefined when it names nothing (a broken ref describes any value). */
function safeResolve(doc: Json, node: Json): Json | undefined {
  try {
    const target = resolveRef(doc, node);
    return target && typeof target === "object" ? target : undefined;
  } catch {
    return undefined;
  }
}

function describe(s: Json): Json {
  const text = typeof s.description === "string" ? s.description.trim() : "";
  const title = typeof s.title === "string" ? s.title.trim() : "";
  const d = text || title;
  return d ? { description: d.length > DESCRIPTION ? `${d.slice(0, DESCRIPTION - 1)}…` : d } : {};
}
