// The differ's rules: what each kind of spec change means for clients, per operation. One function per level
// (operations, parameters, bodies, schemas); `direction` says whether a schema is sent (request) or read (response).
import { normalize, sameJson, stripDocs, typesOf } from "./deref.js";

type Json = Record<string, any>;

export type Level = "breaking" | "feature" | "patch";

export interface Change {
  level: Level;
  /** A stable name for the rule that fired, e.g. "parameter.required-added". */
  rule: string;
  /** "GET /v1/runs", or "spec" for document-wide changes. */
  operation: string;
  /** What changed, in plain words. */
  message: string;
}

type Direction = "request" | "response";
const METHODS = ["get", "put", "post", "delete", "patch", "options", "head", "trace"];

const same = (a: unknown, b: unknown) => sameJson(a, b);
const show = (v: unknown) => JSON.stringify(v);

class Collector {
  readonly changes: Change[] = [];
  add(level: Level, rule: string, operation: string, message: string) {
    this.changes.push({ level, rule, operation, message });
  }
}

/** Compares two schemas; `at` names the place ("query parameter limit", "response 200 body.data[].id"). */
function compareSchema(c: Collector, op: string, at: string, a: Json, b: Json, dir: Direction) {
  if (!a || !b) return;
  const req = dir === "request";
  const narrow = req ? "breaking" : "feature";
  const widen = req ? "feature" : "breaking";

  const ta = typesOf(a);
  const tb = typesOf(b);
  if (!same(ta, tb) && ta.length && tb.length) {
    const removed = ta.filter((t) => !tb.includes(t));
    const added = tb.filter((t) => !ta.includes(t));
    if (removed.length && added.length)
      c.add(
        "breaking",
        "schema.type-changed",
        op,
        `${at}: type changed from ${ta.join(" | ")} to ${tb.join(" | ")}`,
      );
    else if (removed.length)
      c.add(narrow, "schema.type-narrowed", op, `${at}: no longer accepts ${removed.join(", ")}`);
    else c.add(widen, "schema.type-widened", op, `${at}: now also ${added.join(", ")}`);
  } else if (!ta.length !== !tb.length) {
    c.add(
      ta.length ? widen : narrow,
      "schema.type-changed",
      op,
      `${at}: type ${ta.length ? "removed" : `set to ${tb.join(" | ")}`}`,
    );
  }

  if (a.enum || b.enum) {
    const ea: unknown[] = a.enum ?? [];
    const eb: unknown[] = b.enum ?? [];
    const removed = a.enum ? ea.filter((v) => !b.enum || !eb.some((w) => same(v, w))) : [];
    const added = b.enum ? eb.filter((v) => !a.enum || !ea.some((w) => same(v, w))) : [];
    if (!a.enum && b.enum)
      c.add("breaking", "enum.introduced", op, `${at}: now limited to ${eb.map(show).join(", ")}`);
    else if (a.enum && !b.enum)
      c.add(
        req ? "feature" : "breaking",
        "enum.lifted",
        op,
        `${at}: no longer limited to ${ea.map(show).join(", ")}`,
      );
    else {
      // In a response, any change to the set of values breaks exhaustive switches over the generated union type.
      if (removed.length)
        c.add(
          "breaking",
          "enum.value-removed",
          op,
          `${at}: value(s) ${removed.map(show).join(", ")} removed`,
        );
      if (added.length)
        c.add(
          req ? "feature" : "breaking",
          "enum.value-added",
          op,
          `${at}: new value(s) ${added.map(show).join(", ")}`,
        );
    }
  }

  // Value constraints bind what clients send; in responses they only document.
  const bound = (key: string, tighter: (x: number, y: number) => boolean) => {
    const x = a[key];
    const y = b[key];
    if (same(x, y)) return;
    const level: Level = !req
      ? "patch"
      : y !== undefined && (x === undefined || tighter(x, y))
        ? "breaking"
        : "feature";
    c.add(
      level,
      `constraint.${key}`,
      op,
      `${at}: ${key} ${x === undefined ? "added" : y === undefined ? "removed" : "changed"} (${x ?? "none"} → ${y ?? "none"})`,
    );
  };
  for (const k of ["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"])
    bound(k, (x, y) => y > x);
  for (const k of ["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"])
    bound(k, (x, y) => y < x);
  for (const k of ["pattern", "format"]) {
    if (same(a[k], b[k])) continue;
    const level: Level = !req ? "patch" : b[k] === undefined ? "feature" : "breaking";
    c.add(
      level,
      `constraint.${k}`,
      op,
      `${at}: ${k} ${a[k] === undefined ? "added" : b[k] === undefined ? "removed" : "changed"}`,
    );
  }
  if (!same(a.default, b.default))
    c.add("patch", "schema.default-changed", op, `${at}: default ${show(a.default)} → ${show(b.default)}`);

  // Objects.
  const pa: Json = a.properties ?? {};
  const pb: Json = b.properties ?? {};
  const ra = new Set<string>(a.required ?? []);
  const rb = new Set<string>(b.required ?? []);
  for (const name of Object.keys(pa)) {
    const where = `${at}.${name}`;
    if (!(name in pb)) {
      c.add("breaking", req ? "property.removed-request" : "property.removed", op, `${where} was removed`);
      continue;
    }
    if (req) {
      if (!ra.has(name) && rb.has(name))
        c.add("breaking", "property.became-required", op, `${where} is now required`);
      if (ra.has(name) && !rb.has(name))
        c.add("feature", "property.became-optional", op, `${where} is now optional`);
    } else {
      if (ra.has(name) && !rb.has(name))
        c.add("breaking", "property.may-be-absent", op, `${where} may now be absent`);
      if (!ra.has(name) && rb.has(name))
        c.add("feature", "property.always-present", op, `${where} is now always present`);
    }
    compareSchema(c, op, where, pa[name], pb[name], dir);
  }
  for (const name of Object.keys(pb)) {
    if (name in pa) continue;
    const where = `${at}.${name}`;
    if (req && rb.has(name))
      c.add("breaking", "property.required-added", op, `${where} was added and is required`);
    else
      c.add(
        "feature",
        req ? "property.optional-added" : "property.added",
        op,
        `${where} was added${req ? " (optional)" : ""}`,
      );
  }
  const apa = a.additionalProperties;
  const apb = b.additionalProperties;
  if (!same(apa, apb)) {
    if (apb === false && apa !== false)
      c.add(req ? "breaking" : "patch", "object.closed", op, `${at}: unknown fields are no longer allowed`);
    else if (apa === false && apb !== false)
      c.add(req ? "feature" : "breaking", "object.opened", op, `${at}: may now carry other fields`);
    else if (apa && apb && typeof apa === "object" && typeof apb === "object")
      compareSchema(c, op, `${at}[*]`, apa, apb, dir);
  }

  // Arrays.
  if (a.items || b.items) compareSchema(c, op, `${at}[]`, a.items ?? {}, b.items ?? {}, dir);

  // Compositions the rules above do not understand: any change counts as breaking, conservatively.
  for (const k of ["oneOf", "anyOf", "allOf", "not", "discriminator"]) {
    if (!same(stripDocs(a[k]), stripDocs(b[k])))
      c.add("breaking", "schema.composition-changed", op, `${at}: ${k} changed`);
  }
}

const paramKey = (p: Json) => `${p.in} parameter ${p.name}`;

function compareParameters(c: Collector, op: string, a: Json[], b: Json[]) {
  const byKey = (ps: Json[]) => new Map(ps.map((p) => [paramKey(p), p]));
  const ma = byKey(a);
  const mb = byKey(b);
  for (const [key, pa] of ma) {
    const pb = mb.get(key);
    if (!pb) {
      c.add("breaking", "parameter.removed", op, `${key} was removed`);
      continue;
    }
    if (!pa.required && pb.required)
      c.add("breaking", "parameter.became-required", op, `${key} is now required`);
    if (pa.required && !pb.required)
      c.add("feature", "parameter.became-optional", op, `${key} is now optional`);
    for (const k of ["style", "explode", "allowReserved", "x-agentruns-query-style"]) {
      if (!same(pa[k], pb[k]))
        c.add(
          "breaking",
          "parameter.serialization-changed",
          op,
          `${key}: ${k} changed (${show(pa[k])} → ${show(pb[k])})`,
        );
    }
    compareSchema(c, op, key, pa.schema ?? {}, pb.schema ?? {}, "request");
  }
  for (const [key, pb] of mb) {
    if (ma.has(key)) continue;
    if (pb.required) c.add("breaking", "parameter.required-added", op, `${key} was added and is required`);
    else c.add("feature", "parameter.optional-added", op, `${key} was added (optional)`);
  }
}

const json = (o: Json | undefined) => o?.content?.["application/json"]?.schema;

function compareOperation(
  c: Collector,
  op: string,
  a: Json,
  b: Json,
  securityA: unknown,
  securityB: unknown,
) {
  if (a.operationId !== b.operationId) {
    c.add(
      "breaking",
      "operation.id-changed",
      op,
      `operationId changed from ${a.operationId} to ${b.operationId} (the generated \`operations\` type is keyed by it)`,
    );
  }
  if (!same(a.security ?? securityA, b.security ?? securityB)) {
    c.add(
      "breaking",
      "operation.auth-changed",
      op,
      `authentication changed from ${show(a.security ?? securityA)} to ${show(b.security ?? securityB)}`,
    );
  }
  compareParameters(c, op, a.parameters ?? [], b.parameters ?? []);

  const ba = a.requestBody;
  const bb = b.requestBody;
  if (ba && !bb) c.add("breaking", "body.removed", op, "the request body was removed");
  else if (!ba && bb)
    c.add(
      bb.required ? "breaking" : "feature",
      bb.required ? "body.required-added" : "body.optional-added",
      op,
      `a${bb.required ? " required" : "n optional"} request body was added`,
    );
  else if (ba && bb) {
    if (!ba.required && bb.required)
      c.add("breaking", "body.became-required", op, "the request body is now required");
    if (ba.required && !bb.required)
      c.add("feature", "body.became-optional", op, "the request body is now optional");
    compareSchema(c, op, "request body", json(ba) ?? {}, json(bb) ?? {}, "request");
  }

  const ra: Json = a.responses ?? {};
  const rb: Json = b.responses ?? {};
  for (const status of Object.keys(ra)) {
    if (!(status in rb)) {
      c.add(
        status.startsWith("2") ? "breaking" : "feature",
        "response.removed",
        op,
        `response ${status} was removed`,
      );
      continue;
    }
    compareSchema(
      c,
      op,
      `response ${status} body`,
      json(ra[status]) ?? {},
      json(rb[status]) ?? {},
      "response",
    );
  }
  for (const status of Object.keys(rb)) {
    if (status in ra) continue;
    c.add(
      status.startsWith("2") ? "breaking" : "feature",
      "response.added",
      op,
      `response ${status} was added${status.startsWith("2") ? " (a new success shape to handle)" : ""}`,
    );
  }
}

/** Every change between two OpenAPI documents, classified. Descriptions and examples only → one patch per place. */
export function diffSpecs(oldDoc: Json, newDoc: Json): Change[] {
  const a = normalize(oldDoc);
  const b = normalize(newDoc);
  const c = new Collector();
  if (!same(a.servers?.[0]?.url, b.servers?.[0]?.url)) {
    c.add(
      "breaking",
      "spec.server-changed",
      "spec",
      `default server changed from ${a.servers?.[0]?.url} to ${b.servers?.[0]?.url}`,
    );
  }
  if (!same(a.components?.securitySchemes, b.components?.securitySchemes)) {
    c.add(
      "breaking",
      "spec.security-schemes-changed",
      "spec",
      "security schemes changed (how credentials are sent)",
    );
  }
  const ops = (d: Json) => {
    const out = new Map<string, Json>();
    for (const [p, item] of Object.entries<Json>(d.paths ?? {})) {
      for (const m of METHODS)
        if (item[m])
          out.set(`${m.toUpperCase()} ${p}`, {
            ...item[m],
            parameters: [...(item.parameters ?? []), ...(item[m].parameters ?? [])],
          });
    }
    return out;
  };
  const oa = ops(a);
  const ob = ops(b);
  for (const [key, opA] of oa) {
    const opB = ob.get(key);
    if (!opB) c.add("breaking", "operation.removed", key, "the operation was removed");
    else compareOperation(c, key, opA, opB, a.security, b.security);
  }
  for (const key of ob.keys()) if (!oa.has(key)) c.add("feature", "operation.added", key, "a new operation");

  const structural = !same(stripDocs(a), stripDocs(b));
  if (structural && !c.changes.length) {
    // A difference no rule named must never pass as documentation.
    c.add(
      "breaking",
      "spec.unclassified",
      "spec",
      "the spec changed in a way the differ does not classify; review it by hand",
    );
  }
  if (!structural && !same(a, b))
    c.add("patch", "docs.changed", "spec", "descriptions, summaries or examples changed");
  return c.changes;
}
