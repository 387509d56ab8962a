// The ergonomic package's part of the model: its class names, every operation as a Method with a unique function
// name and Params type, the resource tree with unique class names, which operations are retried like GETs, and
// which stream readers the client bundles.
import { methodsOf, paramsType, type Method } from "./client-methods.js";
import { RESERVED, type ComponentAlias } from "./component-names.js";
import { coreExports } from "./core-exports.js";
import { camel, identifier } from "./identifier.js";
import { clientName, pascal } from "./methods.js";
import type { ProviderDescriptor, ProviderEntry } from "./provider.js";
import { isEventStream, isJsonLines, successTypes } from "./rules.js";
import { schemaNames } from "./type-names.js";

type Json = Record<string, any>;

/** One resource class: `runs.messages` → `RunsMessagesResource`, its methods and its sub-resources. */
export interface Resource {
  /** Its path from the client, dotted (`runs.messages`). */
  key: string;
  className: string;
  methods: Method[];
  /** Sub-resources, as the property that holds each and its class. */
  children: { prop: string; className: string }[];
}

export interface ClientModel {
  /** The package entry's class (`Duvo`), also the prefix of the generated ones. */
  name: string;
  /** The full generated client (`DuvoClient`): every resource. */
  clientClass: string;
  /** The client the functions take (`DuvoCore`): no operation table. */
  coreClass: string;
  /** The options interface (`DuvoOptions`). */
  optionsType: string;
  methods: Method[];
  /** Every resource, parents before their children, in the order the methods first name them. */
  resources: Resource[];
  /** The client's own properties: the top-level resources. */
  topResources: Resource[];
  /** Component aliases the package re-exports (those no generated name or core export takes). */
  exported: string[];
  /** Operations retried like GETs: PUT, DELETE, HEAD and OPTIONS, and the entry's `idempotent` list. */
  idempotent: string[];
  /** Whether the spec has answers streamed as server-sent events, or as JSON lines (the client bundles each reader). */
  streams: { sse: boolean; lines: boolean };
}

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

export function buildClientModel(
  d: ProviderDescriptor,
  entry: ProviderEntry,
  doc: Json,
  components: readonly ComponentAlias[],
): ClientModel {
  const T = clientName(d.title);
  const coreClass = `${T}Core`;
  const aliases = components.map((a) => a.alias);
  const aliasSet = new Set(aliases);
  // Names this package defines; the spec's types are exported beside them unless they clash.
  const own = new Set<string>([coreClass, `${T}Client`, `${T}Options`, T, ...coreExports()]);
  // The spec's names a signature may use: those no generated file defines or imports from elsewhere.
  const usable = components.filter((a) => !own.has(a.alias) && !IMPORTED.has(a.alias));
  const methods = methodsOf(d, entry, doc, schemaNames(usable));
  const free = (name: string) => !own.has(name) && !aliasSet.has(name);
  for (const m of methods) {
    const type = paramsType(m);
    if (!type) continue;
    // PascalCase from the operationId (`get_thread_history` → `GetThreadHistoryParams`), like the spec's own types.
    let name = `${pascal([camel(m.operationId) || identifier(m.operationId)])}Params`;
    while (!free(name)) name += "_";
    own.add(name);
    m.params = { name, type };
  }
  // Function names are unique in the package: `teams.teamsList` and `teams.teams.list` would both be `teamsTeamsList`.
  for (const m of methods) {
    if (!free(m.fn) || RESERVED.has(m.fn)) {
      const base = camel(m.operationId) || m.fn;
      let name = base;
      for (let i = 2; !free(name) || RESERVED.has(name); i++) name = `${base}${i}`;
      m.fn = name;
    }
    own.add(m.fn);
  }
  const resources = resourceTree(methods, (key) => {
    // Unique among themselves too: `campaigns.state` and `campaignsState` would both be `CampaignsStateResource`.
    let name = `${pascal(key.split("."))}Resource`;
    while (!free(name)) name += "_";
    own.add(name);
    return name;
  });
  const idempotent = [
    ...new Set([
      ...(entry.idempotent ?? []),
      ...d.operations
        .filter((o) => ["PUT", "DELETE", "HEAD", "OPTIONS"].includes(o.method))
        .map((o) => o.operationId!),
    ]),
  ];
  // Only a spec with streaming answers gets the SSE parser (the core's eventStream) in its client; an answer that may
  // be JSON or a stream (OpenAI's chat completions) counts. Likewise the JSON-lines reader.
  const answers = d.operations.map((o) =>
    successTypes(doc, doc.paths[o.path][o.method.toLowerCase()].responses),
  );
  return {
    name: T,
    clientClass: `${T}Client`,
    coreClass,
    optionsType: `${T}Options`,
    methods,
    resources,
    topResources: resources.filter((r) => !r.key.includes(".")),
    exported: aliases.filter((a) => !own.has(a)),
    idempotent,
    streams: {
      sse: answers.some((types) => types.some(isEventStream)),
      lines: answers.some((types) => types.some(isJsonLines)),
    },
  };
}

/** The resources the methods name, ancestors included, each with its methods and sub-resources. */
function resourceTree(methods: readonly Method[], classNameOf: (key: string) => string): Resource[] {
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
  const classNames = new Map([...tree.keys()].map((k) => [k, classNameOf(k)]));
  return [...tree.entries()].map(([key, n]) => ({
    key,
    className: classNames.get(key)!,
    methods: n.methods,
    children: [...n.children].map((c) => ({ prop: c.split(".").at(-1)!, className: classNames.get(c)! })),
  }));
}
