// Renders the ergonomic package `@agentruns/<id>`: a tree-shakeable function per operation, resource classes that
// group them (`client.runs.messages.list`), and the client classes, over the typed package and the shared core.
import { identifier } from "./identifier.js";
import { resolveRef } from "./json-ref.js";
import { parametersOf } from "./parameters.js";
import { camel, clientName, nameMethods, pascal, type MethodName } from "./methods.js";
import { inferPagination, itemsOf, paginatorCall, type Pagination } from "./paging.js";
import type { ProviderDescriptor, ProviderEntry } from "./provider.js";
import { componentAliases, header, RESERVED } from "./render.js";
import { hintsOf, sampleValue, valueFor } from "./example-value.js";
import { constantNames, isEventStream, isJsonLines, operationTable, successTypes } from "./rules.js";
import { renderClientSmokeTest } from "./scaffold-client.js";
import { Imports } from "./imports.js";
import {
  bodyName,
  fieldName,
  itemName,
  primitiveName,
  resultName,
  schemaNames,
  type SchemaNames,
} from "./type-names.js";

type Json = Record<string, any>;

/** What one generated method needs to know about its operation. */
interface Method extends MethodName {
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
  types: { result?: string; body?: string; item?: string; field?: string; path: Record<string, string> };
}

/** Names a client, its resources or a function's arguments must not take. */
const TAKEN_ARGS = new Set(["client", "params", "body", "options"]);
/** The core's errors, which the package exports beside the spec's types. */
const CORE_EXPORTS = [
  "AgentRunsError",
  "ApiAbortError",
  "ApiConnectionError",
  "ApiError",
  "ApiTimeoutError",
  "AuthenticationError",
  "BadRequestError",
  "ConflictError",
  "InternalServerError",
  "NotFoundError",
  "PaginationError",
  "PermissionDeniedError",
  "RateLimitError",
  "UnprocessableEntityError",
  "ValidationError",
  "APIPromise",
  "EventStream",
  "JsonLinesStream",
  "Page",
  "PagePromise",
  "RequestOptions",
  "WithResponse",
];

/** Names the generated files import from the core and the typed package, which a spec's type cannot take there. */
const IMPORTED = new Set([
  ...["APIPromise", "PagePromise", "RequestOptions", "ResultOf", "PathOf", "BodyOf", "QueryOf", "HeaderOf"],
  ...[
    "CookieOf",
    "ItemsAt",
    "paginate",
    "paramsInput",
    "offsetPagination",
    "skipPagination",
    "pagePagination",
  ],
  ...["cursorPagination", "linkPagination", "rawClient", "BaseClient", "eventStream", "jsonLinesStream"],
  ...["ClientOptions", "ProviderDefinition", "operations", "createClient", "operationTable", "ApiClient"],
  ...["provider", "Credentials"],
]);

const jsdoc = (text: string, indent = ""): string => {
  const lines = text.replace(/\*\//g, "*\\/").split("\n");
  return `${indent}/**\n${lines.map((l) => `${indent} *${l ? ` ${l}` : ""}`).join("\n")}\n${indent} */\n`;
};

function methodsOf(
  d: ProviderDescriptor,
  entry: ProviderEntry,
  doc: Json,
  schemas: SchemaNames = new Map(),
): Method[] {
  const ops = d.operations.map((o) => ({
    operationId: o.operationId!,
    method: o.method,
    path: o.path,
    tags: doc.paths[o.path][o.method.toLowerCase()].tags as string[] | undefined,
  }));
  const names = nameMethods(ops, entry.methods);
  const constants = constantNames(ops.map((o) => o.operationId));
  const unknownIds = [...Object.keys(entry.pagination ?? {}), ...Object.keys(entry.unwrap ?? {})].filter(
    (id) => !ops.some((o) => o.operationId === id),
  );
  if (unknownIds.length)
    throw new Error(`${entry.id}: no operation ${unknownIds.join(", ")} (pagination/unwrap)`);
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
    const declared = ownEntry(entry.pagination, op.operationId);
    const pagination =
      declared === "none" ? undefined : (declared ?? inferPagination(doc, op.path, op.method));
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

const q = JSON.stringify;

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
const ownEntry = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
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
    ...(result ? { result } : {}),
    ...(body ? { body } : {}),
    ...(item ? { item } : {}),
    ...(field ? { field } : {}),
    path,
  };
}

/** How many inputs a call must be given: path parameters, a required body, required parameters. */
const requiredInputs = (m: Method, spec: Json): number =>
  m.pathParams.length +
  (m.body?.required ? 1 : 0) +
  (["query", "header", "cookie"] as const).reduce(
    (n, part) => n + Object.values<Json>(spec[part] ?? {}).filter((p) => p.required).length,
    0,
  );

/**
 * The smoke test's call: the operation with the fewest required inputs (a GET first), called with values the core's
 * input check accepts (the spec's examples where they pass, else values built from each rule), so the test compiles
 * and its request reaches the wire for any spec. Undefined when no operation can be called that way.
 */
function smokeCall(
  methods: readonly Method[],
  table: Json,
  doc: Json,
): { expr: string; method: string; pathname: string } | undefined {
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

/** One call of `m` with every required input filled, or undefined when some input has no value that passes. */
function callOf(
  m: Method,
  spec: Json,
  doc: Json,
): { expr: string; method: string; pathname: string } | undefined {
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
  const args: string[] = [];
  let pathname = m.path;
  for (const p of m.pathParams) {
    const v = valueFor(spec.pathParams[p.name]?.schema ?? {}, hints("path", p.name));
    if (!v || (typeof v.value !== "string" && typeof v.value !== "number")) return undefined;
    args.push(q(v.value));
    pathname = pathname.replaceAll(`{${p.name}}`, encodeURIComponent(String(v.value)));
  }
  const params: Json = {};
  for (const part of ["query", "header", "cookie"] as const) {
    for (const [name, p] of Object.entries<Json>(spec[part] ?? {})) {
      // Parameters named like Object's members are given too (see sampleValue: TypeScript checks the inherited one).
      if (!p.required && !(name in Object.prototype)) continue;
      const v = valueFor(p.schema ?? {}, hints(part, name));
      if (!v) return undefined;
      const group = Object.entries(m.groups).find(([g, keys]) => keys.some((k) => `${g}[${k}]` === name));
      const key =
        part === "query"
          ? name
          : (Object.keys(m.renamed).find((k) => m.renamed[k] === name && m[part].includes(k)) ?? name);
      if (group && part === "query") (params[group[0]] ??= {})[name.slice(group[0].length + 1, -1)] = v.value;
      else params[key] = v.value;
    }
  }
  const needParams = Object.keys(params).length > 0;
  if (m.body && (m.body.required || needParams)) {
    if (!m.body.required) args.push("undefined");
    else {
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
      args.push(q(v.value));
    }
  }
  if (needParams) args.push(q(params));
  // What reaches the server: a path written with a fragment or a query (`/#X-Amz-Target=…`) is cut where URLs cut it.
  pathname = new URL(pathname, "http://127.0.0.1").pathname;
  return {
    expr: `client.${[...m.resource, m.name].join(".")}(${args.join(", ")})`,
    method: m.method,
    pathname,
  };
}

/** The Params type of a method: query (Dates allowed, bracketed groups as objects), header and cookie parameters. */
function paramsType(m: Omit<Method, "params">): string | undefined {
  if (!m.query.length && !m.header.length && !m.cookie.length) return undefined;
  const op = `operations[${q(m.operationId)}]`;
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
    // Required stays required: `Pick` keeps the modifier, under the new key.
    for (const k of moved)
      parts.push(`{ [K in ${q(k)}]: Pick<${T}, ${q(m.renamed[k]!)}>[${q(m.renamed[k]!)}] }`);
  }
  return parts.join(" & ");
}

/** A method's arguments after the client (`name: type`), their names, its return type and its body. */
function signature(d: ProviderDescriptor, m: Method, imp: Imports) {
  const core = (name: string) => imp.type("@agentruns/core", name);
  const op = `${imp.type(d.packageName, "operations")}[${q(m.operationId)}]`;
  const named = (name: string | undefined) => name && imp.type(d.packageName, name);
  const args: [string, string][] = [];
  for (const p of m.pathParams)
    args.push([p.arg, `${p.arg}: ${m.types.path[p.name] ?? `${core("PathOf")}<${op}>[${q(p.name)}]`}`]);
  // An optional body before required parameters cannot be `body?` (TS1016): it takes `undefined` explicitly.
  const requiredAfter = !!m.params && !m.paramsOptional;
  if (m.body) {
    const type = named(m.types.body) || `${core("BodyOf")}<${op}>`;
    args.push([
      "body",
      m.body.required ? `body: ${type}` : requiredAfter ? `body: ${type} | undefined` : `body?: ${type}`,
    ]);
  }
  // Optional, not `= {}`: `{}` is not assignable to params named like Object members (`constructor`).
  if (m.params) args.push(["params", `params${m.paramsOptional ? "?" : ""}: ${m.params.name}`]);
  args.push(["options", `options?: ${core("RequestOptions")}`]);
  const path = m.pathParams.length
    ? `path: { ${m.pathParams.map((p) => `${q(p.name)}: ${p.arg}`).join(", ")} }`
    : "";
  const layout: Record<string, unknown> = {};
  if (m.header.length) layout.header = m.header;
  if (m.cookie.length) layout.cookie = m.cookie;
  if (m.dates.length) layout.dates = m.dates.map((x) => x.name);
  if (Object.keys(m.groups).length) layout.groups = m.groups;
  if (Object.keys(m.renamed).length) layout.names = m.renamed;
  const where = q(`${d.title} ${m.operationId}`);
  const fields = [path, m.body ? "body" : ""].filter(Boolean);
  let input: string;
  if (m.params) {
    // The signature types the params; paramsInput splits them into query, header and cookie for this operation.
    const spread = `...${imp.use("@agentruns/core", "paramsInput")}<${op}>(params, ${q(layout)}, ${where})`;
    input = `() => ({ ${[...fields, spread].join(", ")} })`;
  } else input = `{ ${fields.join(", ")} }`;
  const result = named(m.types.result) || `${core("ResultOf")}<${op}>`;
  let call: string;
  let returns: string;
  if (m.pagination) {
    const item = named(m.types.item) || `${core("ItemsAt")}<${result}, ${q(itemsOf(m.pagination))}>`;
    returns = `${core("PagePromise")}<${item}, ${result}>`;
    const paginator = paginatorCall(m.pagination, item);
    imp.use("@agentruns/core", paginator.slice(0, paginator.indexOf("<")));
    call = `${imp.use("@agentruns/core", "paginate")}(client, ${m.constant}, ${input}, ${paginator}, options)`;
  } else if (m.unwrap) {
    returns = `${core("APIPromise")}<${named(m.types.field) || `${result}[${q(m.unwrap)}]`}>`;
    call = `client.request(${m.constant}, ${input}, options, (data) => data[${q(m.unwrap)}])`;
  } else {
    returns = `${core("APIPromise")}<${result}>`;
    call = `client.request(${m.constant}, ${input}, options)`;
  }
  return { args, returns, call };
}

function renderFunction(d: ProviderDescriptor, m: Method, core: string, imp: Imports): string {
  const { args, returns, call } = signature(d, m, imp);
  const list = [`client: ${core}`, ...args.map(([, a]) => a)].join(", ");
  return `${jsdoc(m.doc)}export function ${m.fn}(${list}): ${returns} {\n  return ${call};\n}\n`;
}

/** The package's generated files, keyed by path relative to `packages/<id>`. */
export function renderClient(
  d: ProviderDescriptor,
  entry: ProviderEntry,
  doc: Json,
): { files: Map<string, string>; methods: Method[] } {
  const T = clientName(d.title);
  const core = `${T}Core`;
  const head = header(d);
  const componentList = componentAliases(d, doc);
  const aliases = componentList.map((a) => a.alias);
  const aliasSet = new Set(aliases);
  // Names this package defines; the spec's types are exported beside them unless they clash.
  const own = new Set<string>([core, `${T}Client`, `${T}Options`, T, ...CORE_EXPORTS]);
  // The spec's names a signature may use: those no generated file defines or imports from elsewhere.
  const usable = componentList.filter((a) => !own.has(a.alias) && !IMPORTED.has(a.alias));
  const methods = methodsOf(d, entry, doc, schemaNames(usable));
  for (const m of methods) {
    const type = paramsType(m);
    if (!type) continue;
    let name = `${identifier(m.operationId).replace(/^./, (c) => c.toUpperCase())}Params`;
    while (own.has(name) || aliasSet.has(name)) name += "_";
    own.add(name);
    m.params = { name, type };
  }
  // Function names are unique in the package: `teams.teamsList` and `teams.teams.list` would both be `teamsTeamsList`.
  for (const m of methods) {
    if (own.has(m.fn) || aliasSet.has(m.fn) || RESERVED.has(m.fn)) {
      const base = camel(m.operationId) || m.fn;
      let name = base;
      for (let i = 2; own.has(name) || aliasSet.has(name) || RESERVED.has(name); i++) name = `${base}${i}`;
      m.fn = name;
    }
    own.add(m.fn);
  }

  // functions.ts: one function per operation, each importing only its own constant.
  const fnImports = new Imports();
  const bodies = methods.map((m) => {
    const typeDecl = m.params
      ? `/** Parameters of {@link ${m.fn}} (\`${m.method} ${m.path}\`). */\nexport type ${m.params.name} = ${m.params.type};\n\n`
      : "";
    fnImports.use(d.packageName, m.constant);
    return typeDecl + renderFunction(d, m, core, fnImports);
  });
  // The Params types' lookups.
  for (const m of methods) {
    for (const t of ["QueryOf", "HeaderOf", "CookieOf"])
      if (m.params?.type.includes(`${t}<`)) fnImports.type("@agentruns/core", t);
    if (m.params) fnImports.type(d.packageName, "operations");
  }
  fnImports.type("./core.js", core);
  const functions =
    head +
    `// Why: one function per operation, so a bundle holds only the operations it calls (\`${methods[0]?.fn ?? "fn"}(client, …)\`).\n` +
    fnImports.render() +
    "\n" +
    bodies.join("\n");

  // core.ts: the client without the operation table (what the functions take).
  const idempotent = [
    ...new Set([
      ...(entry.idempotent ?? []),
      ...d.operations
        .filter((o) => ["PUT", "DELETE", "HEAD", "OPTIONS"].includes(o.method))
        .map((o) => o.operationId!),
    ]),
  ];
  // Only a spec with streaming answers gets the SSE parser (the core's eventStream) in its client; an answer that may
  // be JSON or a stream (OpenAI's chat completions) counts.
  const answers = d.operations.map((o) =>
    successTypes(doc, doc.paths[o.path][o.method.toLowerCase()].responses),
  );
  const streams = answers.some((types) => types.some(isEventStream));
  // Likewise the JSON-lines reader, for specs that stream application/x-ndjson or application/jsonl.
  const lines = answers.some((types) => types.some(isJsonLines));
  const coreFile =
    head +
    `// Why: the ${d.title} client the functions take; it holds no operation table and no openapi-fetch client, so it\n` +
    `// costs nothing per operation.\n` +
    `import { BaseClient${streams ? ", eventStream" : ""}${lines ? ", jsonLinesStream" : ""}, type ClientOptions, type ProviderDefinition } from "@agentruns/core";\n` +
    `import { provider, type Credentials, type operations } from "${d.packageName}";\n\n` +
    `/** Options of the ${d.title} clients: the shared ones and the credentials the spec defines. */\n` +
    `export interface ${T}Options extends ClientOptions, Credentials {}\n\n` +
    `/** Calls by the tree-shakeable functions (\`${methods[0]?.fn ?? "fn"}(client, …)\`); the full client is {@link ${T}Client}. */\n` +
    `export class ${core} extends BaseClient<operations> {\n` +
    `  /** @param full every operation by id, for calls by name: the full client passes it. */\n` +
    `  constructor(options: ${T}Options = {}, full?: Pick<ProviderDefinition<operations>, "operationTable">) {\n` +
    `    super({ title: ${q(d.title)}, provider, idempotent: ${q(idempotent)}${streams ? ", stream: eventStream" : ""}${lines ? ", lines: jsonLinesStream" : ""}, ...full }, { ...options });\n  }\n}\n`;

  // client.ts: resource classes and the full client.
  const tree = new Map<string, { methods: Method[]; children: Set<string> }>();
  const node = (key: string) => {
    let n = tree.get(key);
    if (!n) tree.set(key, (n = { methods: [], children: new Set() }));
    return n;
  };
  for (const m of methods) {
    for (let i = 1; i <= m.resource.length; i++) {
      node(m.resource.slice(0, i).join("."));
      if (i > 1) node(m.resource.slice(0, i - 1).join(".")).children.add(m.resource.slice(0, i).join("."));
    }
    node(m.resource.join(".")).methods.push(m);
  }
  // Unique among themselves too: `campaigns.state` and `campaignsState` would both be `CampaignsStateResource`.
  const className = (key: string) => {
    let name = `${pascal(key.split("."))}Resource`;
    while (own.has(name) || aliasSet.has(name)) name += "_";
    own.add(name);
    return name;
  };
  const classNames = new Map([...tree.keys()].map((k) => [k, className(k)]));
  const clientImports = new Imports();
  clientImports.use(d.packageName, "createClient");
  clientImports.use(d.packageName, "operationTable");
  clientImports.type(d.packageName, "ApiClient");
  clientImports.use("@agentruns/core", "rawClient");
  clientImports.use("./core.js", core);
  clientImports.type("./core.js", `${T}Options`);
  const classes = [...tree.entries()].map(([key, n]) => {
    const cls = classNames.get(key)!;
    const children = [...n.children].map((c) => ({ prop: c.split(".").at(-1)!, cls: classNames.get(c)! }));
    const members = n.methods.map((m) => {
      const { args, returns } = signature(d, m, clientImports);
      clientImports.use("./functions.js", m.fn);
      if (m.params) clientImports.type("./functions.js", m.params.name);
      const list = args.map(([, a]) => a).join(", ");
      const names = ["this.client", ...args.map(([name]) => name)].join(", ");
      return `${jsdoc(m.doc, "  ")}  ${m.name}(${list}): ${returns} {\n    return ${m.fn}(${names});\n  }\n`;
    });
    return (
      `/** \`${key}\`: ${[...n.methods.map((m) => m.name), ...children.map((c) => c.prop)].join(", ")}. */\n` +
      `export class ${cls} {\n` +
      children.map((c) => `  readonly ${c.prop}: ${c.cls};\n`).join("") +
      `\n  constructor(protected readonly client: ${core}) {\n` +
      children.map((c) => `    this.${c.prop} = new ${c.cls}(client);\n`).join("") +
      `  }\n\n` +
      members.join("\n") +
      `}\n`
    );
  });
  const tops = [...tree.keys()].filter((k) => !k.includes("."));
  const clientFile =
    head +
    `// Why: the methods grouped into resources (\`client.${methods[0] ? [...methods[0].resource, methods[0].name].join(".") : "resource.method"}\`); each calls its function.\n` +
    clientImports.render() +
    "\n" +
    classes.join("\n") +
    `\n/** The ${d.title} API: every operation as a method of its resource, plus \`raw\` (the typed openapi-fetch client). */\n` +
    `export class ${T}Client extends ${core} {\n` +
    tops.map((k) => `  readonly ${k}: ${classNames.get(k)} = new ${classNames.get(k)}(this);\n`).join("") +
    `  #raw: ApiClient | undefined;\n` +
    `\n  constructor(options: ${T}Options = {}) {\n    super(options, { operationTable });\n  }\n\n` +
    `  /**\n   * The typed openapi-fetch client, sending as this client does (credentials, base URL, headers, redirect guard),\n` +
    `   * for anything the methods do not cover; built on first use.\n   */\n` +
    `  get raw(): ApiClient {\n    return (this.#raw ??= rawClient(this, createClient));\n  }\n}\n`;

  // index.ts: everything generated, and the spec's types that do not clash with it.
  const exported = aliases.filter((a) => !own.has(a));
  const index =
    head +
    `// Why: the generated surface in one module; the package entry (../index.ts, yours) re-exports it.\n` +
    `export { ${core}, type ${T}Options } from "./core.js";\n` +
    `export * from "./functions.js";\n` +
    `export * from "./client.js";\n` +
    `export type {\n  paths,\n  components,\n  operations,\n  Credentials,\n  ServerVariables,\n  ApiClient,\n  TokenProvider,\n` +
    exported.map((a) => `  ${a},\n`).join("") +
    `} from "${d.packageName}";\n` +
    `export * from "@agentruns/core/errors";\n` +
    `export type { APIPromise, EventStream, JsonLinesStream, Page, PagePromise, RequestOptions, WithResponse } from "@agentruns/core";\n`;

  const smoke = smokeCall(methods, operationTable(d, doc), doc);
  const files = new Map<string, string>([
    ["src/generated/functions.ts", functions],
    ["src/generated/core.ts", coreFile],
    ["src/generated/client.ts", clientFile],
    ["src/generated/index.ts", index],
  ]);
  files.set("test/smoke.generated.test.ts", renderClientSmokeTest(d, smoke));
  return { files, methods };
}
