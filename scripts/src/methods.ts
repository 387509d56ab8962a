// The naming rule of the generated ergonomic clients: which resource each operation belongs to and what its method
// is called (`runs.messages.list`), derived from tags and the path, stable across regenerations, overridable.
import { camel } from "./identifier.js";

export interface NamedOperation {
  operationId: string;
  method: string;
  path: string;
  tags?: string[];
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

/**
 * The rule (README, "Generated clients"):
 * 1. The top resource is the operation's first tag; without tags, the path's first segment after a version or
 *    `api` prefix.
 * 2. Below it, each further static path segment is a sub-resource (`/runs/{id}/messages` → `runs.messages`); when
 *    the tag names one of the path's segments, the chain starts after that segment.
 * 3. The method: on a collection (path ends in a static segment) `list` / `create` / `update` / `delete` by HTTP
 *    method; on an item (path ends in a parameter) `get` / `update` / `delete`; a last segment after a parameter that
 *    has no GET and nothing below it is an action named after the segment (`/runs/{id}/stop` → `runs.stop`).
 * 4. Two operations that would share a name both take their operationId instead (lower camel case); so does a
 *    method named like a sub-resource of its resource.
 * 5. `overrides` (`operationId` → `"runs.messages.list"`) win over all of the above.
 */
export function nameMethods(
  operations: readonly NamedOperation[],
  overrides: Readonly<Record<string, string>> = {},
): MethodName[] {
  const paths = new Set(operations.map((o) => o.path));
  const gets = new Set(operations.filter((o) => o.method === "GET").map((o) => o.path));
  const methodsAt = new Map<string, number>();
  for (const o of operations) methodsAt.set(o.path, (methodsAt.get(o.path) ?? 0) + 1);
  const extended = (p: string) => [...paths].some((q) => q.startsWith(`${p}/`));

  const named: MethodName[] = operations.map((op) => {
    // A query or fragment written into the path (`/uploads?convert={convert}`, `/#X-Amz-Target=…`) names nothing.
    const segments = op.path
      .replace(/[?#].*$/s, "")
      .split("/")
      .filter(Boolean);
    while (segments.length && PREFIX.test(segments[0]!) && !segments[0]!.startsWith("{")) segments.shift();
    const isParam = (s: string | undefined) => !!s && s.startsWith("{");
    const last = segments.at(-1);
    const action =
      last !== undefined &&
      !isParam(last) &&
      isParam(segments.at(-2)) &&
      !gets.has(op.path) &&
      !extended(op.path);
    const statics = (action ? segments.slice(0, -1) : segments).filter((s) => !isParam(s)).map(camel);
    const tag = op.tags?.[0] ? camel(op.tags[0]) : undefined;
    let resource: string[];
    if (tag) {
      const at = statics.findIndex((s) => s === tag || `${s}s` === tag || s === `${tag}s`);
      resource = [tag, ...(at >= 0 ? statics.slice(at + 1) : statics)];
    } else resource = statics.length ? statics : ["general"];
    let name: string;
    if (action) {
      name = camel(last!);
      if (op.method !== "POST" && (methodsAt.get(op.path) ?? 0) > 1)
        name = camel(`${op.method.toLowerCase()}-${last}`);
    } else {
      const kind = isParam(last) ? "item" : "collection";
      name = VERBS[kind][op.method] ?? op.method.toLowerCase();
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
      const parts = override.split(".");
      if (parts.length < 2 || parts.some((p) => camel(p) !== p)) {
        throw new Error(
          `methods.${m.operationId}: "${override}" must be "resource.method" in lower camel case`,
        );
      }
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
  for (const id of Object.keys(overrides)) {
    if (!operations.some((o) => o.operationId === id)) throw new Error(`methods.${id}: no such operationId`);
  }
  return named;
}
