// Renders the ergonomic package `@agentruns/<id>`: a tree-shakeable function per operation, resource classes that
// group them (`client.runs.messages.list`), and the client classes, over the typed package and the shared core.
import { identifier } from "./identifier.js";
import { camel, clientName, pascal } from "./methods.js";
import type { ProviderDescriptor, ProviderEntry } from "./provider.js";
import { componentAliases, header, RESERVED } from "./render.js";
import { isEventStream, isJsonLines, operationTable, successTypes } from "./rules.js";
import { renderClientSmokeTest } from "./scaffold-client.js";
import { Imports } from "./imports.js";
import { renderTools } from "./render-tools.js";
import { methodsOf, paramsType, type Method } from "./client-methods.js";
import { smokeCall } from "./example-call.js";
import { signature } from "./method-signature.js";
import { renderApiReference } from "./render-api-reference.js";
import { schemaNames } from "./type-names.js";
import { coreExports, REEXPORTED_TYPES } from "./core-exports.js";

type Json = Record<string, any>;

const q = JSON.stringify;

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

function renderFunction(d: ProviderDescriptor, m: Method, core: string, imp: Imports): string {
  const { args, returns, call } = signature(d, m, imp);
  const list = [`client: ${core}`, ...args.map(([, a]) => a)].join(", ");
  return `${jsdoc(m.doc)}export function ${m.fn}(${list}): ${returns} {\n  return ${call};\n}\n`;
}

/** The package's generated files, keyed by path relative to `packages/<id>`. */
/** Generated files written as they are (the tools are data, megabytes for a large spec): not run through prettier. */
export const UNFORMATTED_CLIENT: ReadonlySet<string> = new Set(["src/generated/tools.ts"]);

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
  const own = new Set<string>([core, `${T}Client`, `${T}Options`, T, ...coreExports()]);
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
    `    super({ title: ${q(d.title)}${T === d.title ? "" : `, className: ${q(T)}`}, provider, idempotent: ${q(idempotent)}${streams ? ", stream: eventStream" : ""}${lines ? ", lines: jsonLinesStream" : ""}, ...full }, { ...options });\n  }\n}\n`;

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
  clientImports.use(d.packageName, "operationTable");
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
    `\n/** The ${d.title} API: every operation as a method of its resource (the typed openapi-fetch client: \`./raw\`). */\n` +
    `export class ${T}Client extends ${core} {\n` +
    tops.map((k) => `  readonly ${k}: ${classNames.get(k)} = new ${classNames.get(k)}(this);\n`).join("") +
    `\n  constructor(options: ${T}Options = {}) {\n    super(options, { operationTable });\n  }\n}\n`;

  // raw.ts: the typed openapi-fetch client beside a client, from its own subpath so that no client carries it.
  const raw =
    head +
    `// Why: \`raw(client)\`, the typed openapi-fetch client sending as \`client\` does, for what the methods do not\n` +
    `// cover; a subpath (\`@agentruns/${d.id}/raw\`), so only the code that uses it bundles openapi-fetch.\n` +
    `import { rawClient, type BaseClient } from "@agentruns/core";\n` +
    `import { createClient, type ApiClient, type operations } from "${d.packageName}";\n\n` +
    `const made = new WeakMap<BaseClient<operations>, ApiClient>();\n\n` +
    `/**\n * The typed openapi-fetch client of \`client\` (a ${T} or ${core}), sending as it does: its credentials, base URL,\n` +
    ` * headers, transport and redirect guard; one per client, made on first use.\n */\n` +
    `export function raw(client: BaseClient<operations>): ApiClient {\n` +
    `  let api = made.get(client);\n` +
    `  if (!api) made.set(client, (api = rawClient(client, createClient)));\n` +
    `  return api;\n}\n`;

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
    `export type { ${REEXPORTED_TYPES.join(", ")} } from "@agentruns/core";\n`;

  const table = operationTable(d, doc);
  const smoke = smokeCall(methods, table, doc);
  const files = new Map<string, string>([
    ["api.md", renderApiReference(d, methods, table, doc, `${T}Client`)],
    ["src/generated/functions.ts", functions],
    ["src/generated/core.ts", coreFile],
    ["src/generated/client.ts", clientFile],
    ["src/generated/index.ts", index],
    ["src/generated/raw.ts", raw],
  ]);
  files.set("src/generated/tools.ts", renderTools(d, methods, table, doc, idempotent, head, `${T}Client`));
  files.set("test/smoke.generated.test.ts", renderClientSmokeTest(d, smoke));
  return { files, methods };
}
