// Checks a call's input against the spec's constraints (from the generated operationTable) before any network I/O.
// A small JSON Schema subset, hand-written on purpose: a full validator (Ajv) would not fit the 10 kB bundle budget.
import { isBinary } from "./bodies.js";
import { ValidationError } from "./errors.js";
import { CONTROL, unsendable } from "./wire/header-value.js";
import type { OperationSpec, Rule } from "./wire/operation.js";

export type { OperationSpec, ParamSpec, Rule } from "./wire/operation.js";

export interface CallInput {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  header?: Record<string, unknown>;
  cookie?: Record<string, unknown>;
  body?: unknown;
}

const own = (o: object | undefined, key: string): boolean =>
  !!o && Object.prototype.hasOwnProperty.call(o, key);

const LONE_SURROGATE = /\p{Surrogate}/u;

const patterns = new Map<string, RegExp>();
const regex = (p: string) => {
  let r = patterns.get(p);
  if (!r) patterns.set(p, (r = new RegExp(p, "u")));
  return r;
};

const FORMATS: Record<string, (v: string) => boolean> = {
  uuid: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  "date-time": (v) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(v) &&
    !Number.isNaN(Date.parse(v)),
  uri: (v) => {
    try {
      return !!new URL(v).protocol;
    } catch {
      return false;
    }
  },
};

const show = (v: unknown) =>
  typeof v === "string" ? JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v) : String(v);

function typeOk(type: string, v: unknown): boolean {
  switch (type) {
    case "integer":
      return Number.isInteger(v);
    case "number":
      return typeof v === "number" && Number.isFinite(v);
    case "array":
      return Array.isArray(v);
    case "object":
      return !!v && typeof v === "object" && !Array.isArray(v);
    case "null":
      return v === null;
    default:
      return typeof v === type;
  }
}

/** The first problem with `v` under `rule`, as "<at> <problem>", or undefined. */
export function check(rule: Rule, v: unknown, at: string): string | undefined {
  // A `format: binary` field (an upload) takes a Blob, bytes or a stream, whatever its declared type.
  if (rule.format === "binary" && isBinary(v)) return undefined;
  if (
    v === null &&
    (rule.nullable || rule.type === "null" || (Array.isArray(rule.type) && rule.type.includes("null")))
  ) {
    return undefined;
  }
  const types = rule.type === undefined ? [] : typeof rule.type === "string" ? [rule.type] : rule.type;
  if (types.length && !types.some((t) => typeOk(t, v)))
    return `${at} must be ${types.join(" or ")} (got ${show(v)})`;
  if (rule.enum && !rule.enum.includes(v))
    return `${at} must be one of ${rule.enum.map(show).join(", ")} (got ${show(v)})`;
  if (typeof v === "number") {
    if (rule.minimum !== undefined && v < rule.minimum) return `${at} must be >= ${rule.minimum} (got ${v})`;
    if (rule.maximum !== undefined && v > rule.maximum) return `${at} must be <= ${rule.maximum} (got ${v})`;
    if (rule.exclusiveMinimum !== undefined && v <= rule.exclusiveMinimum)
      return `${at} must be > ${rule.exclusiveMinimum} (got ${v})`;
    if (rule.exclusiveMaximum !== undefined && v >= rule.exclusiveMaximum)
      return `${at} must be < ${rule.exclusiveMaximum} (got ${v})`;
  }
  if (typeof v === "string") {
    // A lone UTF-16 surrogate cannot be percent-encoded (encodeURIComponent throws) nor sent as UTF-8.
    if (LONE_SURROGATE.test(v)) return `${at} is not valid Unicode (it contains a lone surrogate)`;
    if (rule.minLength !== undefined && v.length < rule.minLength)
      return `${at} must be at least ${rule.minLength} characters`;
    if (rule.maxLength !== undefined && v.length > rule.maxLength)
      return `${at} must be at most ${rule.maxLength} characters`;
    const format = rule.format && own(FORMATS, rule.format) && FORMATS[rule.format];
    if (format && !format(v)) return `${at} must be a valid ${rule.format} (got ${show(v)})`;
    if (rule.pattern && !regex(rule.pattern).test(v)) return `${at} has an invalid format (got ${show(v)})`;
  }
  if (Array.isArray(v)) {
    if (rule.minItems !== undefined && v.length < rule.minItems)
      return `${at} must have at least ${rule.minItems} items`;
    if (rule.maxItems !== undefined && v.length > rule.maxItems)
      return `${at} must have at most ${rule.maxItems} items (got ${v.length})`;
    if (rule.items)
      for (let i = 0; i < v.length; i++) {
        const problem = check(rule.items, v[i], `${at}[${i}]`);
        if (problem) return problem;
      }
  }
  if (v && typeof v === "object" && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    for (const key of rule.required ?? [])
      if (!own(o, key) || o[key] === undefined) return `${at}.${key} is required`;
    for (const [key, value] of Object.entries(o)) {
      if (value === undefined) continue;
      if (LONE_SURROGATE.test(key)) return `${at} key is not valid Unicode (it contains a lone surrogate)`;
      if (rule.propertyNames && !regex(rule.propertyNames.pattern).test(key)) {
        return `${at} key ${show(key)} must match ${rule.propertyNames.pattern}`;
      }
      const sub = own(rule.properties, key) ? rule.properties![key] : rule.additionalProperties;
      if (sub === false) return `${at}.${key} is not a known field`;
      const problem = sub && check(sub, value, `${at}.${key}`);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** Throws ValidationError for the first problem with a call's input; `label` names the call (e.g. "duvo.runs.get"). */
export function validateInput(spec: OperationSpec, input: CallInput, label: string): void {
  const fail = (problem: string, field: string): never => {
    throw new ValidationError(`Invalid input to ${label}: ${problem}`, field);
  };
  for (const part of ["path", "query", "header", "cookie"] as const) {
    const v = input[part];
    if (v !== undefined && (v === null || typeof v !== "object" || Array.isArray(v))) {
      fail(
        `${part} parameters must be an object (got ${v === null ? "null" : Array.isArray(v) ? "an array" : typeof v})`,
        part,
      );
    }
  }
  for (const [name, param] of Object.entries(spec.pathParams)) {
    const v = own(input.path, name) ? input.path![name] : undefined;
    const at = `path.${name}`;
    if (v === undefined || v === "") fail(`${name} is required`, at);
    if (v === "." || v === "..") fail(`${name} must not be "${v}"`, at);
    const problem = check(param.schema, v, name);
    if (problem) fail(problem, at);
  }
  for (const part of ["query", "header", "cookie"] as const) {
    const declared = spec[part] ?? {};
    const given = input[part];
    for (const [name, v] of Object.entries(given ?? {})) {
      if (v === undefined) continue;
      const param = own(declared, name) ? declared[name] : undefined;
      if (!param) {
        const kind = part === "query" ? "" : `${part} `;
        fail(
          `unknown ${kind}parameter "${name}" (known: ${Object.keys(declared).join(", ") || "none"})`,
          `${part}.${name}`,
        );
      }
      // A header value must be sendable as is; a cookie value is percent-encoded, so only a line break is refused.
      const problem =
        typeof v !== "string" || part === "query"
          ? undefined
          : part === "header"
            ? unsendable(v)
            : CONTROL.test(v)
              ? "contains a control character (CR, LF, …)"
              : undefined;
      if (problem) fail(`${name} ${problem}`, `${part}.${name}`);
      const invalid = check(param!.schema, v, name);
      if (invalid) fail(invalid, `${part}.${name}`);
    }
    for (const [name, param] of Object.entries(declared)) {
      if (param.required && (!own(given, name) || given![name] === undefined)) {
        fail(`${name} is required`, `${part}.${name}`);
      }
    }
  }
  if (spec.body) {
    if (input.body === undefined) {
      if (spec.body.required) fail("a request body is required", "body");
    } else if (spec.body.media === "binary" || spec.body.media === "text") {
      if (!isBinary(input.body) && typeof input.body !== "string") {
        fail(
          `the body must be a Blob, File, ArrayBuffer, typed array, ReadableStream or string (${spec.body.contentType})`,
          "body",
        );
      }
    } else {
      const problem = check(spec.body.schema, input.body, "body");
      if (problem) fail(problem, problem.split(" ")[0]!);
    }
  }
}
