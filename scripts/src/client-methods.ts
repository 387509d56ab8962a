// The ergonomic package's model: one Method per operation (its resource and name, arguments, parameters, body,
// pagination and the spec's names for its types), built once from the spec and read by every emitter (functions,
// resources, API reference, smoke test).
import { resolveRef } from "./json-ref.js";
import { parametersOf } from "./parameters.js";
import { camel } from "./identifier.js";
import { declaredName, nameMethods, pascal, type MethodName } from "./methods.js";
import { answersArray, inferPagination, itemsOf, type Pagination } from "./paging.js";
import type { ProviderDescriptor, ProviderEntry } from "./provider.js";
import { RESERVED } from "./component-names.js";
import { constantNames } from "./rules.js";
import {
  bodyName,
  fieldName,
  itemName,
  mayBeEmpty,
  primitiveName,
  resultName,
  type SchemaNames,
} from "./type-names.js";

type Json = Record<string, any>;

const q = JSON.stringify;

/** What one generated method needs to know about its operation. */
export interface Method extends MethodName {
  method: string;
  path: string;
  doc: string;
  constant: string;
  pathParams: { name: string; arg: string }[];
  query: string[];
  header: string[];
  cookie: string[];
  /**
   * Params keys of header and cookie parameters whose name a query (or, for cookies, a header) parameter of the
   * same operation already takes: `{ classHeader: "class" }`; the one params object cannot hold both under one key.
   */
  renamed: Record<string, string>;
  dates: { name: string; required: boolean }[];
  groups: Record<string, string[]>;
  body?: { required: boolean };
  pagination?: Pagination;
  unwrap?: string;
  fn: string;
  /** The Params type's name and definition, when the operation has query, header or cookie parameters. */
  params?: { name: string; type: string };
  /** No query, header or cookie parameter is required: the params argument defaults to `{}`. */
  paramsOptional: boolean;
  /** The spec's names for what the method takes and gives, where it names them (see type-names.ts). */
  types: {
    result?: string;
    /** The named result may also be `undefined` (a 204/205 beside it, or a declared 304). */
    empty?: true;
    body?: string;
    item?: string;
    field?: string;
    path: Record<string, string>;
  };
}

/** Names a client, its resources or a function's arguments must not take. */
const TAKEN_ARGS = new Set(["client", "params", "body", "options"]);
/** Every operation as a Method, named and typed (the model every emitter of the package reads). */
export function methodsOf(
  d: ProviderDescriptor,
  entry: ProviderEntry,
  doc: Json,
  schemas: SchemaNames = new Map(),
): Method[] {
  const ops = d.operations.map((o) => {
    const raw = doc.paths[o.path][o.method.toLowerCase()];
    const declared = ownEntry(entry.pagination, o.operationId!);
    const pagination = declared === "none" ? undefined : (declared ?? inferPagination(doc, o.path, o.method));
    return {
      operationId: o.operationId!,
      method: o.method,
      path: o.path,
      tags: raw.tags as string[] | undefined,
      ...declaredName(raw),
      pagination,
      list: pagination !== undefined || answersArray(doc, raw),
    };
  });
  const names = nameMethods(ops, entry.methods);
  const constants = constantNames(ops.map((o) => o.operationId));
  return names.map((n, i) => {
    const op = ops[i]!;
    const o = doc.paths[op.path][op.method.toLowerCase()];
    const all = parametersOf(doc, op.path, op.method);
    const inQuery = all.filter((p) => p.in === "query");
    // A name the template uses twice (`/System.{location}/…/{location}`) is one parameter, one argument.
    const order = [...new Set([...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!))];
    const argsTaken = new Set<string>();
    const pathParams = order.map((name) => {
      let arg = camel(name) || "param";
      while (TAKEN_ARGS.has(arg) || RESERVED.has(arg) || argsTaken.has(arg)) arg += "_";
      argsTaken.add(arg);
      return { name, arg };
    });
    const plain = new Set(inQuery.map((p) => String(p.name)));
    const groups: Record<string, string[]> = {};
    for (const name of plain) {
      const m = /^([A-Za-z_][\w-]*)\[([\w-]+)\]$/.exec(name);
      if (m && !plain.has(m[1]!)) (groups[m[1]!] ??= []).push(m[2]!);
    }
    const dates = inQuery
      .filter((p) => {
        const s = resolveRef(doc, p.schema ?? {});
        return (s?.format === "date-time" || s?.format === "date") && !/\[/.test(p.name);
      })
      .map((p) => ({ name: String(p.name), required: p.required === true }));
    const body = o.requestBody ? resolveRef(doc, o.requestBody) : undefined;
    const { pagination } = op;
    const summary = String(o.summary ?? "").trim();
    const description = String(o.description ?? "").trim();
    const text = [summary, description !== summary ? description : ""].filter(Boolean).join("\n\n");
    return {
      ...n,
      method: op.method,
      path: op.path,
      doc: `${text ? `${text}\n\n` : ""}\`${op.method} ${op.path}\`${o.deprecated ? "\n\n@deprecated" : ""}`,
      constant: constants.get(op.operationId)!,
      pathParams,
      query: inQuery.map((p) => String(p.name)),
      ...paramKeys(all),
      dates,
      groups,
      ...(body ? { body: { required: body.required === true } } : {}),
      ...(pagination ? { pagination } : {}),
      ...(ownEntry(entry.unwrap, op.operationId) ? { unwrap: entry.unwrap![op.operationId]! } : {}),
      fn: camel(pascal([...n.resource, n.name])),
      paramsOptional: !all.some((p) => p.in !== "path" && p.required === true),
      types: namedTypes(doc, schemas, o, all, pagination, ownEntry(entry.unwrap, op.operationId)),
    };
  });
}

/**
 * The params-object keys of an operation's header and cookie parameters: their own names, except where a query
 * parameter (or, for a cookie, a header) already takes the name, which gets its location appended (`classHeader`).
 */
function paramKeys(all: readonly Json[]): {
  header: string[];
  cookie: string[];
  renamed: Record<string, string>;
} {
  const taken = new Set(all.filter((p) => p.in === "query").map((p) => String(p.name)));
  const renamed: Record<string, string> = {};
  const keys = (where: "header" | "cookie") =>
    all
      .filter((p) => p.in === where)
      .map((p) => {
        const name = String(p.name);
        let key = name;
        if (taken.has(key)) {
          key = camel(`${name}-${where}`);
          while (taken.has(key)) key += "_";
          renamed[key] = name;
        }
        taken.add(key);
        return key;
      });
  const header = keys("header");
  return { header, cookie: keys("cookie"), renamed };
}

/** `record[key]` when `record` has it as its own entry: an operationId such as `constructor` is not a lookup of Object's. */
export const ownEntry = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  record && Object.hasOwn(record, key) ? record[key] : undefined;

/** The spec's names of an operation's answer, body, page items and primitive path parameters (type-names.ts). */
function namedTypes(
  doc: Json,
  names: SchemaNames,
  o: Json,
  all: readonly Json[],
  pagination: Pagination | undefined,
  unwrap: string | undefined,
): Method["types"] {
  const result = resultName(doc, names, o);
  const field = unwrap ? fieldName(doc, names, o, unwrap) : undefined;
  const body = bodyName(doc, names, o);
  const item = pagination ? itemName(doc, names, o, itemsOf(pagination)) : undefined;
  const path: Record<string, string> = {};
  for (const p of all) {
    const type = p.in === "path" ? primitiveName(doc, p.schema) : undefined;
    if (type) path[String(p.name)] = type;
  }
  return {
    ...(result ? { result, ...(mayBeEmpty(o) ? { empty: true as const } : {}) } : {}),
    ...(body ? { body } : {}),
    ...(item ? { item } : {}),
    ...(field ? { field } : {}),
    path,
  };
}

/** The core's lookups a Params type (paramsType's) names, which its file imports from @agentruns/core. */
export const paramsLookups = (type: string): string[] =>
  ["QueryOf", "HeaderOf", "CookieOf"].filter((t) => type.includes(`${t}<`));

/** The Params type of a method: query (Dates allowed, bracketed groups as objects), header and cookie parameters. */
export function paramsType(
  m: Omit<Method, "params">,
  op = `operations[${q(m.operationId)}]`,
): string | undefined {
  if (!m.query.length && !m.header.length && !m.cookie.length) return undefined;
  const parts: string[] = [];
  if (m.query.length) {
    const grouped = Object.entries(m.groups).flatMap(([g, keys]) => keys.map((k) => `${g}[${k}]`));
    const omitted = [...m.dates.map((x) => x.name), ...grouped];
    const Q = `QueryOf<${op}>`;
    parts.push(omitted.length ? `Omit<${Q}, ${omitted.map((x) => q(x)).join(" | ")}>` : Q);
    for (const { name, required } of m.dates)
      parts.push(`{ ${q(name)}${required ? "" : "?"}: ${Q}[${q(name)}] | Date }`);
    for (const [g, keys] of Object.entries(m.groups)) {
      parts.push(`{ ${q(g)}?: { ${keys.map((k) => `${q(k)}?: ${Q}[${q(`${g}[${k}]`)}]`).join("; ")} } }`);
    }
  }
  for (const [keys, Of] of [
    [m.header, "HeaderOf"],
    [m.cookie, "CookieOf"],
  ] as const) {
    if (!keys.length) continue;
    const moved = keys.filter((k) => Object.hasOwn(m.renamed, k));
    const T = `${Of}<${op}>`;
    if (!moved.length) {
      parts.push(T);
      continue;
    }
    parts.push(`Omit<${T}, ${moved.map((k) => q(m.renamed[k]!)).join(" | ")}>`);
    // Optional stays optional and required stays required: a mapped type over the picked key keeps its modifier
    // under the new name (one over a literal key would make every renamed parameter required).
    for (const k of moved) parts.push(`{ [K in keyof Pick<${T}, ${q(m.renamed[k]!)}> as ${q(k)}]: ${T}[K] }`);
  }
  return parts.join(" & ");
}
