// One call of a generated method with every required input filled by values the core's input check accepts (the
// spec's examples where they pass, else values built from each rule): the smoke test's call and the API reference's
// examples, so both compile and reach the wire for any spec.
import type { Method } from "./client-methods.js";
import { hintsOf, sampleValue, valueFor } from "./example-value.js";
import { resolveRef } from "./json-ref.js";
import { parametersOf } from "./parameters.js";

type Json = Record<string, any>;

const q = JSON.stringify;

/** How many inputs a call must be given: path parameters, a required body, required parameters. */
const requiredInputs = (m: Method, spec: Json): number =>
  m.pathParams.length +
  (m.body?.required ? 1 : 0) +
  (["query", "header", "cookie"] as const).reduce(
    (n, part) => n + Object.values<Json>(spec[part] ?? {}).filter((p) => p.required).length,
    0,
  );

/** A call's example: its method expression (`client.runs.get("…")`), the same call through the typed openapi-fetch
 * client (`client.GET("/runs/{run_id}", …)`), and what reaches the server. */
export interface ExampleCall {
  expr: string;
  /** The generated function's name and the call's arguments after the client (`runsGet`, `"run_1"`). */
  fn: string;
  args: string;
  raw: string;
  method: string;
  pathname: string;
}

/**
 * The smoke test's call: the operation with the fewest required inputs (a GET first), called with values the core's
 * input check accepts (the spec's examples where they pass, else values built from each rule), so the test compiles
 * and its request reaches the wire for any spec. Undefined when no operation can be called that way.
 */
export function smokeCall(methods: readonly Method[], table: Json, doc: Json): ExampleCall | undefined {
  const ranked = methods
    .map((m, i) => ({
      m,
      i,
      cost: requiredInputs(m, table[m.operationId]) * 2 + (m.method === "GET" ? 0 : 1),
    }))
    .sort((a, b) => a.cost - b.cost || a.i - b.i);
  for (const { m } of ranked) {
    const call = callOf(m, table[m.operationId], doc);
    if (call) return call;
  }
  return undefined;
}

/** Every required input of a call, each with a value that passes the input check. */
interface CallInputs {
  /** Path parameters by name, in the path's order. */
  path: [string, string | number][];
  /** The method's params object (query with bracketed groups as objects, headers and cookies by their keys). */
  params: Json;
  /** The same on the wire, by location and the spec's names. */
  wire: { query: Json; header: Json; cookie: Json };
  /** A required body's value (an optional one is left out: it comes last, method-signature.ts paramsFirst). */
  body?: { value: unknown };
}

/** One call of `m` with every required input filled, or undefined when some input has no value that passes. */
export function callOf(m: Method, spec: Json, doc: Json): ExampleCall | undefined {
  const inputs = callInputs(m, spec, doc);
  if (!inputs) return undefined;
  let pathname = m.path;
  for (const [name, value] of inputs.path)
    pathname = pathname.replaceAll(`{${name}}`, encodeURIComponent(String(value)));
  const args = [
    ...inputs.path.map(([, v]) => q(v)),
    ...(inputs.body ? [q(inputs.body.value)] : []),
    ...(Object.keys(inputs.params).length ? [q(inputs.params)] : []),
  ];
  const params = Object.fromEntries(
    [["path", Object.fromEntries(inputs.path)], ...Object.entries(inputs.wire)].filter(
      ([, v]) => Object.keys(v as Json).length,
    ),
  );
  const init = {
    ...(Object.keys(params).length ? { params } : {}),
    ...(inputs.body ? { body: inputs.body.value } : {}),
  };
  return {
    expr: `client.${[...m.resource, m.name].join(".")}(${args.join(", ")})`,
    fn: m.fn,
    args: args.join(", "),
    raw: `client.${m.method}(${q(m.path)}${Object.keys(init).length ? `, ${q(init)}` : ""})`,
    method: m.method,
    // What reaches the server: a path written with a fragment or a query (`/#X-Amz-Target=…`) is cut where URLs cut it.
    pathname: new URL(pathname, "http://127.0.0.1").pathname,
  };
}

function callInputs(m: Method, spec: Json, doc: Json): CallInputs | undefined {
  const raw = parametersOf(doc, m.path, m.method);
  // The value built from the schema first (it has the shape the types demand; a spec's example may not), then the
  // spec's examples, then values built from the rule alone.
  const hints = (where: string, name: string) => {
    const p = raw.find((r) => r.in === where && r.name === name);
    return [
      sampleValue(doc, p?.schema, { examples: false }),
      ...hintsOf(p, p?.schema ? resolveRef(doc, p.schema) : undefined),
    ];
  };
  const out: CallInputs = { path: [], params: {}, wire: { query: {}, header: {}, cookie: {} } };
  for (const p of m.pathParams) {
    const v = valueFor(spec.pathParams[p.name]?.schema ?? {}, hints("path", p.name));
    if (!v || (typeof v.value !== "string" && typeof v.value !== "number")) return undefined;
    out.path.push([p.name, v.value]);
  }
  for (const part of ["query", "header", "cookie"] as const) {
    for (const [name, p] of Object.entries<Json>(spec[part] ?? {})) {
      // Parameters named like Object's members are given too (see sampleValue: TypeScript checks the inherited one).
      if (!p.required && !(name in Object.prototype)) continue;
      const v = valueFor(p.schema ?? {}, hints(part, name));
      if (!v) return undefined;
      out.wire[part][name] = v.value;
      const group = Object.entries(m.groups).find(([g, keys]) => keys.some((k) => `${g}[${k}]` === name));
      const key =
        part === "query"
          ? name
          : (Object.keys(m.renamed).find((k) => m.renamed[k] === name && m[part].includes(k)) ?? name);
      if (group && part === "query")
        (out.params[group[0]] ??= {})[name.slice(group[0].length + 1, -1)] = v.value;
      else out.params[key] = v.value;
    }
  }
  if (m.body?.required) {
    const op = doc.paths[m.path][m.method.toLowerCase()];
    const body = resolveRef(doc, op.requestBody ?? {});
    const media = Object.values<Json>(body?.content ?? {})[0];
    const v = valueFor(spec.body?.schema ?? {}, [
      sampleValue(doc, media?.schema, { examples: false }),
      ...hintsOf(media, media?.schema ? resolveRef(doc, media.schema) : undefined),
      // A JSON body the rule says nothing about is far more often an object than a string.
      ...(spec.body?.media ? [] : [{}]),
    ]);
    if (
      !v ||
      (spec.body?.media &&
        spec.body.media !== "form" &&
        spec.body.media !== "multipart" &&
        typeof v.value !== "string")
    )
      return undefined;
    out.body = { value: v.value };
  }
  return out;
}
