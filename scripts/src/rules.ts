// Extracts each operation's method, path and input constraints from the spec, for validation before any request.
import type { ProviderDescriptor } from "./provider.js";
import { identifier } from "./identifier.js";
import { parametersOf } from "./parameters.js";
import { resolveRef } from "./json-ref.js";
// The core's own media-type rules: what the generator declares is what the client reads.
import { essence, isEventStream, isJsonLines, isJsonMedia } from "../../packages/core/src/media-types.js";

type Json = Record<string, any>;

/** The JSON Schema keywords the run-time input check understands (see packages/core/src/validate.ts). */
const KEEP = [
  "type",
  "enum",
  "format",
  "pattern",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "nullable",
  "required",
] as const;

/** What each kept keyword must be for the core's check (and the generated Rule type) to take it. */
const SHAPE: Record<(typeof KEEP)[number], (v: unknown) => boolean> = {
  type: (v) => typeof v === "string" || (Array.isArray(v) && v.every((t) => typeof t === "string")),
  enum: Array.isArray,
  format: (v) => typeof v === "string",
  pattern: (v) => typeof v === "string",
  minimum: Number.isFinite,
  maximum: Number.isFinite,
  exclusiveMinimum: Number.isFinite,
  exclusiveMaximum: Number.isFinite,
  minLength: Number.isInteger,
  maxLength: Number.isInteger,
  minItems: Number.isInteger,
  maxItems: Number.isInteger,
  nullable: (v) => typeof v === "boolean",
  required: (v) => Array.isArray(v) && v.every((k) => typeof k === "string"),
};

/**
 * The subset of a schema that input validation needs, with every $ref inlined. OpenAPI 3.0's boolean
 * `exclusiveMinimum: true` (beside `minimum`) becomes 3.1's number, whichever version the document says it is; any
 * other keyword whose value has the wrong shape is left out (a spec's mistake must not become a type error or a
 * check that throws).
 */
function rule(doc: Json, raw: Json): Json {
  return ruleOf(doc, raw, { left: RULE_BUDGET, path: new Set() }, 0);
}

/**
 * Nodes one rule may hold. Inlining every $ref copies shared schemas once per use, which grows exponentially with
 * depth in a heavily cross-referenced spec (DocuSign's made 8 GB of rules); past the budget, and for a $ref already
 * being inlined on the way down (recursion), the rule stops describing deeper levels: they are not checked before
 * sending (the server still is), which is the subset's contract anyway.
 */
const RULE_BUDGET = 1_000;

function ruleOf(doc: Json, raw: Json, budget: { left: number; path: Set<string> }, depth: number): Json {
  const ref = typeof raw?.$ref === "string" ? (raw.$ref as string) : undefined;
  if (ref && budget.path.has(ref)) return {};
  const s = resolveRef(doc, raw);
  if (!s || typeof s !== "object" || depth > 8 || --budget.left < 0) return {};
  if (ref) budget.path.add(ref);
  const sub = (node: Json) => ruleOf(doc, node, budget, depth + 1);
  const out: Json = {};
  for (const k of KEEP) if (s[k] !== undefined && SHAPE[k](s[k])) out[k] = s[k];
  for (const [flag, bound] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    if (s[flag] === true && Number.isFinite(s[bound])) {
      out[flag] = s[bound];
      delete out[bound];
    }
  }
  if (out.pattern !== undefined && !compiles(out.pattern)) delete out.pattern;
  if (s.items && typeof s.items === "object" && !Array.isArray(s.items)) out.items = sub(s.items);
  if (s.properties && typeof s.properties === "object") {
    out.properties = Object.fromEntries(Object.entries<Json>(s.properties).map(([k, v]) => [k, sub(v)]));
  }
  if (s.additionalProperties === false) out.additionalProperties = false;
  else if (s.additionalProperties && typeof s.additionalProperties === "object") {
    out.additionalProperties = sub(s.additionalProperties);
  }
  if (typeof s.propertyNames?.pattern === "string" && compiles(s.propertyNames.pattern))
    out.propertyNames = { pattern: s.propertyNames.pattern };
  // allOf: every part's properties and required fields (a part's `additionalProperties: false` cannot hold for the
  // merge, so it is dropped); the first part's other keywords.
  if (Array.isArray(s.allOf) && s.allOf.length === 1) Object.assign(out, sub(s.allOf[0]));
  else if (Array.isArray(s.allOf)) {
    for (const part of s.allOf.map(sub)) {
      const { properties, required, additionalProperties: _, ...rest } = part;
      for (const [k, v] of Object.entries(rest)) out[k] ??= v;
      if (properties) out.properties = { ...properties, ...out.properties };
      if (required) out.required = [...new Set([...(out.required ?? []), ...required])];
    }
  }
  if (ref) budget.path.delete(ref);
  return out;
}

/** Whether the core's check can use `pattern` (it compiles patterns as Unicode regular expressions). */
function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}

/** How a request body is sent, by its preferred media type: JSON, then multipart, form, text, then raw bytes. */
function requestMedia(content: Json): { media: string; contentType: string } | undefined {
  const types = Object.keys(content ?? {});
  if (!types.length) return undefined;
  const pick =
    types.find(isJsonMedia) ??
    types.find((t) => /^multipart\/form-data/i.test(t)) ??
    types.find((t) => /^application\/x-www-form-urlencoded/i.test(t)) ??
    types.find((t) => /^text\//i.test(t)) ??
    types[0]!;
  const media = isJsonMedia(pick)
    ? "json"
    : /^multipart\//i.test(pick)
      ? "multipart"
      : /^application\/x-www-form-urlencoded/i.test(pick)
        ? "form"
        : /^text\//i.test(pick)
          ? "text"
          : "binary";
  return { media, contentType: pick };
}

/** The media types of an operation's success answers (2xx and `default`). */
export function successTypes(doc: Json, responses: Json): string[] {
  const success = Object.entries(responses ?? {}).filter(
    ([status]) => /^2/.test(status) || status === "default",
  );
  return success.flatMap(([, r]) => Object.keys(resolveRef(doc, r)?.content ?? {}));
}

export { isEventStream, isJsonLines, isJsonMedia };

/** An operation whose every success answer is one stream type asks for it (`Accept: text/event-stream`). */
function streamAccept(types: readonly string[]): { accept?: string } {
  const kinds = new Set(types.map(essence));
  const [only] = kinds;
  return kinds.size === 1 && (isEventStream(only!) || isJsonLines(only!)) ? { accept: only } : {};
}

/** What the success answer holds (see OperationSpec.response in packages/core/src/wire/operation.ts). */
function responseMedia(
  doc: Json,
  responses: Json,
): "json" | "mixed" | "text" | "binary" | "sse" | "ndjson" | "none" {
  const types = successTypes(doc, responses);
  if (!types.length) return "none";
  // JSON only: an answer in another media type is not what was declared (core's readAnswer); JSON among others:
  // each answer is read as its Content-Type says.
  if (types.every(isJsonMedia)) return "json";
  if (types.some(isJsonMedia)) return "mixed";
  if (types.some(isEventStream)) return "sse";
  if (types.some(isJsonLines)) return "ndjson";
  if (types.some((t) => /^text\//i.test(t))) return "text";
  return "binary";
}

/** The operation table: every operation's method, path, parameter and body rules, media and security, by operationId. */
export function operationTable(d: ProviderDescriptor, doc: Json): Json {
  // No prototype: operationIds such as `constructor` or `toString` are plain keys.
  const table: Json = Object.create(null);
  for (const op of d.operations) {
    if (!op.operationId) throw new Error(`${d.specPath}: ${op.method} ${op.path} has no operationId`);
    const o = doc.paths[op.path][op.method.toLowerCase()];
    const params: Json = { path: {}, query: {}, header: {}, cookie: {} };
    for (const p of parametersOf(doc, op.path, op.method)) {
      if (!(p.in in params)) continue;
      params[p.in][p.name] = {
        required: p.required === true,
        schema: rule(doc, p.schema ?? {}),
        ...(p["x-agentruns-query-style"] === "dotted" ? { dotted: true } : {}),
        ...serialization(p),
      };
    }
    const body = o.requestBody ? resolveRef(doc, o.requestBody) : undefined;
    const sent = body ? requestMedia(body.content) : undefined;
    const bodySchema = sent ? body?.content[sent.contentType]?.schema : undefined;
    table[op.operationId] = {
      operationId: op.operationId,
      method: op.method,
      path: op.path,
      pathParams: params.path,
      query: params.query,
      ...(Object.keys(params.header).length ? { header: params.header } : {}),
      ...(Object.keys(params.cookie).length ? { cookie: params.cookie } : {}),
      ...(sent
        ? {
            body: {
              required: body?.required === true,
              ...(sent.media === "json" ? {} : { media: sent.media, contentType: sent.contentType }),
              schema: sent.media === "binary" || sent.media === "text" ? {} : rule(doc, bodySchema ?? {}),
            },
          }
        : {}),
      ...(responseMedia(doc, o.responses) === "json" ? {} : { response: responseMedia(doc, o.responses) }),
      ...streamAccept(successTypes(doc, o.responses)),
      ...(o.responses && Object.hasOwn(o.responses, "304") ? { notModified: true } : {}),
      security: op.security,
    };
  }
  return table;
}

/** Each location's default style (OpenAPI 3: path and header `simple`, query and cookie `form`). */
const DEFAULT_STYLE: Record<string, string> = {
  path: "simple",
  header: "simple",
  query: "form",
  cookie: "form",
};
const STYLES = new Set([
  "simple",
  "label",
  "matrix",
  "form",
  "spaceDelimited",
  "pipeDelimited",
  "deepObject",
]);

/** A parameter's `style` and `explode`, where they are not its location's defaults (explode: true for form only). */
export function serialization(p: Json): { style?: string; explode?: boolean } {
  const style = typeof p.style === "string" && STYLES.has(p.style) ? p.style : DEFAULT_STYLE[p.in];
  const out: { style?: string; explode?: boolean } = {};
  if (style && style !== DEFAULT_STYLE[p.in]) out.style = style;
  if (typeof p.explode === "boolean" && p.explode !== (style === "form")) out.explode = p.explode;
  return out;
}

/** The names the operation table's module exports besides its constants. */
export const OPERATIONS_EXPORTS = ["Rule", "ParamSpec", "OperationSpec", "operationTable"] as const;

/** operationId → the name of its exported constant, `<operationId>Operation` (unique among the file's exports). */
export function constantNames(ids: Iterable<string>): Map<string, string> {
  const taken = new Set<string>(OPERATIONS_EXPORTS);
  const names = new Map<string, string>();
  for (const id of ids) {
    let name = `${identifier(id)}Operation`;
    while (taken.has(name)) name += "_";
    taken.add(name);
    names.set(id, name);
  }
  return names;
}
