// Which list operations paginate and how: declared per provider in providers.ts, or inferred from the spec where
// the shape leaves no doubt (the schemes the core's paginators implement).
import { resolveRef } from "./json-ref.js";
import { parametersOf } from "./parameters.js";

type Json = Record<string, any>;

/** How one list operation pages; paths are dotted paths into the JSON answer (`"data"`, `"meta.totalPages"`). */
export type Pagination =
  /** `offset` (or `param`) advanced by the items received until `total`. */
  | { style: "offset"; items: string; total?: string; param?: string }
  /** Avido's `skip` + `pagination.{skip,limit,total,totalPages}`. */
  | { style: "skip" }
  /** `page` (or `param`) 1, 2, … while `totalPages` says so, or while the field `more` is set, or until an empty page. */
  | { style: "page"; items: string; param?: string; totalPages?: string; more?: string }
  /**
   * A token at the body path `next` (or in the response header `nextHeader`), sent back as the query parameter
   * `param` (or as the body field `param` with `in: "body"`), while `hasMore` is true.
   */
  | {
      style: "cursor";
      items: string;
      next?: string;
      nextHeader?: string;
      hasMore?: string | null;
      param: string;
      in?: "query" | "body";
    }
  /** RFC 8288 `Link: <…>; rel="next"`. */
  | { style: "link"; items: string };

/** The JSON success answer of a GET operation: its schema (refs resolved one level deep) and its header names. */
function answerOf(doc: Json, op: Json): { schema?: Json; headers: string[] } {
  for (const status of ["200", "201", "206"]) {
    const response = op.responses?.[status] ? resolveRef(doc, op.responses[status]) : undefined;
    const content = response?.content ?? {};
    const key = Object.keys(content).find((k) => /json/i.test(k));
    if (key) {
      const headers = Object.keys(response?.headers ?? {});
      return { schema: content[key]?.schema ? resolveRef(doc, content[key].schema) : undefined, headers };
    }
  }
  return { headers: [] };
}

/** Property names of an object schema (allOf merged), each resolved. */
function properties(doc: Json, schema: Json | undefined): Record<string, Json> {
  if (!schema) return {};
  const out: Record<string, Json> = {};
  for (const part of [schema, ...(schema.allOf ?? []).map((s: Json) => resolveRef(doc, s))]) {
    for (const [k, v] of Object.entries<Json>(part?.properties ?? {})) out[k] = resolveRef(doc, v);
  }
  return out;
}

const isArray = (s: Json | undefined) =>
  s?.type === "array" || (Array.isArray(s?.type) && s.type.includes("array"));

/** The one array property of the answer (or of one nested object: `result.items`), when there is exactly one. */
function itemsPath(doc: Json, props: Record<string, Json>): string | undefined {
  const top = Object.entries(props).filter(([, s]) => isArray(s));
  if (top.length === 1) return top[0]![0];
  if (top.length > 1) return undefined;
  const nested: string[] = [];
  for (const [k, s] of Object.entries(props)) {
    for (const [k2, s2] of Object.entries(properties(doc, s))) if (isArray(s2)) nested.push(`${k}.${k2}`);
  }
  return nested.length === 1 ? nested[0] : undefined;
}

/** A field named one of `names` at the top or one level down (`pagination.next_cursor`, `meta.totalPages`). */
function field(doc: Json, props: Record<string, Json>, names: string[]): string | undefined {
  for (const n of names) if (n in props) return n;
  for (const [k, s] of Object.entries(props)) {
    const inner = properties(doc, s);
    for (const n of names) if (n in inner) return `${k}.${n}`;
  }
  return undefined;
}

/**
 * The pagination of a GET operation when its shape is unambiguous: one array of items (or an answer that is the
 * array), and one of
 * - a `cursor`/`after`/`starting_after`/`page_token`/`nextToken` parameter and a token field (`next_cursor`,
 *   `last_id`, …) or a token response header (`X-Next-Token`, `X-Next-Cursor`),
 * - an `offset` parameter and a `total` field,
 * - a `page` parameter and a `totalPages` field, or a `next` field (Django REST's next-page URL).
 * Anything else is left unpaginated (declare it in providers.ts: a POST that pages, such as Qdrant's scroll, always
 * is declared).
 */
export function inferPagination(doc: Json, path: string, method: string): Pagination | undefined {
  if (method !== "GET") return undefined;
  const op = doc.paths?.[path]?.get;
  if (!op) return undefined;
  const query = new Set<string>(
    parametersOf(doc, path, method)
      .filter((p) => p.in === "query")
      .map((p) => String(p.name)),
  );
  const answer = answerOf(doc, op);
  const props = properties(doc, answer.schema);
  const items = isArray(answer.schema) ? "" : itemsPath(doc, props);
  if (items === undefined) return undefined;
  const cursorParam = [
    "cursor",
    "after",
    "starting_after",
    "page_token",
    "pageToken",
    "next_token",
    "nextToken",
  ].find((p) => query.has(p));
  const tokenHeader = answer.headers.find((h) => /^x-next-(token|cursor|page-token)$/i.test(h));
  if (cursorParam && tokenHeader)
    return { style: "cursor", items, nextHeader: tokenHeader, param: cursorParam };
  if (cursorParam) {
    const next = field(doc, props, [
      "next_cursor",
      "nextCursor",
      "next_page_token",
      "nextPageToken",
      "next_token",
      "last_id",
    ]);
    if (next) {
      const hasMore = field(doc, props, ["has_more", "hasMore"]);
      return { style: "cursor", items, next, hasMore: hasMore ?? null, param: cursorParam };
    }
  }
  if (query.has("offset")) {
    const total = field(doc, props, ["total", "total_count", "totalCount"]);
    if (total) return { style: "offset", items, total, param: "offset" };
  }
  if (query.has("page")) {
    const totalPages = field(doc, props, ["totalPages", "total_pages", "pages"]);
    if (totalPages) return { style: "page", items, param: "page", totalPages };
    const next = "next" in props && !isArray(props.next) ? "next" : undefined;
    if (next) return { style: "page", items, param: "page", more: next };
  }
  return undefined;
}

/** The core paginator call that implements `p`, for an item type written as `item`. */
export function paginatorCall(p: Pagination, item: string): string {
  const opts = (o: Record<string, unknown>) =>
    JSON.stringify(Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
  switch (p.style) {
    case "offset":
      return `offsetPagination<${item}>(${JSON.stringify(p.items)}, ${opts({ total: p.total, param: p.param })})`;
    case "skip":
      return `skipPagination<${item}>()`;
    case "page":
      return `pagePagination<${item}>(${opts({ items: p.items, param: p.param, totalPages: p.totalPages, more: p.more })})`;
    case "cursor":
      return `cursorPagination<${item}>(${opts({ items: p.items, next: p.next, nextHeader: p.nextHeader, hasMore: p.hasMore, param: p.param, in: p.in })})`;
    case "link":
      return `linkPagination<${item}>(${opts({ items: p.items })})`;
  }
}

/** Where the items live, for the item type (`ItemsAt<Body, "data">`); Avido's skip scheme keeps them in `data`. */
export const itemsOf = (p: Pagination): string => (p.style === "skip" ? "data" : p.items);

/** Whether the operation's JSON success answer is an array (a list that does not page). */
export const answersArray = (doc: Json, op: Json): boolean => isArray(answerOf(doc, op).schema);

/** The schema at a dotted path of the answer (`meta.totalPages`), or undefined where a step names no property. */
function schemaAt(doc: Json, schema: Json | undefined, at: string): Json | undefined {
  let node = schema;
  for (const key of at.split(".")) {
    node = properties(doc, node)[key];
    if (!node) return undefined;
  }
  return node;
}

/**
 * What is wrong with a declared pagination of an operation, as the spec describes it: its items must be an array
 * of the JSON answer (the answer itself for `""`), each field it names must exist there, and the parameter it sends
 * must be one of the operation's (a query parameter, or a field of its JSON request body with `in: "body"`).
 */
export function paginationProblems(doc: Json, path: string, method: string, p: Pagination): string[] {
  const op = doc.paths?.[path]?.[method.toLowerCase()] ?? {};
  const { schema } = answerOf(doc, op);
  if (!schema) return ["the operation answers no JSON, so nothing can be paged"];
  const problems: string[] = [];
  const items = itemsOf(p);
  if (items === "" ? !isArray(schema) : !isArray(schemaAt(doc, schema, items)))
    problems.push(
      items === ""
        ? `items "" says the answer is the list, but its schema is not an array`
        : `items "${items}" is not an array of the answer (its arrays: ${arraysOf(doc, schema).join(", ") || "none"})`,
    );
  const fields: Record<string, string | null | undefined> =
    p.style === "offset"
      ? { total: p.total }
      : p.style === "page"
        ? { totalPages: p.totalPages, more: p.more }
        : p.style === "cursor"
          ? { next: p.next, hasMore: p.hasMore }
          : {};
  for (const [name, at] of Object.entries(fields))
    if (at && !schemaAt(doc, schema, at)) problems.push(`${name} "${at}" is not a field of the answer`);
  const param =
    p.style === "skip" || p.style === "link"
      ? undefined
      : (p.param ?? (p.style === "page" ? "page" : p.style === "offset" ? "offset" : undefined));
  if (param !== undefined) {
    const inBody = p.style === "cursor" && p.in === "body";
    const body = op.requestBody ? resolveRef(doc, op.requestBody) : undefined;
    const bodySchema = Object.entries<Json>(body?.content ?? {}).find(([k]) => /json/i.test(k))?.[1]?.schema;
    const known = inBody
      ? Object.keys(properties(doc, bodySchema ? resolveRef(doc, bodySchema) : undefined))
      : parametersOf(doc, path, method)
          .filter((x) => x.in === "query")
          .map((x) => String(x.name));
    if (!known.includes(param))
      problems.push(
        `param "${param}" is not a ${inBody ? "field of the JSON request body" : "query parameter"} of the operation (${known.join(", ") || "it has none"})`,
      );
  }
  return problems;
}

/** The dotted paths of the answer's arrays, one level down at most (for a message). */
function arraysOf(doc: Json, schema: Json): string[] {
  const props = properties(doc, schema);
  const out = Object.entries(props)
    .filter(([, s]) => isArray(s))
    .map(([k]) => k);
  for (const [k, s] of Object.entries(props))
    for (const [k2, s2] of Object.entries(properties(doc, s))) if (isArray(s2)) out.push(`${k}.${k2}`);
  return out;
}

/** Whether `field` is a property of the operation's JSON success answer (what an `unwrap` entry resolves to). */
export function answerHasField(doc: Json, path: string, method: string, field: string): boolean {
  const op = doc.paths?.[path]?.[method.toLowerCase()] ?? {};
  return schemaAt(doc, answerOf(doc, op).schema, field) !== undefined;
}
