// The naming rule of the generated ergonomic clients: which resource each operation belongs to and what its method
// is called (`runs.messages.list`), derived from tags and the path, stable across regenerations, overridable.
import { camel } from "./identifier.js";

export interface NamedOperation {
  operationId: string;
  method: string;
  path: string;
  tags?: string[];
  /** Its answer is a list: it pages, or its JSON answer is an array. */
  list?: boolean;
}

export interface MethodName {
  operationId: string;
  /** Resource path from the client: `["runs", "messages"]`. */
  resource: string[];
  /** The method on that resource: `list`. */
  name: string;
}

/** Leading path segments that name an API version or prefix, not a resource. */
const PREFIX = /^(api|rest|v\d+[a-z0-9.]*|\d+(\.\d+)*)$/i;
/** Names a resource may not take on the full client (its members: BaseClient's). */
const CLIENT_MEMBERS = new Set(["request", "constructor"]);
/** Names a method may not take on a resource class. */
const RESOURCE_MEMBERS = new Set(["client", "constructor"]);

/**
 * The client class of a provider titled `title` (`Duvo`, `Agent Runs` → `AgentRuns`; `<name>Client`, `<name>Core`
 * beside it): its words with their first letters capitalized; `Api` before a leading digit, `Api` alone when the
 * title has no ASCII letter or digit.
 */
export const clientName = (title: string): string => {
  const name = title
    .split(/[^A-Za-z0-9]+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
  return !name ? "Api" : /^\d/.test(name) ? `Api${name}` : name;
};

/** `["runs", "humanRequests"]` → `RunsHumanRequests`. */
export const pascal = (parts: string[]): string =>
  parts.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join("");

const VERBS: Record<"collection" | "item", Record<string, string>> = {
  collection: { GET: "list", POST: "create", PUT: "update", PATCH: "update", DELETE: "delete" },
  item: { GET: "get", POST: "update", PUT: "update", PATCH: "update", DELETE: "delete" },
};

/** Leading words of an operationId that say what a call does, where the HTTP method alone would mislead. */
const READS_BY_POST = new Set(["list", "search", "query", "count"]);
const GETS_ONE = new Set(["get", "retrieve", "read", "fetch", "show", "describe"]);

/** Whether a name's last word is a plural noun (`edits`, `inputTokens`; not `status`, `access`, `analysis`). */
const plural = (name: string): boolean =>
  /[^su]s$/i.test(name.match(/[A-Za-z][a-z0-9]*$/)?.[0] ?? "") && !/(ss|us|is)$/i.test(name);

/**
 * The rule (README, "Generated clients"):
 * 1. The resource is the chain of the path's static segments after a version or `api` prefix
 *    (`/runs/{id}/messages` → `runs.messages`); when the operation's first tag names one of them, the chain starts at
 *    that segment. A tag that names no segment adds nothing (`Background Runs` over `/runs` is `runs`); it names the
 *    resource only of a path without static segments (else `general`).
 * 2. The method: on a collection (path ends in a static segment) `list` / `create` / `update` / `delete` by HTTP
 *    method; on an item (path ends in a parameter) `get` / `update` / `delete`. A last segment is a method of the
 *    resource before it, named after the segment, when it is:
 *    - an action on an item: after a parameter, no GET and nothing below it (`POST /runs/{id}/stop` → `runs.stop`);
 *    - an action on a collection: a POST with no GET and nothing below it, whose parent is a resource of the API
 *      (`POST /threads/search` → `threads.search`, `POST /runs/wait` → `runs.wait`);
 *    - a read of one item's part: the only operation, a GET, after a parameter, nothing below it and no list
 *      (`GET /threads/{id}/history` → `threads.history`, `GET /videos/{id}/content` → `videos.content`);
 *    - a custom method after a colon (`POST /v1/{parent}/printers:batchCreate` → `printers.batchCreate`).
 *    A plural last segment (`/videos/edits`, `/jobs/{id}/events`) is a collection, never one of the last three.
 * 3. Where the HTTP method misleads, the operationId's first word decides: a POST on a collection named
 *    `list…` / `search…` / `query…` / `count…` is that verb (`POST /store/namespaces`, `list_namespaces` →
 *    `store.namespaces.list`), and a GET on a collection named `get…` whose answer is not a list is `get`
 *    (`GET /store/items?key=…`, `get_item` → `store.items.get`).
 * 4. Two operations that would share a name both take their operationId instead (lower camel case); so does a
 *    method named like a sub-resource of its resource.
 * 5. `overrides` (`operationId` → `"runs.messages.list"`) win over all of the above.
 */
export function nameMethods(
  operations: readonly NamedOperation[],
  overrides: Readonly<Record<string, string>> = {},
): MethodName[] {
  const clean = (p: string) => p.replace(/[?#].*$/s, "");
  const paths = new Set(operations.map((o) => clean(o.path)));
  const gets = new Set(operations.filter((o) => o.method === "GET").map((o) => clean(o.path)));
  const methodsAt = new Map<string, number>();
  for (const o of operations) methodsAt.set(clean(o.path), (methodsAt.get(clean(o.path)) ?? 0) + 1);
  // Every proper prefix of a path (something lies below it), and every prefix followed by a parameter (it has items).
  const below = new Set<string>();
  const withItems = new Set<string>();
  for (const p of paths) {
    const parts = p.split("/");
    for (let i = 1; i < parts.length; i++) {
      const prefix = parts.slice(0, i).join("/");
      below.add(prefix);
      if (parts[i]!.startsWith("{")) withItems.add(prefix);
    }
  }
  const isResource = (p: string) => paths.has(p) || withItems.has(p);

  const named: MethodName[] = operations.map((op) => {
    // A query or fragment written into the path (`/uploads?convert={convert}`, `/#X-Amz-Target=…`) names nothing.
    const path = clean(op.path);
    const segments = path.split("/").filter(Boolean);
    while (segments.length && PREFIX.test(segments[0]!) && !segments[0]!.startsWith("{")) segments.shift();
    const isParam = (s: string | undefined) => !!s && s.startsWith("{");
    // A custom method (`/printers:batchCreate`, `/{name}:cancel`, as Google's APIs write them) is an action of the
    // resource before the colon.
    const custom = /^(.*?):([A-Za-z][\w-]*)$/.exec(segments.at(-1) ?? "");
    if (custom) segments.splice(-1, 1, ...(custom[1] ? [custom[1]] : []), `:${custom[2]}`);
    const last = segments.at(-1);
    const alone = !below.has(path);
    const lastIsStatic = last !== undefined && !isParam(last);
    const afterParam = isParam(segments.at(-2));
    const parent = path.slice(0, path.lastIndexOf("/"));
    // Of a collection's own segments, a plural one (`/videos/edits`, `/jobs/{id}/events`) is a sub-collection.
    const noun = lastIsStatic && plural(camel(last!));
    const action =
      !!custom ||
      (lastIsStatic &&
        alone &&
        !gets.has(path) &&
        (afterParam || (op.method === "POST" && segments.length >= 2 && !noun && isResource(parent))));
    const part =
      lastIsStatic &&
      alone &&
      !noun &&
      afterParam &&
      op.method === "GET" &&
      methodsAt.get(path) === 1 &&
      !op.list;
    const statics = (action || part ? segments.slice(0, -1) : segments).filter((s) => !isParam(s)).map(camel);
    const tag = op.tags?.[0] ? camel(op.tags[0]) : undefined;
    const at =
      tag === undefined ? -1 : statics.findIndex((s) => s === tag || `${s}s` === tag || s === `${tag}s`);
    const resource = at >= 0 ? statics.slice(at) : statics.length ? statics : [tag || "general"];
    const verb = camel(op.operationId).match(/^[a-z]+/)?.[0] ?? "";
    let name: string;
    if (custom) name = camel(custom[2]!);
    else if (action || part) {
      name = camel(last!);
      if (op.method !== "POST" && (methodsAt.get(path) ?? 0) > 1)
        name = camel(`${op.method.toLowerCase()}-${last}`);
    } else {
      const kind = isParam(last) ? "item" : "collection";
      name = VERBS[kind][op.method] ?? op.method.toLowerCase();
      if (kind === "collection" && op.method === "POST" && READS_BY_POST.has(verb)) name = verb;
      // Only a collection without items (`/store/items` with no `/store/items/{…}`) answering one thing.
      const one = !op.list && !withItems.has(path) && !plural(camel(op.operationId));
      if (kind === "collection" && op.method === "GET" && GETS_ONE.has(verb) && one) name = "get";
    }
    return { operationId: op.operationId, resource: resource.filter(Boolean), name };
  });

  // Rule 4: collisions, and methods named like a sub-resource of their own resource, take their operationId.
  const key = (m: MethodName) => [...m.resource, m.name].join(".");
  // Every sub-resource, ancestors included: `a.b.c.d` makes `a.b`, `a.b.c` and `a.b.c.d` members of their parents.
  const children = () =>
    new Set(named.flatMap((m) => m.resource.slice(1).map((_, i) => m.resource.slice(0, i + 2).join("."))));
  for (let round = 0; round < 3; round++) {
    const counts = new Map<string, number>();
    for (const m of named) counts.set(key(m), (counts.get(key(m)) ?? 0) + 1);
    const subs = children();
    for (const m of named) {
      if ((counts.get(key(m)) ?? 0) > 1 || subs.has(key(m)) || RESOURCE_MEMBERS.has(m.name)) {
        m.name = camel(m.operationId);
      }
    }
  }
  for (const m of named) {
    if (CLIENT_MEMBERS.has(m.resource[0]!)) m.resource[0] = `${m.resource[0]}Api`;
    const override = Object.hasOwn(overrides, m.operationId) ? overrides[m.operationId] : undefined;
    if (override) {
      // Checked against the spec with the rest of the entry (check-entry.ts).
      const parts = override.split(".");
      m.resource = parts.slice(0, -1);
      m.name = parts.at(-1)!;
    }
  }
  // A sub-resource may not take a name its parent class already has (`client`, `constructor`).
  for (const m of named)
    m.resource = m.resource.map((r, i) => (i > 0 && RESOURCE_MEMBERS.has(r) ? `${r}Api` : r));
  // Whatever still collides (an operationId equal to another's derived name, or to a sub-resource of its resource)
  // is numbered, deterministically.
  const subs = children();
  const seen = new Map<string, number>();
  for (const m of named) {
    let n = (seen.get(key(m)) ?? 0) + 1;
    seen.set(key(m), n);
    if (n === 1 && !subs.has(key(m)) && !RESOURCE_MEMBERS.has(m.name)) continue;
    const base = m.name;
    do m.name = `${base}${++n}`;
    while (seen.has(key(m)) || subs.has(key(m)));
    seen.set(key(m), 1);
  }
  return named;
}
