// A value that passes the core's input check for a rule (the JSON Schema subset of the operation table): the spec's
// own example when it passes, otherwise one built from the rule's type, format, bounds and required fields. The
// generated smoke test and examples call operations with it, so they compile and reach the wire for any spec.
import { check, type Rule } from "../../packages/core/src/validate.js";
import { resolveRef } from "./json-ref.js";

type Json = Record<string, any>;

const FORMAT_VALUES: Record<string, string> = {
  uuid: "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
  "date-time": "2024-01-01T00:00:00Z",
  date: "2024-01-01",
  uri: "https://example.com",
  url: "https://example.com",
  email: "user@example.com",
  ipv4: "192.0.2.1",
  hostname: "example.com",
};

/** Strings tried, in order, for a string the rule constrains with a pattern. */
const STRING_TRIES = ["x", "a1", "1", "A", "abc", "ABC", "x-1", "a_b", "2024-01-01", "user@example.com"];

const typesOf = (rule: Rule): string[] =>
  (rule.type === undefined ? [] : typeof rule.type === "string" ? [rule.type] : [...rule.type]).filter(
    (t) => t !== "null",
  );

function numberIn(rule: Rule, integer: boolean): number {
  let low =
    rule.minimum ?? (rule.exclusiveMinimum !== undefined ? rule.exclusiveMinimum + (integer ? 1 : 0.5) : 1);
  if (rule.exclusiveMinimum !== undefined && low <= rule.exclusiveMinimum)
    low = rule.exclusiveMinimum + (integer ? 1 : 0.5);
  let v = Math.max(low, rule.minimum ?? low);
  const high =
    rule.maximum ??
    (rule.exclusiveMaximum !== undefined ? rule.exclusiveMaximum - (integer ? 1 : 0.5) : undefined);
  if (high !== undefined && v > high) v = high;
  return integer ? Math.ceil(v) : v;
}

function stringsFor(rule: Rule): string[] {
  const base = (rule.format && FORMAT_VALUES[rule.format]) || "x";
  const fit = (s: string) => {
    let out = s;
    if (rule.minLength !== undefined && out.length < rule.minLength) out = out.padEnd(rule.minLength, "x");
    if (rule.maxLength !== undefined && out.length > rule.maxLength)
      out = out.slice(0, Math.max(rule.maxLength, 0));
    return out;
  };
  return [base, ...STRING_TRIES].map(fit);
}

/** Candidate values built from the rule alone, most natural first. */
function built(rule: Rule, depth: number): unknown[] {
  if (rule.enum?.length) return rule.enum.filter((v) => v !== null);
  const types = typesOf(rule);
  const type = types[0] ?? (rule.properties || rule.required ? "object" : rule.items ? "array" : "string");
  switch (type) {
    case "integer":
      return [numberIn(rule, true)];
    case "number":
      return [numberIn(rule, false)];
    case "boolean":
      return [true];
    case "array": {
      const item = rule.items ? valueFor(rule.items, [], depth + 1) : { value: "x" };
      if (!item) return [];
      return [Array.from({ length: Math.max(rule.minItems ?? 0, 1) }, () => item.value)];
    }
    case "object": {
      const out: Json = {};
      for (const key of rule.required ?? []) {
        const sub = rule.properties?.[key] ?? (rule.additionalProperties || {});
        const v = valueFor(sub, [], depth + 1);
        if (!v) return [];
        out[key] = v.value;
      }
      return [out];
    }
    default:
      return stringsFor(rule);
  }
}

/**
 * A value the spec's schema describes, built from the schema itself: refs followed, `allOf` parts merged, the first
 * `oneOf` / `anyOf` option that yields one, every required property and every property with a default (the shape
 * openapi-typescript's types demand, which the rule subset alone does not show). With `examples`, the schema's own
 * example or default wins wherever one is given (what a mock server or a reader expects); without, they are used
 * only where nothing can be built. Undefined when a value would be a guess: a pattern with no example, binary data.
 */
export function sampleValue(
  doc: Json,
  raw: Json | undefined,
  options: { examples: boolean },
  depth = 0,
): unknown {
  const s = merged(doc, raw, depth);
  if (depth > 8 || !s || typeof s !== "object") return undefined;
  const given = s.example ?? (Array.isArray(s.examples) ? s.examples[0] : undefined) ?? s.default;
  if (options.examples && given !== undefined) return given;
  if (s.const !== undefined) return s.const;
  if (Array.isArray(s.enum) && s.enum.length) return s.enum.find((v: unknown) => v !== null) ?? s.enum[0];
  // A schema of options: the first that yields a value. Beside properties of its own (`allOf: [oneOf…, {role}]`
  // merged), that value is merged with them below.
  const own = !!(s.properties || s.required);
  let branch: unknown;
  for (const key of ["oneOf", "anyOf"] as const) {
    if (!Array.isArray(s[key]) || !s[key].length) continue;
    for (const option of s[key]) {
      const o = resolveRef(doc, option);
      if (o?.type === "null") continue;
      branch = sampleValue(doc, o, options, depth + 1);
      if (branch !== undefined) break;
    }
    if (!own) return branch ?? given;
    break;
  }
  const types = (Array.isArray(s.type) ? s.type : [s.type]).filter(
    (t: unknown) => typeof t === "string" && t !== "null",
  );
  const type = types[0] ?? (s.properties || s.required ? "object" : s.items ? "array" : undefined);
  const bound = (k: string) => (Number.isFinite(s[k]) ? { [k]: s[k] } : {});
  switch (type) {
    case "integer":
    case "number":
      return numberIn(
        {
          ...bound("minimum"),
          ...bound("maximum"),
          ...bound("exclusiveMinimum"),
          ...bound("exclusiveMaximum"),
        },
        type === "integer",
      );
    case "boolean":
      return true;
    case "array": {
      const item = sampleValue(doc, s.items, options, depth + 1);
      if (item === undefined) return given;
      return Array.from({ length: Math.max(Number(s.minItems) || 0, 1) }, () => item);
    }
    case "object": {
      const out: Json = {};
      const required = new Set<string>(Array.isArray(s.required) ? s.required : []);
      for (const [key, sub] of Object.entries<Json>(s.properties ?? {})) {
        // Object's own members (`constructor`, `toString`) are filled too: TypeScript checks an object literal's
        // inherited `constructor` against an optional `constructor?: string` property unless the literal sets it.
        if (!required.has(key) && resolveRef(doc, sub)?.default === undefined && !(key in Object.prototype))
          continue;
        const v = sampleValue(doc, sub, options, depth + 1);
        if (v === undefined && required.has(key)) return given;
        if (v !== undefined) out[key] = v;
      }
      for (const key of required) if (!(key in out) && !(isRecord(branch) && key in branch)) return given;
      return isRecord(branch) ? { ...branch, ...out } : out;
    }
    case "string":
      if (s.format === "binary") return given;
      // A pattern no example shows: a guess for a mock (undefined), a placeholder of the right type otherwise (the
      // caller checks it against the rule and tries others).
      if (
        typeof s.pattern === "string" &&
        !(s.format in FORMAT_VALUES) &&
        (options.examples || given !== undefined)
      )
        return given;
      return stringsFor({
        ...(typeof s.format === "string" ? { format: s.format } : {}),
        ...(Number.isInteger(s.minLength) ? { minLength: s.minLength } : {}),
        ...(Number.isInteger(s.maxLength) ? { maxLength: s.maxLength } : {}),
      })[0];
    default:
      // No type and no structure: anything goes; an empty object is the least surprising.
      return given ?? (s.properties || s.type ? undefined : {});
  }
}

const isRecord = (v: unknown): v is Json => !!v && typeof v === "object" && !Array.isArray(v);

/** `raw` with its refs followed and its `allOf` parts merged into one schema (properties, required, type, …). */
function merged(doc: Json, raw: Json | undefined, depth: number): Json | undefined {
  const s = raw && resolveRef(doc, raw);
  if (!s || typeof s !== "object" || !Array.isArray(s.allOf) || depth > 8) return s;
  const out: Json = { ...s, allOf: undefined };
  for (const part of s.allOf) {
    const p = merged(doc, part, depth + 1);
    if (!p || typeof p !== "object") continue;
    for (const k of [
      "type",
      "format",
      "enum",
      "items",
      "oneOf",
      "anyOf",
      "example",
      "default",
      "pattern",
      "minimum",
      "maximum",
      "minLength",
      "maxLength",
    ])
      out[k] ??= p[k];
    if (p.properties) out.properties = { ...p.properties, ...out.properties };
    if (Array.isArray(p.required)) out.required = [...new Set([...(out.required ?? []), ...p.required])];
  }
  return out;
}

/**
 * A value `rule` accepts: the first of `hints` (the spec's example, default) that passes, else one built from the
 * rule; undefined when nothing tried passes (a pattern no candidate matches, say).
 */
export function valueFor(
  rule: Rule,
  hints: readonly unknown[] = [],
  depth = 0,
): { value: unknown } | undefined {
  if (depth > 8) return undefined;
  for (const v of [...hints.filter((h) => h !== undefined && h !== null), ...built(rule, depth)]) {
    try {
      if (check(rule, v, "value") === undefined) return { value: v };
    } catch {
      // A pattern the engine cannot compile: no value can be shown to pass it.
    }
  }
  return undefined;
}

/** The examples a parameter or schema gives for itself (OpenAPI `example`, `examples`, `default`). */
export function hintsOf(...nodes: (Json | undefined)[]): unknown[] {
  const out: unknown[] = [];
  for (const n of nodes) {
    if (!n || typeof n !== "object") continue;
    if (n.example !== undefined) out.push(n.example);
    if (Array.isArray(n.examples)) out.push(...n.examples);
    else if (n.examples && typeof n.examples === "object")
      for (const e of Object.values<Json>(n.examples))
        if (e && typeof e === "object" && "value" in e) out.push(e.value);
    if (n.default !== undefined) out.push(n.default);
  }
  return out;
}
