// src/generated/wire.ts: the routes whose request openapi-fetch's defaults would not send as the spec describes it
// (a parameter style or explode of the spec's own, an object in the query, a list or object in the path or a header,
// a cookie parameter, a fragment or query written into the path key), with how each of their parameters is
// serialized; the typed client rebuilds those requests with the wire rules (vendor/wire/params.ts).
import type { Emitter } from "../emitter.js";
import { header } from "../header.js";

type Json = Record<string, any>;

/** A rule that holds a list or an object. */
const compound = (rule: Json | undefined): boolean => {
  const types = ([] as unknown[]).concat(rule?.type ?? []);
  return types.includes("array") || types.includes("object") || !!rule?.properties || !!rule?.items;
};

/** How one parameter is serialized: its style, explode and dotted marks only. */
const serializationOf = (p: Json) => ({
  ...(p.style ? { style: p.style } : {}),
  ...(p.explode !== undefined ? { explode: p.explode } : {}),
  ...(p.dotted ? { dotted: true } : {}),
});

const marked = (p: Json): boolean => p.style !== undefined || p.explode !== undefined || !!p.dotted;

/** The route's wire entry, or undefined when openapi-fetch's defaults send it as the spec says. */
function wireOf(op: Json): Json | undefined {
  const path = Object.values<Json>(op.pathParams ?? {});
  const query = Object.values<Json>(op.query ?? {});
  const headers = Object.entries<Json>(op.header ?? {}).filter(([, p]) => marked(p) || compound(p.schema));
  const cookies = Object.entries<Json>(op.cookie ?? {});
  const needed =
    /[?#]/.test(op.path) ||
    [...path, ...query].some(marked) ||
    path.some((p) => compound(p.schema)) ||
    query.some(
      (p) =>
        (Array.isArray(p.schema?.type) ? p.schema.type : [p.schema?.type]).includes("object") ||
        !!p.schema?.properties,
    ) ||
    headers.length > 0 ||
    cookies.length > 0;
  if (!needed) return undefined;
  const map = (entries: [string, Json][]) =>
    Object.fromEntries(entries.map(([n, p]) => [n, serializationOf(p)]));
  return {
    path: op.path,
    pathParams: map(Object.entries(op.pathParams ?? {})),
    query: map(Object.entries(op.query ?? {})),
    ...(headers.length ? { header: map(headers) } : {}),
    ...(cookies.length ? { cookie: map(cookies) } : {}),
  };
}

export const wireRoutes: Emitter = ({ provider: d, operations }) => {
  const table: Record<string, Json> = {};
  for (const op of Object.values(operations)) {
    const wire = wireOf(op);
    if (wire) table[`${op.method} ${op.path}`] = wire;
  }
  return [
    {
      path: "src/generated/wire.ts",
      text:
        header(d) +
        "// Why: the routes the typed client sends with the wire rules, where openapi-fetch's defaults would differ from the spec.\n" +
        'import type { WireRoute } from "../vendor/wire/params.js";\n\n' +
        `export const routeWire: Readonly<Record<string, WireRoute>> = ${JSON.stringify(table, null, 2)};\n`,
    },
  ];
};
