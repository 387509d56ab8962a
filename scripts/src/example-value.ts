// A value that passes the core's input check for a rule (the JSON Schema subset of the operation table): the spec's
// own example when it passes, otherwise one built from the rule's type, format, bounds and required fields. The
// generated smoke test and examples call operations with it, so they compile and reach the wire for any spec.
import { check, type Rule } from "../../packages/core/src/validate.js";

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
  let low = rule.minimum ?? (rule.exclusiveMinimum !== undefined ? rule.exclusiveMinimum + (integer ? 1 : 0.5) : 1);
  if (rule.exclusiveMinimum !== undefined && low <= rule.exclusiveMinimum) low = rule.exclusiveMinimum + (integer ? 1 : 0.5);
  let v = Math.max(low, rule.minimum ?? low);
  const high = rule.maximum ?? (rule.exclusiveMaximum !== undefined ? rule.exclusiveMaximum - (integer ? 1 : 0.5) : undefined);
  if (high !== undefined && v > high) v = high;
  return integer ? Math.ceil(v) : v;
}

function stringsFor(rule: Rule): string[] {
  const base = (rule.format && FORMAT_VALUES[rule.format]) || "x";
  const fit = (s: string) => {
    let out = s;
    if (rule.minLength !== undefined && out.length < rule.minLength) out = out.padEnd(rule.minLength, "x");
    if (rule.maxLength !== undefined && out.length > rule.maxLength) out = out.slice(0, Math.max(rule.maxLength, 0));
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
 * A value `rule` accepts: the first of `hints` (the spec's example, default) that passes, else one built from the
 * rule; undefined when nothing tried passes (a pattern no candidate matches, say).
 */
export function valueFor(rule: Rule, hints: readonly unknown[] = [], depth = 0): { value: unknown } | undefined {
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
      for (const e of Object.values<Json>(n.examples)) if (e && typeof e === "object" && "value" in e) out.push(e.value);
    if (n.default !== undefined) out.push(n.default);
  }
  return out;
}
